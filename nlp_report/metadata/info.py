"""The typed metadata of a document: what it is, when, from whom, about which meeting.

Every field that the text states carries the offsets of the words that state it
(``start``/``end`` into :attr:`nlp_report.Report.text`, the text as passed in);
a field the text does not state is ``None``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, Literal, get_args

DocumentKind = Literal["meeting_report", "annotated_agenda", "letter", "answers", "news"]
"""What a document is: a report of a meeting, an annotated agenda, a letter, answers to
parliamentary questions, or a news item."""

DOCUMENT_KINDS: tuple[DocumentKind, ...] = get_args(DocumentKind)


@dataclass(frozen=True, slots=True)
class TextField:
    """A piece of metadata as the text writes it, with its offsets."""

    start: int
    end: int
    text: str
    """The words as written (line wraps included)."""
    value: str
    """The value on one line, white space normalised (a reference code, a subject)."""


@dataclass(frozen=True, slots=True)
class DateField:
    """A date as the text writes it (``12 januari 2024``, ``7 juli jl.``) and the date meant."""

    start: int
    end: int
    text: str
    value: dt.date


@dataclass(frozen=True, slots=True)
class Identity:
    """The document's own parliamentary identity, from its dossier header."""

    start: int
    end: int
    text: str
    """The header as written, from the dossier number to the paper number."""
    kb_id: str
    """``DOSSIER-NUMBER``: ``21501-02-2789``."""
    dossier: str
    number: str
    chamber: Literal["I", "II"] | None = None
    year: str | None = None
    """The parliamentary year, ``2023/24``, where the header gives it."""


@dataclass(frozen=True, slots=True)
class Signatory:
    """Who signed: the office line and the name line under it."""

    start: int
    end: int
    office: str
    """``De minister van Buitenlandse Zaken`` (without the trailing comma)."""
    name: str | None
    """``W.B. Hoekstra``, or ``None`` where only the office is given."""


@dataclass(frozen=True, slots=True)
class Meeting:
    """The meeting a document reports on or prepares, and its date or dates."""

    start: int
    end: int
    text: str
    """The words naming the meeting and its dates, as written."""
    name: str
    """The name without its dates, one line: ``NAVO ministeriële bijeenkomst``."""
    dates: tuple[dt.date, ...]
    """Every day of the meeting, in order; empty when the text gives no resolvable date."""
    body: str | None = None
    """The ORG kb_id of the body that meets (``NATO``, ``EUCO``), where the name has one."""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What dates and identifies a document; ``None`` where the text does not say."""

    kind: DocumentKind | None = None
    date: DateField | None = None
    """The letter's own date (``Den Haag, 12 maart 2024`` or ``Datum ...``)."""
    identity: Identity | None = None
    reference: TextField | None = None
    """The ministry's reference (``Onze Referentie``, ``Kenmerk``)."""
    subject: TextField | None = None
    """The ``Betreft`` line."""
    title: TextField | None = None
    addressee: TextField | None = None
    signatories: tuple[Signatory, ...] = ()
    meeting: Meeting | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (dates as ISO strings); :meth:`from_dict` reads it back."""
        return _plain(self)  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentInfo:
        """Rebuild from :meth:`to_dict` output."""

        def text_field(value: Any) -> TextField | None:
            return TextField(**value) if value else None

        date = data.get("date")
        identity = data.get("identity")
        meeting = data.get("meeting")
        return cls(
            kind=data.get("kind"),
            date=DateField(**{**date, "value": dt.date.fromisoformat(date["value"])}) if date else None,
            identity=Identity(**identity) if identity else None,
            reference=text_field(data.get("reference")),
            subject=text_field(data.get("subject")),
            title=text_field(data.get("title")),
            addressee=text_field(data.get("addressee")),
            signatories=tuple(Signatory(**s) for s in data.get("signatories", ())),
            meeting=(
                Meeting(**{**meeting, "dates": tuple(dt.date.fromisoformat(d) for d in meeting["dates"])})
                if meeting
                else None
            ),
        )

    def spans(self) -> list[tuple[str, int, int, str]]:
        """``(field, start, end, text)`` of every field with offsets, for offset checks."""
        out: list[tuple[str, int, int, str]] = []
        for name in ("date", "identity", "reference", "subject", "title", "addressee", "meeting"):
            value = getattr(self, name)
            if value is not None:
                out.append((name, value.start, value.end, value.text))
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value
