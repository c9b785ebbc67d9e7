"""The body: runs of body lines segmented into headings, list items and paragraphs.

A heading is a short line (in wrapped text, up to three lines) that does
not end in punctuation and ends at a real line break, with more body after
it; a list item starts with a bullet or an enumerator (``1. Inleiding``
can still be a heading); the rest is paragraphs, which end at a real line
break (in wrapped text: one after the end of a sentence) or before a list.
"""

from __future__ import annotations

import re

from .lines import Geometry, LayoutRules, Line, Piece, paragraph_runs, visible_width

_FINAL = ".!?"
_CLOSERS = "\"'”’»)]"
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_DASHES = "-–—"
_SENTENCE_END = re.compile(r"[a-zà-ÿ)][.!?]\d{0,3} +[A-ZÀ-Ý][a-zà-ÿ]")
"""A sentence end inside a line: a lower-case word or bracket, the mark (and a marker), a capitalised word."""


def segment_body(lines: list[Line], kinds: list[str | None], rules: LayoutRules, geometry: Geometry) -> list[Piece]:
    """The pieces of every run of lines not marked yet."""
    pieces: list[Piece] = []
    runs = paragraph_runs(kinds, include=(None,))
    for index, (first, last) in enumerate(runs):
        pieces.extend(_segment_run(lines, first, last, rules, geometry, more_body=index + 1 < len(runs)))
    return pieces


def _segment_run(
    lines: list[Line], first: int, last: int, rules: LayoutRules, geo: Geometry, *, more_body: bool
) -> list[Piece]:
    pieces: list[Piece] = []
    i = first
    while i <= last:
        bullet = _is_list_start(rules, lines[i].text)
        if rules.labels.search(lines[i].text[bullet:]) is not None:
            pieces.append(Piece("heading", i, i, bullet))
            i += 1
            continue
        heading_end = _heading_at(lines, i, last, rules, geo)
        if heading_end == last and not more_body:
            heading_end = None  # nothing follows: a last line without punctuation
        if heading_end is not None and (not bullet or _numbered_heading(lines, i, last, rules, bullet)):
            pieces.append(Piece("heading", i, heading_end))
            i = heading_end + 1
            continue
        j = i
        if bullet:
            while j < last:
                nxt = lines[j + 1]
                if (_is_list_start(rules, nxt.text) and not _dash_continues(lines[j], nxt, geo)) or (
                    geo.real_break(lines[j], nxt, rules) and not nxt.text[0].islower()
                ):
                    break
                j += 1
            pieces.append(Piece("list_item", i, j, bullet))
        else:
            while j < last:
                line, nxt = lines[j], lines[j + 1]
                if rules.labels.search(nxt.text) is not None:
                    break  # "Vraag 2" under the sentence before it
                if _ends_sentence(rules, line.text) and _heading_follows(lines, j + 1, last, rules, geo, more_body):
                    break  # "... plaatsvond." + "Verdere ontwikkelingen" + "De Raad ...", no blank line between
                if _dash_continues(line, nxt, geo):
                    j += 1  # "... die volgens" + "- zo bleek later - niet ...": a wrap before a dash
                    continue
                real_break = geo.real_break(line, nxt, rules)
                if _is_list_start(rules, nxt.text) and (real_break or _last_char(line.text) in tuple(".:;!?")):
                    break
                if real_break and (
                    not geo.wrapped or _ends_sentence(rules, line.text) or _ends_lead_in(line.text, nxt.text)
                ):
                    break
                j += 1
            pieces.append(Piece("paragraph", i, j))
        i = j + 1
    return pieces


def _heading_at(lines: list[Line], i: int, last: int, rules: LayoutRules, geo: Geometry) -> int | None:
    """The last line of a heading starting at line ``i``, or ``None``.

    A heading has no sentence end inside it (``... G5-Sahellanden. Begin
    2014 ...`` is a wrapped sentence) and is not continued by a line
    starting with a bracket (``... van de Europese Raad`` + ``(ER) van 17
    ...``).
    """
    first_char = lines[i].text[0]
    if first_char.islower() or first_char in "([-–•":
        return None
    k = i
    while True:
        text = lines[k].text
        if _last_char(text) in tuple(".!?;:,") or _SENTENCE_END.search(text) is not None:
            return None
        if k == last:
            break
        nxt = lines[k + 1]
        if nxt.text[0] in "([":
            return None
        if nxt.text[0].islower() or not geo.real_break(lines[k], nxt, rules):
            if k - i >= 2 or not geo.wrapped:
                return None
            k += 1
            continue
        break
    joined = " ".join(lines[j].text for j in range(i, k + 1))
    if joined.count("(") > joined.count(")"):
        return None  # "... (Kamerstuk" + "29 521, nr. 492) ...": a sentence goes on
    words = joined.split()
    if len(words) > 25 or sum(len(w) + 1 for w in words) > 200:
        return None
    if words[-1].lower() in rules.function_words:
        return None
    if not geo.wrapped and len(lines[i].text) > 150:
        return None
    return k


