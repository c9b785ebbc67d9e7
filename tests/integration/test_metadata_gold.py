"""Document metadata against the stand-off gold of corpora/metadata (and the real letters it points to)."""

from __future__ import annotations

import pytest

import nlp_report
from nlp_report.cli import main
from nlp_report.evaluation.metadata import evaluate_metadata, read_metadata_gold

from ..conftest import CORPORA

GOLD = CORPORA / "metadata" / "gold.jsonl"


def test_the_projects_letters(analyzer: nlp_report.Analyzer) -> None:
    docs, _ = read_metadata_gold(GOLD)
    own = [d for d in docs if d.values["source"].startswith("../raw/")]
    assert len(own) == 13
    result = evaluate_metadata(own, analyzer)
    for name in ("kind", "date", "identity", "reference", "meeting_dates"):
        assert result.fields[name].accuracy == 1.0, (name, result.fields[name].errors)
    assert result.signatories_precision == 1.0 and result.signatories_recall == 1.0


def test_the_real_letters(analyzer: nlp_report.Analyzer) -> None:
    """23 real letters of ../shared/corpus/dev, not looked at while the rules were first written."""
    docs, skipped = read_metadata_gold(GOLD)
    real = [d for d in docs if "shared/corpus" in d.values["source"]]
    if not real:
        pytest.skip(f"../shared/corpus is not here: {len(skipped)} real letters of the metadata gold skipped")
    result = evaluate_metadata(real, analyzer)
    assert result.documents == 23
    for name in ("kind", "date", "identity", "meeting_dates"):
        assert result.fields[name].accuracy >= 0.9, (name, result.fields[name].errors)
    assert result.fields["meeting_body"].accuracy >= 0.8
    assert result.signatories_recall >= 0.9 and result.signatories_precision >= 0.9


def test_the_evaluate_command_prints_the_metadata_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--metadata", str(GOLD), "--model", "blank"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("DOCUMENT METADATA")
    assert "meeting_body" in out and "signatories" in out
