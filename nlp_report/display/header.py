"""What stands above the text of a report: title, counts, the legend of the labels, the table of contents."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from ..types import SENTENCE_LABELS
from .colours import Palette
from .html import attrs, count, esc, one_space
from .styles import entity_key, label_tag, sentence_key
from .view import ReportView


def header(view: ReportView, title_tag: str) -> str:
    """The title (as ``title_tag``), what the analysis found, and the legend with the count of each label."""
    report = view.report
    title = report.source or "Report"
    counts = [
        count(len(report.sentences), "sentence"),
        count(len(report.entities), "entity", "entities"),
        count(len(report.motions), "motion"),
        count(len(report.sections), "section"),
        count(len(report.footnotes), "footnote"),
    ]
    meta = f"analysed with {esc(report.model)} · " + " · ".join(counts)
    labels: Counter[str | None] = Counter(s.label for s in report.sentences)
    entities: Counter[str] = Counter(e.label for e in report.entities)
    legend = _legend(view.palette, labels, entities)
    return f'<{title_tag} class="nr-title">{esc(title)}</{title_tag}>\n<p class="nr-meta">{meta}</p>\n' + legend


def _legend(p: Palette, labels: Counter[str | None], entities: Counter[str]) -> str:
    legend = ['<div class="nr-legend">', '<span class="nr-legend-head">Sentences</span>']
    shown: list[str | None] = [*SENTENCE_LABELS, *([None] if labels[None] else [])]
    for label in shown:
        tag = label_tag(sentence_key(label), label or "no label")
        legend.append(
            f'<span class="nr-key"{attrs(title=p.sentence(label).description)}>'
            f'{tag}<span class="nr-count">{labels[label]}</span></span>'
        )
    legend.append('<span class="nr-legend-head">Entities</span>')
    others = sorted(set(entities) - set(p.entities))
    for name in [*p.entities, *others]:
        style = p.entities.get(name)
        legend.append(
            f'<span class="nr-key"{attrs(title=style.description if style else None)}>'
            f'<span class="nr-key-e nr-e-{entity_key(name)}">{esc(name)}</span>'
            f'<span class="nr-count">{entities[name]}</span></span>'
        )
    legend.append("</div>")
    return "".join(legend)


def contents(view: ReportView) -> str:
    """The table of contents: the sections with the count of each sentence label (none for fewer than two)."""
    if len(view.sections) < 2:
        return ""
    starts = [s.start for s in view.sections]
    per_section: list[Counter[str | None]] = [Counter() for _ in view.sections]
    for s in view.sentences:
        i = bisect_right(starts, s.start) - 1
        if i >= 0:
            per_section[i][s.label] += 1
    rows = ['<nav class="nr-toc" aria-label="Sections"><ol>']
    for index, (section, counts) in enumerate(zip(view.sections, per_section, strict=True)):
        chips = "".join(
            f'<span class="nr-chip nr-chip-{sentence_key(label)}"'
            f"{attrs(title=str(counts[label]) + ' ' + (label or 'unlabelled'))}>{counts[label]}</span>"
            for label in (*SENTENCE_LABELS, None)
            if counts[label]
        )
        title = esc(one_space(section.title) or one_space(section.text))
        if index in view.headings:
            title = f'<a href="#{esc(view.section_id(index))}">{title}</a>'
        rows.append(f"<li>{title}{chips}</li>")
    rows.append("</ol></nav>")
    return "".join(rows)
