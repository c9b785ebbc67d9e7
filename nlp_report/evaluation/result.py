"""The result of an evaluation: figures per system, overall and per document, and the errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..errors import ArgumentError, UnknownNameError
from .error_analysis import ErrorCase
from .metrics import PRF, Accuracy, Scores

if TYPE_CHECKING:
    import pandas as pd

FrameKind = Literal["summary", "entities", "sentences", "confusion", "errors"]
FRAME_KINDS: tuple[FrameKind, ...] = ("summary", "entities", "sentences", "confusion", "errors")


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A gold document that was scored."""

    id: str
    source: str | None
    origin: str | None
    """The file the gold record was read from; ``None`` for a :class:`GoldDocument` passed in."""
    sentences: int
    entities: int
    motion_links: int

    def to_dict(self) -> dict[str, Any]:
        """The system's scores as JSON-safe data."""
        return {
            "id": self.id,
            "source": self.source,
            "origin": self.origin,
            "sentences": self.sentences,
            "entities": self.entities,
            "motion_links": self.motion_links,
        }


@dataclass(frozen=True)
class SystemEvaluation:
    """The figures of one system (the pipeline or a baseline)."""

    name: str
    """``pipeline``, ``majority`` or ``cues``."""
    description: str
    scores: Scores
    """Over all documents: counts added up, sentence labels pooled."""
    documents: Mapping[str, Scores]
    """Per document id."""
    errors: tuple[ErrorCase, ...] = ()

    def to_dict(self, *, per_document: bool = True, errors: bool = False) -> dict[str, Any]:
        """The evaluation as JSON-safe data, optionally with per-document scores and the error cases."""
        data: dict[str, Any] = {"description": self.description, "overall": self.scores.to_dict()}
        if per_document:
            data["documents"] = {doc_id: scores.to_dict() for doc_id, scores in self.documents.items()}
        if errors:
            data["errors"] = [e.to_dict() for e in self.errors]
        return data


