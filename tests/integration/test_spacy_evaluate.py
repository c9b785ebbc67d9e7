"""spaCy's evaluation (``nlp.evaluate``, ``spacy evaluate``) gives the figures of ``nlp-report evaluate``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.training import Example

import nlp_report
from nlp_report.evaluation import GoldDocument, gold_to_docbin, read_gold, write_docbin
from tests.conftest import CORPORA, SHARED_DEV


def _expected(evaluation: nlp_report.Evaluation) -> dict[str, Any]:
    scores = evaluation.scores
    assert scores.entities is not None and scores.boundaries is not None
    micro = scores.entities.micro
    return {
        "ents_p": micro.precision,
        "ents_r": micro.recall,
        "ents_f": micro.f1,
        "sents_f": scores.boundaries.f1,
        "cats_score": scores.labels.macro_f1,
        "nlp_report_label_acc": scores.labels.accuracy.value,
        "nlp_report_actor_acc": scores.actors.value,
    }


def _examples(analyzer: nlp_report.Analyzer, docs: list[GoldDocument]) -> list[Example]:
    nlp = analyzer.nlp
    return [Example(nlp.make_doc(ref.text), ref) for ref in gold_to_docbin(docs).get_docs(nlp.vocab)]


@pytest.mark.slow
def test_spacy_evaluate_on_a_saved_pipeline_agrees_with_nlp_report_evaluate(
    analyzer: nlp_report.Analyzer, tmp_path: Path
) -> None:
    docs = [doc for path in sorted((CORPORA / "gold").glob("*.jsonl")) for doc in read_gold(path)]
    analyzer.nlp.to_disk(tmp_path / "pipeline")
    write_docbin(docs, tmp_path / "gold.spacy")
    run = subprocess.run(
        [sys.executable, "-m", "spacy", "evaluate", "pipeline", "gold.spacy", "-o", "scores.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    for shown in ("NER P", "NER F", "TEXTCAT (macro F)", "SENT F", "NER (per type)", "Textcat F (per label)"):
        assert shown in run.stdout
    printed = json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))
    expected = _expected(nlp_report.evaluate(docs, analyzer=analyzer))
    for key in ("ents_p", "ents_r", "ents_f", "sents_f", "cats_score"):
        assert printed[key] == pytest.approx(expected[key]), key
    evaluation = nlp_report.evaluate(docs, analyzer=analyzer)
    for label, prf in evaluation.scores.labels.per_label.items():
        assert printed["cats_f_per_type"][label]["f"] == pytest.approx(prf.f1 or 0.0), label


def test_nlp_evaluate_agrees_on_real_letters(analyzer: nlp_report.Analyzer) -> None:
    """On real letters, where the figures are not all 1.0, every key agrees (three documents of the dev corpus)."""
    if not SHARED_DEV.is_dir():
        pytest.skip(f"the shared corpus is not here ({SHARED_DEV}); CI has it")
    docs = read_gold(sorted(SHARED_DEV.glob("*.jsonl"))[0])[:3]
    scores = analyzer.nlp.evaluate(_examples(analyzer, docs))
    expected = _expected(nlp_report.evaluate(docs, analyzer=analyzer))
    assert expected["ents_f"] < 1.0 or expected["cats_score"] < 1.0  # a comparison that can show a difference
    for key, value in expected.items():
        assert scores[key] == pytest.approx(value), key
    assert set(scores["ents_per_type"]) <= {"COUNTRY", "ORG", "MOTION", "KAMERSTUK"}
    assert 0.0 <= scores["nlp_report_kb_acc"] <= 1.0


def test_report_from_doc_is_the_report_of_analyze(analyzer: nlp_report.Analyzer, seed_text: str) -> None:
    doc = analyzer.nlp(seed_text)
    assert nlp_report.Report.from_doc(doc, model=analyzer.model) == analyzer.analyze(seed_text)
