"""A report as the display sees it: its items clipped to the text, the layout, element ids, what is hidden."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..types import Footnote, Report
from .colours import palette
from .flow import Flow, Spans

if TYPE_CHECKING:
    from ..layout import Layout


class ReportView:
    """What rendering a report needs, worked out once: the parts of the page read from here."""

    def __init__(self, report: Report, *, prefix: str, furniture: bool, entity_labels: bool) -> None:
        self.report = report
        self.text = report.text
        self.prefix = prefix
        self.entity_labels = entity_labels
        self.palette = palette()
        self.layout = _layout(report.text)
        self.furniture = list(self.layout.furniture) if self.layout else []
        self.furniture_spans = Spans(self.furniture)
        blocks = sorted((b.start, b.end, b.kind) for b in self.layout.blocks) if self.layout else []
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
        self.motion_kamerstuk = {(m.start, m.end): m.kamerstuk.kb_id for m in report.motions if m.kamerstuk}

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
        if prefix.strip("0123456789¹²³⁴⁵⁶⁷⁸⁹⁰.)") == "":
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


def _layout(text: str) -> Layout | None:
    """The layout of the text (blocks, page furniture); ``None`` if it cannot be found."""
    if not text.strip():
        return None
    from ..layout import analyze_layout

    try:
        return analyze_layout(text)
    except Exception:  # the display must never fail on a text the layout stage cannot read
        return None
