"""Read a document's metadata from its text: :func:`extract_info`.

The header of a Kamerbrief (dossier number and ``Nr.``, ``BRIEF VAN ...``, ``Aan de
Voorzitter ...``, ``Den Haag, <date>``), the ministry's letterhead fields (``Datum``,
``Betreft``, ``Onze Referentie``/``Kenmerk``), the signature (office line, name line) and the
meeting named in the cover text or title. Label words, offices, kinds and meeting nouns are
data (``data/metadata/rules.json``). Every field keeps the offsets of the words it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from ..resources import read_json
from .dates import alternation, find_dates
from .info import DateField, DocumentInfo, DocumentKind, Identity, Meeting, Signatory, TextField

if TYPE_CHECKING:
    from ..types import Entity

_HEAD = 2500
"""How far into the text the header fields are looked for."""


@cache
def _rules() -> dict[str, Any]:
    rules: dict[str, Any] = read_json("metadata/rules.json")
    return rules


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _field(text: str, start: int, end: int) -> TextField:
    while end > start and text[end - 1] in " \t,;:":
        end -= 1
    while start < end and text[start] in " \t:":
        start += 1
    return TextField(start, end, text[start:end], _one_line(text[start:end]))


def extract_info(text: str, entities: Sequence[Entity] = ()) -> DocumentInfo:
    """The metadata of a document ``text``; ``entities`` (its ORG mentions) name a meeting's body.

    >>> info = extract_info("Den Haag, 12 januari 2024\\n\\nGeachte voorzitter,\\n")
    >>> info.date.value.isoformat(), info.kind
    ('2024-01-12', 'letter')
    """
    head_end = min(len(text), _HEAD)
    date = _letter_date(text, head_end)
    reference_date = date.value if date else None
    title = _title(text, head_end)
    subject = _labelled(text, head_end, "subject")
    return DocumentInfo(
        kind=_kind(text, title, subject),
        date=date,
        identity=_identity(text, head_end),
        reference=_reference(text, head_end),
        subject=subject,
        title=title,
        addressee=_addressee(text, head_end),
        signatories=_signatories(text),
        meeting=_meeting(text, entities, reference_date, title, subject),
    )


# -- the letter's date -------------------------------------------------------------------------


@cache
def _date_line() -> re.Pattern[str]:
    rules = _rules()
    places = alternation(rules["place_date_places"])
    labels = alternation(rules["header_labels"]["date"])
    return re.compile(rf"^[ \t]*(?:(?:{places})[ \t]*,|(?:{labels})\b[ \t:]*)[ \t]*", re.MULTILINE)


def _letter_date(text: str, head_end: int) -> DateField | None:
    for m in _date_line().finditer(text, 0, head_end):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if next(find_dates(text, m.end(), line_end, numeric=True), None) is None:
            line_end = min(len(text), max(line_end, m.end() + 80))  # the value below the label (or a table row)
        for found in find_dates(text, m.end(), line_end, numeric=True):
            if found.explicit_year and len(found.dates) == 1:
                return DateField(found.start, found.end, text[found.start : found.end], found.dates[0])
    return None


# -- header fields -----------------------------------------------------------------------------


@cache
def _label_line(name: str) -> re.Pattern[str]:
    labels = alternation(_rules()["header_labels"][name])
    return re.compile(rf"^[ \t]*(?:{labels})\b[ \t:]*(?P<value>[^\n]*)$", re.MULTILINE | re.IGNORECASE)


def _labelled(text: str, head_end: int, name: str) -> TextField | None:
    """``Betreft <value>`` on one line, or the label alone and the value on the next line."""
    for m in _label_line(name).finditer(text, 0, head_end):
        start, end = m.span("value")
        if not text[start:end].strip():
            following = _NEXT_VALUE.match(text, end)
            if following is None:
                continue
            start, end = following.span(1)
        return _field(text, start, end)
    return None


_NEXT_VALUE = re.compile(r"[ \t]*(?:\n[ \t]*){1,3}(?:-[ \t]+)?([^\n]*\S)")


def _reference(text: str, head_end: int) -> TextField | None:
    found = _labelled(text, head_end, "reference")
    if found is None:
        return None
    code = re.match(r"[A-Za-z0-9][\w./-]*\d[\w./-]*", found.text)
    if code is None:
        return None
    return _field(text, found.start, found.start + code.end())


@cache
def _addressee_line() -> re.Pattern[str]:
    starts = alternation(_rules()["addressee_start"])
    return re.compile(rf"^[ \t]*(?P<line>(?:{starts})[^\n]*)$", re.MULTILINE)


def _addressee(text: str, head_end: int) -> TextField | None:
    m = _addressee_line().search(text, 0, head_end)
    return _field(text, *m.span("line")) if m else None


_CHAMBER = re.compile(r"^[ \t]*(?P<chamber>Tweede|Eerste) Kamer der Staten-Generaal\b", re.MULTILINE)
_YEAR = re.compile(r"^[ \t]*Vergaderjaar[ \t]+(?P<a>\d{4})[ \t]*[-–/][ \t]*(?P<b>\d{2,4})", re.MULTILINE)
_DOSSIER = re.compile(
    r"^[ \t]*(?P<dossier>\d{2}[ \t]?\d{3})(?:[ \t]?[-–][ \t]?(?P<suffix>[0-9]{1,2}|[IVXL]+(?:-[A-Z])?))?[ \t]+\S",
    re.MULTILINE,
)
_NUMBER = re.compile(r"^[ \t]*Nr\.[ \t]*(?P<number>\d{1,5}[a-z]?)\b", re.MULTILINE)


def _identity(text: str, head_end: int) -> Identity | None:
    dossier = _DOSSIER.search(text, 0, head_end)
    if dossier is None:
        return None
    number = _NUMBER.search(text, dossier.end(), min(len(text), dossier.end() + 600))
    if number is None:
        return None
    base = re.sub(r"\s", "", dossier.group("dossier"))
    suffix = dossier.group("suffix")
    full = f"{base}-{suffix}" if suffix else base
    chamber_match = _CHAMBER.search(text, 0, dossier.start())
    chamber: Literal["I", "II"] | None = None
    if chamber_match:
        chamber = "II" if chamber_match.group("chamber") == "Tweede" else "I"
    year_match = _YEAR.search(text, 0, dossier.start())
    year = f"{year_match.group('a')}/{year_match.group('b')[-2:]}" if year_match else None
    start, end = dossier.start("dossier"), number.end("number")
    return Identity(
        start, end, text[start:end], f"{full}-{number.group('number')}", full, number.group("number"), chamber, year
    )


# -- title and kind ----------------------------------------------------------------------------

_CAPS_LINE = re.compile(r"^[ \t]*(?P<line>[^\na-z]*[A-ZÀ-Ý][^\na-z]{12,})$", re.MULTILINE)
_BRIEF_VAN = re.compile(r"^[ \t]*Nr\.[ \t]*\d+[a-z]?[ \t]+(?P<line>[A-Z][A-Z ,]{8,}[^\n]*)$", re.MULTILINE)


def _title(text: str, head_end: int) -> TextField | None:
    """The first line in capitals that is not the letter header (``BRIEF VAN ...``), else that."""
    for m in _CAPS_LINE.finditer(text, 0, head_end):
        line = m.group("line")
        letters = [c for c in line if c.isalpha()]
        previous = text[text.rfind("\n", 0, max(0, m.start() - 1)) + 1 : m.start()]
        if (
            len(letters) < 10
            or line.lstrip().startswith(("BRIEF VAN", "Nr."))
            or re.search(r"\d{2} ?\d{3}|\b\d{4} ?[A-Z]{2}\b", line)
            or re.match(r"[IVX]+\.?\s", line.lstrip())
            or "BRIEF VAN" in previous
        ):
            continue
        return _field(text, *m.span("line"))
    header = _BRIEF_VAN.search(text, 0, head_end)
    if header:
        return _field(text, *header.span("line"))
    first = _FIRST_LINE.match(text)
    if first and (_NEWS.match(text) or _title_start().match(first.group("line"))):
        return _field(text, *first.span("line"))
    return None


_FIRST_LINE = re.compile(r"\s*(?P<line>[^\n]{10,160})")


@cache
def _title_start() -> re.Pattern[str]:
    """A first line that names the document (``Verslag ...``, ``Geannoteerde agenda ...``) is its title."""
    return re.compile(rf"(?:{alternation(_rules()['title_starts'])})\b", re.IGNORECASE)


@cache
def _kind_patterns() -> tuple[tuple[DocumentKind, re.Pattern[str]], ...]:
    flags = re.IGNORECASE | re.MULTILINE
    return tuple((entry["kind"], re.compile("|".join(entry["patterns"]), flags)) for entry in _rules()["kinds"])


def _kind(text: str, title: TextField | None, subject: TextField | None) -> DocumentKind | None:
    """By the title, then the subject, then the opening; a headline over prose is a news item."""
    wheres = (title.value if title else "", subject.value if subject else "", text[: _rules()["kind_window"]])
    for where in wheres:  # the kind named first; "BRIEF VAN ..." only says it is a letter when nothing else does
        found = [
            (m.start(), index, kind)
            for index, (kind, pattern) in enumerate(_kind_patterns())
            if kind != "letter" and (m := pattern.search(where))
        ]
        if found:
            return min(found)[2]
    letter = next(pattern for kind, pattern in _kind_patterns() if kind == "letter")
    if letter.search(wheres[2]) or _date_line().search(wheres[2]):
        return "letter"
    if _NEWS.match(text) and not _header_label().match(text):
        return "news"
    return None


@cache
def _header_label() -> re.Pattern[str]:
    """A text that starts with a letterhead label (``Datum``, ``Betreft``, ``Aan``) is no news item."""
    labels = [label for names in _rules()["header_labels"].values() for label in names] + ["Aan"]
    return re.compile(rf"\s*(?:{alternation(labels)})\b", re.IGNORECASE)


_NEWS = re.compile(r"\s*[^\n.:;]{10,140}[^\n.:;,]\n[ \t]*\n[ \t]*[A-Z][^\n]{60,}")
"""A headline without final punctuation, a blank line, then a paragraph of prose."""


# -- signatures --------------------------------------------------------------------------------

_NAME = re.compile(
    r"(?P<name>(?:[A-Z][a-z]{0,2}\.[ \t]?){0,5}(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]en|[Tt]er|in 't|'t)[ \t]+)*"
    r"[A-Z][\w'’-]+(?:[ \t]+(?:(?:van|de|der|den)[ \t]+)*[A-Z][\w'’-]+){0,2})[ \t]*$"
)
_NEXT_LINE = re.compile(r"(?:[ \t]*\n){1,5}[ \t]*(?P<line>[^\n]*?)[ \t]*$", re.MULTILINE)


@cache
def _office() -> re.Pattern[str]:
    offices = alternation(_rules()["offices"])
    return re.compile(
        rf"^[ \t]*(?P<office>(?:De|Het)[ \t]+(?:{offices})\b[^\n,.]{{0,90}}),[ \t]*(?P<rest>[^\n]*)$",
        re.MULTILINE | re.IGNORECASE,
    )


@cache
def _titles() -> re.Pattern[str]:
    """Academic titles before a name (``drs.``, ``mr.``): not part of it."""
    return re.compile(rf"(?:(?:{alternation(_rules()['name_titles'])})[ \t]+)+", re.IGNORECASE)


@cache
def _continued_office() -> re.Pattern[str]:
    """The second line of an office (``Minister van Algemene Zaken,`` under ``De minister-president,``)."""
    offices = alternation([o for o in _rules()["offices"] if " " not in o])
    return re.compile(rf"(?:{offices})\b[^\n,.]{{0,80}},$", re.IGNORECASE)


def _signatories(text: str) -> tuple[Signatory, ...]:
    """An office line ending in a comma (``De minister van Defensie,``), its continuation
    (``Minister van Algemene Zaken,``), and the name after it on the same line or a line below."""
    out = []
    for m in _office().finditer(text):
        office = _one_line(m.group("office"))
        if m.group("rest").strip():
            line_start, line = m.start("rest"), m.group("rest").rstrip()
        else:
            below = _NEXT_LINE.match(text, m.end())
            if below is None:
                continue
            line_start, line = below.start("line"), below.group("line")
            if _continued_office().fullmatch(line):
                office = f"{office}, {line[:-1]}"
                below = _NEXT_LINE.match(text, below.end())
                if below is None:
                    continue
                line_start, line = below.start("line"), below.group("line")
        title = _titles().match(line)
        skip = title.end() if title else 0
        name = _NAME.fullmatch(line, skip)
        if name is None or len(line) > 60:
            continue
        out.append(Signatory(m.start("office"), line_start + name.end("name"), office, name.group("name")))
    return tuple(out)


# -- the meeting -------------------------------------------------------------------------------

_CONNECTOR = re.compile(
    r"(?:[ \t\n]*,?[ \t\n]*\b(?:die|dat|welke|waarop)\b[^.;:]{0,30}?)?"
    r"(?:[ \t\n]+(?:van|op|d\.d\.|dd\.|te[ \t]+\w+,?))?[ \t\n]*[(,]?[ \t\n]*$",
    re.IGNORECASE,
)


@cache
def _lead_in() -> re.Pattern[str]:
    leads = alternation(_rules()["meeting_lead_ins"])
    return re.compile(rf"(?:^|(?<=[\s(]))(?:{leads})[ \t\n]+", re.IGNORECASE)


@cache
def _strip_words() -> re.Pattern[str]:
    """What names the document, not the meeting, before a meeting's name (``Verslag``, ``Kamerbrief inzake``)."""
    prefixes = sorted(_rules()["meeting_name_prefixes"], key=len, reverse=True)
    alternatives = "|".join(r"[ \t\n]+".join(map(re.escape, p.split())) for p in prefixes)
    return re.compile(rf"^(?:{alternatives})(?:[^\n]{{0,20}}?[ \t\n]inzake)?[ \t\n]+", re.IGNORECASE)


