"""The scorer against figures computed by hand (tests/data/evaluation/scoring_cases.json)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_report.evaluation.error_analysis import document_errors
from nlp_report.evaluation.metrics import NO_PREDICTION, PRF, Accuracy
from nlp_report.evaluation.scoring import (
    PredictedLink,
    actor_matches,
    combine,
    content_words,
    match_sentences,
    score_document,
    score_entities,
    score_labels,
    score_motion_links,
)
from tests.conftest import DATA
from tests.unit.evaluation.helpers import assert_prf, gold_doc, prediction, rate

CASES = json.loads((DATA / "evaluation" / "scoring_cases.json").read_text(encoding="utf-8"))
TEXT = "x" * 100


@pytest.mark.parametrize("case", CASES["entities"], ids=lambda c: c["name"])
def test_entities_against_hand_computed_figures(case: dict[str, Any]) -> None:
    gold = gold_doc(TEXT, entities=case["gold"])
    pred = prediction(TEXT, entities=case["predicted"])
    assert pred.entities is not None
    scores = score_entities(gold.entities, pred.entities)
    expected = case["expected"]
    for label in ("COUNTRY", "ORG", "MOTION", "KAMERSTUK"):
        assert_prf(scores.per_label[label], expected[label], label)
    assert_prf(scores.micro, expected["micro"], "micro")
    for label, (correct, total) in expected["kb_id"].items():
        acc = scores.kb_id if label == "micro" else scores.kb_ids[label]
        assert (acc.correct, acc.total) == (correct, total), label
    errors = document_errors(gold, pred, [], stopwords=None)
    kinds = Counter(e.kind for e in errors)
    assert {kind: kinds[kind] for kind in case["errors"]} == case["errors"]


@pytest.mark.parametrize("case", CASES["sentences"], ids=lambda c: c["name"])
def test_sentences_against_hand_computed_figures(case: dict[str, Any]) -> None:
    text = case["text"]
    gold = gold_doc(text, sentences=case["gold"])
    pred = prediction(text, sentences=case["predicted"])
    expected = case["expected"]
    assert match_sentences(gold.sentences, pred.sentences) == expected["matches"]
    scores, _ = score_document(gold, pred)
    labels = scores.labels
    for label, figures in expected["labels"].items():
        assert_prf(labels.per_label[label], figures, label)
    assert labels.macro_f1 == pytest.approx(rate(expected["macro_f1"]))
    assert (labels.accuracy.correct, labels.accuracy.total) == tuple(expected["accuracy"])
    assert [list(row) for row in labels.confusion.matrix] == expected["confusion"]
    assert labels.confusion.predicted_labels == ("position", "decision", "context", "none")
    assert scores.boundaries is not None
    assert_prf(scores.boundaries, expected["boundaries"], "boundaries")
    assert (scores.actors.correct, scores.actors.total) == tuple(expected["actors"])
    assert (scores.no_actor.correct, scores.no_actor.total) == tuple(expected["no_actor"])
    assert labels.unmatched == expected["unmatched"]


@pytest.mark.parametrize(("gold", "predicted", "found"), CASES["actors"])
def test_actor_rule(gold: str, predicted: str | None, found: bool) -> None:
    assert actor_matches(gold, predicted) is found


def test_actor_stop_words_come_from_the_data_file() -> None:
    assert content_words("Ook andere NAVO-ministers") == {"navo", "ministers"}
    assert content_words("de meerderheid van de 27 lidstaten") == {"lidstaten"}
    assert content_words("Zij") == {"zij"}  # pronouns are actors as written
    # a gold actor made only of stop words is compared on all its words
    assert actor_matches("alle", "alle") and not actor_matches("alle", "lidstaten")
    assert actor_matches("veel", "veel", stopwords=frozenset())


def test_motion_links_against_hand_computed_figures() -> None:
    case = CASES["motion_links"]
    text = "x" * 100
    gold = gold_doc(
        text,
        entities=[[s, e, "MOTION", "X"] for s, e, _ in case["gold"]],
        links=case["gold"],
    )
    links = [PredictedLink(*m) for m in case["predicted"]]
    assert score_motion_links(gold.motion_links, links) == Accuracy(*case["expected"])
    pred = prediction(text, links=case["predicted"])
    kinds = Counter(e.kind for e in document_errors(gold, pred, []) if e.task == "motion_link")
    assert {kind: kinds[kind] for kind in case["errors"]} == case["errors"]


def test_labels_with_sklearn_agree_with_the_count_definitions() -> None:
    gold = ["position", "position", "decision", "context", "context", "context"]
    pred = ["position", "context", "decision", "none", "context", "decision"]
    scores = score_labels(gold, pred)
    # by hand: position tp1 fp0 fn1; decision tp1 fp1 fn0; context tp1 fp1 fn2
    assert (scores.per_label["position"].tp, scores.per_label["position"].fn) == (1, 1)
    assert_prf(scores.per_label["decision"], [1, 1, 0, "1/2", "1", "2/3"])
    assert_prf(scores.per_label["context"], [1, 1, 2, "1/2", "1/3", "2/5"])
    assert scores.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 2 / 5) / 3)
    assert scores.accuracy == Accuracy(3, 6)
    assert scores.unlabelled == 1


def test_labels_reject_unknown_values() -> None:
    with pytest.raises(ValueError, match="unknown gold sentence label 'none'"):
        score_labels(["none"], ["position"])
    with pytest.raises(ValueError, match="unknown predicted sentence label 'opinion'"):
        score_labels(["position"], ["opinion"])
    with pytest.raises(ValueError, match="1 gold labels but 2 predicted"):
        score_labels(["position"], ["position", "context"])


def test_no_gold_sentences_gives_no_rates() -> None:
    scores = score_labels([], [])
    assert scores.macro_f1 is None and scores.accuracy.value is None
    assert all(prf.f1 is None for prf in scores.per_label.values())


def test_prf_definitions() -> None:
    assert PRF.from_counts(0, 0, 0) == PRF(0, 0, 0, None, None, None)
    assert PRF.from_counts(0, 0, 5).f1 == 0.0 and PRF.from_counts(0, 0, 5).precision is None
    assert PRF.from_counts(3, 1, 2) + PRF.from_counts(1, 1, 0) == PRF.from_counts(4, 2, 2)
    assert Accuracy(1, 2) + Accuracy(2, 2) == Accuracy(3, 4) and Accuracy().value is None


def test_documents_combine_by_adding_counts_and_pooling_labels() -> None:
    text = "Aa bb. Cc dd."
    a = score_document(
        gold_doc(text, [[0, 6, "position", "Nederland"], [7, 13, "context", None]], [[0, 2, "ORG", "X"]]),
        prediction(text, [[0, 6, "position", "Nederland"], [7, 13, "decision", None]], [[0, 2, "ORG", "X"]]),
    )[0]
    b = score_document(
        gold_doc(text, [[0, 13, "decision", None]], [[7, 9, "COUNTRY", "NL"]]),
        prediction(text, [[0, 6, "decision", None], [7, 13, "decision", None]], [[7, 9, "ORG", "NL"]]),
    )[0]
    total = combine([a, b])
    assert total == a + b
    assert total.documents == 2
    assert total.labels.gold == ("position", "context", "decision")
    assert total.labels.predicted == ("position", "decision", "decision")
    assert total.labels.accuracy == Accuracy(2, 3)
    assert total.boundaries == PRF.from_counts(2, 2, 1)
    assert total.entities is not None and total.entities.micro == PRF.from_counts(1, 1, 1)
    assert total.actors == Accuracy(1, 1)
    assert total.no_actor == Accuracy(2, 2)


_span = st.tuples(st.integers(0, 30), st.integers(1, 6), st.sampled_from(["ORG", "COUNTRY"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_span, max_size=8), st.lists(_span, max_size=8))
def test_errors_agree_with_the_entity_counts(gold_raw: list[Any], pred_raw: list[Any]) -> None:
    # gold: non-overlapping, sorted; predictions: anything
    gold_spans: list[list[Any]] = []
    for start, length, label in sorted(gold_raw):
        if not gold_spans or start >= gold_spans[-1][1]:
            gold_spans.append([start, start + length, label, "K"])
    pred_spans = [[s, s + n, label, "K"] for s, n, label in pred_raw]
    gold = gold_doc(TEXT, entities=gold_spans)
    pred = prediction(TEXT, entities=pred_spans)
    assert pred.entities is not None
    micro = score_entities(gold.entities, pred.entities).micro
    kinds = Counter(e.kind for e in document_errors(gold, pred, []) if e.task == "entity")
    assert kinds["false positive"] + kinds["wrong label"] == micro.fp
    assert kinds["false negative"] + kinds["wrong label"] == micro.fn
    assert micro.tp + micro.fn == len(gold_spans) and micro.tp + micro.fp == len(pred_spans)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["position", "decision", "context"]), min_size=1, max_size=30).flatmap(
        lambda g: st.tuples(
            st.just(g),
            st.lists(
                st.sampled_from(["position", "decision", "context", NO_PREDICTION]), min_size=len(g), max_size=len(g)
            ),
        )
    )
)
def test_sklearn_figures_equal_the_count_formulas(pair: tuple[list[str], list[str]]) -> None:
    gold, pred = pair
    scores = score_labels(gold, pred)
    for label, prf in scores.per_label.items():
        by_counts = PRF.from_counts(prf.tp, prf.fp, prf.fn)
        for got, want in ((prf.precision, by_counts.precision), (prf.recall, by_counts.recall), (prf.f1, by_counts.f1)):
            assert (got is None and want is None) or got == pytest.approx(want), label
        assert prf.tp == sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)


def test_boundary_and_label_errors_say_what_happened() -> None:
    text = "Aa bb. Cc dd. Ee ff. Gg hh."
    gold = gold_doc(text, [[0, 6, "position", "Nederland"], [7, 13, "decision", None], [21, 27, "context", None]])
    pred = prediction(text, [[0, 13, "position", "Kabinet"], [14, 20, None, None]])
    _, errors = score_document(gold, pred)
    found = [(e.task, e.kind, e.text, e.gold, e.predicted, e.note) for e in errors]
    assert found == [
        ("boundary", "false negative", "Aa bb.", None, None, "inside the longer predicted sentence 'Aa bb. Cc dd.'"),
        ("boundary", "false positive", "Aa bb. Cc dd.", None, None, "spans 2 gold sentences"),
        ("actor", "wrong actor", "Aa bb.", "Nederland", "Kabinet", None),
        ("boundary", "false negative", "Cc dd.", None, None, "inside the longer predicted sentence 'Aa bb. Cc dd.'"),
        ("label", "wrong label", "Cc dd.", "decision", "position", None),
        ("actor", "false positive", "Cc dd.", None, "Kabinet", "the gold sentence names no actor"),
        ("boundary", "false positive", "Ee ff.", None, None, "no gold sentence here (heading, furniture or footnote?)"),
        ("boundary", "false negative", "Gg hh.", None, None, "no predicted sentence overlaps it"),
        ("label", "wrong label", "Gg hh.", "context", "none", "no predicted sentence overlaps it"),
    ]
    split = score_document(
        gold_doc("Aa bb, cc dd.", [[0, 13, "context", None]]),
        prediction("Aa bb, cc dd.", [[0, 6, None, None], [7, 13, "context", None]]),
    )[1]
    assert [(e.kind, e.note) for e in split] == [  # by start, task, end
        ("false positive", "gold sentence is 'Aa bb, cc dd.'"),
        ("false negative", "split into 2 predicted sentences"),
        ("wrong label", "the predicted sentence has no label"),
        ("false positive", "gold sentence is 'Aa bb, cc dd.'"),
    ]
