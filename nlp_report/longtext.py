"""Texts longer than spaCy's ``nlp.max_length``: analysed in pieces, one report.

spaCy refuses a text longer than ``nlp.max_length`` (1,000,000 characters by
default), which protects the memory of its statistical components. The
:class:`~nlp_report.analyzer.Analyzer` therefore cuts such a text into
pieces of at most ``max_length`` characters, analyses each piece on its own
and merges the reports (:func:`merge_reports`), with every offset shifted to
index the whole text.

Where a piece ends (:func:`split_spans`): at the last paragraph boundary
(a blank line) that keeps the piece short enough; if the piece holds no
blank line, at the last line break; failing that at the last white space;
and only for a run of more than ``max_length`` characters without any white
space in the middle of it. The pieces cover the text without gap or overlap.

What a cut changes, compared with a text short enough to analyse whole:

* a sentence never crosses a cut (a cut is a paragraph boundary, so this
  only matters when the fallbacks cut inside a paragraph);
* a sentence before the first heading of its piece gets the section of the
  last heading of the pieces before it; the classifier, though, sees each
  piece on its own (the section and cover-letter features of those
  sentences may differ, and so, rarely, may their label);
* a footnote marker and its footnote are recognised only when both lie in
  the same piece: a marker whose footnote is in another piece stays part of
  the word it is glued to, and that footnote reads as a body paragraph;
* what the entity rules learn from the rest of the document stays within a
  piece: an abbreviation the text defines, a motion's Kamerstuk given at
  another mention, the letter's own dossier number in its header, page
  furniture recognised by repetition.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import ArgumentError
from .metadata import extract_info
from .motion_groups import group_motions
from .text import LINE_BREAKS
from .types import Motion, Report, Sentence

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    T = TypeVar("T", bound=DataclassInstance)

_LINE_BREAK = rf"(?:\r\n|[{LINE_BREAKS}])"
_BLANK_LINES = re.compile(rf"{_LINE_BREAK}(?:[^\S{LINE_BREAKS}]*{_LINE_BREAK})+\s*")
"""A paragraph boundary: a blank line (or several), with the white space up to the next paragraph."""
_LINE_BREAKS = re.compile(_LINE_BREAK)
_SPACE = re.compile(r"\s")


def split_spans(text: str, max_length: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the pieces of ``text``, each at most ``max_length`` characters.

    The pieces follow each other without gap; a text of at most
    ``max_length`` characters is one piece. See the module docstring for
    where the cuts fall.
    """
    if max_length < 1:
        raise ArgumentError(f"max_length must be at least 1, not {max_length}")
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > max_length:
        end = _cut(text, start, start + max_length)
        spans.append((start, end))
        start = end
    spans.append((start, n))
    return spans


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece starting at ``start`` ends: a position in ``(start, limit]``."""
    for pattern in (_BLANK_LINES, _LINE_BREAKS, _SPACE):
        best = -1
        for m in pattern.finditer(text, start, limit):
            if m.end() > start:
                best = m.end()
        if best > start:
            return best
    return limit


def _shift(item: T, offset: int, **changes: Any) -> T:
    values: dict[str, Any] = dict(changes)
    for name in ("start", "end", "marker_start", "marker_end"):
        if hasattr(item, name):
            value = getattr(item, name)
            if value is not None:
                values[name] = value + offset
    if isinstance(item, Motion):
        values["mentions"] = tuple(_shift(m, offset) for m in item.mentions)
    return dataclasses.replace(item, **values)


def merge_reports(text: str, parts: Sequence[tuple[int, Report]], *, source: str | None, model: str) -> Report:
    """One report of ``text`` from the reports of its pieces, given as ``(offset of the piece, report)``.

    Every offset is shifted by the piece's offset; a sentence before the
    first heading of its piece takes the section of the last heading of the
    pieces before.
    """
    sentences: list[Sentence] = []
    items: dict[str, list[Any]] = {name: [] for name in _SHIFTED}
    furniture: list[tuple[int, int]] = []
    carried: str | None = None
    for offset, report in parts:
        first_heading = report.sections[0].start if report.sections else None
        for sentence in report.sentences:
            before = first_heading is None or sentence.start < first_heading
            changes = {"section": carried} if before and sentence.section is None else {}
            sentences.append(_shift(sentence, offset, **changes))
        for name, shifted in items.items():
            shifted += [_shift(item, offset) for item in getattr(report, name)]
        furniture += [(start + offset, end + offset) for start, end in report.furniture]
        if report.sections:
            carried = report.sections[-1].title
    merged = {name: tuple(shifted) for name, shifted in items.items()}
    merged["motions"] = group_motions(merged["motions"])  # a motion cited in two pieces is one motion
    return Report(
        text,
        source,
        model,
        tuple(sentences),
        furniture=tuple(furniture),
        info=extract_info(text, merged["entities"]),
        **merged,
    )


_SHIFTED = ("entities", "motions", "sections", "footnotes", "model_entities", "blocks")
