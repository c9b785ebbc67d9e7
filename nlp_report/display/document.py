"""A report as HTML: :func:`render` a full page, :func:`render_fragment` a ``<div>`` for a notebook.

How a report is drawn
---------------------
The page walks the ORIGINAL text (``report.text``) by offsets:

* headings (``report.sections``) are ``<h2>``; a table of contents lists them
  with the number of sentences of each label;
* body sentences are inline ``<span class="nr-s">`` elements tinted with their
  label's colour, starting with a visible tag (``position``, ``decision``,
  ``context``) and the actor; the element carries ``data-label``,
  ``data-actor``, ``data-section``, ``data-start`` and ``data-end``;
* sentences are grouped in paragraphs as the layout stage finds them;
* entities are displaCy-style ``<mark class="nr-e">`` elements with their label,
  and the ``kb_id`` (for a motion also its Kamerstuk) as a tooltip and in
  ``data-kb-id``;
* a footnote marker (``motie Van Haga1``) is a link to the footnote, listed
  at the end with a link back; the footnote lines are not repeated where
  they stand in the text (at a page foot);
* the motions and their Kamerstukken are listed at the end, linked to
  officielebekendmakingen.nl;
* text that is not a body sentence (header block, salutation, signature) is
  shown muted, line by line; page furniture (running headers, references
  repeated on every page) is left out unless ``furniture=True``;
* the hard line wraps of PDF text are shown as spaces, and a word hyphenated
  at a line end is joined (``NAVO-\nministers`` -> ``NAVO-ministers``), as
  the layout stage does.

Everything taken from the report is escaped. The page loads nothing (inline
``<style>``, system fonts); the only links leaving the page go to the
Kamerstukken. The full page (:func:`render`) carries one inline script,
``nlp_report/data/display/filters.js``: a filter bar that shows only the
sentences of the chosen labels, actor, entity and section, working offline
from the ``data-*`` attributes of the page. The notebook fragment has no
script (notebooks do not run the scripts of an output).

The page is drawn in parts (header, contents, body with its inline marks,
footnotes, motions), all reading one :class:`ReportView` of the report.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..colours import Palette, palette
from ..resources import read_text
from ..text import BLANK_LINE, SUPERSCRIPT_DIGITS, WRAP_HYPHENS, one_space
from ..types import SENTENCE_LABELS, Entity, Footnote, Report
from .html import attrs, count, entity_key, esc, label_tag, sentence_key, styled, stylesheet


def render_fragment(
    report: Report, *, furniture: bool = False, entity_labels: bool = True, id_prefix: str | None = None
) -> str:
    """The report as an HTML ``<div>`` with its own ``<style>`` (what a notebook shows).

    Element ids (``fn-1``, ``sec-2``, ``s-14``) get ``id_prefix``; by default
    one derived from the report, so several reports on one notebook page do
    not share ids.
    """
    prefix = _prefix(report) if id_prefix is None else id_prefix
    view = ReportView(report, prefix=prefix, furniture=furniture, entity_labels=entity_labels)
    return styled(_fragment(view, title_tag="div"))


def render(report: Report, *, furniture: bool = False, entity_labels: bool = True, id_prefix: str = "") -> str:
    """The report as a full, self-contained HTML5 page (``<!DOCTYPE html>...``).

    ``furniture``: show the page furniture (running headers, repeated
    references) muted where it stands instead of leaving it out.
    ``entity_labels``: write the label after each entity (displaCy-style);
    without, the label is in the tooltip and the colour only. Ids are
    ``fn-N`` (footnotes), ``fnref-N`` (their markers), ``sec-N`` (headings)
    and ``s-N`` (sentences), after ``id_prefix``.
    """
    view = ReportView(report, prefix=id_prefix, furniture=furniture, entity_labels=entity_labels)
    title = f"{report.source or 'Report'} · nlp_report"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="nlp_report">\n<title>{esc(title)}</title>\n'
        f"<style>{stylesheet()}\nbody{{margin:1.5rem auto;max-width:64rem}}</style>\n</head>\n<body>\n"
        f"{_fragment(view, title_tag='h1')}\n<script>\n{filter_script()}</script>\n</body>\n</html>\n"
    )


def filter_script() -> str:
    """The page's filter bar (by label, actor, entity, section): ``data/display/filters.js``."""
    return read_text("display/filters.js")


