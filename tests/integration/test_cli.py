"""The nlp-report command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nlp_report.cli import main
from tests.conftest import CORPORA

SEED = CORPORA / "raw" / "navo-fmm-2022-04.txt"


def test_analyze_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SEED), "--model", "blank"]) == 0
    out = capsys.readouterr().out
    assert "47 sentences" in out
    assert "== Avondsessie 6 april: NAVO 2030 / Strategisch Concept" in out
    assert "Nieuw-Zeeland" in out  # wraps joined for reading


def test_analyze_json_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    assert main(["analyze", str(SEED), "--model", "blank", "--format", "json", "-o", str(out)]) == 0
    (data,) = json.loads(out.read_text(encoding="utf-8"))  # a list, as for a folder
    assert len(data["sentences"]) == 47 and data["source"] == str(SEED)


def test_missing_file_is_reported_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "no/such/file.txt", "--model", "blank"]) == 1
    assert "no/such/file.txt: no such file" in capsys.readouterr().err


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze"])
    assert exit_info.value.code == 2


@pytest.mark.slow
def test_console_script_is_installed() -> None:
    result = subprocess.run([sys.executable, "-m", "nlp_report", "--help"], capture_output=True, text=True, check=True)
    assert "analyze" in result.stdout
