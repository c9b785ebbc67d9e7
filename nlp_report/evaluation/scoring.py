"""Scoring predictions against gold: pure functions on spans, labels and strings.

Nothing here needs spaCy or a pipeline: the functions take gold items and
anything with the same attributes (``start``, ``end``, ``label``,
``kb_id``, ``actor``), so each rule of ``corpora/ANNOTATION.md`` can be
tested on small cases computed by hand.

* Entities are correct only with the exact span and label (per label and
  micro-averaged); ``kb_id`` accuracy is taken over the correct spans.
* Sentence boundaries are scored as exact spans.
* Each gold sentence is matched to the predicted sentence that covers most
  of its characters (ties: the earliest) and scored on its label, with
  scikit-learn; an unmatched gold sentence, or one matched to a sentence
  without a label, is predicted ``"none"`` (see :class:`LabelScores`).
* Actors are scored twice. On the gold sentences that name one (actor
  accuracy): found when the matched predicted sentence's actor shares a
  content word with the gold actor (case-insensitive; the words of
  ``data/evaluation/actor_stopwords.txt`` ignored). On the gold sentences
  that name none (no-actor accuracy): right when the matched predicted
  sentence has no actor either.
* Motion links are scored on the gold ``motion_links``: found when a
  predicted motion has the same span and the same Kamerstuk ``kb_id``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from ..errors import ArgumentError
from ..resources import read_lines
from ..types import ENTITY_LABELS, SENTENCE_LABELS
from .metrics import NO_PREDICTION, PRF, Accuracy, Confusion, EntityScores, LabelScores, Scores, add_optional

if TYPE_CHECKING:
    from ..types import Report
    from .error_analysis import ErrorCase
    from .gold import GoldDocument


class SpanLike(Protocol):
    """Anything with character offsets ``start`` and ``end``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class EntityLike(SpanLike, Protocol):
    """An entity as scoring reads it: offsets, label and ``kb_id``."""

    @property
    def label(self) -> str: ...
    @property
    def kb_id(self) -> str | None: ...


class SentenceLike(SpanLike, Protocol):
    """A sentence as scoring reads it: offsets, label and actor."""

    @property
    def label(self) -> str | None: ...
    @property
    def actor(self) -> str | None: ...


