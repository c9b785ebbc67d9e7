"""``evaluate()``: run the pipeline on gold documents and score it beside the baselines."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ArgumentTypeError, EvaluationError, GoldFileError
from .baselines import Baseline, default_baselines
from .gold import GoldDocument, read_gold
from .result import DocumentInfo, Evaluation, SystemEvaluation
from .scoring import Prediction, combine, score_document

if TYPE_CHECKING:
    from ..analyzer import Analyzer
    from ..types import Report
    from .error_analysis import ErrorCase
    from .metrics import Scores

GoldItem = str | Path | GoldDocument
GoldInput = GoldItem | Iterable[GoldItem]
"""A gold file or folder, a :class:`GoldDocument`, or several of them."""


def evaluate(
    gold: GoldInput,
    analyzer: Analyzer | None = None,
    *,
    baselines: bool | Sequence[Baseline] = True,
) -> Evaluation:
    """Analyse every gold document's text and score the result against the gold.

    ``gold`` is a path of a gold file (gold JSONL, Prodigy-style JSONL or a
    ``.spacy`` DocBin, see :func:`read_gold`), a folder of such files (see
    :func:`gold_files`), a :class:`GoldDocument`, or a list of them. ``analyzer`` defaults to ``nlp_report.load()``.
    ``baselines``: ``True`` for the majority-class and cue-words baselines,
    ``False`` for none, or a list of :class:`Baseline` objects.

    Raises :class:`~nlp_report.errors.GoldFormatError` for bad gold data
    and :class:`~nlp_report.errors.EvaluationError` when there is nothing
    to evaluate or two documents share an id.
    """
    docs, origins = load_documents(gold)
    if analyzer is None:
        from ..analyzer import load

        analyzer = load()
    reports = [analyzer.analyze(doc.text, source=doc.source or doc.id) for doc in docs]
    return evaluate_reports(
        docs,
        reports,
        model=analyzer.model,
        baselines=baselines,
        origins=origins,
        trained_on=classifier_training_documents(analyzer),
    )


def classifier_training_documents(analyzer: Analyzer) -> tuple[str, ...]:
    """The ids of the documents the analyzer's sentence classifier was trained on (empty when unknown)."""
    from ..pipeline.classifier import SentenceClassifierComponent

    for _, component in analyzer.nlp.pipeline:
        if isinstance(component, SentenceClassifierComponent):
            return tuple(getattr(component.model, "trained_on_", ()))
    return ()


def evaluate_reports(
    gold: Sequence[GoldDocument],
    reports: Sequence[Report],
    *,
    model: str | None = None,
    baselines: bool | Sequence[Baseline] = True,
    origins: Sequence[str | None] | None = None,
    trained_on: Iterable[str] = (),
) -> Evaluation:
    """Score reports made elsewhere against their gold documents (same order, same texts).

    ``trained_on``: ids of the documents the reports' classifier was trained on (see
    :func:`classifier_training_documents`); the scored ones among them are named in
    :attr:`Evaluation.trained_on`, and the table says their figures are no accuracy.
    """
    docs = list(gold)
    reports = list(reports)
    if not docs:
        raise EvaluationError("no gold documents to evaluate")
    if len(docs) != len(reports):
        raise EvaluationError(f"{len(docs)} gold documents but {len(reports)} reports")
    _check_unique(docs, origins)
    for doc, report in zip(docs, reports, strict=True):
        if report.text != doc.text:
            raise EvaluationError(f"the report for gold document {doc.id!r} was made from another text")
    chosen: list[Baseline]
    if baselines is True:
        chosen = default_baselines(docs)
    elif baselines is False:
        chosen = []
    else:
        chosen = list(baselines)
    labels_only = [is_labels_only(doc) for doc in docs]
    description = f"the pipeline {model or reports[0].model}"
    if any(labels_only):
        description += (
            f"; {sum(labels_only)} of {len(docs)} documents annotated for sentences only (entities not scored)"
        )
    predictions = [
        dataclasses.replace(Prediction.from_report(r), entities=None, motion_links=None)
        if partial
        else Prediction.from_report(r)
        for r, partial in zip(reports, labels_only, strict=True)
    ]
    systems = [_score_system("pipeline", description, docs, predictions)]
    for baseline in chosen:
        predictions = [baseline.predict(r.sentences) for r in reports]
        systems.append(_score_system(baseline.name, baseline.description, docs, predictions))
    infos = tuple(
        DocumentInfo(
            doc.id,
            doc.source,
            origins[i] if origins else None,
            len(doc.sentences),
            len(doc.entities),
            len(doc.motion_links),
        )
        for i, doc in enumerate(docs)
    )
    seen = set(trained_on)
    return Evaluation(
        model=model or reports[0].model,
        documents=infos,
        systems=tuple(systems),
        trained_on=tuple(doc.id for doc in docs if doc.id in seen),
    )


