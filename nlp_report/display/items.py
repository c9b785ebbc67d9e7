"""One sentence or one entity on its own (the ``_repr_html_`` of :class:`~nlp_report.types.Sentence` and ``Entity``).

Inline styles only, no stylesheet: a notebook may show many of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..colours import palette
from ..text import one_line, one_space
from ..types import ENTITY_LABELS, SENTENCE_LABELS, Entity, Report, Sentence
from .html import FONT, Html, attrs, count, esc, styled, table

_TAG_STYLE = (
    "display:inline-block;font-size:.7em;font-weight:700;line-height:1.5;padding:0 .4em;border:1px solid {colour};"
    "vertical-align:.1em;white-space:nowrap;"
)


def render_sentence(sentence: Sentence) -> str:
    """A sentence on one line: its label tag, its actor, its text, and its section (muted)."""
    p = palette()
    style = p.sentence(sentence.label)
    base = _TAG_STYLE.format(colour=style.colour)
    tag = (
        f'<span style="{base}background:{style.colour};color:#fff;text-transform:uppercase;border-radius:3px">'
        f"{esc(sentence.label or 'no label')}</span>"
    )
    actor = ""
    if sentence.actor:
        actor = (
            f' <span style="{base}color:{style.colour};background:#fff;border-radius:3px">'
            f"{esc(one_space(sentence.actor))}</span>"
        )
    section = (
        f' <span style="color:#6b7280;font-size:.85em">§ {esc(one_space(sentence.section))}</span>'
        if sentence.section
        else ""
    )
    text = (
        f'<span style="background:{style.background};border-radius:3px;padding:.1em .2em">'
        f"{esc(one_line(sentence.text))}</span>"
    )
    values = attrs(data_label=sentence.label or "none", data_actor=sentence.actor, data_start=sentence.start)
    return (
        f'<div class="nlp-report-sentence"{values} style="font-family:{esc(FONT)};line-height:1.8">'
        f"{tag}{actor} {text}{section}</div>"
    )


def render_entity(entity: Entity) -> str:
    """An entity displaCy-style: highlighted with its label and ``kb_id``."""
    colour = palette().entity(entity.label)
    label = entity.label + (f" · {entity.kb_id}" if entity.kb_id else "")
    return (
        f'<mark{attrs(data_label=entity.label, data_kb_id=entity.kb_id)} style="background:{colour};'
        f'padding:.1em .35em;border-radius:.35em;line-height:1;color:inherit;font-family:{esc(FONT)}">'
        f"{esc(one_line(entity.text))}"
        f'<span style="font-size:.65em;font-weight:700;margin-left:.4em;vertical-align:.1em">{esc(label)}</span>'
        "</mark>"
    )


# --- A list of reports as one table (a plain list cannot have a ``_repr_html_`` of its own).


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
