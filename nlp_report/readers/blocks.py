"""Writing structured content (DOCX, HTML, XML) as text the layout stage reads.

The layout stage works on plain text with line structure. Readers of
structured formats know what every piece of text is, and write it the way
the layout stage recognises it:

* a paragraph or a heading on a line of its own, followed by a blank line
  (a heading is a short line without final punctuation, so the layout stage
  reads it as a heading);
* list items on consecutive lines, each starting with ``- `` or ``1.``;
* a footnote marker glued to the word before it (``motie Van Haga1``), or
  as a superscript digit where a glued digit would not be read as a marker
  (after a number: ``2022¹``);
* the footnotes at the end, each as ``N text`` after a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..text import TO_SUPERSCRIPT

BlockKind = Literal["paragraph", "heading", "list_item"]

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def collapse(text: str) -> str:
    """White space runs to one space, per line; lines stripped, empty lines kept as one blank."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def glue_marker(text: str, number: int) -> str:
    """``text`` with the marker of footnote ``number`` glued to its end.

    White space before the marker is dropped. After a letter the marker is
    the plain number (``Haga1``), as in text extracted from PDF; elsewhere
    (after a digit, punctuation or nothing) it is written in superscript
    digits (``2022¹``), which the layout stage reads as a marker anywhere.
    """
    stripped = text.rstrip(" \t")
    if stripped[-1:].isalpha():
        return stripped + str(number)
    return stripped + str(number).translate(TO_SUPERSCRIPT)


@dataclass(frozen=True, slots=True)
class Block:
    """A block as written: ``text`` holds the bullet of a list item."""

    kind: BlockKind
    text: str


class TextAssembler:
    """Collects blocks and footnotes and writes the document text."""

    def __init__(self) -> None:
        self._blocks: list[Block] = []
        self._notes: dict[int, str] = {}
        self._list_ends: set[int] = set()

    def add(self, kind: BlockKind, text: str, *, bullet: str | None = None) -> None:
        """Add a block; ``text`` may hold line breaks (``<br>``); empty blocks are dropped."""
        text = collapse(text)
        if not text:
            return
        if kind == "heading":
            text = " ".join(text.split())
        elif kind == "list_item":
            text = f"{bullet or '-'} {' '.join(text.split())}"
        self._blocks.append(Block(kind, text))

    def end_list(self) -> None:
        """A list ends here: a list item that follows starts a new list, after a blank line."""
        if self._blocks and self._blocks[-1].kind == "list_item":
            self._list_ends.add(len(self._blocks) - 1)

    def add_footnote(self, number: int, text: str) -> None:
        """Add footnote ``number`` (written at the end); a second text for a number is appended."""
        text = " ".join(text.split())
        if not text:
            return
        if number in self._notes:
            self._notes[number] += " " + text
        else:
            self._notes[number] = text

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(self._blocks)

    def build(self) -> str:
        """The text: blocks separated by blank lines (list items by a line break), then the footnotes."""
        parts: list[str] = []
        previous: Block | None = None
        for index, block in enumerate(self._blocks):
            if previous is not None:
                together = block.kind == previous.kind == "list_item" and index - 1 not in self._list_ends
                parts.append("\n" if together else "\n\n")
            parts.append(block.text)
            previous = block
        for number in sorted(self._notes):
            if parts:
                parts.append("\n\n")
            parts.append(f"{number} {self._notes[number]}")
        return "".join(parts) + "\n" if parts else ""
