"""Context rules for gazetteer candidates found in real letters.

A gazetteer string is dropped where its context shows it names something
else (``corpora/ANNOTATION.md``, ``../shared/corpus/CONVENTIONS.md``):

* a venue: a country whose capital bears its name, after ``in`` or ``te``
  (``de Raad in Luxemburg``) or naming an agreement (``het Akkoord van
  Luxemburg``), is the city; the names are ``data/entities/venue_cities.txt``;
* the chamber in a Kamerstuk citation: ``(TK 2003-2004, 28 625, nr. 12)``;
* a letter reference or a postcode: ``DVB/CV-388/05``, ``EP/EIS``, ``2500 EC
  's-Gravenhage``;
* the portfolio of a minister: ``minister Verhagen (BZ)``, ``minister Van
  Middelkoop (Defensie)``.

And a bare country adjective (``Hongaars``, ``Frans``) is also tagged in the
non-standard ``het Hongaars voorzitterschap`` before the neuter nouns of
``data/entities/bare_adjective_nouns.txt``, and before a compound with an
acronym (``onder Frans EU-voorzitterschap``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_json, read_lines
from ..text import HYPHENS as HYPHEN_CHARS

_HYPHENS = frozenset(HYPHEN_CHARS)
_YEAR = re.compile(r"^\d{4}(?:[/–-]\d{2,4})?,?$")
_CODE = re.compile(r"^[A-Z0-9][A-Za-z0-9]*(?:[-/.][A-Za-z0-9]+)*$")
_POSTCODE = re.compile(r"^\d{4}$")


@dataclass(frozen=True, slots=True)
class ContextWords:
    """The word lists of the context rules."""

    venue_cities: frozenset[str]
    bare_adjective_nouns: frozenset[str]
    chambers: frozenset[str]
    titles: frozenset[str]
    particles: frozenset[str]
    agreements: frozenset[str]


@lru_cache(maxsize=1)
def context_words() -> ContextWords:
    """The packaged lists (cached)."""

    def words(name: str) -> frozenset[str]:
        return frozenset(line.split()[0] for line in read_lines(f"entities/{name}"))

    lists = read_json("entities/context_words.json")
    return ContextWords(
        venue_cities=words("venue_cities.txt"),
        bare_adjective_nouns=frozenset(w.lower() for w in words("bare_adjective_nouns.txt")),
        chambers=frozenset(lists["chambers"]),
        titles=frozenset(lists["titles"]),
        particles=frozenset(lists["particles"]),
        agreements=frozenset(lists["agreements"]),
    )


def names_something_else(
    words: Sequence[str], space: Sequence[bool], start: int, end: int, label: str, known: frozenset[str]
) -> bool:
    """Whether the candidate ``words[start:end]`` names a venue, a chamber in a citation, a code or a portfolio.

    ``words`` and ``space``: the token texts of the Doc and whether white
    space follows each (:func:`nlp_report.pipeline.doc.token_table`).
    ``known``: the gazetteer's surface strings (``EU/NAVO`` joins two names, no code).
    """
    lists = context_words()
    first = words[start]
    before = words[start - 1] if start > 0 else None
    after = words[end] if end < len(words) else None
    if label == "COUNTRY":
        if end - start != 1 or first not in lists.venue_cities or before is None:
            return False
        before_lower = before.lower()
        named_after = before_lower == "van" and start >= 2 and words[start - 2] in lists.agreements
        return before_lower in ("in", "te") or named_after
    if end - start == 1 and first.isupper():
        if first in lists.chambers and after is not None and _YEAR.match(after):
            return True
        if before is not None and _POSTCODE.match(before) and space[start - 1]:
            return True  # 2500 EC 's-Gravenhage
        if _reference_code(words, space, start, end, known):
            return True
    return _portfolio(words, start, end)


def _reference_code(words: Sequence[str], space: Sequence[bool], start: int, end: int, known: frozenset[str]) -> bool:
    """``DVB/CV-388/05``: the abbreviation glued to a slash and a code that names nothing."""
    if end + 1 >= len(words) or words[end] != "/" or space[start] or space[end]:
        return False
    j = end + 1
    rest = ""
    while j < len(words):
        rest += words[j]
        if space[j]:
            break
        j += 1
    rest = rest.rstrip(",.;:)")
    head = re.split(r"[-/.]", rest, maxsplit=1)[0]
    return bool(_CODE.match(rest)) and head.isupper() and head not in known


def _portfolio(words: Sequence[str], start: int, end: int) -> bool:
    """``minister Verhagen (BZ)``: a ministry in parentheses right after a minister's name."""
    lists = context_words()
    if start < 3 or end >= len(words) or words[start - 1] != "(" or words[end] != ")":
        return False
    i = start - 2
    names = 0
    while i >= 0 and names < 5:
        word = words[i]
        if word.isalpha() and word[:1].isupper():
            names += 1
        elif word.lower() not in lists.particles:
            break
        i -= 1
    return names > 0 and i >= 0 and words[i].lower() in lists.titles


def bare_adjective_fits(words: Sequence[str], space: Sequence[bool], end: int) -> bool:
    """``het Hongaars voorzitterschap``, ``Frans EU-voorzitterschap``: a bare adjective before its noun."""
    if end >= len(words):
        return False
    nxt = words[end]
    if nxt.lower() in context_words().bare_adjective_nouns:
        return True
    return (
        nxt.isupper()
        and len(nxt) > 1
        and not space[end]
        and end + 2 < len(words)
        and words[end + 1] in _HYPHENS
        and words[end + 2][:1].islower()
    )
