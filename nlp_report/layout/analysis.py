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
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Block, BlockKind, FootnoteMarker, Layout
from .offsets import CleanTextBuilder
from .rules import LayoutRules, default_rules

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CONTROL = "\x00-\x08\x0e-\x1f\x7f-\x9f"
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LEAD = re.compile(rf"[\s{_INVISIBLE}{_CONTROL}]*")
_TRAIL = re.compile(rf"[\s{_INVISIBLE}{_CONTROL}]+\Z")
_NEEDS_CLEANING = re.compile(rf"[^\S ]|  |[{_INVISIBLE}{_CONTROL}]")
_DIRTY = re.compile(
    rf"(?P<ws>[\s{_INVISIBLE}{_CONTROL}]*\s[\s{_INVISIBLE}{_CONTROL}]*)|(?P<rm>[{_INVISIBLE}{_CONTROL}]+)"
)
_MARKER = re.compile(
    # every alternative starts at a digit: the lookahead lets the scan skip other characters quickly
    r"(?=[\d¹²³⁴⁵⁶⁷⁸⁹⁰])(?:"
    r"(?<=[^\W\d_])(?P<a>\d{1,3})(?![\w-])"
    r"|(?<=[)\]”’\"'»])(?P<b>\d{1,3})(?![\w-])"
    r"|(?<=[.,;:?!])(?P<c>\d{1,3})(?=[,;:)]?\s+[^\W\d_]|[.,;:)]?\s*\Z)"
    r"|(?P<d>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
    r")"
)
_ANY_DIGIT = re.compile(r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰]")
_STRIP = (
    "".join(re.findall(r"\s", "".join(map(chr, range(0x3001)))))
    + _INVISIBLE
    + "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)]))
)
"""The characters of ``[\\s{_INVISIBLE}{_CONTROL}]`` (no white space lies above U+3000)."""
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_FINAL = ".!?"
_CLOSERS = "\"'”’»)]"
_TRAILING_MARKER = re.compile(r"(?<=[^\d\s])(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\Z")


def _last_char(text: str) -> str:
    """The last character that counts for punctuation: footnote marker and closers left out."""
    text = _TRAILING_MARKER.sub("", text) if text[-1:].isdigit() or text[-1:] in "¹²³⁴⁵⁶⁷⁸⁹⁰" else text
    return text.rstrip(_CLOSERS)[-1:]


BLANK = "blank"
FURNITURE = "furniture"
HEADER = "header"
SALUTATION = "salutation"
SIGNATURE = "signature"
FOOTNOTE = "footnote"


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    """Offset of the first visible character."""
    end: int
    """Offset after the last visible character."""
    line_end: int
    """Offset of the line break (or the end of the text)."""
    text: str
    """The visible content."""


@dataclass(frozen=True, slots=True)
class _Piece:
    kind: BlockKind
    first: int
    last: int
    skip: int = 0
    """Characters to leave out at the start of the first line (bullet, footnote number)."""
    number: int | None = None


def analyze_layout(text: str, rules: LayoutRules | None = None) -> Layout:
    """Find the blocks of ``text`` and build its cleaned text."""
    rules = rules or default_rules()
    lines = _split_lines(text)
    kinds: list[str | None] = [None if line.text else BLANK for line in lines]
    _mark_header(lines, kinds, rules)
    _mark_furniture(lines, kinds, rules)
    _mark_header_paragraphs(lines, kinds, rules)
    _mark_letter_parts(lines, kinds, rules)
    geometry = _Geometry.measure(lines, kinds)
    pieces, markers = _mark_footnotes(text, lines, kinds, rules, geometry)
    pieces += _segment_body(lines, kinds, rules, geometry)
    for i, kind in enumerate(kinds):
        if kind in (HEADER, SALUTATION, SIGNATURE):
            pieces.append(_Piece(kind, i, i))  # type: ignore[arg-type]
    pieces.sort(key=lambda p: p.first)
    return _build(text, lines, kinds, pieces, markers, geometry.wrapped)


def _split_lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        lines.append(_make_line(text, pos, m.start()))
        pos = m.end()
    lines.append(_make_line(text, pos, len(text)))
    return lines


def _make_line(text: str, start: int, end: int) -> _Line:
    # str.strip with the characters of _LEAD/_TRAIL: the same stretch, without a regex scan per space
    raw = text[start:end]
    visible = raw.lstrip(_STRIP)
    s = start + len(raw) - len(visible)
    visible = visible.rstrip(_STRIP)
    return _Line(s, s + len(visible), end, visible)


# --- header, furniture, letter parts ---------------------------------------------


