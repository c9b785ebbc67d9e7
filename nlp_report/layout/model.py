"""What the layout stage finds: blocks, footnotes and the cleaned text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, get_args

from ..text import BLANK_LINE
from .offsets import OffsetMap

BlockKind = Literal["header", "heading", "paragraph", "list_item", "footnote", "salutation", "signature"]
"""The kinds of block the cleaned text is made of. Page furniture is dropped."""

BLOCK_KINDS: tuple[BlockKind, ...] = get_args(BlockKind)
SENTENCE_BLOCKS: frozenset[str] = frozenset({"paragraph", "list_item"})
"""Blocks whose text is made of body sentences."""


@dataclass(frozen=True, slots=True)
class Block:
    """A block of the document: offsets in the cleaned and in the original text."""

    kind: BlockKind
    clean_start: int
    clean_end: int
    start: int
    end: int
    number: int | None = None
    """The footnote number, for a footnote block."""


@dataclass(frozen=True, slots=True)
class FootnoteMarker:
    """A footnote marker in the original text (``1`` in ``Van Haga1``)."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Layout:
    """The layout of one document.

    ``clean_text`` is what the tokenizer sees: the blocks in order, each on
    one line with hard wraps joined and markers removed, separated by a
    blank line. ``offsets`` maps it back to ``text``.
    """

    text: str
    clean_text: str
    offsets: OffsetMap
    blocks: tuple[Block, ...]
    markers: tuple[FootnoteMarker, ...]
    furniture: tuple[tuple[int, int], ...]
    """Original spans of lines recognised as page furniture and dropped."""
    wrapped: bool
    """Whether the text has hard line wraps (PDF extraction) or one line per paragraph."""

    def to_data(self) -> dict[str, Any]:
        """Plain lists and strings, serialisable with msgpack (``Doc.to_bytes``)."""
        return {
            "text": self.text,
            "offsets": self.offsets.to_data(),
            "blocks": [[b.kind, b.clean_start, b.clean_end, b.start, b.end, b.number] for b in self.blocks],
            "markers": [[m.number, m.start, m.end] for m in self.markers],
            "furniture": [list(span) for span in self.furniture],
            "wrapped": self.wrapped,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any], clean_text: str) -> Layout:
        """The layout from :meth:`to_data` data, for the Doc whose text is ``clean_text``."""
        blocks = tuple(Block(kind, cs, ce, s, e, number) for kind, cs, ce, s, e, number in data["blocks"])
        markers = tuple(FootnoteMarker(n, s, e) for n, s, e in data["markers"])
        return cls(
            text=data["text"],
            clean_text=clean_text,
            offsets=OffsetMap.from_data(data["offsets"]),
            blocks=blocks,
            markers=markers,
            furniture=tuple((s, e) for s, e in data["furniture"]),
            wrapped=bool(data["wrapped"]),
        )

    @classmethod
    def plain(cls, text: str) -> Layout:
        """The layout of a text given straight to a spaCy pipeline: one block per paragraph."""
        blocks = tuple(Block("paragraph", s, e, s, e) for s, e in paragraph_spans(text))
        return cls(text, text, OffsetMap.identity(len(text)), blocks, (), (), False)


_VISIBLE = re.compile(r"\S")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the stretches of ``text`` between blank lines, white space trimmed.

    In linear time: a single pattern with a lazy match up to a look-ahead for
    white space took quadratic time on long runs of white space.
    """
    spans = []
    pos = 0
    for end in [*(m.start() for m in BLANK_LINE.finditer(text)), len(text)]:
        first = _VISIBLE.search(text, pos, end)
        if first is not None:
            spans.append((first.start(), pos + len(text[pos:end].rstrip())))
        pos = end + 1  # the blank line's first line break; the rest is white space the search skips
    return spans
