"""Abbreviations a text defines: ``DIANA (Defence Innovation Accelerator for the North Atlantic)``.

A definition pairs a short form with a long form, in either order
(``long (SHORT)`` or ``SHORT (long)``). Whether the short form abbreviates
the long form is checked with the algorithm of Schwartz and Hearst (2003,
"A simple algorithm for identifying abbreviation definitions in biomedical
text"): every letter and digit of the short form is found in the long form,
right to left, the first one at the start of a word.

The entity component uses a definition when one form is a known
organisation (the other then gets its ``kb_id``) or when the long form ends
in a head word of organisation names (``Council``, ``Agentschap``, see
``data/entities/abbreviation_heads.txt``) and names no document
(``data/entities/abbreviation_blockers.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

SHORT_FORM = re.compile(r"^(?=[^\s]*[A-Z][^\s]*[A-Z0-9])[A-Z][A-Za-z0-9&]{1,11}$")
"""A candidate short form: one word of 2-12 characters, capital first, two capitals or digits at least."""

_PARENTHESIS = re.compile(r"\(\s*(?P<inner>[^()\n]{2,120}?)\s*\)")
_WORD = re.compile(r"[^\s()]+")
_CONNECTORS = frozenset(
    {"van", "de", "der", "den", "het", "voor", "en", "in", "op", "tot", "met", "over", "of", "the", "for", "and"}
    | {"on", "to", "a", "an", "at", "des", "du", "la", "le", "et", "für", "und"}
)


@dataclass(frozen=True, slots=True)
class Parenthesis:
    """A parenthesised stretch of text: ``text[start:end]`` is the inside, ``open``/``close`` the brackets."""

    open: int
    close: int
    start: int
    end: int
    inner: str


def parentheses(text: str) -> Iterator[Parenthesis]:
    """The parenthesised stretches of ``text`` (one line, no nesting)."""
    for m in _PARENTHESIS.finditer(text):
        yield Parenthesis(m.start(), m.end() - 1, m.start("inner"), m.end("inner"), m.group("inner"))


def is_short_form(word: str) -> bool:
    """Whether ``word`` looks like an abbreviation a text may define (``DIANA``, ``EDF``)."""
    return SHORT_FORM.match(word) is not None


def long_form_start(short: str, long: str) -> int | None:
    """Where the long form of ``short`` starts in ``long``, which ends where the definition's long form ends.

    Schwartz-Hearst: match the letters and digits of ``short`` right to left
    in ``long``; the first character of ``short`` must start a word. Returns
    the offset in ``long`` of the first word of the long form, or ``None``
    when ``short`` does not abbreviate (the end of) ``long``.
    """
    s = len(short) - 1
    i = len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != c or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = i + 1
    return start


def candidate_long_form(short: str, before: str) -> tuple[int, str] | None:
    """The long form of ``short`` at the end of ``before`` (text up to the ``(``), or ``None``.

    Only the last ``min(len(short) + 5, 2 * len(short))`` words are searched
    (Schwartz-Hearst); the long form must start with a capitalised word, must
    not start or end with a connector (``van``, ``the``), and must not be
    only the short form again.
    """
    words = list(_WORD.finditer(before))
    if not words:
        return None
    window_start = words[max(0, len(words) - _window_words(short))].start()
    window = before[window_start:]
    start = long_form_start(short, window)
    if start is None:
        return None
    long = window[start:].strip()
    first, last = long.split()[0], long.split()[-1]
    if not first[:1].isupper() or first.lower() in _CONNECTORS or last.lower() in _CONNECTORS:
        return None
    if len(long.split()) < 2 and len(long) <= len(short) + 2:
        return None
    return window_start + start, long


def _window_words(short: str) -> int:
    return min(len(short) + 5, 2 * len(short))


def window_start(short: str, text: str, start: int, end: int) -> int:
    """Where the words :func:`candidate_long_form` searches for ``short`` start in ``text[start:end]``.

    Found by walking back from ``end`` over that many words, so a caller
    passes ``text[window_start(...):end]`` instead of the whole line: on a
    long line with many parentheses, tokenising the line up to each one is
    quadratic.
    """
    i = end
    for _ in range(_window_words(short)):
        while i > start and (text[i - 1].isspace() or text[i - 1] in "()"):
            i -= 1
        if i == start:
            break
        while i > start and not (text[i - 1].isspace() or text[i - 1] in "()"):
            i -= 1
    return i


def matches_short(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates the whole of ``long``."""
    start = long_form_start(short, long)
    return start is not None and not long[:start].strip()


def ends_in(word: str, heads: frozenset[str]) -> bool:
    """Whether ``word`` is, or as a closed compound ends in, one of ``heads`` (lower case)."""
    lower = word.lower()
    return lower in heads or any(lower.endswith(head) and len(lower) > len(head) + 2 for head in heads)
