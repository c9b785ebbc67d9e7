"""Layout analysis of PDF-extracted letters and of plain text.

The input is split into lines. Each line gets a kind, in this order:
the header block of letters as the House publishes them, page furniture
(by pattern, by repetition across pages, and address clusters), the
salutation and the signature, footnotes (validated by their markers in the
body), and then, among the remaining body lines, headings, list items and
paragraphs. A line wrap is told from a real line break by the page width:
a line that ends well before the width, although the next word would have
fit, ends there on purpose.

The blocks are then written out as the cleaned text (one line per block,
wraps joined, markers and invisible characters removed) with the map back
to the original offsets.

The steps live in ``lines.py`` (lines, their kinds, the compiled rules from
``nlp_report/data/layout/``, the page geometry), ``letter.py`` (header block,
furniture, salutation, signature), ``footnotes.py``, ``body.py`` (headings,
list items, paragraphs) and ``build.py`` (the cleaned text and its offset map);
the results are in ``model.py`` and ``offsets.py``.
"""

from __future__ import annotations

from .body import segment_body
from .build import build_layout
from .footnotes import mark_footnotes
from .letter import mark_furniture, mark_header, mark_header_paragraphs, mark_letter_parts
from .lines import BLANK, HEADER, SALUTATION, SIGNATURE, Geometry, LayoutRules, Piece, default_rules, split_lines
from .model import BLOCK_KINDS, Block, BlockKind, FootnoteMarker, Layout
from .offsets import OffsetMap


def analyze_layout(text: str, rules: LayoutRules | None = None) -> Layout:
    """Find the blocks of ``text`` and build its cleaned text."""
    rules = rules or default_rules()
    lines = split_lines(text)
    kinds: list[str | None] = [None if line.text else BLANK for line in lines]
    mark_header(lines, kinds, rules)
    mark_furniture(lines, kinds, rules)
    mark_header_paragraphs(lines, kinds, rules)
    mark_letter_parts(lines, kinds, rules)
    geometry = Geometry.measure(lines, kinds)
    pieces, markers = mark_footnotes(lines, kinds, rules, geometry)
    pieces += segment_body(lines, kinds, rules, geometry)
    for i, kind in enumerate(kinds):
        if kind in (HEADER, SALUTATION, SIGNATURE):
            pieces.append(Piece(kind, i, i))  # type: ignore[arg-type]
    pieces.sort(key=lambda p: p.first)
    return build_layout(text, lines, kinds, pieces, markers, geometry.wrapped)


# --- The layout stage: PDF-extracted or plain text -> blocks, cleaned text, offset map.


__all__ = ["BLOCK_KINDS", "Block", "BlockKind", "FootnoteMarker", "Layout", "OffsetMap", "analyze_layout"]
