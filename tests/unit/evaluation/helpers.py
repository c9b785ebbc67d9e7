"""Small builders for evaluation tests: gold documents and predictions from plain lists."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from nlp_report import Entity, Sentence
from nlp_report.evaluation import GoldDocument, GoldEntity, GoldMotionLink, GoldSentence
from nlp_report.evaluation.metrics import PRF
from nlp_report.evaluation.scoring import PredictedLink, Prediction


def gold_doc(
    text: str,
    sentences: list[list[Any]] | None = None,
    entities: list[list[Any]] | None = None,
    links: list[list[Any]] | None = None,
    doc_id: str = "doc",
) -> GoldDocument:
    return GoldDocument(
        id=doc_id,
        text=text,
        entities=tuple(GoldEntity(*e) for e in entities or []),
        sentences=tuple(GoldSentence(*s) for s in sentences or []),
        motion_links=tuple(GoldMotionLink(*m) for m in links or []),
    )


def prediction(
    text: str,
    sentences: list[list[Any]] | None = None,
    entities: list[list[Any]] | None = None,
    links: list[list[Any]] | None = None,
) -> Prediction:
    return Prediction(
        sentences=[Sentence(s, e, text[s:e], label, actor) for s, e, label, actor in sentences or []],
        entities=[Entity(s, e, text[s:e], label, kb_id) for s, e, label, kb_id in entities or []],
        motion_links=[PredictedLink(*m) for m in links or []],
    )


def rate(value: str | None) -> float | None:
    return None if value is None else float(Fraction(value))


def assert_prf(actual: PRF, expected: list[Any], what: str = "") -> None:
    tp, fp, fn, p, r, f = expected
    assert (actual.tp, actual.fp, actual.fn) == (tp, fp, fn), what
    for name, got, want in (("precision", actual.precision, p), ("recall", actual.recall, r), ("f1", actual.f1, f)):
        if want is None:
            assert got is None, f"{what} {name}: {got} != None"
        else:
            assert got is not None and abs(got - rate(want)) < 1e-12, f"{what} {name}: {got} != {want}"  # type: ignore[operator]
