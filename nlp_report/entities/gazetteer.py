"""The gazetteer: every string that names a country or an organisation.

Countries come from three places:

* ``data/countries/sovereign_states.txt``: which ISO 3166-1 alpha-2 codes
  are states (the ``COUNTRY`` label is for sovereign states only);
* the Dutch territory names of CLDR, read through Babel
  (``babel.Locale("nl").territories``), the maintained source;
* ``data/countries/names.jsonl``: what CLDR lacks, i.e. Dutch short forms and
  aliases (``VS``, ``VK``, ``Wit-Rusland``) and the adjectives derived from the
  country name (``Russische``, ``Russisch``), plus CLDR names that must not be
  used (``Palestijnse gebieden``).

Organisations come from ``data/organisations.jsonl`` (``id``, ``names``,
``abbreviations``). Users add entries of their own in the same formats (see
:func:`parse_entries`).

Every surface string maps to one :class:`GazetteerEntry`. Names and inflected
adjectives also match in capitals (``EUROPESE RAAD``); abbreviations match
exactly as written. Names and adjectives written with diacritics also match
without them (``Oekraine``), as PDF extraction sometimes loses them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from ..errors import DataFileError, GazetteerError
from ..resources import iter_jsonl, read_lines

GazetteerLabel = Literal["COUNTRY", "ORG"]
EntryKind = Literal["name", "abbreviation", "adjective", "bare_adjective"]
"""How a string may match.

``name`` and ``adjective`` (the inflected form, ``Russische``) match as
written and in capitals; ``abbreviation`` only exactly as written;
``bare_adjective`` (``Russisch``, ``Frans``) only before a lower-case word or
a hyphen (``Frans voorzitterschap``, not ``Frans Timmermans``).
"""

_KB_ID = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
_CODE = re.compile(r"^[A-Z]{2}$")
_PARENTHESES = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One surface string and what it names."""

    text: str
    label: GazetteerLabel
    kb_id: str
    kind: EntryKind

    @property
    def key(self) -> str:
        """The match key shared by all strings of the same id, label and kind."""
        return f"{self.label}\t{self.kb_id}\t{self.kind}"


class Gazetteer:
    """Surface strings of countries and organisations, one entry per string."""

    def __init__(self, entries: Iterable[GazetteerEntry] = ()) -> None:
        self._entries: dict[str, GazetteerEntry] = {}
        self._variants: dict[str, GazetteerEntry] | None = None
        self.add(entries)

    def add(self, entries: Iterable[GazetteerEntry], *, override: bool = False, origin: str = "gazetteer") -> None:
        """Add entries; a string already listed for another id is an error unless ``override``."""
        for entry in entries:
            known = self._entries.get(entry.text)
            if known is not None and not override and (known.label, known.kb_id) != (entry.label, entry.kb_id):
                raise GazetteerError(
                    f"{origin}: {entry.text!r} is listed for {known.label} {known.kb_id} and for "
                    f"{entry.label} {entry.kb_id}; a string may name one thing only"
                )
            if known is None or override or _KIND_RANK[entry.kind] < _KIND_RANK[known.kind]:
                self._entries[entry.text] = entry
        self._variants = None

    def copy(self) -> Gazetteer:
        new = Gazetteer()
        new._entries = dict(self._entries)
        return new

    def get(self, text: str) -> GazetteerEntry | None:
        """The entry of exactly ``text`` (no case folding)."""
        return self._entries.get(text)

    def lookup(self, text: str) -> GazetteerEntry | None:
        """The entry ``text`` names, as the matcher would find it (capitals and folded forms included)."""
        if self._variants is None:
            self._variants = dict(self.variants())
        return self._variants.get(text)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries.values())

    def __contains__(self, text: object) -> bool:
        return text in self._entries

    def ids(self, label: GazetteerLabel) -> set[str]:
        return {e.kb_id for e in self._entries.values() if e.label == label}

    def variants(self) -> Iterator[tuple[str, GazetteerEntry]]:
        """Every surface the matcher looks for: the strings, their capitals, their folded forms."""
        seen = set(self._entries)
        for entry in self._entries.values():
            yield entry.text, entry
            if entry.kind in ("name", "adjective"):
                forms = [entry.text.upper(), fold(entry.text)]
                forms.append(forms[1].upper())
                for form in forms:
                    if form not in seen and len(form) > 2:
                        seen.add(form)
                        yield form, entry

    def surfaces_by_key(self) -> dict[str, list[str]]:
        """Surfaces grouped by :attr:`GazetteerEntry.key`, for the phrase matcher."""
        grouped: dict[str, list[str]] = {}
        for surface, entry in self.variants():
            grouped.setdefault(entry.key, []).append(surface)
        return grouped


_KIND_RANK = {"name": 0, "abbreviation": 1, "adjective": 2, "bare_adjective": 3}