def _mark_header(lines: list[_Line], kinds: list[str | None], rules: LayoutRules) -> None:
    strong = [i for i, line in enumerate(lines) if kinds[i] is None and rules.any_match(rules.header_strong, line.text)]
    for i in strong:
        kinds[i] = HEADER
    for i in strong:
        # caps continuation of "Nr. 2703 BRIEF VAN ..."
        if lines[i].text.startswith("Nr"):
            j = i + 1
            while j < len(lines) and kinds[j] is None and rules.header_caps.match(lines[j].text):
                kinds[j] = HEADER
                j += 1
        # the dossier line and its title continuation, next to the other header lines
        for j in range(max(0, i - 3), min(len(lines), i + 4)):
            if kinds[j] is None and rules.header_dossier.match(lines[j].text):
                kinds[j] = HEADER
                k = j + 1
                while k < len(lines) and kinds[k] is None and k < j + 3 and _next_header_is_nr(lines, kinds, k):
                    kinds[k] = HEADER
                    k += 1


def _mark_header_paragraphs(lines: list[_Line], kinds: list[str | None], rules: LayoutRules) -> None:
    """A paragraph such as ``Antwoorden van de minister ... (ingezonden 3 oktober 2023)``."""
    for first, last in _paragraph_runs(kinds, include=(None,)):
        if last - first > 5:
            continue
        joined = " ".join(lines[i].text for i in range(first, last + 1))
        if rules.header_paragraph.match(joined):
            for i in range(first, last + 1):
                kinds[i] = HEADER


def _next_header_is_nr(lines: list[_Line], kinds: list[str | None], k: int) -> bool:
    for j in range(k + 1, min(len(lines), k + 3)):
        if kinds[j] == HEADER:
            return lines[j].text.startswith("Nr")
    return False


def _paragraph_runs(kinds: list[str | None], *, include: tuple[str | None, ...]) -> list[tuple[int, int]]:
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


def _mark_furniture(lines: list[_Line], kinds: list[str | None], rules: LayoutRules) -> None:
    counts = Counter(line.text for i, line in enumerate(lines) if kinds[i] is None)

    def repeated(i: int) -> bool:
        t = lines[i].text
        return counts[t] >= 2 and len(t) <= 60 and t[-1] not in ".!?;:," and not t[0].islower()

    for first, last in _paragraph_runs(kinds, include=(None,)):
        idx = range(first, last + 1)
        strong = {i for i in idx if rules.any_match(rules.furniture, lines[i].text)}
        rep = {i for i in idx if repeated(i)}
        cluster = {i for i in idx if rules.any_match(rules.furniture_cluster, lines[i].text)}
        size = last - first + 1
        if len(strong | rep) == size:
            marked = set(idx)
        elif strong and len(strong | rep | cluster) * 2 >= size:
            marked = strong | rep | cluster
        else:
            marked = strong
        for i in marked:
            kinds[i] = FURNITURE


def _mark_letter_parts(lines: list[_Line], kinds: list[str | None], rules: LayoutRules) -> None:
    n = len(lines)
    for i, line in enumerate(lines):
        if kinds[i] is not None:
            continue
        if rules.salutation.match(line.text) and _starts_paragraph(kinds, i):
            kinds[i] = SALUTATION
        elif rules.any_match(rules.signature_title, line.text) and _starts_paragraph(kinds, i):
            kinds[i] = SIGNATURE
            j = i + 1
            # names right under the title, or in the next paragraph
            while (
                j < n
                and kinds[j] is None
                and (rules.signature_name.match(lines[j].text) or rules.signature_continuation.match(lines[j].text))
            ):
                kinds[j] = SIGNATURE
                j += 1
            if j < n and kinds[j] is not None:
                while j < n and kinds[j] in (BLANK, FURNITURE):
                    j += 1
                k = j
                while k < n and kinds[k] is None and k < j + 2 and rules.signature_name.match(lines[k].text):
                    k += 1
                if k > j and (k >= n or kinds[k] is not None):
                    for m in range(j, k):
                        kinds[m] = SIGNATURE


def _starts_paragraph(kinds: list[str | None], i: int) -> bool:
    return i == 0 or kinds[i - 1] is not None


