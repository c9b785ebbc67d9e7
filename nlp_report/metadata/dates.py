"""Dutch dates in their written forms, resolved to :class:`datetime.date`.

``12 januari 2024``, ``6 en 7 april 2022``, ``13-14 oktober 2021``, ``woensdag 6 en
donderdag 7 april 2022``, ``7 juli jl.`` (the last 7 July before the letter's date),
``22 januari a.s.`` (the next one), ``4 mei`` (the letter's year), ``30 juni en 1 juli
2022`` (a range over two months). Month names and markers are data
(``data/metadata/rules.json``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..resources import read_json


@dataclass(frozen=True, slots=True)
class DateMatch:
    """Dates written in one expression: ``text[start:end]`` means ``dates``."""

    start: int
    end: int
    dates: tuple[dt.date, ...]
    """The days named, in order (a range ``13-14`` gives both days)."""
    explicit_year: bool
    """Whether the expression writes its year (else it was resolved)."""


def alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first, escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    rules = read_json("metadata/rules.json")
    month = alternation(list(rules["months"]))
    weekday = alternation(rules["weekdays"])
    joiner = alternation(rules["day_joiners"])
    marker = alternation(rules["past_markers"] + rules["future_markers"])
    day = rf"(?:(?:{weekday})\s+)?\d{{1,2}}"
    days = rf"{day}(?:\s*(?:{joiner})\s*{day})*"
    # one or more "days month" groups joined ("30 juni en 1 juli"), then an optional year
    group = rf"{days}\s+(?:{month})\.?(?![a-z])"
    return re.compile(
        rf"(?<![\w.])(?P<groups>{group}(?:\s*(?:{joiner})\s*{group})*)"
        rf"(?:\s+(?P<year>(?:19|20)\d\d)(?!\d))?"
        rf"(?:\s+(?P<marker>{marker}))?",
        re.IGNORECASE,
    )


@cache
def _markers() -> tuple[frozenset[str], frozenset[str]]:
    rules = read_json("metadata/rules.json")
    return frozenset(m.lower() for m in rules["past_markers"]), frozenset(m.lower() for m in rules["future_markers"])


@cache
def _month_numbers() -> dict[str, int]:
    return {name.lower(): int(number) for name, number in read_json("metadata/rules.json")["months"].items()}


def _group_days(groups: str) -> list[tuple[list[int], int]]:
    """``"30 juni en 1 juli"`` -> ``[([30], 6), ([1], 7)]``; ``"13-14 oktober"`` -> ``[([13, 14], 10)]``."""
    months = _month_numbers()
    out: list[tuple[list[int], int]] = []
    pending: list[tuple[int, str]] = []
    for token in re.finditer(r"\d{1,2}|[^\W\d]+|[-–—/]", groups):
        word = token.group().lower()
        if word.isdigit():
            pending.append((int(word), "day"))
        elif word in months:
            out.append(([d for d, _ in pending], months[word]))
            pending = []
        elif word in ("-", "–", "—", "t", "m", "tot"):
            pending.append((-1, "range"))
    return [(_expand([d for d in days]), month) for days, month in out]


def _expand(days: list[int]) -> list[int]:
    """A range ``13, -1, 14`` is both days; days may be listed (``6 en 7``)."""
    out: list[int] = []
    for index, day in enumerate(days):
        if day == -1:
            continue
        if index >= 2 and days[index - 1] == -1 and out and out[-1] < day <= out[-1] + 14:
            out.extend(range(out[-1] + 1, day + 1))
        else:
            out.append(day)
    return out


_NUMERIC = re.compile(r"(?<![\w.-])(?P<d>\d{1,2})[-./](?P<m>\d{1,2})[-./](?P<y>(?:19|20)\d\d)(?![\w-])")


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, reference: dt.date | None = None, numeric: bool = False
) -> Iterator[DateMatch]:
    """The date expressions in ``text[start:end]``, resolved against ``reference``.

    An expression without a year takes the year of ``reference``, the last such day before
    it with ``jl.``, the next one with ``a.s.``; without a reference it is passed over.
    ``numeric`` also finds ``12-09-2005`` (day first), as letterheads write dates.
    """
    stop = len(text) if end is None else end
    if numeric:
        for m in _NUMERIC.finditer(text, start, stop):
            try:
                day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                continue
            yield DateMatch(m.start(), m.end(), (day,), True)
    past, future = _markers()
    for m in _pattern().finditer(text, start, stop):
        groups = _group_days(m.group("groups"))
        marker = (m.group("marker") or "").lower()
        year_text = m.group("year")
        if year_text:
            years = [int(year_text)]
        elif reference is not None:
            years = [reference.year]
        else:
            continue
        dates = _dates(groups, years[0])
        if dates is None:
            continue
        if not year_text and reference is not None:
            if marker in past and dates[0] > reference:
                dates = _dates(groups, reference.year - 1)
            elif marker in future and dates[0] < reference:
                dates = _dates(groups, reference.year + 1)
            if dates is None:
                continue
        yield DateMatch(m.start(), m.end(), dates, bool(year_text))


def _dates(groups: list[tuple[list[int], int]], year: int) -> tuple[dt.date, ...] | None:
    out = []
    # "30 december en 2 januari 2024": a month earlier than the previous one is in the next year
    offsets = [0] * len(groups)
    for index in range(len(groups) - 2, -1, -1):
        offsets[index] = offsets[index + 1] - (1 if groups[index][1] > groups[index + 1][1] else 0)
    for (days, month), offset in zip(groups, offsets, strict=True):
        for day in days:
            try:
                out.append(dt.date(year + offset, month, day))
            except ValueError:
                return None
    return tuple(out) if out else None
