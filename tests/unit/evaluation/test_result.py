"""The Evaluation result and evaluate_reports(): figures per system, frames, dict, table."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest

from nlp_report import Entity, Evaluation, GoldDocument, Report, Sentence
from nlp_report.errors import EvaluationError
from nlp_report.evaluation import MajorityBaseline, evaluate_reports
from nlp_report.evaluation.metrics import Accuracy
from tests.unit.evaluation.helpers import gold_doc

TEXT = "De NAVO steunt Oekraïne. Het pakket werd aangenomen. De top vond plaats."


def _gold(doc_id: str = "a") -> GoldDocument:
    return gold_doc(
        TEXT,
        sentences=[[0, 24, "position", "NAVO"], [25, 52, "decision", None], [53, 72, "context", None]],
        entities=[[3, 7, "ORG", "NATO"], [15, 23, "COUNTRY", "UA"]],
        doc_id=doc_id,
    )


def _report(labels: tuple[str | None, ...] = ("position", "context", "context")) -> Report:
    spans = [(0, 24), (25, 52), (53, 72)]
    return Report(
        text=TEXT,
        source="a",
        model="test:model",
        sentences=tuple(
            Sentence(s, e, TEXT[s:e], label, "de NAVO" if i == 0 else None)  # type: ignore[arg-type]
            for i, ((s, e), label) in enumerate(zip(spans, labels, strict=True))
        ),
        entities=(Entity(3, 7, "NAVO", "ORG", "NATO"), Entity(15, 23, "Oekraïne", "ORG", "UA")),
    )


@pytest.fixture
def evaluation() -> Evaluation:
    return evaluate_reports([_gold()], [_report()])


def test_systems_and_their_figures(evaluation: Evaluation) -> None:
    assert [s.name for s in evaluation.systems] == ["pipeline", "majority", "cues"]
    assert evaluation.model == "test:model"
    pipeline = evaluation.scores
    assert pipeline.entities is not None
    assert pipeline.entities.per_label["ORG"].tp == 1 and pipeline.entities.per_label["ORG"].fp == 1
    assert pipeline.entities.per_label["COUNTRY"].fn == 1
    assert pipeline.entities.kb_id == Accuracy(1, 1)
    assert pipeline.boundaries is not None and pipeline.boundaries.f1 == 1.0
    assert pipeline.labels.accuracy == Accuracy(2, 3)
    assert pipeline.actors == Accuracy(1, 1)
    assert pipeline.no_actor == Accuracy(2, 2)  # the two sentences without a gold actor got none
    assert pipeline.motion_links == Accuracy(0, 0) and pipeline.motion_links.value is None
    majority = evaluation.system("majority")
    # one sentence of each label: the tie goes to 'position'
    assert majority.scores.labels.accuracy == Accuracy(1, 3)
    assert majority.scores.entities is None and majority.scores.boundaries is None
    assert majority.scores.actors == Accuracy(0, 1)  # baselines name no actor
    cues = evaluation.system("cues")
    assert cues.scores.labels.accuracy == Accuracy(3, 3)
    with pytest.raises(KeyError, match="no system 'oracle'"):
        evaluation.system("oracle")


def test_an_actor_on_a_sentence_without_one_is_an_error() -> None:
    report = _report()
    sentences = list(report.sentences)
    sentences[2] = Sentence(53, 72, TEXT[53:72], "context", "top")
    evaluation = evaluate_reports([_gold()], [dataclasses.replace(report, sentences=tuple(sentences))])
    assert evaluation.scores.no_actor == Accuracy(1, 2)
    (error,) = [e for e in evaluation.errors if e.task == "actor"]
    assert (error.kind, error.gold, error.predicted, error.text) == ("false positive", None, "top", TEXT[53:72])
    assert evaluation.to_dict()["systems"]["pipeline"]["overall"]["no_actor"] == {
        "correct": 1,
        "total": 2,
        "accuracy": 0.5,
    }


def test_errors_of_the_pipeline(evaluation: Evaluation) -> None:
    assert [(e.task, e.kind, e.text, e.gold, e.predicted) for e in evaluation.errors] == [
        ("entity", "wrong label", "Oekraïne", "COUNTRY", "ORG"),
        ("label", "wrong label", "Het pakket werd aangenomen.", "decision", "context"),
    ]
    assert all(e.document == "a" for e in evaluation.errors)


def test_to_dict_is_json_and_has_the_same_numbers(evaluation: Evaluation) -> None:
    data = json.loads(json.dumps(evaluation.to_dict(errors=True)))
    overall = data["systems"]["pipeline"]["overall"]
    assert overall["labels"]["accuracy"] == {"correct": 2, "total": 3, "accuracy": 2 / 3}
    assert overall["entities"]["per_label"]["ORG"]["precision"] == 0.5
    assert overall["entities"]["per_label"]["MOTION"]["precision"] is None
    assert overall["labels"]["confusion"]["matrix"][1] == [0, 0, 1, 0]
    assert data["systems"]["majority"]["overall"]["entities"] is None
    assert data["systems"]["pipeline"]["documents"]["a"] == overall
    assert len(data["errors"]) == 2 and data["documents"][0]["id"] == "a"
    assert (
        "errors" not in evaluation.to_dict()
        and "documents" not in evaluation.to_dict(per_document=False)["systems"]["cues"]
    )


def test_frames(evaluation: Evaluation) -> None:
    summary = evaluation.to_frame("summary")
    assert list(summary["system"]) == ["pipeline", "majority", "cues"]
    assert summary.loc[0, "label_accuracy"] == pytest.approx(2 / 3)
    assert summary.loc[0, "actor_accuracy"] == 1.0 and summary.loc[0, "no_actor_accuracy"] == 1.0
    assert math.isnan(summary.loc[1, "entity_f1"])
    entities = evaluation.to_frame("entities")
    assert list(entities["label"]) == ["COUNTRY", "ORG", "MOTION", "KAMERSTUK", "micro"]
    assert set(entities["system"]) == {"pipeline"}
    micro = entities.set_index("label").loc["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (1, 1, 1)
    sentences = evaluation.to_frame("sentences", system="cues")
    assert list(sentences["f1"]) == [1.0, 1.0, 1.0]
    confusion = evaluation.to_frame("confusion")
    assert confusion.loc["decision", "context"] == 1 and confusion.loc["position", "position"] == 1
    assert list(confusion.columns) == ["position", "decision", "context", "none"]
    errors = evaluation.to_frame("errors")
    assert list(errors["kind"]) == ["wrong label", "wrong label"]
    per_doc = evaluation.to_frame("summary", per_document=True)
    assert list(per_doc["document"]) == ["a", "a", "a"]
    with pytest.raises(ValueError, match="kind must be one of"):
        evaluation.to_frame("motions")  # type: ignore[arg-type]


def test_table_holds_every_section(evaluation: Evaluation) -> None:
    table = evaluation.to_table(errors=True)
    for heading in ("ENTITIES", "SENTENCE BOUNDARIES", "SENTENCE LABELS", "CONFUSION", "ACTORS", "MOTION LINKS"):
        assert heading in table
    assert "ERRORS of the pipeline: 2" in table
    assert "Het pakket werd aangenomen." in table
    assert "ERRORS" not in str(evaluation)


def test_a_pipeline_without_classifier_scores_no_labels() -> None:
    evaluation = evaluate_reports([_gold()], [_report((None, None, None))], baselines=False)
    assert [s.name for s in evaluation.systems] == ["pipeline"]
    labels = evaluation.scores.labels
    assert labels.accuracy == Accuracy(0, 3) and labels.macro_f1 == 0.0 and labels.unlabelled == 3
    assert "3 of 3 gold sentences got no label" in evaluation.to_table()


def test_own_baselines() -> None:
    evaluation = evaluate_reports([_gold()], [_report()], baselines=[MajorityBaseline("context")])
    assert [s.name for s in evaluation.systems] == ["pipeline", "majority"]
    assert evaluation.system("majority").scores.labels.accuracy == Accuracy(1, 3)


def test_several_documents_are_pooled() -> None:
    evaluation = evaluate_reports([_gold("a"), _gold("b")], [_report(), _report(("position", "decision", "context"))])
    assert evaluation.scores.labels.accuracy == Accuracy(5, 6)
    assert evaluation.pipeline.documents["b"].labels.accuracy == Accuracy(3, 3)
    assert "PER DOCUMENT" in evaluation.to_table()


def test_bad_input() -> None:
    with pytest.raises(EvaluationError, match="no gold documents"):
        evaluate_reports([], [])
    with pytest.raises(EvaluationError, match="1 gold documents but 2 reports"):
        evaluate_reports([_gold()], [_report(), _report()])
    with pytest.raises(EvaluationError, match="two gold documents have the id 'a'"):
        evaluate_reports([_gold(), _gold()], [_report(), _report()])
    other = Report(text="Andere tekst.", source=None, model="m")
    with pytest.raises(EvaluationError, match="made from another text"):
        evaluate_reports([_gold()], [other])
