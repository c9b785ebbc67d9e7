"""Error analysis: every false positive, false negative and wrong label of a document.

The errors agree with the figures: for entities, the false positives plus
the wrong labels make up ``fp``, the false negatives plus the wrong labels
make up ``fn`` (a span found with the wrong label is listed once, as a wrong
label, but counts as one false positive and one false negative).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..types import SENTENCE_LABELS
from .metrics import NO_PREDICTION

if TYPE_CHECKING:
    from .gold import GoldDocument
    from .scoring import Prediction

Task = Literal["entity", "kb_id", "boundary", "label", "actor", "motion_link"]
Kind = Literal["false positive", "false negative", "wrong label", "wrong kb_id", "wrong actor", "wrong link"]

TASKS: tuple[Task, ...] = ("entity", "kb_id", "boundary", "label", "actor", "motion_link")


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """One error of a system on a document, with the text it is about."""

    document: str
    """The gold document's id."""
    task: Task
    kind: Kind
    start: int
    end: int
    text: str
    """The text at ``start:end`` of the gold document (the predicted span for a false positive)."""
    gold: str | None = None
    """The gold label, ``kb_id``, actor or Kamerstuk; ``None`` for a false positive."""
    predicted: str | None = None
    """The predicted one; ``None`` for a false negative."""
    note: str | None = None
    """What is near: the overlapping span of the other side, a split or merged sentence."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "task": self.task,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "gold": self.gold,
            "predicted": self.predicted,
            "note": self.note,
        }


def document_errors(
    gold: GoldDocument,
    prediction: Prediction,
    matches: Sequence[int | None],
    *,
    stopwords: frozenset[str] | None = None,
) -> list[ErrorCase]:
    """The errors of ``prediction`` on ``gold``; ``matches`` from :func:`~.scoring.match_sentences`."""
    errors: list[ErrorCase] = []
    if prediction.entities is not None:
        errors += _entity_errors(gold, prediction.entities)
    if prediction.boundaries:
        errors += _boundary_errors(gold, prediction.sentences)
    errors += _sentence_errors(gold, prediction.sentences, matches, stopwords)
    if prediction.motion_links is not None:
        errors += _link_errors(gold, prediction.motion_links)
    errors.sort(key=lambda e: (e.start, TASKS.index(e.task), e.end))
    return errors


def _case(doc: GoldDocument, task: Task, kind: Kind, start: int, end: int, **fields: Any) -> ErrorCase:
    return ErrorCase(doc.id, task, kind, start, end, doc.text[start:end], **fields)


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _entity_errors(gold: GoldDocument, predicted: Sequence[Any]) -> list[ErrorCase]:
    errors = []
    remaining = Counter((e.start, e.end, e.label) for e in gold.entities)
    gold_by_key = {(e.start, e.end, e.label): e for e in gold.entities}
    unmatched_pred = []
    for p in predicted:
        key = (p.start, p.end, p.label)
        if remaining[key] > 0:
            remaining[key] -= 1
            g = gold_by_key[key]
            if g.kb_id is not None and p.kb_id != g.kb_id:
                errors.append(_case(gold, "kb_id", "wrong kb_id", p.start, p.end, gold=g.kb_id, predicted=p.kb_id))
        else:
            unmatched_pred.append(p)
    unmatched_gold = [e for e in gold.entities if remaining[(e.start, e.end, e.label)] > 0]
    for e in unmatched_gold:
        remaining[(e.start, e.end, e.label)] -= 1
    gold_by_span: dict[tuple[int, int], list[Any]] = {}
    for e in unmatched_gold:
        gold_by_span.setdefault((e.start, e.end), []).append(e)
    false_pos = []
    for p in unmatched_pred:
        same_span = gold_by_span.get((p.start, p.end))
        if same_span:
            g = same_span.pop(0)
            unmatched_gold.remove(g)
            errors.append(_case(gold, "entity", "wrong label", p.start, p.end, gold=g.label, predicted=p.label))
        else:
            false_pos.append(p)
    for p in false_pos:
        near = [g for g in gold.entities if g.start < p.end and p.start < g.end]
        note = "; ".join(f"overlaps gold {g.label} {gold.span_text(g)!r}" for g in near) or None
        errors.append(_case(gold, "entity", "false positive", p.start, p.end, predicted=p.label, note=note))
    for g in unmatched_gold:
        near = [p for p in predicted if p.start < g.end and g.start < p.end]
        note = "; ".join(f"overlaps predicted {p.label} {gold.text[p.start : p.end]!r}" for p in near) or None
        errors.append(_case(gold, "entity", "false negative", g.start, g.end, gold=g.label, note=note))
    return errors


def _boundary_errors(gold: GoldDocument, predicted: Sequence[Any]) -> list[ErrorCase]:
    errors = []
    gold_spans = {(s.start, s.end) for s in gold.sentences}
    pred_spans = {(s.start, s.end) for s in predicted}
    for s in gold.sentences:
        if (s.start, s.end) in pred_spans:
            continue
        near = sorted(p for p in pred_spans if p[0] < s.end and s.start < p[1])
        if not near:
            note = "no predicted sentence overlaps it"
        elif len(near) > 1:
            note = f"split into {len(near)} predicted sentences"
        elif near[0][0] <= s.start and near[0][1] >= s.end:
            note = f"inside the longer predicted sentence {_short(gold.text[near[0][0] : near[0][1]])!r}"
        else:
            note = f"predicted as {_short(gold.text[near[0][0] : near[0][1]])!r}"
        errors.append(_case(gold, "boundary", "false negative", s.start, s.end, note=note))
    for start, end in sorted(pred_spans - gold_spans):
        inside = [g for g in gold_spans if g[0] < end and start < g[1]]
        if not inside:
            note = "no gold sentence here (heading, furniture or footnote?)"
        elif len(inside) > 1:
            note = f"spans {len(inside)} gold sentences"
        else:
            g = inside[0]
            note = f"gold sentence is {_short(gold.text[g[0] : g[1]])!r}"
        errors.append(_case(gold, "boundary", "false positive", start, end, note=note))
    return errors


def _sentence_errors(
    gold: GoldDocument, predicted: Sequence[Any], matches: Sequence[int | None], stopwords: frozenset[str] | None
) -> list[ErrorCase]:
    from .scoring import actor_matches, has_actor

    errors = []
    for s, match in zip(gold.sentences, matches, strict=True):
        p = predicted[match] if match is not None else None
        label = p.label if p is not None and p.label in SENTENCE_LABELS else NO_PREDICTION
        if label != s.label:
            if p is None:
                note = "no predicted sentence overlaps it"
            elif p.label is None:
                note = "the predicted sentence has no label"
            else:
                note = None
            errors.append(_case(gold, "label", "wrong label", s.start, s.end, gold=s.label, predicted=label, note=note))
        if s.actor is not None:
            actor = p.actor if p is not None else None
            if not actor_matches(s.actor, actor, stopwords):
                errors.append(_case(gold, "actor", "wrong actor", s.start, s.end, gold=s.actor, predicted=actor))
        elif p is not None and has_actor(p.actor):
            errors.append(
                _case(
                    gold,
                    "actor",
                    "false positive",
                    s.start,
                    s.end,
                    predicted=p.actor,
                    note="the gold sentence names no actor",
                )
            )
    return errors


def _link_errors(gold: GoldDocument, predicted: Sequence[Any]) -> list[ErrorCase]:
    errors = []
    by_span = {(m.start, m.end): m.kamerstuk for m in predicted}
    gold_spans = set()
    for g in gold.motion_links:
        gold_spans.add((g.start, g.end))
        if (g.start, g.end) not in by_span:
            errors.append(
                _case(
                    gold,
                    "motion_link",
                    "false negative",
                    g.start,
                    g.end,
                    gold=g.kamerstuk,
                    note="no predicted motion here",
                )
            )
        elif by_span[(g.start, g.end)] != g.kamerstuk:
            errors.append(
                _case(
                    gold,
                    "motion_link",
                    "wrong link",
                    g.start,
                    g.end,
                    gold=g.kamerstuk,
                    predicted=by_span[(g.start, g.end)],
                )
            )
    for m in predicted:
        if m.kamerstuk is not None and (m.start, m.end) not in gold_spans:
            errors.append(
                _case(
                    gold,
                    "motion_link",
                    "false positive",
                    m.start,
                    m.end,
                    predicted=m.kamerstuk,
                    note="the gold has no link here",
                )
            )
    return errors