def _numbered_heading(lines: list[Line], i: int, last: int, rules: LayoutRules, bullet: int) -> bool:
    """``1. Inleiding`` is a heading when a numbered line starts a section, not a list."""
    text = lines[i].text
    if not rules.enumerator.match(text) or not text[bullet : bullet + 1].isupper() or len(text) > 80:
        return False
    return i == last or not _is_list_start(rules, lines[i + 1].text)


def _is_list_start(rules: LayoutRules, text: str) -> int:
    """Length of the bullet or number (with its space) that starts ``text``, or 0.

    A number right after a bullet belongs to it (``• 1) De ...`` starts at ``De``).
    """
    m = rules.bullet.match(text)
    if m is not None:
        number = rules.enumerator.match(text[m.end() :])
        return m.end() + (number.end() if number else 0)
    m = rules.enumerator.match(text)
    return m.end() if m else 0


def _without_marker(text: str) -> str:
    """``text`` without the footnote marker at its end: 1-3 digits or superscripts after a visible character.

    Written out rather than as the regex ``(?<=[^\\d\\s])(?:\\d{1,3}|[¹²³...]+)\\Z``
    (same result), whose search over a long run of superscripts inside the
    line is quadratic.
    """
    n = len(text)
    if text[-1:].isdecimal():
        digits = 1
        while digits < 4 and digits < n and text[n - digits - 1].isdecimal():
            digits += 1
        before = n - digits - 1
        if digits <= 3 and before >= 0 and not text[before].isspace():
            return text[: before + 1]
        return text
    run = n - len(text.rstrip(_SUPERSCRIPTS))
    if not run:
        return text
    start = n - run
    if start > 0 and not (text[start - 1].isdecimal() or text[start - 1].isspace()):
        return text[:start]
    return text[: start + 1] if run >= 2 else text  # the regex's match then starts at the second superscript


def _last_char(text: str) -> str:
    """The last character that counts for punctuation: footnote marker and closers left out."""
    return _without_marker(text).rstrip(_CLOSERS)[-1:]


def _heading_follows(lines: list[Line], i: int, last: int, rules: LayoutRules, geo: Geometry, more_body: bool) -> bool:
    """Whether a heading starts at line ``i`` of a run, with more body after it."""
    end = _heading_at(lines, i, last, rules, geo)
    return end is not None and (end < last or more_body)


def _dash_continues(line: Line, following: Line, geo: Geometry) -> bool:
    """Whether ``following``, starting with a dash, continues ``line`` at a wrap rather than starting a list.

    In wrapped text a line that ends without punctuation and would not have
    held the dash and the word after it was wrapped there: the dash is a
    parenthetical one (``... de Raad`` + ``- en dat is nieuw - besloot``).
    So is a dash after a line that leaves a bracket open, wrapped or not.
    """
    if following.text[:1] not in _DASHES or following.text[1:2] != " ":
        return False
    if line.text.count("(") > line.text.count(")"):
        return True  # "... (total allowable catches" + "- TAC's) voor ...": inside a bracket
    if not geo.wrapped or _last_char(line.text) in tuple(".:;!?") or line.text[:1] in _DASHES:
        return False
    head = " ".join(following.text.split(None, 2)[:2])
    return visible_width(line.text) + 1 + visible_width(head) > 0.97 * geo.width


def _ends_lead_in(text: str, following: str) -> bool:
    """A line ending in a colon before a capitalised line: a lead-in before its list or heading."""
    return _last_char(text) == ":" and following[:1].isupper()


def _ends_sentence(rules: LayoutRules, text: str) -> bool:
    if _last_char(text) not in tuple(_FINAL):
        return False
    stripped = _without_marker(text).rstrip(_CLOSERS)
    last_word = stripped.rsplit(None, 1)[-1].lstrip(_CLOSERS + "(").lower()
    return last_word not in rules.abbreviations