def fold(text: str) -> str:
    """``text`` without diacritics: ``Oekraïne`` -> ``Oekraine``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


# --- packaged data -------------------------------------------------------------------


@lru_cache(maxsize=1)
def sovereign_states() -> tuple[str, ...]:
    """The ISO 3166-1 alpha-2 codes of the states that count as ``COUNTRY``."""
    codes = []
    for line in read_lines("countries/sovereign_states.txt"):
        code = line.split()[0]
        if not _CODE.match(code):
            raise DataFileError("nlp_report/data/countries/sovereign_states.txt", f"{code!r} is not an alpha-2 code")
        codes.append(code)
    return tuple(codes)


@lru_cache(maxsize=1)
def cldr_country_names() -> dict[str, tuple[str, ...]]:
    """The Dutch CLDR names of the sovereign states, read through Babel.

    A CLDR name with a parenthesised alternative (``Myanmar (Birma)``) gives
    both parts.
    """
    from babel import Locale

    territories: Mapping[str, str] = Locale.parse("nl").territories
    names: dict[str, tuple[str, ...]] = {}
    for code in sovereign_states():
        name = territories.get(code)
        if not name:
            names[code] = ()
            continue
        m = _PARENTHESES.match(name)
        names[code] = (m.group("outer"), m.group("inner")) if m else (name,)
    return names


@lru_cache(maxsize=1)
def packaged_gazetteer() -> Gazetteer:
    """Countries (CLDR + ``countries/names.jsonl``) and ``organisations.jsonl`` (cached)."""
    gazetteer = Gazetteer()
    gazetteer.add(
        parse_entries(iter_jsonl("countries/names.jsonl"), "nlp_report/data/countries/names.jsonl", cldr=True),
        origin="nlp_report/data/countries/names.jsonl",
    )
    gazetteer.add(
        parse_entries(iter_jsonl("organisations.jsonl"), "nlp_report/data/organisations.jsonl"),
        origin="nlp_report/data/organisations.jsonl",
    )
    return gazetteer


def parse_entries(records: Iterable[dict[str, Any]], origin: str, *, cldr: bool = False) -> Iterator[GazetteerEntry]:
    """Gazetteer entries from country or organisation records.

    * a country record: ``{"code": "US", "aliases": ["VS"], "adjectives":
      ["Amerikaanse", "Amerikaans"], "skip_cldr": []}``; with ``cldr`` the
      CLDR names of the code come first;
    * an organisation record: ``{"id": "NATO", "names": [...],
      "abbreviations": [...]}``.

    An adjective that ends in ``e`` is the inflected form; any other is the
    bare form (see :data:`EntryKind`).
    """
    states = set(sovereign_states())
    for number, record in enumerate(records, 1):
        if "code" in record:
            code = record["code"]
            if not isinstance(code, str) or code not in states:
                raise GazetteerError(f"{origin}:{number}: {code!r} is not a code of countries/sovereign_states.txt")
            skip = set(_strings(record, "skip_cldr", origin, number))
            if cldr:
                for name in cldr_country_names()[code]:
                    if name not in skip:
                        yield GazetteerEntry(name, "COUNTRY", code, "name")
            for name in _strings(record, "aliases", origin, number):
                kind: EntryKind = "abbreviation" if name.isupper() else "name"
                yield GazetteerEntry(name, "COUNTRY", code, kind)
            for adjective in _strings(record, "adjectives", origin, number):
                yield GazetteerEntry(
                    adjective, "COUNTRY", code, "adjective" if adjective.endswith("e") else "bare_adjective"
                )
        elif "id" in record:
            kb_id = record["id"]
            if not isinstance(kb_id, str) or not _KB_ID.match(kb_id):
                raise GazetteerError(
                    f"{origin}:{number}: id {kb_id!r} must be capitals and digits (A-Z, 0-9), "
                    "words joined by single hyphens"
                )
            for name in _strings(record, "names", origin, number):
                yield GazetteerEntry(name, "ORG", kb_id, "name")
            for abbreviation in _strings(record, "abbreviations", origin, number):
                yield GazetteerEntry(abbreviation, "ORG", kb_id, "abbreviation")
        else:
            raise GazetteerError(
                f"{origin}:{number}: a gazetteer line needs 'code' (a country) or 'id' (an organisation)"
            )


def _strings(record: dict[str, Any], key: str, origin: str, number: int) -> list[str]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() == v and v for v in value):
        raise GazetteerError(f"{origin}:{number}: {key!r} must be a list of non-empty strings without outer spaces")
    return value


def compound_prefix_names() -> tuple[str, ...]:
    """Country names of one word, for splitting ``EU-Turkijerelatie`` (see the tokenizer)."""
    names = {
        e.text
        for e in packaged_gazetteer()
        if e.label == "COUNTRY" and e.kind == "name" and e.text.isalpha() and e.text[:1].isupper() and len(e.text) > 3
    }
    return tuple(sorted(names, key=lambda n: (-len(n), n)))
