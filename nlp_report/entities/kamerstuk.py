"""Kamerstuk references: finding them in text and parsing them into :class:`KamerstukRef`.

The forms found (``corpora/ANNOTATION.md``, KAMERSTUK):

* ``Kamerstuk 28 676, nr. 394``, ``Kamerstuk 28 676 nr. 397``,
  ``Kamerstukken 23 432, nr. 512``;
* with chamber and year: ``Kamerstukken II 2021/22, 21 501-02, nr. 2440``,
  ``Kamerstukken I 2021–2022, 35 925, nr. 3``;
* a dossier with a suffix: ``21 501-02``, ``36 200-V``, ``36 200 X``;
* a number with a letter: ``nr. 188b``; several numbers: ``nrs. 126 en 131``
  (one reference per number);
* without ``Kamerstuk``: ``(28 676, nr. 42)``, ``32 623, nr. 321``;
* compact: ``Kamerstuk 28676-500``, ``kst-28676-394``, ``kst-36200-X-12``;
* as real letters write them: an en dash (``21501–08, nr. 463``), no comma
  and no space (``36600-XVII nr.73``), lower case and no dot (``kamerstuk
  28676, nr 48``), a dot in the dossier (``kamerstuk 31.371, nr. 14``).

Not references: ``Handelingen`` citations (``Handelingen II 2022/23, nr. 52``)
and Council document codes (``EUCO 19/17``), which these patterns do not
match, and the letter's own dossier number and ``Nr.`` in its header, which
the entity component leaves out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from ..errors import KamerstukError
from ..types import KamerstukRef

URL = "https://zoek.officielebekendmakingen.nl/kst-{kb_id}.html"
"""Where a Kamerstuk is published, by its ``kb_id``."""

_SP = r"(?:[ \t\u00a0]|\n(?!\s*\n))"
"""One white-space character; a single line break counts (a wrap inside a reference)."""
_DASH = r"[-‐‑–]"
_DOSSIER_REST = rf"\d(?:{_SP}|\.)?\d{{3}})(?:{_SP}?{_DASH}{_SP}?(?P<s>\d{{2}}|[A-Z]{{1,5}})|{_SP}(?P<s2>[A-Z]{{1,5}}))?"
"""A dossier number after its first digit: ``28 676``, ``21501-02``, ``36200 V`` (see :data:`_DOSSIER`)."""
_DOSSIER = rf"(?P<d>\d{_DOSSIER_REST}"
_NR = r"(?:[Nn]r|[Nn]o|[Nn]ummer)s?\.?"
_NUMBER = r"\d{1,5}[a-z]?(?![\w/])"
_MORE_ITEM = rf"{_SP}*(?:,|en|&){_SP}*\d{{1,5}}[a-z]?(?![\w/]|{_SP}?\d|,?{_SP}*{_NR})"
_MORE = rf"(?P<more>(?:{_MORE_ITEM})*)"
_COMPACT = rf"(?P<cd>\d{{5}})(?:{_DASH}(?P<cs>\d{{2}}|[A-Z]{{1,5}}))?{_DASH}(?P<cn>\d{{1,5}}[a-z]?)(?![\w-])"
_YEAR = r"(?P<y>\d{4}(?:\s?[/–-]\s?\d{2,4})?)"

# Three patterns, each starting with a literal or a character class so the regex
# engine can skip ahead quickly; find_kamerstukken merges their matches.
_PREFIXED = re.compile(
    # Kamerstuk(ken) [I|II] [year], dossier, nr. N  (K... checks that no letter precedes)
    rf"(?P<prefix>[Kk](?<!\w[Kk])amerstuk(?:ken)?(?:{_SP}+(?P<ch>II|I|EK|TK)\b)?(?:,?{_SP}+{_YEAR})?,?{_SP}+)"
    rf"(?:{_DOSSIER},?{_SP}*(?:{_NR}{_SP}*(?P<n>{_NUMBER}){_MORE}|(?P<letter>[A-Z]{{1,2}})\b)|{_COMPACT})"
)
_KST = re.compile(
    # kst-28676-394, also inside a URL (.../kst-28676-394.html)
    rf"(?P<kst>k(?<![\w.-]k)st-){_COMPACT.replace('(?P<c', '(?P<k')}"
)
_BARE_DOSSIER = rf"(?P<bd>\d(?<![\w/.,-]\d){_DOSSIER_REST.replace('(?P<', '(?P<b')}"
"""The dossier of :data:`_BARE`, no word, slash, dot, comma or hyphen before it (checked after the
first digit, so that the pattern starts with a digit and the regex engine skips ahead to one)."""
_BARE = re.compile(
    # a bare dossier, nr. N: (28 676, nr. 42)
    rf"{_BARE_DOSSIER},?{_SP}*{_NR}{_SP}*(?P<bn>{_NUMBER})"
    rf"{_MORE.replace('(?P<more>', '(?P<bmore>')}"
)
_MORE_NUMBER = re.compile(r"\d{1,5}[a-z]?")


@dataclass(frozen=True, slots=True)
class KamerstukMatch:
    """A Kamerstuk reference found in a text: ``text[start:end]`` and what it refers to."""

    start: int
    end: int
    ref: KamerstukRef


def make_ref(
    dossier: str,
    suffix: str | None,
    number: str,
    *,
    chamber: Literal["I", "II"] | None = None,
    year: str | None = None,
) -> KamerstukRef:
    """A :class:`KamerstukRef` from its parts; ``dossier`` may hold spaces or a dot (``28 676``, ``31.371``)."""
    base = re.sub(r"[\s.]", "", dossier)
    full = f"{base}-{suffix}" if suffix else base
    kb_id = f"{full}-{number}"
    return KamerstukRef(full, number, kb_id, URL.format(kb_id=kb_id), chamber, year)


def _chamber(value: str | None) -> Literal["I", "II"] | None:
    if value in ("I", "EK"):
        return "I"
    if value in ("II", "TK"):
        return "II"
    return None


def _year(value: str | None) -> str | None:
    """``2021/22`` for ``2021/22``, ``2021-2022`` and ``2021–2022``; ``2022`` stays ``2022``."""
    if not value:
        return None
    m = re.match(r"(\d{4})\s?[/–-]\s?(\d{2,4})$", value)
    if m is None:
        return value
    return f"{m.group(1)}/{m.group(2)[-2:]}"


def find_kamerstukken(text: str) -> Iterator[KamerstukMatch]:
    """Every Kamerstuk reference in ``text``, in order; ``nrs. 5 en 6`` gives two."""
    matches: list[re.Match[str]] = []
    if "amerstuk" in text:
        matches += _PREFIXED.finditer(text)
    if "kst-" in text:
        matches += _KST.finditer(text)
    taken = _Spans((m.start(), m.end()) for m in matches)
    matches += (m for m in _BARE.finditer(text) if not taken.overlaps(m.start(), m.end()))
    matches.sort(key=lambda m: m.start())
    for m in matches:
        yield from _references(m)


def _references(m: re.Match[str]) -> Iterator[KamerstukMatch]:
    """The references of one match of the three patterns."""
    groups = m.groupdict()

    def group(name: str) -> str:
        return groups.get(name) or ""

    if group("kst"):
        yield KamerstukMatch(m.start(), m.end(), make_ref(group("kd"), group("ks") or None, group("kn")))
        return
    chamber: Literal["I", "II"] | None = None
    year: str | None = None
    if group("prefix"):
        chamber, year = _chamber(group("ch") or None), _year(group("y") or None)
        if group("cd"):
            ref = make_ref(group("cd"), group("cs") or None, group("cn"), chamber=chamber, year=year)
            yield KamerstukMatch(m.start(), m.end(), ref)
            return
        dossier, suffix = group("d"), group("s") or group("s2") or None
        if group("letter"):
            yield KamerstukMatch(
                m.start(), m.end(), make_ref(dossier, suffix, group("letter"), chamber=chamber, year=year)
            )
            return
        number, more, number_start = group("n"), group("more"), m.start("n")
    else:
        dossier, suffix = group("bd"), group("bs") or group("bs2") or None
        number, more, number_start = group("bn"), group("bmore"), m.start("bn")
    first_end = number_start + len(number)
    yield KamerstukMatch(m.start(), first_end, make_ref(dossier, suffix, number, chamber=chamber, year=year))
    offset = m.end() - len(more)
    for extra in _MORE_NUMBER.finditer(more):
        yield KamerstukMatch(
            offset + extra.start(),
            offset + extra.end(),
            make_ref(dossier, suffix, extra.group(), chamber=chamber, year=year),
        )


class _Spans:
    """Spans, sorted once, that answer "does ``[start, end)`` overlap one of you" in logarithmic time."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_ends = list(accumulate((e for _, e in ordered), max))
        """``max_ends[i]``: the largest end among the first ``i + 1`` spans."""

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the spans that start before ``end``
        return i > 0 and self.max_ends[i - 1] > start


def parse_kamerstuk(text: str) -> KamerstukRef:
    """The :class:`KamerstukRef` of a reference written in full (``Kamerstuk 28 676, nr. 394``).

    Raises :class:`~nlp_report.errors.KamerstukError` when ``text`` (white
    space stripped, parentheses allowed) is not exactly one reference.
    """
    stripped = text.strip().strip("()").strip()
    found = list(find_kamerstukken(stripped))
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(stripped):
        raise KamerstukError(f"{text!r} is not one Kamerstuk reference (e.g. 'Kamerstuk 28 676, nr. 394')")
    return found[0].ref