@dataclass(frozen=True)
class Evaluation:
    """The pipeline and the baselines scored on a set of gold documents.

    ``systems[0]`` is the pipeline; the baselines follow. Figures are in
    :class:`~nlp_report.evaluation.metrics.Scores`; rates whose denominator
    is zero are ``None``.
    """

    model: str
    """The pipeline that was evaluated, e.g. ``blank:nl``."""
    documents: tuple[DocumentInfo, ...]
    systems: tuple[SystemEvaluation, ...]
    trained_on: tuple[str, ...] = ()
    """The ids of the scored documents that the pipeline's classifier was trained on (its saved
    ``trained_on``): on them the label and actor figures check the pipeline, they are not accuracy.
    Empty under cross-validation, where no document is scored by a model trained on it."""

    @property
    def pipeline(self) -> SystemEvaluation:
        """The evaluation of the pipeline itself."""
        return self.systems[0]

    @property
    def baselines(self) -> tuple[SystemEvaluation, ...]:
        """The evaluations of the baselines."""
        return self.systems[1:]

    @property
    def scores(self) -> Scores:
        """The pipeline's figures over all documents."""
        return self.pipeline.scores

    @property
    def errors(self) -> tuple[ErrorCase, ...]:
        """The pipeline's errors."""
        return self.pipeline.errors

    def system(self, name: str) -> SystemEvaluation:
        """The system called ``name``."""
        for system in self.systems:
            if system.name == name:
                return system
        raise UnknownNameError(f"no system {name!r}; the systems are {', '.join(s.name for s in self.systems)}")

    def to_dict(self, *, per_document: bool = True, errors: bool = False) -> dict[str, Any]:
        """A JSON-safe dict of every figure (``None`` for rates without a denominator)."""
        data: dict[str, Any] = {
            "model": self.model,
            "documents": [d.to_dict() for d in self.documents],
            "systems": {s.name: s.to_dict(per_document=per_document) for s in self.systems},
            "trained_on": list(self.trained_on),
        }
        if errors:
            data["errors"] = [e.to_dict() for e in self.errors]
        return data

    def to_table(self, *, errors: bool = False) -> str:
        """The figures as a text table, as ``nlp-report evaluate`` prints them; with ``errors``, the errors too."""
        from .table import format_table

        return format_table(self, errors=errors)

    def __str__(self) -> str:
        return self.to_table()

    def _repr_html_(self) -> str:
        """Jupyter: the figures as HTML tables with the confusion matrix (``display.render_evaluation``)."""
        from ..display import render_evaluation

        return render_evaluation(self)

    def to_frame(
        self, kind: FrameKind = "summary", *, system: str | None = None, per_document: bool = False
    ) -> pd.DataFrame:
        """The figures as a :class:`pandas.DataFrame`.

        * ``"summary"``: one row per system (the headline figures);
        * ``"entities"``: per system that tags entities and label, plus ``micro``;
        * ``"sentences"``: sentence labels, per system and label;
        * ``"confusion"``: the confusion matrix of ``system`` (default the
          pipeline): gold labels as rows, predicted labels as columns;
        * ``"errors"``: the errors of ``system`` (default the pipeline).

        ``system`` limits the rows to one system; ``per_document`` gives a
        row per document (column ``document``) instead of the overall ones
        (not for ``confusion`` and ``errors``).
        """
        import pandas as pd

        if kind not in FRAME_KINDS:
            raise ArgumentError(f"kind must be one of {', '.join(map(repr, FRAME_KINDS))}, not {kind!r}")
        if kind == "confusion":
            confusion = self.system(system or "pipeline").scores.labels.confusion
            frame: pd.DataFrame = pd.DataFrame(
                [list(row) for row in confusion.matrix],
                index=pd.Index(list(confusion.gold_labels), name="gold"),
                columns=pd.Index(list(confusion.predicted_labels), name="predicted"),
            )
            return frame
        if kind == "errors":
            columns = ["document", "task", "kind", "start", "end", "text", "gold", "predicted", "note"]
            chosen = self.system(system or "pipeline")
            errors: pd.DataFrame = pd.DataFrame([e.to_dict() for e in chosen.errors], columns=columns)
            return errors
        systems = [self.system(system)] if system else list(self.systems)
        rows: list[dict[str, Any]] = []
        for sys in systems:
            parts = (
                [(doc_id, scores) for doc_id, scores in sys.documents.items()] if per_document else [(None, sys.scores)]
            )
            for doc_id, scores in parts:
                prefix: dict[str, Any] = {"system": sys.name}
                if per_document:
                    prefix["document"] = doc_id
                if kind == "summary":
                    rows.append({**prefix, **_summary_row(scores)})
                elif kind == "entities":
                    if scores.entities is None:
                        continue
                    for label, prf in scores.entities.per_label.items():
                        rows.append(
                            {
                                **prefix,
                                "label": label,
                                **_prf_row(prf),
                                **_acc_row(scores.entities.kb_ids[label], "kb_id"),
                            }
                        )
                    rows.append(
                        {
                            **prefix,
                            "label": "micro",
                            **_prf_row(scores.entities.micro),
                            **_acc_row(scores.entities.kb_id, "kb_id"),
                        }
                    )
                else:
                    for label, prf in scores.labels.per_label.items():
                        rows.append({**prefix, "label": label, **_prf_row(prf)})
        table: pd.DataFrame = pd.DataFrame(rows)
        return table


def _prf_row(prf: PRF) -> dict[str, Any]:
    return {
        "support": prf.support,
        "predicted": prf.predicted,
        "tp": prf.tp,
        "fp": prf.fp,
        "fn": prf.fn,
        "precision": _nan(prf.precision),
        "recall": _nan(prf.recall),
        "f1": _nan(prf.f1),
    }


def _acc_row(acc: Accuracy | None, name: str) -> dict[str, Any]:
    if acc is None:
        return {f"{name}_correct": None, f"{name}_total": None, f"{name}_accuracy": float("nan")}
    return {f"{name}_correct": acc.correct, f"{name}_total": acc.total, f"{name}_accuracy": _nan(acc.value)}


def _summary_row(scores: Scores) -> dict[str, Any]:
    ents = scores.entities
    row: dict[str, Any] = {
        "documents": scores.documents,
        "entity_precision": _nan(ents.micro.precision if ents else None),
        "entity_recall": _nan(ents.micro.recall if ents else None),
        "entity_f1": _nan(ents.micro.f1 if ents else None),
        "kb_id_accuracy": _nan(ents.kb_id.value if ents else None),
        "boundary_precision": _nan(scores.boundaries.precision if scores.boundaries else None),
        "boundary_recall": _nan(scores.boundaries.recall if scores.boundaries else None),
        "boundary_f1": _nan(scores.boundaries.f1 if scores.boundaries else None),
        "label_macro_f1": _nan(scores.labels.macro_f1),
        "label_accuracy": _nan(scores.labels.accuracy.value),
        "actor_accuracy": _nan(scores.actors.value),
        "no_actor_accuracy": _nan(scores.no_actor.value),
        "motion_link_accuracy": _nan(scores.motion_links.value if scores.motion_links else None),
    }
    return row


def _nan(value: float | None) -> float:
    return float("nan") if value is None else value
