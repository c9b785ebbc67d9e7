"""Text inside a sentence, heading or footnote: entities as ``<mark>``, footnote markers as links."""

from __future__ import annotations

from bisect import bisect_left

from ..types import Entity
from .flow import Flow
from .html import attrs, esc
from .styles import entity_key
from .view import ReportView


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
