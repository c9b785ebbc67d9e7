"""Footnotes and their markers.

A footnote group is a paragraph whose first line starts with a number
(``1 Kamerstuk 28 676, nr. 394``): its footnotes are the lines that start
with the next numbers, each with the lines that continue it. A footnote
is referred to by a marker with its number (``Van Haga1``, ``besloot.1``,
``¹``) before it and after the marker of the footnote before; a group is
kept when at least one of its footnotes is referred to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..text import FROM_SUPERSCRIPT
from .lines import BLANK, FOOTNOTE, FURNITURE, Geometry, LayoutRules, Line, Piece, paragraph_runs
from .model import FootnoteMarker

_MARKER = re.compile(
    # every alternative starts at a digit: the lookahead lets the scan skip other characters quickly
    r"(?=[\d¹²³⁴⁵⁶⁷⁸⁹⁰])(?:"
    r"(?<=[^\W\d_]|[\u0300-\u036f])(?P<a>\d{1,3})(?![\w-])"  # a letter, or the accent of a decomposed one
    r"|(?<=[)\]”’\"'»])(?P<b>\d{1,3})(?![\w-])"
    r"|(?<=[.,;:?!…])(?P<c>\d{1,3})(?=[,;:)]?\s+[^\W\d_]|[.,;:)]?\s*\Z)"
    r"|(?P<d>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
    r")"
)
"""Digits glued to a word (a), after a closing quote or bracket (b), after punctuation (c); superscripts (d)."""
_ANY_DIGIT = re.compile(r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰]")


@dataclass(frozen=True, slots=True)
class _Candidate:
    line: int
    number: int
    skip: int


def _footnote_number(rules: LayoutRules, line: Line) -> tuple[int, int] | None:
    m = rules.footnote.match(line.text)
    if m is None:
        return None
    return int(m.group(1).translate(FROM_SUPERSCRIPT)), m.end()


def mark_footnotes(
    lines: list[Line], kinds: list[str | None], rules: LayoutRules, geometry: Geometry
) -> tuple[list[Piece], list[FootnoteMarker]]:
    """Mark the footnotes the body refers to; their pieces and the markers that refer to them.

    Footnotes under an ``X Noot`` line (the House's web pages: ``X Noot``,
    the number on the next line, then the text) are footnotes whether or not
    a marker is found.
    """
    noted = _noot_groups(lines, kinds, rules)
    for group in noted:
        for cand, end in group:
            for i in range(cand.line, end + 1):
                kinds[i] = FOOTNOTE
    groups = sorted(_footnote_groups(lines, kinds, rules, geometry) + noted, key=lambda g: g[0][0].line)
    if not groups:
        return [], []
    in_footnote = {i for group in groups for cand, end in group for i in range(cand.line, end + 1)}
    by_number: dict[int, list[FootnoteMarker]] = {}
    for m in _marker_candidates(lines, kinds, rules, in_footnote):  # in text order
        by_number.setdefault(m.number, []).append(m)
    starts = {number: [m.start for m in found] for number, found in by_number.items()}
    accepted: dict[int, FootnoteMarker | None] = {}
    last_pos = -1
    for group in groups:
        for cand, _ in group:
            # the first marker with this number after the last accepted one and before the footnote
            same = by_number.get(cand.number, [])
            k = bisect_right(starts.get(cand.number, []), last_pos)
            if k < len(same) and same[k].start < lines[cand.line].start:
                accepted[cand.line] = same[k]
                last_pos = same[k].end
    pieces: list[Piece] = []
    markers: list[FootnoteMarker] = []
    for group in groups:
        if not any(cand.line in accepted for cand, _ in group) and group not in noted:
            continue
        for cand, end in group:
            marker = accepted.get(cand.line)
            if marker is not None:
                markers.append(marker)
            for i in range(cand.line, end + 1):
                kinds[i] = FOOTNOTE
            pieces.append(Piece("footnote", cand.line, end, cand.skip, cand.number))
    return pieces, markers


def _noot_groups(lines: list[Line], kinds: list[str | None], rules: LayoutRules) -> list[list[tuple[_Candidate, int]]]:
    """The footnotes under ``X Noot`` + number lines; those two lines become furniture."""
    groups: list[list[tuple[_Candidate, int]]] = []
    n = len(lines)
    for i, line in enumerate(lines):
        if rules.footnote_heading.match(line.text) is None or i + 1 >= n:
            continue
        number = lines[i + 1].text.translate(FROM_SUPERSCRIPT)
        if not (number.isdigit() and len(number) <= 3):
            continue
        k = i + 2
        while k < n and kinds[k] == BLANK:
            k += 1
        if k >= n or kinds[k] is not None or rules.footnote_heading.match(lines[k].text) is not None:
            continue
        end = k
        while end + 1 < n and kinds[end + 1] is None and rules.footnote_heading.match(lines[end + 1].text) is None:
            end += 1
        kinds[i] = kinds[i + 1] = FURNITURE
        groups.append([(_Candidate(k, int(number), 0), end)])
    return groups


def _footnote_groups(
    lines: list[Line], kinds: list[str | None], rules: LayoutRules, geometry: Geometry
) -> list[list[tuple[_Candidate, int]]]:
    """Per paragraph whose first line starts with a number: its footnotes, as (candidate, last line)."""
    groups: list[list[tuple[_Candidate, int]]] = []
    for first, last in paragraph_runs(kinds, include=(None,)):
        found = _footnote_number(rules, lines[first])
        if found is None:
            continue
        group: list[tuple[_Candidate, int]] = []
        current = _Candidate(first, found[0], found[1])
        end = first
        for i in range(first + 1, last + 1):
            nxt = _footnote_number(rules, lines[i])
            if nxt is not None and nxt[0] == current.number + 1:
                group.append((current, end))
                current = _Candidate(i, nxt[0], nxt[1])
                end = i
            elif (
                (end == i - 1 and not geometry.real_break(lines[i - 1], lines[i], rules))
                or lines[i].text[:1].islower()
                or (lines[i].text[:1] == "(")
            ):
                end = i
            else:
                break
        group.append((current, end))
        groups.append(group)
    return groups


def _marker_candidates(
    lines: list[Line], kinds: list[str | None], rules: LayoutRules, skip_lines: set[int]
) -> list[FootnoteMarker]:
    """Every number outside footnotes and furniture that could be a footnote marker, in text order."""
    found = []
    for i, line in enumerate(lines):
        if kinds[i] in (BLANK, FURNITURE) or i in skip_lines or _ANY_DIGIT.search(line.text) is None:
            continue
        for m in _MARKER.finditer(line.text):
            group = m.lastgroup or ""
            digits = m.group(group)
            s = m.start(group)
            if group == "a":
                word_start = s
                while word_start > 0 and not line.text[word_start - 1].isspace():
                    word_start -= 1
                word = line.text[word_start : m.end(group)]
                letters = line.text[word_start:s]
                if word in rules.names_with_digits or (len(letters) == 1 and letters.isupper()):
                    continue
            elif group == "c":
                before = line.text[s - 2 : s - 1] if s >= 2 else ""
                if before.isdigit() and not re.search(r"(?<!\d)\d{4}[.,;:]\Z", line.text[:s]):
                    continue
            elif group == "b" and s >= 2 and line.text[s - 2].isdigit():
                continue
            number = int(digits.translate(FROM_SUPERSCRIPT))
            found.append(FootnoteMarker(number, line.start + s, line.start + m.end(group)))
    return found