class MotionLinkLike(SpanLike, Protocol):
    """A motion as scoring reads it: offsets and its Kamerstuk's ``kb_id``."""

    @property
    def kamerstuk(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class PredictedLink:
    """A predicted motion and the ``kb_id`` of the Kamerstuk it was linked to (``None``: not linked)."""

    start: int
    end: int
    kamerstuk: str | None


@dataclass(frozen=True)
class Prediction:
    """What a system predicted for one document.

    ``entities`` and ``motion_links`` are ``None`` for a system that does
    not do that task (then it is not scored on it); ``boundaries`` says
    whether the sentence spans are the system's own (scored) or borrowed.
    """

    sentences: Sequence[SentenceLike]
    entities: Sequence[EntityLike] | None = None
    motion_links: Sequence[MotionLinkLike] | None = None
    boundaries: bool = True

    @classmethod
    def from_report(cls, report: Report) -> Prediction:
        """The pipeline's prediction: its sentences, entities and motions."""
        return cls(
            sentences=report.sentences,
            entities=report.entities,
            motion_links=[
                PredictedLink(x.start, x.end, m.kamerstuk.kb_id if m.kamerstuk else None)
                for m in report.motions
                for x in m.mentions
            ],
        )


# -- entities ----------------------------------------------------------------------------------


def score_entities(
    gold: Iterable[EntityLike], predicted: Iterable[EntityLike], *, labels: Sequence[str] = ENTITY_LABELS
) -> EntityScores:
    """Exact span and label, per label; ``kb_id`` accuracy on the correct spans.

    A predicted span with the right offsets and the wrong label is a false
    positive of its label and a false negative of the gold label. A
    prediction made twice counts once as a true positive and then as a
    false positive.
    """
    gold_items = list(gold)
    pred_items = list(predicted)
    gold_count = Counter((e.start, e.end, e.label) for e in gold_items)
    pred_count = Counter((e.start, e.end, e.label) for e in pred_items)
    all_labels = list(dict.fromkeys([*labels, *(k[2] for k in gold_count), *(k[2] for k in pred_count)]))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for key in gold_count.keys() | pred_count.keys():
        hit = min(gold_count[key], pred_count[key])
        tp[key[2]] += hit
        fp[key[2]] += pred_count[key] - hit
        fn[key[2]] += gold_count[key] - hit
    pred_kb: dict[tuple[int, int, str], str | None] = {}
    for e in pred_items:
        pred_kb.setdefault((e.start, e.end, e.label), e.kb_id)
    kb_correct: Counter[str] = Counter()
    kb_total: Counter[str] = Counter()
    for e in gold_items:
        key = (e.start, e.end, e.label)
        if key in pred_kb and e.kb_id is not None:
            kb_total[e.label] += 1
            kb_correct[e.label] += pred_kb[key] == e.kb_id
    return EntityScores(
        {label: PRF.from_counts(tp[label], fp[label], fn[label]) for label in all_labels},
        {label: Accuracy(kb_correct[label], kb_total[label]) for label in all_labels},
    )


# -- sentences ---------------------------------------------------------------------------------


def score_boundaries(gold: Iterable[SpanLike], predicted: Iterable[SpanLike]) -> PRF:
    """Sentence spans as exact spans (labels play no part)."""
    gold_spans = Counter((s.start, s.end) for s in gold)
    pred_spans = Counter((s.start, s.end) for s in predicted)
    tp = sum((gold_spans & pred_spans).values())
    return PRF.from_counts(tp, sum(pred_spans.values()) - tp, sum(gold_spans.values()) - tp)


def overlap(a: SpanLike, b: SpanLike) -> int:
    """How many characters two spans share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_sentences(gold: Sequence[SpanLike], predicted: Sequence[SpanLike]) -> list[int | None]:
    """For each gold sentence, the index of the predicted sentence covering most of its characters.

    Ties go to the predicted sentence that starts first; ``None`` when no
    predicted sentence overlaps the gold one.
    """
    order = sorted(range(len(predicted)), key=lambda i: (predicted[i].start, predicted[i].end))
    starts = [predicted[i].start for i in order]
    max_end: list[int] = []
    for i in order:
        max_end.append(max(predicted[i].end, max_end[-1]) if max_end else predicted[i].end)
    matches: list[int | None] = []
    for g in gold:
        best: int | None = None
        best_overlap = 0
        j = bisect_left(starts, g.end) - 1
        while j >= 0 and max_end[j] > g.start:
            shared = overlap(g, predicted[order[j]])
            if shared > 0 and shared >= best_overlap:
                best, best_overlap = order[j], shared
            j -= 1
        matches.append(best)
    return matches


def score_labels(gold: Sequence[str], predicted: Sequence[str], *, unmatched: int = 0) -> LabelScores:
    """Per-label precision, recall and F1, macro-F1, accuracy and the confusion matrix (scikit-learn).

    ``gold`` and ``predicted`` hold one label per gold sentence; ``"none"``
    in ``predicted`` is no prediction.
    """
    import numpy as np
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    labels = list(SENTENCE_LABELS)
    columns = [*labels, NO_PREDICTION]
    if len(gold) != len(predicted):
        raise ArgumentError(f"{len(gold)} gold labels but {len(predicted)} predicted labels")
    for value in gold:
        if value not in labels:
            raise ArgumentError(f"unknown gold sentence label {value!r}")
    for value in predicted:
        if value not in columns:
            raise ArgumentError(f"unknown predicted sentence label {value!r}")
    if not gold:
        empty = ((0,) * len(columns),) * len(labels)
        return LabelScores(
            per_label={label: PRF.from_counts(0, 0, 0) for label in labels},
            confusion=Confusion(tuple(labels), tuple(columns), empty),
            unmatched=unmatched,
        )
    matrix = confusion_matrix(list(gold), list(predicted), labels=columns)
    precision, recall, f1, _ = precision_recall_fscore_support(
        list(gold), list(predicted), labels=labels, zero_division=np.nan
    )
    per_label: dict[str, PRF] = {}
    for i, label in enumerate(labels):
        tp = int(matrix[i, i])
        fp = int(matrix[: len(labels), i].sum()) - tp
        fn = int(matrix[i, :].sum()) - tp
        per_label[label] = PRF(tp, fp, fn, _rate(precision[i]), _rate(recall[i]), _rate(f1[i]))
    f1_values = [prf.f1 for prf in per_label.values() if prf.f1 is not None]
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return LabelScores(
        gold=tuple(gold),
        predicted=tuple(predicted),
        per_label=per_label,
        macro_f1=sum(f1_values) / len(f1_values) if f1_values else None,
        accuracy=Accuracy(correct, len(gold)),
        confusion=Confusion(
            tuple(labels), tuple(columns), tuple(tuple(int(v) for v in row) for row in matrix[: len(labels)])
        ),
        unmatched=unmatched,
    )


def _rate(value: float) -> float | None:
    return None if value != value else float(value)  # NaN -> None


# -- actors ------------------------------------------------------------------------------------

ACTOR_STOPWORDS_FILE = "evaluation/actor_stopwords.txt"
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def actor_stopwords() -> frozenset[str]:
    """The words ignored when actors are compared (``data/evaluation/actor_stopwords.txt``)."""
    return frozenset(word.lower() for word in read_lines(ACTOR_STOPWORDS_FILE))


def content_words(actor: str, stopwords: frozenset[str] | None = None) -> frozenset[str]:
    """The lower-cased words of ``actor`` that are not stop words or numbers.

    Words are split at anything that is not a letter or digit, so
    ``NAVO-ministers`` gives ``navo`` and ``ministers``.
    """
    stop = actor_stopwords() if stopwords is None else stopwords
    return frozenset(w for w in _WORD.findall(actor.lower()) if w not in stop and not w.isdigit())


def actor_matches(gold: str, predicted: str | None, stopwords: frozenset[str] | None = None) -> bool:
    """Whether ``predicted`` shares a content word with ``gold`` (the contract's rule).

    A gold actor made only of stop words (rare) is compared on all its words.
    """
    if predicted is None or not has_actor(predicted):
        return False
    gold_words = content_words(gold, stopwords) or frozenset(_WORD.findall(gold.lower()))
    pred_words = frozenset(_WORD.findall(predicted.lower()))
    return bool(gold_words & pred_words)


def has_actor(predicted: str | None) -> bool:
    """Whether a predicted actor names anyone (``None`` and white space do not)."""
    return predicted is not None and bool(predicted.strip())


# -- motion links ------------------------------------------------------------------------------


def score_motion_links(gold: Iterable[MotionLinkLike], predicted: Iterable[MotionLinkLike]) -> Accuracy:
    """How many gold links a predicted motion has: same span, same Kamerstuk ``kb_id``."""
    found = {(m.start, m.end, m.kamerstuk) for m in predicted if m.kamerstuk is not None}
    items = list(gold)
    return Accuracy(sum(1 for g in items if (g.start, g.end, g.kamerstuk) in found), len(items))


# -- a whole document --------------------------------------------------------------------------


def score_document(
    gold: GoldDocument, prediction: Prediction, *, stopwords: frozenset[str] | None = None
) -> tuple[Scores, list[ErrorCase]]:
    """Every score of one document, and the list of its errors."""
    from .error_analysis import document_errors

    pred_sentences = list(prediction.sentences)
    matches = match_sentences(gold.sentences, pred_sentences)
    gold_labels = [s.label for s in gold.sentences]
    pred_labels = []
    for match in matches:
        label = pred_sentences[match].label if match is not None else None
        pred_labels.append(label if label in SENTENCE_LABELS else NO_PREDICTION)
    actors = Accuracy()
    no_actor = Accuracy()
    for sentence, match in zip(gold.sentences, matches, strict=True):
        predicted_actor = pred_sentences[match].actor if match is not None else None
        if sentence.actor is not None:
            actors = actors + Accuracy(int(actor_matches(sentence.actor, predicted_actor, stopwords)), 1)
        else:
            no_actor = no_actor + Accuracy(int(not has_actor(predicted_actor)), 1)
    scores = Scores(
        documents=1,
        labels=score_labels(gold_labels, [str(p) for p in pred_labels], unmatched=matches.count(None)),
        actors=actors,
        entities=None if prediction.entities is None else score_entities(gold.entities, prediction.entities),
        boundaries=score_boundaries(gold.sentences, pred_sentences) if prediction.boundaries else None,
        motion_links=None
        if prediction.motion_links is None
        else score_motion_links(gold.motion_links, prediction.motion_links),
        no_actor=no_actor,
    )
    errors = document_errors(gold, prediction, matches, stopwords=stopwords)
    return scores, errors


def combine(scores: Iterable[Scores]) -> Scores:
    """The scores of several documents together (counts added, sentence labels pooled).

    Equal to adding them up with ``+``, but the label figures are computed once.
    """
    items = list(scores)
    if not items:
        return Scores(0, score_labels([], []), Accuracy())
    gold: list[str] = []
    predicted: list[str] = []
    for item in items:
        gold += item.labels.gold
        predicted += item.labels.predicted
    labels = score_labels(gold, predicted, unmatched=sum(item.labels.unmatched for item in items))
    total = items[0]
    for item in items[1:]:
        total = Scores(
            total.documents + item.documents,
            total.labels,
            total.actors + item.actors,
            add_optional(total.entities, item.entities),
            add_optional(total.boundaries, item.boundaries),
            add_optional(total.motion_links, item.motion_links),
            total.no_actor + item.no_actor,
        )
    return replace(total, labels=labels)