def _meeting(
    text: str,
    entities: Sequence[Entity],
    reference: dt.date | None,
    title: TextField | None,
    subject: TextField | None,
) -> Meeting | None:
    """The first ``<meeting> van <date>`` in the subject, the opening of the text or the title.

    The name is the shortest phrase before the date, after a lead-in (``van de``, ``voor de``),
    that holds a meeting noun (``Raad``, ``bijeenkomst``, ``top``: data).
    """
    rules = _rules()
    regions = [(subject.start, subject.end)] if subject else []
    regions.append((0, min(len(text), rules["meeting_window"])))
    if title:
        regions.append((title.start, title.end))
    for region_start, region_end in regions:
        for found in find_dates(text, region_start, region_end, reference=reference):
            window_start = max(region_start, found.start - 160)
            named = _meeting_name(text, window_start, found.start, at_start=window_start == region_start)
            if named is None:
                named = _meeting_after(text, found.end, region_end)
            if named is None:
                continue
            start, end = named
            name = _one_line(text[start:end])
            body = _body(entities, start, end, name)
            first, last = min(start, found.start), max(end, found.end)
            return Meeting(first, last, text[first:last], name, found.dates, body)
    return None


def _is_meeting_word(word: str, nouns: frozenset[str]) -> bool:
    """``raad``, ``EU-Gezondheidsraad``, ``Milieuraad``, ``NAVO-top``: a meeting noun or a compound on one."""
    head = word.split("-")[-1]
    return head in nouns or any(head.endswith(noun) and len(noun) >= 3 for noun in _compound_heads())


