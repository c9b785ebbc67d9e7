"""Plots of reports and evaluations, with matplotlib (``pip install "nlp_report[notebook]"``).

Every function draws on ``ax`` when given, else on a new figure, and
returns the :class:`matplotlib.axes.Axes` (its figure is ``ax.figure``); none
calls ``plt.show()``. The figures are drawn from the tables of
:mod:`nlp_report.explore`, which give the same numbers as data, and in the
colours of ``nlp_report/data/display/colours.json``.

* :func:`label_distribution`: sentences per label, per section or per document;
* :func:`entities_per_document`: countries and organisations mentioned per document;
* :func:`entity_heatmap`: which countries (or organisations) each document mentions, how often;
* :func:`netherlands_positions`: the Netherlands' positions (and decisions) per document;
* :func:`confusion_matrix`: the confusion matrix of an :class:`~nlp_report.evaluation.result.Evaluation`.

matplotlib is imported only when a function is called, so ``import
nlp_report.plots`` works without it; a call then raises
:class:`PlotDependencyError`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from .errors import PlotDependencyError
from .explore import (
    NO_LABEL,
    GroupBy,
    Reports,
    as_reports,
    document_names,
    entity_counts,
    entity_names,
    label_counts,
    netherlands_sentences,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .evaluation.result import Evaluation

__all__ = [
    "PlotDependencyError",
    "confusion_matrix",
    "entities_per_document",
    "entity_heatmap",
    "label_distribution",
    "netherlands_positions",
]


def _pyplot() -> ModuleType:
    try:
        import matplotlib.pyplot as plt
    except ImportError as err:
        raise PlotDependencyError(
            'the plots need matplotlib: pip install "nlp_report[notebook]" (or pip install matplotlib)'
        ) from err
    return plt


def _axes(ax: Axes | None, width: float, height: float) -> Axes:
    if ax is not None:
        return ax
    plt = _pyplot()
    new: Axes
    _, new = plt.subplots(figsize=(width, height), layout="constrained")
    return new


def _label_colour(label: str) -> str:
    from .display import palette

    return palette().sentence(None if label == NO_LABEL else label).colour


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _legend(ax: Axes) -> None:
    """The legend right of the plot, where it hides no bar."""
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)


def _height(rows: int) -> float:
    return max(2.4, 0.32 * rows + 1.3)


def _stacked_barh(
    ax: Axes, names: Sequence[str], columns: Sequence[str], values: Sequence[Sequence[float]], colours: Sequence[str]
) -> None:
    """Horizontal bars, one per name (the first at the top), stacked by column."""
    positions = list(range(len(names)))
    left = [0.0] * len(names)
    for j, (column, colour) in enumerate(zip(columns, colours, strict=True)):
        widths = [float(row[j]) for row in values]
        ax.barh(positions, widths, left=left, color=colour, label=column, edgecolor="white", linewidth=0.6)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(positions, list(names))
    ax.set_ylim(len(names) - 0.5, -0.5)  # the first row at the top
    ax.grid(axis="x", color="#e5e7eb", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


# --- reports ------------------------------------------------------------------------------


def label_distribution(
    reports: Reports,
    *,
    by: GroupBy = "section",
    normalize: bool = False,
    ax: Axes | None = None,
    max_label: int = 60,
) -> Axes:
    """Sentences per label (position, decision, context) as stacked bars, per section or per document.

    ``by="section"``: a bar per section of each document, in text order
    (named by the heading; with several documents ``document · heading``);
    ``by="document"``: a bar per document. ``normalize``: shares instead of
    counts. Long names are cut at ``max_label`` characters. The numbers are
    :func:`nlp_report.explore.label_counts`.
    """
    items = as_reports(reports)
    frame = label_counts(items, by=by)
    several = len(items) > 1
    if by == "section":
        names = [
            _shorten(f"{doc} · {section}" if several else section, max_label) for doc, section in frame.index.tolist()
        ]
    else:
        names = [_shorten(str(name), max_label) for name in frame.index.tolist()]
    columns = [str(c) for c in frame.columns]
    rows: list[list[float]] = [[float(v) for v in row] for row in frame.to_numpy().tolist()]
    if normalize:
        rows = [[v / sum(row) if sum(row) else 0.0 for v in row] for row in rows]
    ax = _axes(ax, 9.0, _height(len(names)))
    _stacked_barh(ax, names, columns, rows, [_label_colour(c) for c in columns])
    ax.set_xlabel("share of sentences" if normalize else "sentences")
    ax.set_title(f"Sentence labels per {by}")
    if normalize:
        ax.set_xlim(0, 1)
    _legend(ax)
    return ax


def entities_per_document(
    reports: Reports,
    *,
    labels: Sequence[str] = ("COUNTRY", "ORG"),
    distinct: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """How many countries and organisations each document mentions: grouped bars per document.

    ``distinct``: different entities (by ``kb_id``), else every mention.
    ``labels``: the entity labels to count, one bar each.
    """
    from .display import palette

    items = as_reports(reports)
    names = document_names(items)
    counts: list[list[int]] = [[0] * len(labels) for _ in items]
    for j, label in enumerate(labels):
        frame = entity_counts(items, label)
        totals = (frame > 0).sum(axis=1) if distinct else frame.sum(axis=1)
        for i, value in enumerate(totals.tolist()):
            counts[i][j] = int(value)
    ax = _axes(ax, 9.0, _height(round(len(names) * max(1, len(labels)) * 0.6)))
    height = 0.8 / max(1, len(labels))
    for j, label in enumerate(labels):
        offsets = [i - 0.4 + height * (j + 0.5) for i in range(len(names))]
        values = [row[j] for row in counts]
        bars = ax.barh(
            offsets,
            values,
            height=height,
            color=palette().entity(label),
            edgecolor="#6b7280",
            linewidth=0.5,
            label=label,
        )
        ax.bar_label(bars, padding=2, fontsize="x-small")
    ax.set_yticks(list(range(len(names))), names)
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.set_xlabel("different entities (kb_id)" if distinct else "mentions")
    what = " and ".join({"COUNTRY": "countries", "ORG": "organisations"}.get(lab, lab) for lab in labels)
    ax.set_title(f"{what[:1].upper()}{what[1:]} mentioned per document")
    ax.grid(axis="x", color="#e5e7eb", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    _legend(ax)
    return ax


def entity_heatmap(
    reports: Reports,
    label: str = "COUNTRY",
    *,
    top: int = 20,
    ax: Axes | None = None,
) -> Axes:
    """Mentions of the ``top`` most mentioned entities of ``label`` (columns) in each document (rows).

    Columns are named by the form the documents use most (``Oekraïne``);
    each cell gives the count. The numbers are
    :func:`nlp_report.explore.entity_counts`.
    """
    items = as_reports(reports)
    frame = entity_counts(items, label, top=top)
    names = entity_names(items, label)
    columns = [names.get(str(key), str(key)) for key in frame.columns]
    rows = frame.index.tolist()
    ax = _axes(ax, max(6.0, 0.42 * len(columns) + 3.0), _height(len(rows)))
    values = frame.to_numpy()
    image = ax.imshow(values, cmap="Oranges" if label == "COUNTRY" else "Blues", aspect="auto", vmin=0)
    high = values.max() if values.size else 0
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if values[i, j]:
                colour = "white" if values[i, j] > 0.6 * high else "#1f2937"
                ax.text(j, i, str(values[i, j]), ha="center", va="center", fontsize="x-small", color=colour)
    ax.set_xticks(list(range(len(columns))), columns, rotation=60, ha="right", fontsize="small")
    ax.set_yticks(list(range(len(rows))), rows, fontsize="small")
    ax.set_title(f"Mentions of {label} per document (top {len(columns)})")
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label="mentions")
    return ax


def netherlands_positions(
    reports: Reports,
    *,
    labels: Sequence[str] = ("position", "decision"),
    match: Callable[[str | None], bool] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The Netherlands' positions (and decisions) per document, as stacked bars.

    Sentences of ``labels`` whose actor is the Netherlands
    (:func:`nlp_report.explore.is_netherlands`, or ``match``). Each bar is
    annotated with the share of the document's sentences of those labels
    that the Netherlands holds. The sentences are
    :func:`nlp_report.explore.netherlands_sentences`.
    """
    items = as_reports(reports)
    names = document_names(items)
    dutch = netherlands_sentences(items, labels, match=match)
    rows: list[list[float]] = []
    for name in names:
        chosen = dutch[dutch["document"] == name]
        rows.append([float((chosen["label"] == label).sum()) for label in labels])
    totals = [sum(1 for s in report.sentences if s.label in labels) for report in items]
    ax = _axes(ax, 9.0, _height(len(names)))
    _stacked_barh(ax, names, list(labels), rows, [_label_colour(label) for label in labels])
    for i, (row, total) in enumerate(zip(rows, totals, strict=True)):
        count = int(sum(row))
        share = f"{count} of {total}" if total else "0"
        ax.annotate(share, (sum(row), i), xytext=(4, 0), textcoords="offset points", va="center", fontsize="x-small")
    ax.set_xlabel("sentences whose actor is the Netherlands")
    ax.set_title(f"The Netherlands: {' and '.join(f'{label}s' for label in labels)} per document")
    ax.margins(x=0.12)
    _legend(ax)
    return ax


