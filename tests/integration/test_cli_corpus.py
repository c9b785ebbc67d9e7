"""``nlp-report corpus build / query / info`` on the project's letters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp_report.cli import main

from ..conftest import CORPORA


def test_build_query_and_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "letters.store"
    assert main(["corpus", "build", str(CORPORA / "raw"), "-o", str(store), "--model", "blank"]) == 0
    assert "13 files: 13 analysed, 0 unchanged, 0 removed, 0 failed" in capsys.readouterr().err
    assert main(["corpus", "build", str(CORPORA / "raw"), "-o", str(store), "--model", "blank"]) == 0
    assert "0 analysed, 13 unchanged" in capsys.readouterr().err

    sql = "SELECT kind, count(*) AS n FROM documents GROUP BY kind ORDER BY kind"
    assert main(["corpus", "query", str(store), sql, "--format", "json"]) == 0
    kinds = {row["kind"]: row["n"] for row in json.loads(capsys.readouterr().out)}
    assert sum(kinds.values()) == 13 and kinds["meeting_report"] >= 5

    assert main(["corpus", "query", str(store), "--motions"]) == 0
    assert "kamerstuk" in capsys.readouterr().out
    assert main(["corpus", "info", str(store)]) == 0
    assert "13 documents" in capsys.readouterr().out


def test_a_bad_query_and_a_missing_store_are_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "info", str(tmp_path / "none")]) == 1
    assert "[E221]" in capsys.readouterr().err
    store = tmp_path / "s"
    main(["corpus", "build", str(CORPORA / "raw" / "navo-fmm-2022-04.txt"), "-o", str(store), "--model", "blank"])
    capsys.readouterr()
    assert main(["corpus", "query", str(store), "SELECT * FROM nowhere"]) == 1
    assert "[E223]" in capsys.readouterr().err