def _fragment(view: ReportView, *, title_tag: str) -> str:
    parts = [f'<div class="nlp-report"{attrs(id=f"{view.prefix}report", lang="nl")}>']
    parts.append(header(view, title_tag))
    parts.append(contents(view))
    parts.append('<div class="nr-doc">')
    parts.extend(body(view))
    parts.append("</div>")
    parts.append(notes(view))
    parts.append(motions(view))
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def _prefix(report: Report) -> str:
    """An id prefix unique to the report, so several reports in one notebook keep their links apart."""
    digest = hashlib.blake2b(f"{report.source}\x00{report.text}".encode("utf-8", "replace"), digest_size=4)
    return f"nr{digest.hexdigest()}-"


# --- Ranges of the original text as they read (:class:`Flow`), and overlap look-ups on spans (:class:`Spans`).


_GAP = re.compile(r"[\s\u00ad\u200b]+")


class Flow:
    """Renders ranges of the original text as it reads: line wraps as spaces, hyphen wraps joined.

    ``hidden`` ranges (footnote lines, page furniture) count as white space,
    so a sentence that runs on across a page foot reads on.
    """

    def __init__(self, text: str, hidden: Sequence[tuple[int, int]]) -> None:
        self.text = text
        runs: list[tuple[int, int]] = [m.span() for m in _GAP.finditer(text)]
        merged: list[list[int]] = []
        for start, end in sorted([*runs, *((s, e) for s, e in hidden if e > s)]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]
        self.replacements = [self._replacement(s, e) for s, e in merged]

    def _replacement(self, start: int, end: int) -> str:
        text = self.text
        gap = text[start:end]
        if not any(c.isspace() for c in gap):
            return ""  # soft hyphens and zero-width spaces inside a word
        after = text[end : end + 1]
        if "\n" in gap and after.isalnum():
            if "\u00ad" in gap:
                return ""
            glued = gap.startswith(("\n", "\r\n"))  # no space between the hyphen and the line break
            if glued and start >= 2 and text[start - 1] in WRAP_HYPHENS and text[start - 2].isalnum():
                return ""
        return " "

    def _pieces(self, start: int, end: int) -> Iterator[tuple[int, int, int | None]]:
        """``[start, end)`` in order as ``(s, e, None)`` for visible text and ``(s, e, i)`` for the gap ``i``.

        A gap keeps its own offsets (it may begin before ``start`` or end after ``end``).
        """
        pos = start
        i = max(bisect_right(self.starts, start) - 1, 0)
        while i < len(self.starts) and self.starts[i] < end:
            s, e = self.starts[i], self.ends[i]
            if e > pos:
                if s > pos:
                    yield pos, s, None
                yield s, e, i
                pos = max(pos, min(e, end))
            i += 1
        if pos < end:
            yield pos, end, None

    def render(self, start: int, end: int) -> str:
        """``text[start:end]`` escaped, each gap as its replacement (a gap begun before ``start`` as nothing)."""
        out: list[str] = []
        for s, e, gap in self._pieces(start, end):
            if gap is None:
                out.append(esc(self.text[s:e]))
            elif s >= start:
                out.append(self.replacements[gap])
        return "".join(out)

    def hidden_or_blank(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is only white space and hidden text."""
        if start >= end:
            return True
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.ends[i] >= end

    def separator(self, start: int, end: int) -> str:
        """What stands between two elements at ``start`` and ``end`` (a space, nothing for a hyphen wrap)."""
        if start >= end:
            return ""
        i = bisect_left(self.starts, start)
        if i < len(self.starts) and self.starts[i] == start:
            return self.replacements[i]
        return " "

    def visible(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of ``[start, end)`` outside white space and hidden text."""
        return [(s, e) for s, e, gap in self._pieces(start, end) if gap is None]


class Spans:
    """Spans, asked in O(log n) whether one of them overlaps or contains a range."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_end: list[int] = []  # the largest end among the first i + 1 spans
        for _, end in ordered:
            self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the spans that start before ``end``
        return i > 0 and self.max_end[i - 1] > start

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)  # the spans that start at or before ``start``
        return i > 0 and self.max_end[i - 1] >= end


# --- A report as the display sees it: its items clipped to the text, the layout, element ids, what is hidden.


class ReportView:
    """What rendering a report needs, worked out once: the parts of the page read from here."""

    def __init__(self, report: Report, *, prefix: str, furniture: bool, entity_labels: bool) -> None:
        self.report = report
        self.text = report.text
        self.prefix = prefix
        self.entity_labels = entity_labels
        self.palette = palette()
        self.furniture = list(report.furniture)
        self.furniture_spans = Spans(self.furniture)
        blocks = sorted((b.start, b.end, b.kind) for b in report.blocks)
        self.block_starts = [b[0] for b in blocks]
        self.blocks = blocks
        self.show_furniture = furniture
        n = len(self.text)
        self.sentences = [s for s in report.sentences if 0 <= s.start < s.end <= n]
        self.sections = [s for s in report.sections if 0 <= s.start < s.end <= n]
        sentence_spans = Spans((s.start, s.end) for s in self.sentences)
        # a heading that overlaps a sentence (a pipeline that took it for one) is shown as the sentence
        self.headings = [i for i, h in enumerate(self.sections) if not sentence_spans.overlaps(h.start, h.end)]
        self.entities = sorted(
            (e for e in report.entities if 0 <= e.start < e.end <= n), key=lambda e: (e.start, -e.end)
        )
        self.entity_starts = [e.start for e in self.entities]
        self.max_entity = max((e.end - e.start for e in self.entities), default=0)
        self._ids(report.footnotes)
        self.note_regions = [self._note_region(f) for f in report.footnotes if 0 <= f.start <= f.end <= n]
        hidden = self.note_regions + ([] if furniture else self.furniture)
        self.flow = Flow(self.text, hidden)
        # footnote texts are read with the footnote lines shown (built only when there are footnotes)
        self.note_flow = Flow(self.text, [] if furniture else self.furniture) if self.note_regions else self.flow
        self.motion_kamerstuk = {
            (x.start, x.end): m.kamerstuk.kb_id for m in report.motions if m.kamerstuk for x in m.mentions
        }

    def _ids(self, footnotes: Sequence[Footnote]) -> None:
        """The ids of the footnotes and of their markers; the markers in the text, in order."""
        self.note_ids: list[str] = []
        self.ref_ids: list[str | None] = []
        used: Counter[int] = Counter()
        refs: list[tuple[int, int, int]] = []
        for index, note in enumerate(footnotes):
            used[note.number] += 1
            suffix = f"{note.number}" if used[note.number] == 1 else f"{note.number}-{used[note.number]}"
            self.note_ids.append(f"{self.prefix}fn-{suffix}")
            ms, me = note.marker_start, note.marker_end
            if ms is not None and me is not None and 0 <= ms < me <= len(self.text):
                self.ref_ids.append(f"{self.prefix}fnref-{suffix}")
                refs.append((ms, me, index))
            else:
                self.ref_ids.append(None)
        refs.sort()
        self.refs = refs
        self.ref_starts = [r[0] for r in refs]

    def _note_region(self, note: Footnote) -> tuple[int, int]:
        """The footnote's lines in the text, with its number (``2 Kamerstuk ...``)."""
        line_start = self.text.rfind("\n", 0, note.start) + 1
        prefix = self.text[line_start : note.start].strip()
        if prefix.strip("0123456789" + SUPERSCRIPT_DIGITS + ".)") == "":
            return line_start, note.end
        return note.start, note.end

    def section_id(self, index: int) -> str:
        return f"{self.prefix}sec-{index + 1}"

    def kind(self, offset: int) -> str:
        """What the layout stage took the text at ``offset`` for (``header``, ``signature``, ``furniture``...)."""
        if self.furniture_spans.contains(offset, offset + 1):
            return "furniture"
        i = bisect_right(self.block_starts, offset) - 1
        if i >= 0 and offset < self.blocks[i][1]:
            return self.blocks[i][2]
        return "text"


# --- Text inside a sentence, heading or footnote: entities as ``<mark>``, footnote markers as links.


def inline(view: ReportView, start: int, end: int, flow: Flow | None = None) -> str:
    """``text[start:end]`` with its entities and footnote markers (read by ``flow``, the body's by default)."""
    flow = flow or view.flow
    lo = bisect_left(view.entity_starts, start - view.max_entity)
    hi = bisect_left(view.entity_starts, end)
    inside = [
        (max(e.start, start), min(e.end, end), e) for e in view.entities[lo:hi] if e.end > start and e.start < end
    ]
    return _marks(view, start, end, inside, flow)


def ref(view: ReportView, index: int, start: int, end: int) -> str:
    """The marker of footnote ``index`` at ``text[start:end]``, a link to the footnote."""
    note = view.report.footnotes[index]
    return (
        f'<sup class="nr-ref"><a{attrs(href=f"#{view.note_ids[index]}", id=view.ref_ids[index])}'
        f"{attrs(title=f'footnote {note.number}', data_footnote=note.number)}>"
        f"{esc(view.text[start:end])}</a></sup>"
    )


def _marks(view: ReportView, start: int, end: int, entities: list[tuple[int, int, Entity]], flow: Flow) -> str:
    out: list[str] = []
    pos = start
    i = 0
    while i < len(entities):
        s, t, entity = entities[i]
        s = max(s, pos)  # an entity crossing the one before keeps its part after it
        j = i + 1
        children = []
        while j < len(entities) and entities[j][0] < t:
            cs, ct, child = entities[j]
            children.append((cs, min(ct, t), child))
            j += 1
        if s < t and not flow.hidden_or_blank(s, t):
            out.append(_plain(view, pos, s, flow))
            out.append(_mark(view, s, t, entity, _marks(view, s, t, children, flow)))
            pos = t
        i = j
    out.append(_plain(view, pos, end, flow))
    return "".join(out)


def _mark(view: ReportView, start: int, end: int, entity: Entity, inner: str) -> str:
    label = entity.label
    tooltip = label + (f" · {entity.kb_id}" if entity.kb_id else "")
    kamerstuk = view.motion_kamerstuk.get((entity.start, entity.end))
    if kamerstuk:
        tooltip += f" · Kamerstuk {kamerstuk}"
    whole = start == entity.start and end == entity.end
    classes = f"nr-e nr-e-{entity_key(label)}" + ("" if whole else " nr-e-part")
    values = attrs(
        data_label=label,
        data_kb_id=entity.kb_id,
        data_start=entity.start,
        data_end=entity.end,
        title=tooltip,
    )
    suffix = f'<span class="nr-e-label">{esc(label)}</span>' if view.entity_labels and end == entity.end else ""
    return f'<mark class="{classes}"{values}>{inner}{suffix}</mark>'


def _plain(view: ReportView, start: int, end: int, flow: Flow) -> str:
    """Text without entities: footnote markers as links, the rest as ``flow`` reads it."""
    if start >= end:
        return ""
    out: list[str] = []
    pos = start
    i = bisect_left(view.ref_starts, start)
    while i < len(view.refs) and view.refs[i][0] < end:
        ms, me, index = view.refs[i]
        if ms >= pos and me <= end:
            out.append(flow.render(pos, ms))
            out.append(ref(view, index, ms, me))
            pos = me
        i += 1
    out.append(flow.render(pos, end))
    return "".join(out)


# --- What stands above the text of a report: title, counts, the legend of the labels, the table of contents.


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


# --- The text of a report: sentences, headings and the rest cut into items, grouped into paragraphs and blocks.


_LINE_KINDS = frozenset({"header", "salutation", "signature", "furniture"})


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    kind: str  # "sentence", "heading", "text", "ref"
    index: int = -1  # of the sentence, section or footnote


def body(view: ReportView) -> list[str]:
    """The blocks of the text in order: ``<h2>`` headings, ``<p>`` paragraphs, muted ``<div>`` for the rest."""
    breaks = _breaks(view)
    blocks: list[list[_Item]] = []
    for item in _items(view):
        if blocks:
            last = blocks[-1][-1]
            headings = item.kind == "heading" or last.kind == "heading"
            broken = bisect_right(breaks, last.end - 1) < bisect_right(breaks, item.start)
            # a bullet and its item, a footnote marker after a full stop: on one line, one block
            same_line = "\n" not in view.text[last.end : item.start]
            if not headings and not (broken and not same_line):
                blocks[-1].append(item)
                continue
        blocks.append([item])
    return [_block(view, block) for block in blocks]


def _items(view: ReportView) -> list[_Item]:
    items = [_Item(s.start, s.end, "sentence", i) for i, s in enumerate(view.sentences)]
    items += [_Item(view.sections[i].start, view.sections[i].end, "heading", i) for i in view.headings]
    covered = Spans((it.start, it.end) for it in items)
    # footnote markers outside sentences and headings
    for ms, me, index in view.refs:
        if not covered.contains(ms, me):
            items.append(_Item(ms, me, "ref", index))
    # the rest of the text: one item per line piece outside every item
    pos = 0
    for start, end in [*sorted((it.start, it.end) for it in items), (len(view.text), len(view.text))]:
        if start > pos:
            items.extend(_text_items(view, pos, start))
        pos = max(pos, end)
    items.sort(key=lambda it: (it.start, it.end))
    return items


def _text_items(view: ReportView, start: int, end: int) -> list[_Item]:
    out = []
    for s, e in view.flow.visible(start, end):
        # one item per line, so muted blocks can keep their lines
        pos = s
        for m in re.finditer(r"\n", view.text[s:e]):
            out.append(_Item(pos, s + m.start(), "text"))
            pos = s + m.end()
        out.append(_Item(pos, e, "text"))
    return [it for it in out if view.text[it.start : it.end].strip()]


def _breaks(view: ReportView) -> list[int]:
    """Offsets where a new block may start: the report's blocks, else blank lines; shown furniture."""
    points: set[int] = set()
    blank_lines = [m.start() + 1 for m in BLANK_LINE.finditer(view.text)]
    if not view.report.blocks:
        points.update(blank_lines)
    else:
        for block in view.report.blocks:
            points.update((block.start, block.end))
        # blank lines inside a paragraph are page breaks it runs on across
        paragraphs = sorted((b.start, b.end) for b in view.report.blocks if b.kind in ("paragraph", "list_item"))
        starts = [b[0] for b in paragraphs]
        for point in blank_lines:
            i = bisect_right(starts, point) - 1
            if i < 0 or point >= paragraphs[i][1]:
                points.add(point)
    if view.show_furniture:
        for start, end in view.furniture:
            points.update((start, end))
    return sorted(points)


def _block(view: ReportView, items: list[_Item]) -> str:
    first = items[0]
    if first.kind == "heading":
        section = view.sections[first.index]
        values = attrs(id=view.section_id(first.index), data_start=section.start, data_end=section.end)
        return f'<h2 class="nr-h"{values}>{inline(view, section.start, section.end)}</h2>'
    sentences = [it for it in items if it.kind == "sentence"]
    if sentences:
        klass = "nr-p nr-li" if view.kind(sentences[0].start) == "list_item" else "nr-p"
        return f'<p class="{klass}">{_join(view, items, lines=False, muted=True)}</p>'
    kind = view.kind(first.start)
    lines = kind in _LINE_KINDS
    title = "page furniture (left out of the analysis)" if kind == "furniture" else "not a body sentence"
    inner = _join(view, items, lines=lines, muted=False)
    return f'<div class="nr-x"{attrs(data_kind=kind, title=title)}>{inner}</div>'


def _join(view: ReportView, items: list[_Item], *, lines: bool, muted: bool) -> str:
    out: list[str] = []
    previous: _Item | None = None
    for item in items:
        if previous is not None:
            if lines and "\n" in view.text[previous.end : item.start]:
                out.append("<br>")
            else:
                out.append(view.flow.separator(previous.end, item.start))
        out.append(_item(view, item, muted=muted))
        previous = item
    return "".join(out)


def _item(view: ReportView, item: _Item, *, muted: bool) -> str:
    if item.kind == "sentence":
        return _sentence(view, item.index)
    if item.kind == "ref":
        return ref(view, item.index, item.start, item.end)
    inner = inline(view, item.start, item.end)
    return f'<span class="nr-x">{inner}</span>' if muted else inner


def _sentence(view: ReportView, index: int) -> str:
    s = view.sentences[index]
    key = sentence_key(s.label)
    tooltip: str = s.label or "no label"
    if s.actor:
        tooltip += f" · actor: {one_space(s.actor)}"
    if s.section:
        tooltip += f" · section: {one_space(s.section)}"
    values = attrs(
        id=f"{view.prefix}s-{index + 1}",
        data_label=s.label or "none",
        data_actor=s.actor,
        data_section=s.section,
        data_start=s.start,
        data_end=s.end,
        title=tooltip,
    )
    tag = label_tag(key, s.label or "no label")
    actor = f'<span class="nr-actor nr-actor-{key}">{esc(one_space(s.actor))}</span>' if s.actor else ""
    return f'<span class="nr-s nr-s-{key}"{values}>{tag}{actor}{inline(view, s.start, s.end)}</span>'


# --- What follows the text of a report: the footnotes (with links back to their markers) and the motions.


def notes(view: ReportView) -> str:
    """The footnotes as a numbered list, each with a link back to its marker."""
    footnotes = view.report.footnotes
    if not footnotes:
        return ""
    rows = ['<h2 class="nr-end">Footnotes</h2>', '<ol class="nr-notes">']
    for index, note in enumerate(footnotes):
        back = ""
        if view.ref_ids[index]:
            back = (
                f' <a class="nr-back"{attrs(href=f"#{view.ref_ids[index]}")}'
                f' title="back to the text" aria-label="back to the text">↩</a>'
            )
        text = inline(view, note.start, note.end, view.note_flow) if note.end > note.start else ""
        rows.append(
            f"<li{attrs(id=view.note_ids[index], value=note.number, data_start=note.start, data_end=note.end)}>"
            f"{text}{back}</li>"
        )
    rows.append("</ol>")
    return "\n".join(rows)


def motions(view: ReportView) -> str:
    """The motions as a table: text, sponsors, Kamerstuk linked to officielebekendmakingen.nl."""
    found = view.report.motions
    if not found:
        return ""
    rows = [
        '<h2 class="nr-end">Motions</h2>',
        '<table class="nr-motions"><thead><tr><th>motion</th><th>sponsors</th><th>Kamerstuk</th></tr></thead><tbody>',
    ]
    for m in found:
        kst = m.kamerstuk
        if kst is None:
            cell = '<span class="nr-empty">not given</span>'
        else:
            detail = ", ".join(x for x in (f"Kamerstukken {kst.chamber}" if kst.chamber else "", kst.year or "") if x)
            cell = f'<a class="nr-kst"{attrs(href=kst.url)} rel="noopener noreferrer">{esc(kst.kb_id)}</a>' + (
                f" ({esc(detail)})" if detail else ""
            )
        rows.append(
            f"<tr{attrs(data_start=m.start, data_end=m.end)}><td>{esc(one_space(m.text))}</td>"
            f"<td>{esc(', '.join(m.sponsors))}</td><td>{cell}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)
