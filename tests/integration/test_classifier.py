"""The sentence classifier in the pipeline, its training command and cross-validation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import nlp_report
from nlp_report.classify.model import SentenceClassifier
from nlp_report.cli import main
from nlp_report.evaluation.training import cross_validate, fit, prepare
from nlp_report.resources import data_path
from tests.conftest import CORPORA


@pytest.fixture(scope="module")
def prepared(analyzer: nlp_report.Analyzer) -> list[Any]:
    return prepare(sorted((CORPORA / "gold").glob("*.jsonl")), analyzer)


def test_every_body_sentence_gets_a_label(seed_report: nlp_report.Report) -> None:
    assert all(s.label in nlp_report.SENTENCE_LABELS for s in seed_report.sentences)
    context = [s for s in seed_report.sentences if s.label == "context"]
    assert context and all(s.actor is None for s in context)


def test_seed_labels_and_actors(seed_report: nlp_report.Report, seed_gold: dict[str, Any]) -> None:
    """The seed is in the training data: this checks the wiring, not generalisation (see --cv for that)."""
    gold = seed_gold["sentences"]
    agree = sum(g["label"] == s.label for g, s in zip(gold, seed_report.sentences, strict=True))
    assert agree / len(gold) >= 0.95
    by_text = {s.text: s for s in seed_report.sentences}
    sentence = by_text["Bondgenoten en partners spraken de noodzaak uit van meer steun aan Oekraïne."]
    assert (sentence.label, sentence.actor) == ("position", "Bondgenoten en partners")
    assert by_text["Dit aanbod werd aanvaard."].label == "decision"
    assert by_text["Dit aanbod werd aanvaard."].actor is None


@pytest.mark.slow
def test_the_packaged_model_is_what_the_train_command_builds(prepared: list[Any]) -> None:
    """A stale model (features or rules changed, model not retrained) fails here."""
    with data_path("classify/model.json").open("r", encoding="utf-8") as handle:
        shipped = json.load(handle)
    rebuilt = fit(prepared).to_dict()
    assert rebuilt["features"] == shipped["features"]
    assert rebuilt["classes"] == shipped["classes"]
    assert rebuilt["coef"] == shipped["coef"]


@pytest.mark.slow
def test_train_command_writes_a_model_the_pipeline_uses(tmp_path: Path, analyzer: nlp_report.Analyzer) -> None:
    golds = [str(p) for p in sorted((CORPORA / "gold").glob("*.jsonl"))[:4]]
    out = tmp_path / "model.json"
    assert main(["train", *golds, "-o", str(out), "--model", "blank", "--C", "0.5"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["settings"]["C"] == 0.5 and len(data["metadata"]["trained_on"]) == 4
    nlp = nlp_report.load("blank").nlp
    nlp.remove_pipe("nlp_report_classifier")
    nlp.add_pipe("nlp_report_classifier", config={"model_path": str(out)})
    report = nlp_report.Analyzer(nlp).analyze("Nederland steunt het voorstel. De Raad nam het pakket aan.")
    assert [s.label for s in report.sentences] == SentenceClassifier.load(out).predict(
        [
            prepared_features
            for prepared_features in _features(nlp, "Nederland steunt het voorstel. De Raad nam het pakket aan.")
        ]
    )


def _features(nlp: Any, text: str) -> list[dict[str, float]]:
    from nlp_report.classify.features import sentence_features
    from nlp_report.pipeline.classifier import sentence_inputs

    with nlp.select_pipes(disable=["nlp_report_classifier"]):
        doc = nlp(text)
    spans = list(doc.spans["nlp_report_sentences"])
    return [sentence_features(item) for item in sentence_inputs(doc, spans)]


def test_train_without_output_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", str(CORPORA / "gold" / "seed.jsonl"), "--model", "blank"]) == 2
    assert "--output" in capsys.readouterr().err


@pytest.mark.slow
def test_cross_validation_holds_each_document_out(prepared: list[Any]) -> None:
    evaluation = cross_validate(prepared[:3])
    assert "leave-one-document-out, 3 folds" in evaluation.model
    labels = evaluation.pipeline.scores.labels
    assert labels.macro_f1 is not None and 0.0 < labels.macro_f1 <= 1.0
    assert {s.name for s in evaluation.baselines} == {"majority", "cues"}
    assert evaluation.pipeline.scores.actors is not None