def load_documents(gold: GoldInput) -> tuple[list[GoldDocument], list[str | None]]:
    """The documents of ``gold`` (files are read and checked) and where each came from."""
    items: Iterable[GoldItem] = [gold] if isinstance(gold, (str, Path, GoldDocument)) else gold
    docs: list[GoldDocument] = []
    origins: list[str | None] = []
    for item in items:
        if isinstance(item, GoldDocument):
            docs.append(item)
            origins.append(None)
        elif isinstance(item, (str, Path)):
            for path in gold_files(item):
                found = read_gold(path)
                docs += found
                origins += [str(path)] * len(found)
        else:
            raise ArgumentTypeError(f"gold must be paths or GoldDocument objects, not {type(item).__name__}")
    if not docs:
        raise EvaluationError("no gold documents to evaluate (the files are empty)")
    _check_unique(docs, origins)
    return docs, origins


GOLD_SUFFIXES = (".jsonl", ".spacy")
"""The gold files a folder given to :func:`evaluate` contributes, by suffix."""


def gold_files(path: str | Path) -> list[Path]:
    """``path`` itself, or for a folder its gold files (``*.jsonl``, ``*.spacy``, sorted by name).

    So ``evaluate("../shared/corpus/dev")`` scores the same documents as
    ``nlp-report evaluate ../shared/corpus/dev/*.jsonl``. Raises
    :class:`~nlp_report.errors.GoldFileError` for a folder without gold files.
    """
    path = Path(path)
    if not path.is_dir():
        return [path]
    files = sorted(p for p in path.iterdir() if p.suffix in GOLD_SUFFIXES and p.is_file())
    if not files:
        raise GoldFileError(f"{path}: a folder without gold files (*.jsonl, *.spacy)")
    return files


def _check_unique(docs: Sequence[GoldDocument], origins: Sequence[str | None] | None) -> None:
    seen: dict[str, int] = {}
    for i, doc in enumerate(docs):
        if doc.id in seen:
            first = seen[doc.id]
            where = ""
            if origins:
                where = f" (in {origins[first] or 'a GoldDocument'} and {origins[i] or 'a GoldDocument'})"
            raise EvaluationError(f"two gold documents have the id {doc.id!r}{where}; ids must be unique")
        seen[doc.id] = i


def _score_system(
    name: str, description: str, docs: Sequence[GoldDocument], predictions: Sequence[Prediction]
) -> SystemEvaluation:
    per_doc: dict[str, Scores] = {}
    errors: list[ErrorCase] = []
    for doc, prediction in zip(docs, predictions, strict=True):
        scores, doc_errors = score_document(doc, prediction)
        per_doc[doc.id] = scores
        errors += doc_errors
    return SystemEvaluation(name, description, combine(per_doc.values()), per_doc, tuple(errors))


def is_labels_only(doc: GoldDocument) -> bool:
    """Whether ``doc`` is annotated for its sentences only (stand-off): its entities and links are not scored."""
    from .standoff import LABELS_ONLY

    return bool(doc.meta.get(LABELS_ONLY))
