"""The figures of an evaluation: counts with precision, recall, F1; accuracies; confusion matrices.

Every figure keeps its counts, so figures of several documents add up
(``a + b``) and every rate can be checked by hand. A rate whose denominator
is zero is ``None`` (shown as ``-``), never a made-up 0 or 1:

* precision = tp / (tp + fp), ``None`` when nothing was predicted;
* recall = tp / (tp + fn), ``None`` when there is nothing to find;
* F1 = 2 tp / (2 tp + fp + fn), ``None`` only when both are empty (so F1 is
  0.0 when there is something to find and nothing is found).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..types import ENTITY_LABELS, SENTENCE_LABELS

NO_PREDICTION = "none"
"""The predicted label of a gold sentence that no predicted sentence overlaps, or
whose predicted sentence has no label."""


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> PRF:
        """The figures of these counts (the definitions in the module docstring)."""
        return cls(
            tp,
            fp,
            fn,
            tp / (tp + fp) if tp + fp else None,
            tp / (tp + fn) if tp + fn else None,
            2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None,
        )

    @property
    def support(self) -> int:
        """How many gold items there are (tp + fn)."""
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        """How many items were predicted (tp + fp)."""
        return self.tp + self.fp

    def __add__(self, other: PRF) -> PRF:
        return PRF.from_counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.support,
            "predicted": self.predicted,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    """``correct`` out of ``total``."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """correct / total, ``None`` when there is nothing to score."""
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass(frozen=True)
class EntityScores:
    """Entities scored on exact span and label, per label; ``kb_id`` on the correct spans."""

    per_label: Mapping[str, PRF] = field(default_factory=lambda: {label: PRF() for label in ENTITY_LABELS})
    kb_ids: Mapping[str, Accuracy] = field(default_factory=lambda: {label: Accuracy() for label in ENTITY_LABELS})
    """Per label: of the correctly found entities whose gold has a ``kb_id``, how many have the same one."""

    @property
    def micro(self) -> PRF:
        """Micro-average: the counts of every label added up."""
        total = PRF.from_counts(0, 0, 0)
        for prf in self.per_label.values():
            total = total + prf
        return total

    @property
    def kb_id(self) -> Accuracy:
        """``kb_id`` accuracy over every label."""
        total = Accuracy()
        for acc in self.kb_ids.values():
            total = total + acc
        return total

    def __add__(self, other: EntityScores) -> EntityScores:
        labels = list(dict.fromkeys([*self.per_label, *other.per_label]))
        return EntityScores(
            {label: self.per_label.get(label, PRF()) + other.per_label.get(label, PRF()) for label in labels},
            {label: self.kb_ids.get(label, Accuracy()) + other.kb_ids.get(label, Accuracy()) for label in labels},
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "per_label": {
                label: {**prf.to_dict(), "kb_id": self.kb_ids[label].to_dict()} for label, prf in self.per_label.items()
            },
            "micro": self.micro.to_dict(),
            "kb_id": self.kb_id.to_dict(),
        }


@dataclass(frozen=True)
class Confusion:
    """A confusion matrix: rows are gold labels, columns predicted labels (``none`` last)."""

    gold_labels: tuple[str, ...]
    predicted_labels: tuple[str, ...]
    matrix: tuple[tuple[int, ...], ...]

    def count(self, gold: str, predicted: str) -> int:
        """How many gold ``gold`` sentences got the label ``predicted``."""
        return self.matrix[self.gold_labels.index(gold)][self.predicted_labels.index(predicted)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_labels": list(self.gold_labels),
            "predicted_labels": list(self.predicted_labels),
            "matrix": [list(row) for row in self.matrix],
        }


@dataclass(frozen=True)
class LabelScores:
    """Sentence labels: each gold sentence against the label of its matched predicted sentence.

    Computed with scikit-learn from :attr:`gold` and :attr:`predicted` (one
    item per gold sentence). A gold sentence that no predicted sentence
    overlaps, or whose predicted sentence has no label, has the predicted
    label ``"none"``: it counts as a false negative of its gold label, as a
    false positive of no label, and as wrong in the accuracy.
    """

    gold: tuple[str, ...] = ()
    predicted: tuple[str, ...] = ()
    per_label: Mapping[str, PRF] = field(default_factory=dict)
    macro_f1: float | None = None
    """Mean F1 of the three labels; a label with no gold and no predicted sentence (F1 ``None``) is left out."""
    accuracy: Accuracy = field(default_factory=Accuracy)
    confusion: Confusion = field(
        default_factory=lambda: Confusion(SENTENCE_LABELS, (*SENTENCE_LABELS, NO_PREDICTION), ((0, 0, 0, 0),) * 3)
    )
    unmatched: int = 0
    """Gold sentences that no predicted sentence overlaps."""

    @property
    def unlabelled(self) -> int:
        """Gold sentences whose predicted label is ``none`` (unmatched, or matched to an unlabelled sentence)."""
        return sum(1 for p in self.predicted if p == NO_PREDICTION)

    def __add__(self, other: LabelScores) -> LabelScores:
        from .scoring import score_labels

        return score_labels(
            self.gold + other.gold, self.predicted + other.predicted, unmatched=self.unmatched + other.unmatched
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "per_label": {label: prf.to_dict() for label, prf in self.per_label.items()},
            "macro_f1": self.macro_f1,
            "accuracy": self.accuracy.to_dict(),
            "confusion": self.confusion.to_dict(),
            "unmatched": self.unmatched,
            "unlabelled": self.unlabelled,
        }


@dataclass(frozen=True)
class Scores:
    """Everything scored for one system on one document or on a set of documents.

    A field is ``None`` when the system does not do that task (the baselines
    only label sentences: they have no entities, boundaries or motion links).
    """

    documents: int
    labels: LabelScores
    actors: Accuracy
    """Actor accuracy on the gold sentences that name an actor: the actor of the matched predicted
    sentence shares a content word with the gold actor (``actor_accuracy`` in tables)."""
    entities: EntityScores | None = None
    boundaries: PRF | None = None
    """Sentence spans, scored as exact spans."""
    motion_links: Accuracy | None = None
    """Gold motion links found: a predicted motion with the same span and the same Kamerstuk ``kb_id``."""
    no_actor: Accuracy = field(default_factory=Accuracy)
    """No-actor accuracy on the gold sentences that name no actor (context sentences included): right
    when the matched predicted sentence has no actor either; a predicted actor there is an error
    (``no_actor_accuracy`` in tables)."""

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.documents + other.documents,
            self.labels + other.labels,
            self.actors + other.actors,
            add_optional(self.entities, other.entities),
            add_optional(self.boundaries, other.boundaries),
            add_optional(self.motion_links, other.motion_links),
            self.no_actor + other.no_actor,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "entities": None if self.entities is None else self.entities.to_dict(),
            "boundaries": None if self.boundaries is None else self.boundaries.to_dict(),
            "labels": self.labels.to_dict(),
            "actors": self.actors.to_dict(),
            "no_actor": self.no_actor.to_dict(),
            "motion_links": None if self.motion_links is None else self.motion_links.to_dict(),
        }


def add_optional(a: Any, b: Any) -> Any:
    """``a + b``, where ``None`` (not scored) adds nothing."""
    if a is None:
        return b
    if b is None:
        return a
    return a + b
