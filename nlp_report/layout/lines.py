"""The lines of the input, their kinds, and the character classes every step shares.

A :class:`Line` is the visible content of one line of the input (white
space, invisible and control characters trimmed at both ends) with its
offsets. The steps of :func:`~nlp_report.layout.analysis.analyze_layout`
give each line a kind (a list ``kinds`` parallel to the lines: one of the
constants below, or ``None`` for a body line not yet segmented), and turn
runs of lines into a :class:`Piece`, a block to be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import BlockKind

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width characters, the byte order mark and the soft hyphen."""
CONTROL = "\x00-\x08\x0e-\x1f\x7f-\x9f"
"""Control characters, as character-class ranges: C0 and C1 except U+0009-U+000D (tab, line breaks)."""
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
LEAD = re.compile(rf"[\s{INVISIBLE}{CONTROL}]*")
TRAIL = re.compile(rf"[\s{INVISIBLE}{CONTROL}]+\Z")
STRIP = (
    "".join(re.findall(r"\s", "".join(map(chr, range(0x3001)))))
    + INVISIBLE
    + "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)]))
)
"""The characters of ``[\\s{INVISIBLE}{CONTROL}]`` (no white space lies above U+3000)."""

# the kinds of line besides the block kinds of the body
BLANK = "blank"
FURNITURE = "furniture"
HEADER = "header"
SALUTATION = "salutation"
SIGNATURE = "signature"
FOOTNOTE = "footnote"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the input: its visible content and where it lies."""

    start: int
    """Offset of the first visible character."""
    end: int
    """Offset after the last visible character."""
    line_end: int
    """Offset of the line break (or the end of the text)."""
    text: str
    """The visible content."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A block to be: its kind and the lines ``first`` to ``last`` it spans."""

    kind: BlockKind
    first: int
    last: int
    skip: int = 0
    """Characters to leave out at the start of the first line (bullet, footnote number)."""
    number: int | None = None


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for m in LINE_BREAK.finditer(text):
        lines.append(_make_line(text, pos, m.start()))
        pos = m.end()
    lines.append(_make_line(text, pos, len(text)))
    return lines


def _make_line(text: str, start: int, end: int) -> Line:
    # str.strip with the characters of LEAD/TRAIL: the same stretch, without a regex scan per space
    raw = text[start:end]
    visible = raw.lstrip(STRIP)
    s = start + len(raw) - len(visible)
    visible = visible.rstrip(STRIP)
    return Line(s, s + len(visible), end, visible)


def paragraph_runs(kinds: list[str | None], *, include: tuple[str | None, ...]) -> list[tuple[int, int]]:
    """Maximal runs ``[first, last]`` of consecutive lines whose kind is in ``include``."""
    runs = []
    i = 0
    n = len(kinds)
    while i < n:
        if kinds[i] in include:
            j = i
            while j + 1 < n and kinds[j + 1] in include:
                j += 1
            runs.append((i, j))
            i = j + 1
        else:
            i += 1
    return runs