@cache
def _compound_heads() -> tuple[str, ...]:
    return tuple(_rules()["meeting_compound_heads"])


@cache
def _meeting_words() -> tuple[frozenset[str], re.Pattern[str]]:
    rules = _rules()
    return frozenset(rules["meeting_nouns"]), re.compile(alternation(rules["meeting_exclusions"]), re.IGNORECASE)


_TOOK_PLACE = re.compile(
    r"[ \t\n]*(?:jl\.|a\.s\.)?[ \t\n]*,?[ \t\n]*(?:vond|vindt|vonden|vinden)[ \t\n]+(?:in[ \t\n]+\w+[ \t\n]+)?"
    r"(?:de|het|een)[ \t\n]+(?P<name>[^.;:()\n]{2,80}?)[ \t\n]*(?:\(|,|[ \t\n]plaats\b|[ \t\n]in[ \t\n]+[A-Z])"
)


def _meeting_after(text: str, date_end: int, region_end: int) -> tuple[int, int] | None:
    """``Op 10 en 11 december jl. vond de Landbouw- en Visserijraad plaats``: the name after the date."""
    m = _TOOK_PLACE.match(text, date_end, min(len(text), max(region_end, date_end + 140)))
    if m is None:
        return None
    nouns, excluded = _meeting_words()
    words = [w.lower() for w in re.findall(r"[\w-]+", excluded.sub(" ", m.group("name")))]
    if not any(_is_meeting_word(w, nouns) for w in words):
        return None
    return m.start("name"), m.end("name")


