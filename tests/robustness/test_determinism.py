"""The same report from run to run: in other processes, with other hash seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import nlp_report
from tests.conftest import ROOT

SCRIPT = """
import json, sys
import nlp_report
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
analyzer = nlp_report.load("blank")
print(json.dumps([analyzer.analyze(text).to_dict() for text in texts]))
"""


@pytest.mark.slow
def test_reports_do_not_depend_on_the_process_or_its_hash_seed(
    analyzer: nlp_report.Analyzer, corpus_texts: list[str], tmp_path: Path
) -> None:
    texts = corpus_texts[::2]
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    expected = [analyzer.analyze(text).to_dict() for text in texts]
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        out = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(tmp_path / "texts.json")],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            check=True,
            cwd=tmp_path,
        ).stdout
        assert json.loads(out) == expected, f"PYTHONHASHSEED={seed}"