# --- geometry ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Geometry:
    wrapped: bool
    width: int

    @classmethod
    def measure(cls, lines: list[_Line], kinds: list[str | None]) -> _Geometry:
        """Wrapped text has many long lines that stop mid-sentence; their length gives the width."""
        followed = [lines[i].text for i in range(len(lines) - 1) if kinds[i] is None and kinds[i + 1] is None]
        mid_sentence = sorted(len(t) for t in followed if len(t) >= 40 and t[-1] not in ".!?:;")
        if len(mid_sentence) < 2 or len(mid_sentence) < 0.3 * len(followed):
            return cls(False, 0)
        width = mid_sentence[min(len(mid_sentence) - 1, int(len(mid_sentence) * 0.9))]
        return cls(width <= 200, width)

    def real_break(self, line: _Line, following: _Line, rules: LayoutRules) -> bool:
        """Whether the line ends on purpose rather than at a wrap.

        A line is wrapped when the next line starts in lower case, when it
        ends in a hyphen glued to the next word, or in a comma or a function
        word (``van``, ``de``); otherwise, in wrapped text, when the next
        word would not have fit on it.
        """
        text = line.text
        first = following.text[:1]
        if first.islower() or (text.endswith("-") and first.isalnum()):
            return False
        last_word = text.rsplit(None, 1)[-1]
        if last_word.endswith(",") or last_word.lower() in rules.function_words:
            return False
        if not self.wrapped:
            return True
        next_word = following.text.split(None, 1)[0] if following.text else ""
        return len(text) + 1 + len(next_word) <= 0.97 * self.width


# --- footnotes ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    line: int
    number: int
    skip: int


def _footnote_number(rules: LayoutRules, line: _Line) -> tuple[int, int] | None:
    m = rules.footnote.match(line.text)
    if m is None:
        return None
    return int(m.group(1).translate(_SUPERSCRIPT)), m.end()


def _mark_footnotes(
    text: str, lines: list[_Line], kinds: list[str | None], rules: LayoutRules, geometry: _Geometry
) -> tuple[list[_Piece], list[FootnoteMarker]]:
    # footnote paragraphs: a paragraph whose first line starts with a number
    groups: list[list[tuple[_Candidate, int]]] = []  # per paragraph: (candidate, last line)
    for first, last in _paragraph_runs(kinds, include=(None,)):
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
    if not groups:
        return [], []
    in_footnote = {i for group in groups for cand, end in group for i in range(cand.line, end + 1)}
    candidates = _marker_candidates(text, lines, kinds, rules, in_footnote)
    accepted: dict[int, FootnoteMarker | None] = {}
    last_pos = -1
    for group in groups:
        for cand, _ in group:
            limit = lines[cand.line].start
            marker = next(
                (m for m in candidates if m.number == cand.number and last_pos < m.start < limit),
                None,
            )
            if marker is not None:
                accepted[cand.line] = marker
                last_pos = marker.end
    pieces: list[_Piece] = []
    markers: list[FootnoteMarker] = []
    for group in groups:
        if not any(cand.line in accepted for cand, _ in group):
            continue
        for cand, end in group:
            marker = accepted.get(cand.line)
            if marker is not None:
                markers.append(marker)
            for i in range(cand.line, end + 1):
                kinds[i] = FOOTNOTE
            pieces.append(_Piece("footnote", cand.line, end, cand.skip, cand.number))
    return pieces, markers


def _marker_candidates(
    text: str, lines: list[_Line], kinds: list[str | None], rules: LayoutRules, skip_lines: set[int]
) -> list[FootnoteMarker]:
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
            number = int(digits.translate(_SUPERSCRIPT))
            found.append(FootnoteMarker(number, line.start + s, line.start + m.end(group)))
    return found


# --- body: headings, list items, paragraphs ---------------------------------------


def _ends_sentence(rules: LayoutRules, text: str) -> bool:
    if _last_char(text) not in tuple(_FINAL):
        return False
    stripped = _TRAILING_MARKER.sub("", text).rstrip(_CLOSERS)
    last_word = stripped.rsplit(None, 1)[-1].lstrip(_CLOSERS + "(").lower()
    return last_word not in rules.abbreviations


def _is_list_start(rules: LayoutRules, text: str) -> int:
    """Length of the bullet or number (with its space) that starts ``text``, or 0."""
    m = rules.bullet.match(text) or rules.enumerator.match(text)
    return m.end() if m else 0


def _segment_body(lines: list[_Line], kinds: list[str | None], rules: LayoutRules, geometry: _Geometry) -> list[_Piece]:
    pieces: list[_Piece] = []
    runs = _paragraph_runs(kinds, include=(None,))
    for index, (first, last) in enumerate(runs):
        pieces.extend(_segment_run(lines, first, last, rules, geometry, more_body=index + 1 < len(runs)))
    return pieces


