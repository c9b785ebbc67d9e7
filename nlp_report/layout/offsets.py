"""The map from the cleaned text back to the text as the user passed it.

The layout stage builds the cleaned text piece by piece: runs copied from
the input, and single characters it inserts (a space where a line wrap was,
the blank line between two blocks). :class:`CleanTextBuilder` records each
piece as a segment; :class:`OffsetMap` answers, for any offset of the
cleaned text, the offset of the input it comes from.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(slots=True)
class CleanTextBuilder:
    """Accumulates the cleaned text and its segments."""

    source: str
    _parts: list[str] = field(default_factory=list)
    _clean_starts: list[int] = field(default_factory=list)
    _orig_starts: list[int] = field(default_factory=list)
    _lengths: list[int] = field(default_factory=list)
    length: int = 0

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` unchanged."""
        if end <= start:
            return
        n = end - start
        if (
            self._lengths
            and self._clean_starts[-1] + self._lengths[-1] == self.length
            and self._orig_starts[-1] + self._lengths[-1] == start
        ):
            self._lengths[-1] += n
        else:
            self._clean_starts.append(self.length)
            self._orig_starts.append(start)
            self._lengths.append(n)
        self._parts.append(self.source[start:end])
        self.length += n

    def insert(self, chars: str, anchor: int) -> None:
        """Append characters that stand for ``source[anchor]`` (e.g. a newline)."""
        for char in chars:
            self._clean_starts.append(self.length)
            self._orig_starts.append(anchor)
            self._lengths.append(0)
            self._parts.append(char)
            self.length += 1

    def replace(self, chars: str, start: int, end: int) -> None:
        """Append ``chars`` standing for ``source[start:end]`` as a whole (``ë`` for ``e`` + U+0308)."""
        self._clean_starts.append(self.length)
        self._orig_starts.append(start)
        self._lengths.append(start - end)
        self._parts.append(chars)
        self.length += len(chars)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(list(self._clean_starts), list(self._orig_starts), list(self._lengths))


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets of the cleaned text to offsets of the original text.

    Segment ``i`` starts at ``clean_starts[i]`` and comes from
    ``orig_starts[i]``; a length of 0 marks one inserted character, which
    maps to the original character it replaces or follows; a negative
    length ``-k`` marks characters that stand together for the ``k``
    original characters from ``orig_starts[i]`` (a composed character for
    a decomposed one), which a span covers whole.
    """

    clean_starts: list[int]
    orig_starts: list[int]
    lengths: list[int]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([0], [0], [length])

    def _segment(self, offset: int) -> int:
        return max(bisect_right(self.clean_starts, offset) - 1, 0)

    def start(self, offset: int) -> int:
        """Original offset of the character at clean ``offset``."""
        if not self.lengths:  # nothing was kept (a text of white space only): everything maps to 0
            return 0
        i = self._segment(offset)
        if self.lengths[i] <= 0:
            return self.orig_starts[i]
        return self.orig_starts[i] + min(offset - self.clean_starts[i], self.lengths[i])

    def end(self, offset: int) -> int:
        """Original end offset (exclusive) of a span ending at clean ``offset``."""
        if offset <= 0 or not self.lengths:
            return self.start(0)
        i = self._segment(offset - 1)
        if self.lengths[i] <= 0:
            return self.orig_starts[i] + max(1, -self.lengths[i])
        return self.orig_starts[i] + min(offset - self.clean_starts[i], self.lengths[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the clean span ``[start, end)``."""
        if end <= start:
            point = self.start(start)
            return point, point
        return self.start(start), self.end(end)

    def to_data(self) -> list[list[int]]:
        return [self.clean_starts, self.orig_starts, self.lengths]

    @classmethod
    def from_data(cls, data: list[list[int]]) -> OffsetMap:
        clean, orig, lengths = data
        return cls(list(clean), list(orig), list(lengths))