def _body(entities: Sequence[Entity], start: int, end: int, name: str) -> str | None:
    """The ORG kb_id in the meeting's name; where the name stands where no entity is tagged (a
    ``Betreft`` line), the first organisation of the document whose words occur in the name."""
    orgs = [e for e in entities if e.label == "ORG" and e.kb_id]
    inside = next((e.kb_id for e in orgs if start <= e.start and e.end <= end), None)
    if inside is not None:
        return inside
    lowered = name.lower()
    for e in orgs:
        if re.search(rf"(?<![\w]){re.escape(e.text.lower())}(?![\w])", lowered):
            return e.kb_id
    return None


def _meeting_name(text: str, window_start: int, date_start: int, *, at_start: bool) -> tuple[int, int] | None:
    nouns, excluded = _meeting_words()
    before = text[window_start:date_start]
    cut = max(before.rfind(". "), before.rfind(".\n"), before.rfind(";"), before.rfind(":"), before.rfind("\n\n"))
    offset = window_start + cut + 1 if cut >= 0 else window_start
    before = text[offset:date_start]
    connector = _CONNECTOR.search(before)
    end = offset + (connector.start() if connector else len(before))
    phrase = text[offset:end]
    starts = [m.end() for m in _lead_in().finditer(phrase)]
    if at_start or cut >= 0 or window_start == 0 or text[window_start - 1] == "\n":
        starts.insert(0, len(phrase) - len(phrase.lstrip()))
    for start in reversed(starts):
        name = phrase[start:]
        stripped = _strip_words().match(name)
        if stripped:
            start += stripped.end()
            name = phrase[start:]
        words = [w.lower() for w in re.findall(r"[\w-]+", excluded.sub(" ", name))]
        if re.search(r"\d", name):
            continue
        if 0 < len(words) <= 12 and any(_is_meeting_word(w, nouns) for w in words):
            return offset + start, end
    return None
