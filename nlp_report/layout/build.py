"""The cleaned text and its offset map, written from the pieces.

Each piece becomes one line of the cleaned text, the blocks separated by a
blank line: wrapped lines joined (a hyphen at the line end kept, the break
dropped), footnote markers left out, runs of white space written as one
space, invisible and control characters removed. The
:class:`~.offsets.CleanTextBuilder` records what is copied and what is
inserted, which gives the map back to the original offsets.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

from ..text import CONTROL, INVISIBLE, WRAP_HYPHENS
from .lines import FURNITURE, LEAD, Line, Piece, trail_start
from .model import Block, BlockKind, FootnoteMarker, Layout
from .offsets import CleanTextBuilder

_NEEDS_CLEANING = re.compile(rf"[^\S ]|  |[{INVISIBLE}{CONTROL}]")
_DIRTY = re.compile(rf"(?P<ws>[\s{INVISIBLE}{CONTROL}]*\s[\s{INVISIBLE}{CONTROL}]*)|(?P<rm>[{INVISIBLE}{CONTROL}]+)")


def build_layout(
    text: str,
    lines: list[Line],
    kinds: list[str | None],
    pieces: list[Piece],
    markers: list[FootnoteMarker],
    wrapped: bool,
) -> Layout:
    """The :class:`Layout`: the cleaned text of ``pieces`` (in order) with its blocks, markers and furniture."""
    builder = CleanTextBuilder(text)
    marker_spans = sorted((m.start, m.end) for m in markers)
    blocks: list[Block] = []
    spans: list[tuple[int, int]] = []
    kinds_numbers: list[tuple[BlockKind, int | None]] = []
    previous_end = 0
    for piece in pieces:
        clean_start = -1
        start = lines[piece.first].start + piece.skip
        previous: Line | None = None
        for index in range(piece.first, piece.last + 1):
            line = lines[index]
            parts = _clean_parts(text, start if index == piece.first else line.start, line.end, marker_spans)
            if not parts:  # nothing but a footnote marker (and invisible characters) on this line
                continue
            if previous is not None:
                _join(builder, text, previous, line)
            else:
                if spans:
                    builder.insert("\n\n", previous_end - 1)
                clean_start = builder.length
            for s, e in parts:
                _copy_part(builder, text, s, e)
            previous = line
        if previous is None:  # an empty block: no block at all
            continue
        previous_end = lines[piece.last].end
        spans.append((clean_start, builder.length))
        kinds_numbers.append((piece.kind, piece.number))
    clean_text, offsets = builder.build()
    for (clean_start, clean_end), (kind, number) in zip(spans, kinds_numbers, strict=True):
        start, end = offsets.span(clean_start, clean_end)
        blocks.append(Block(kind, clean_start, clean_end, start, end, number))
    furniture = tuple((line.start, line.end) for i, line in enumerate(lines) if kinds[i] == FURNITURE)
    return Layout(text, clean_text, offsets, tuple(blocks), tuple(markers), furniture, wrapped)


def _join(builder: CleanTextBuilder, text: str, previous: Line, line: Line) -> None:
    """Join two wrapped lines: a hyphen at the line end is kept, the break dropped."""
    gap = text[previous.end : line.start]
    last = text[previous.end - 1] if previous.end > previous.start else ""
    soft_hyphen = "\u00ad" in gap
    before = previous.end - 2
    while before > previous.start and unicodedata.combining(text[before]):
        before -= 1  # the letter under the accents of a decomposed character (NFD)
    glued = (
        last in WRAP_HYPHENS and before >= previous.start and text[before].isalnum() and not gap.startswith((" ", "\t"))
    )
    if (soft_hyphen or glued) and text[line.start : line.start + 1].isalnum():
        return
    builder.insert(" ", previous.end)


def _clean_parts(text: str, start: int, end: int, markers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` to copy: markers left out, and the gaps they leave closed.

    The stretches start and end at a visible character, and white space
    on both sides of a marker (``Haga ¹ en``) is kept on one side only, so
    a line never starts or ends in a space, nor holds two where a marker was.
    """
    start = LEAD.match(text, start, end).end()  # type: ignore[union-attr]
    inside = _markers_in(markers, start, end)
    if not inside:
        return [(start, end)] if start < end else []
    parts: list[tuple[int, int]] = []
    pos = start
    for m_start, m_end in inside:
        parts.append((pos, max(pos, m_start)))
        pos = max(pos, m_end)
    parts.append((pos, end))
    out: list[tuple[int, int]] = []
    gap = True  # white space just before: leave out the white space a stretch starts with
    for s, e in parts:
        if gap:
            s = LEAD.match(text, s, e).end()  # type: ignore[union-attr]
        if s >= e:
            continue
        out.append((s, e))
        trail = trail_start(text, s, e)
        gap = any(c.isspace() for c in text[trail:e])
    while out:  # the end: no white space after the last visible character
        s, e = out[-1]
        trail = trail_start(text, s, e)
        if trail == e:
            break
        if trail > s:
            out[-1] = (s, trail)
            break
        out.pop()
    return out


def _markers_in(markers: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    i = bisect_left(markers, (start, start))
    out = []
    while i < len(markers) and markers[i][0] < end:
        out.append(markers[i])
        i += 1
    return out


def _copy_part(builder: CleanTextBuilder, text: str, start: int, end: int) -> None:
    """Copy ``text[start:end]``: white space runs as one space, invisible and control characters left out."""
    if _NEEDS_CLEANING.search(text, start, end) is None:
        _copy_composed(builder, text, start, end)
        return
    pos = start
    for m in _DIRTY.finditer(text, start, end):
        _copy_composed(builder, text, pos, m.start())
        if m.lastgroup == "ws":
            builder.insert(" ", m.start())
        pos = m.end()
    _copy_composed(builder, text, pos, end)


def _copy_composed(builder: CleanTextBuilder, text: str, start: int, end: int) -> None:
    """Copy ``text[start:end]`` in composed form (NFC), each composed character mapped to what it stands for.

    Text in decomposed form (NFD: ``e`` + U+0308 for ``ë``) then reads as
    the word lists and patterns are written (``Oekraïne``), while the
    offsets still point into the text as given. A character and the marks
    that follow it (and Hangul vowel and final jamo) are composed together.
    """
    if end <= start:
        return
    if unicodedata.is_normalized("NFC", text[start:end]):
        builder.copy(start, end)
        return
    pos = i = start
    while i < end:
        j = i + 1
        while j < end and _continues_cluster(text[j]):
            j += 1
        cluster = text[i:j]
        composed = unicodedata.normalize("NFC", cluster)
        if composed != cluster:
            builder.copy(pos, i)
            builder.replace(composed, i, j)
            pos = j
        i = j
    builder.copy(pos, end)


def _continues_cluster(char: str) -> bool:
    return unicodedata.category(char)[0] == "M" or "\u1160" <= char <= "\u11ff"
