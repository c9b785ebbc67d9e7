"""A list of reports as one table (a plain list cannot have a ``_repr_html_`` of its own)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..types import ENTITY_LABELS, SENTENCE_LABELS, Report
from .colours import palette
from .html import Html, count, esc, table
from .styles import styled


def reports_table(reports: Report | Iterable[Report]) -> Html:
    """A list of reports as one table: document, sentences per label (with a bar), entities per label, motions.

    ``nlp_report.reports_table(reports)`` in a notebook cell shows it; it is
    a ``str`` of HTML otherwise. The figures are those of
    :func:`nlp_report.explore.summary_frame`.
    """
    from ..explore import NO_LABEL, summary_frame

    frame = summary_frame(reports)
    p = palette()
    labels = [*SENTENCE_LABELS, *([NO_LABEL] if frame[NO_LABEL].sum() else [])]
    header = ["document", "sentences", *labels, "labels", *ENTITY_LABELS, "countries", "organisations", "sections"]
    rows: list[list[str]] = []
    totals: Counter[str] = Counter()
    for record in frame.to_dict("records"):
        n = int(record["sentences"])
        bar = "".join(
            f'<span style="width:{100 * int(record[label]) / n:.1f}%;background:{p.sentence(label).colour}"'
            f' title="{esc(label)}: {int(record[label])}"></span>'
            for label in labels
            if n and record[label]
        )
        name = esc(str(record["document"]))
        if record["source"] and record["source"] != record["document"]:
            name = f'<span title="{esc(str(record["source"]))}">{name}</span>'
        row = [name, str(n), *(str(int(record[label])) for label in labels), f'<span class="nr-bar">{bar}</span>']
        row += [str(int(record[label])) for label in ENTITY_LABELS]
        row += [str(int(record["countries"])), str(int(record["organisations"])), str(int(record["sections"]))]
        rows.append(row)
        for key in ("sentences", *labels, *ENTITY_LABELS, "sections"):
            totals[key] += int(record[key])
    if len(rows) > 1:
        rows.append(
            ["<b>total</b>", str(totals["sentences"]), *(str(totals[label]) for label in labels), ""]
            + [str(totals[label]) for label in ENTITY_LABELS]
            + ["", "", str(totals["sections"])]
        )
    caption = count(len(frame), "document")
    html = table(caption, header, rows, cls="nr-reports", raw=True)
    return Html(styled(f'<div class="nlp-report nlp-report-table">{html}</div>'))