# --- evaluation ---------------------------------------------------------------------------


def confusion_matrix(
    evaluation: Evaluation,
    *,
    system: str = "pipeline",
    normalize: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """The confusion matrix of the sentence labels of ``system``: gold labels as rows, predicted as columns.

    ``normalize``: each row as shares of its gold label (the diagonal is
    then the recall). Cells are annotated with the count (and the share).
    The column ``none`` counts gold sentences that got no label.
    """
    confusion = evaluation.system(system).scores.labels.confusion
    counts: list[list[int]] = [list(row) for row in confusion.matrix]
    totals = [sum(row) for row in counts]
    values: list[list[float]] = [
        [count / total if normalize and total else float(count) for count in row]
        for row, total in zip(counts, totals, strict=True)
    ]
    ax = _axes(ax, 5.6, 4.2)
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=1 if normalize else None)
    high = max((max(row) for row in values), default=0.0)
    for i, row in enumerate(counts):
        for j, count in enumerate(row):
            text = f"{count}\n{values[i][j]:.0%}" if normalize else str(count)
            colour = "white" if values[i][j] > 0.6 * high and high else "#1f2937"
            ax.text(j, i, text, ha="center", va="center", fontsize="small", color=colour)
    ax.set_xticks(list(range(len(confusion.predicted_labels))), list(confusion.predicted_labels))
    ax.set_yticks(list(range(len(confusion.gold_labels))), list(confusion.gold_labels))
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    accuracy = evaluation.system(system).scores.labels.accuracy
    value = "-" if accuracy.value is None else f"{accuracy.value:.0%}"
    ax.set_title(f"Sentence labels, {system}: accuracy {value} ({accuracy.correct}/{accuracy.total})")
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label="share of the gold label" if normalize else "sentences")
    return ax
