"""The text of a report: sentences, headings and the rest cut into items, grouped into paragraphs and blocks."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .flow import Spans
from .html import attrs, esc, one_space
from .inline import inline, ref
from .styles import label_tag, sentence_key
from .view import ReportView

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
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
    """Offsets where a new block may start: the layout's blocks, else blank lines; shown furniture."""
    points: set[int] = set()
    blank_lines = [m.start() + 1 for m in _BLANK_LINE.finditer(view.text)]
    if view.layout is None:
        points.update(blank_lines)
    else:
        for block in view.layout.blocks:
            points.update((block.start, block.end))
        # blank lines inside a paragraph are page breaks it runs on across
        paragraphs = sorted((b.start, b.end) for b in view.layout.blocks if b.kind in ("paragraph", "list_item"))
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
