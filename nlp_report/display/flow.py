"""Ranges of the original text as they read (:class:`Flow`), and overlap look-ups on spans (:class:`Spans`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence

from .html import esc

_GAP = re.compile(r"[\s\u00ad\u200b]+")
_HYPHENS = "-\u2010"


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
            if glued and start >= 2 and text[start - 1] in _HYPHENS and text[start - 2].isalnum():
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
