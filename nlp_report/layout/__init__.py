"""The layout stage: PDF-extracted or plain text -> blocks, cleaned text, offset map."""

from .analysis import analyze_layout
from .model import BLOCK_KINDS, Block, BlockKind, FootnoteMarker, Layout
from .offsets import OffsetMap

__all__ = ["BLOCK_KINDS", "Block", "BlockKind", "FootnoteMarker", "Layout", "OffsetMap", "analyze_layout"]