def _segment_run(
    lines: list[_Line], first: int, last: int, rules: LayoutRules, geo: _Geometry, *, more_body: bool
) -> list[_Piece]:
    pieces: list[_Piece] = []
    i = first
    while i <= last:
        bullet = _is_list_start(rules, lines[i].text)
        heading_end = _heading_at(lines, i, last, rules, geo)
        if heading_end == last and not more_body:
            heading_end = None  # nothing follows: a last line without punctuation
        if heading_end is not None and (not bullet or _numbered_heading(lines, i, last, rules, bullet)):
            pieces.append(_Piece("heading", i, heading_end))
            i = heading_end + 1
            continue
        j = i
        if bullet:
            while j < last:
                nxt = lines[j + 1]
                if _is_list_start(rules, nxt.text) or (
                    geo.real_break(lines[j], nxt, rules) and not nxt.text[0].islower()
                ):
                    break
                j += 1
            pieces.append(_Piece("list_item", i, j, bullet))
        else:
            while j < last:
                line, nxt = lines[j], lines[j + 1]
                real_break = geo.real_break(line, nxt, rules)
                if _is_list_start(rules, nxt.text) and (real_break or _last_char(line.text) in tuple(".:;!?")):
                    break
                if real_break and (not geo.wrapped or _ends_sentence(rules, line.text)):
                    break
                j += 1
            pieces.append(_Piece("paragraph", i, j))
        i = j + 1
    return pieces


def _numbered_heading(lines: list[_Line], i: int, last: int, rules: LayoutRules, bullet: int) -> bool:
    """``1. Inleiding`` is a heading when a numbered line starts a section, not a list."""
    text = lines[i].text
    if not rules.enumerator.match(text) or not text[bullet : bullet + 1].isupper() or len(text) > 80:
        return False
    return i == last or not _is_list_start(rules, lines[i + 1].text)


def _heading_at(lines: list[_Line], i: int, last: int, rules: LayoutRules, geo: _Geometry) -> int | None:
    """The last line of a heading starting at line ``i``, or ``None``."""
    first_char = lines[i].text[0]
    if first_char.islower() or first_char in "([-–•":
        return None
    k = i
    while True:
        text = lines[k].text
        if _last_char(text) in tuple(".!?;:,"):
            return None
        if k == last:
            break
        nxt = lines[k + 1]
        if nxt.text[0].islower() or not geo.real_break(lines[k], nxt, rules):
            if k - i >= 2 or not geo.wrapped:
                return None
            k += 1
            continue
        break
    words = " ".join(lines[j].text for j in range(i, k + 1)).split()
    if len(words) > 25 or sum(len(w) + 1 for w in words) > 200:
        return None
    if words[-1].lower() in rules.function_words:
        return None
    if not geo.wrapped and len(lines[i].text) > 150:
        return None
    return k


# --- cleaned text ------------------------------------------------------------------


def _build(
    text: str,
    lines: list[_Line],
    kinds: list[str | None],
    pieces: list[_Piece],
    markers: list[FootnoteMarker],
    wrapped: bool,
) -> Layout:
    builder = CleanTextBuilder(text)
    marker_spans = sorted((m.start, m.end) for m in markers)
    blocks: list[Block] = []
    spans: list[tuple[int, int]] = []
    kinds_numbers: list[tuple[BlockKind, int | None]] = []
    previous_end = 0
    for piece in pieces:
        clean_start = -1
        start = lines[piece.first].start + piece.skip
        previous: _Line | None = None
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


def _join(builder: CleanTextBuilder, text: str, previous: _Line, line: _Line) -> None:
    """Join two wrapped lines: a hyphen at the line end is kept, the break dropped."""
    gap = text[previous.end : line.start]
    last = text[previous.end - 1] if previous.end > previous.start else ""
    soft_hyphen = "\u00ad" in gap
    glued = (
        last in "-‐"
        and previous.end - 2 >= previous.start
        and text[previous.end - 2].isalnum()
        and not gap.startswith((" ", "\t"))
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
    start = _LEAD.match(text, start, end).end()  # type: ignore[union-attr]
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
            s = _LEAD.match(text, s, e).end()  # type: ignore[union-attr]
        if s >= e:
            continue
        out.append((s, e))
        trail = _TRAIL.search(text, s, e)
        gap = trail is not None and any(c.isspace() for c in trail.group())
    while out:  # the end: no white space after the last visible character
        s, e = out[-1]
        trail = _TRAIL.search(text, s, e)
        if trail is None:
            break
        if trail.start() > s:
            out[-1] = (s, trail.start())
            break
        out.pop()
    return out


def _markers_in(markers: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    from bisect import bisect_left

    i = bisect_left(markers, (start, start))
    out = []
    while i < len(markers) and markers[i][0] < end:
        out.append(markers[i])
        i += 1
    return out


def _copy_part(builder: CleanTextBuilder, text: str, start: int, end: int) -> None:
    if _NEEDS_CLEANING.search(text, start, end) is None:
        builder.copy(start, end)
        return
    pos = start
    for m in _DIRTY.finditer(text, start, end):
        builder.copy(pos, m.start())
        if m.lastgroup == "ws":
            builder.insert(" ", m.start())
        pos = m.end()
    builder.copy(pos, end)
