"""Pattern lines in the spaCy convention, and the JSONL files that hold them.

A pattern line is what spaCy's ``EntityRuler`` reads, with the ``kb_id`` in
``id``::

    {"label": "ORG", "pattern": "Ramstein-groep", "id": "UDCG"}
    {"label": "ORG", "pattern": [{"LOWER": "contactgroep"}, {"ORTH": "Oekraïne"}], "id": "UDCG"}
    {"label": "EXCLUDE", "pattern": "NATO Russia Founding Act"}

``label`` is ``ORG``, ``COUNTRY`` or ``EXCLUDE``; ``pattern`` a phrase (a
string, matched token by token, exactly as written) or a list of token
patterns of spaCy's ``Matcher``. ``EXCLUDE`` marks a stretch where nothing is
tagged: names of treaties and documents, ministerial titles; an entity that
lies wholly inside it is dropped. Optional keys: ``comment`` (ignored),
``labels`` (for ``EXCLUDE``: the labels it drops, e.g. ``["ORG"]``; default
``ORG`` and ``COUNTRY``) and, for token patterns, ``greedy`` (``"LONGEST"``,
the default, or ``"FIRST"``).

A JSONL file of entries of your own (:func:`read_entry_file`) may mix
pattern lines with gazetteer lines (``{"id", "names", "abbreviations"}`` for
an organisation, ``{"code", "aliases", "adjectives"}`` for a country).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import DataFileError, EntityPatternError
from ..resources import iter_jsonl, parse_jsonl
from .gazetteer import GazetteerEntry, parse_entries

PatternLabel = Literal["ORG", "COUNTRY", "EXCLUDE"]
PATTERN_LABELS: tuple[PatternLabel, ...] = ("ORG", "COUNTRY", "EXCLUDE")
_KB_ID = re.compile(r"^[A-Z0-9]+$")
_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One pattern line, checked."""

    label: PatternLabel
    pattern: str | list[dict[str, Any]]
    kb_id: str | None = None
    greedy: Literal["LONGEST", "FIRST"] = "LONGEST"
    labels: tuple[str, ...] = ("ORG", "COUNTRY")
    """For ``EXCLUDE``: the labels of the entities it drops."""

    @property
    def key(self) -> str:
        if self.label == "EXCLUDE":
            return f"EXCLUDE\t{'|'.join(self.labels)}"
        return f"{self.label}\t{self.kb_id or ''}"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": self.label, "pattern": self.pattern}
        if self.kb_id is not None:
            data["id"] = self.kb_id
        if isinstance(self.pattern, list) and self.greedy != "LONGEST":
            data["greedy"] = self.greedy
        if self.label == "EXCLUDE" and self.labels != ("ORG", "COUNTRY"):
            data["labels"] = list(self.labels)
        return data


def parse_pattern(data: dict[str, Any], origin: str = "<pattern>") -> Pattern:
    """Check one pattern line and return it as a :class:`Pattern`."""
    if not isinstance(data, dict):
        raise EntityPatternError(f"{origin}: a pattern is a dict with 'label' and 'pattern', got {type(data).__name__}")
    label = data.get("label")
    if label not in PATTERN_LABELS:
        raise EntityPatternError(f"{origin}: 'label' must be one of {', '.join(PATTERN_LABELS)}, got {label!r}")
    pattern = data.get("pattern")
    if isinstance(pattern, str):
        if not pattern.strip() or pattern != pattern.strip():
            raise EntityPatternError(f"{origin}: a phrase pattern must be a non-empty string without outer spaces")
    elif isinstance(pattern, list):
        if not pattern or not all(isinstance(token, dict) for token in pattern):
            raise EntityPatternError(f"{origin}: a token pattern must be a non-empty list of dicts")
    else:
        raise EntityPatternError(f"{origin}: 'pattern' must be a string or a list of token patterns")
    kb_id = data.get("id", data.get("kb_id"))
    if label == "EXCLUDE":
        kb_id = None
    elif not isinstance(kb_id, str) or not _KB_ID.match(kb_id):
        raise EntityPatternError(f"{origin}: an {label} pattern needs 'id', its kb_id in capitals and digits")
    elif label == "COUNTRY" and not _CODE.match(kb_id):
        raise EntityPatternError(f"{origin}: a COUNTRY pattern's 'id' is an ISO 3166-1 alpha-2 code, got {kb_id!r}")
    greedy = data.get("greedy", "LONGEST")
    if greedy not in ("LONGEST", "FIRST"):
        raise EntityPatternError(f"{origin}: 'greedy' must be 'LONGEST' or 'FIRST', got {greedy!r}")
    labels = data.get("labels", ["ORG", "COUNTRY"])
    if label != "EXCLUDE" and "labels" in data:
        raise EntityPatternError(f"{origin}: only an EXCLUDE pattern takes 'labels'")
    if not isinstance(labels, list) or not labels or not set(labels) <= {"ORG", "COUNTRY"}:
        raise EntityPatternError(f"{origin}: 'labels' must be a non-empty list of 'ORG' and 'COUNTRY'")
    return Pattern(label, pattern, kb_id, greedy, tuple(sorted(set(labels), reverse=True)))


@dataclass(slots=True)
class EntryFile:
    """What a JSONL file of entries holds: gazetteer entries and patterns."""

    gazetteer: list[GazetteerEntry] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)

    def extend(self, other: EntryFile) -> None:
        self.gazetteer.extend(other.gazetteer)
        self.patterns.extend(other.patterns)


def split_records(records: Iterable[dict[str, Any]], origin: str) -> EntryFile:
    """Sort records into gazetteer entries and patterns by their keys."""
    out = EntryFile()
    gazetteer_records: list[dict[str, Any]] = []
    for number, record in enumerate(records, 1):
        if "pattern" in record:
            out.patterns.append(parse_pattern(record, f"{origin}:{number}"))
        else:
            gazetteer_records.append(record)
    out.gazetteer.extend(parse_entries(gazetteer_records, origin, cldr=False))
    return out


def read_entry_file(path: str | Path) -> EntryFile:
    """Read a JSONL file of gazetteer and pattern lines."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(path, f"cannot read the file ({err.strerror or err})") from err
    except UnicodeDecodeError as err:
        raise DataFileError(path, "not UTF-8") from err
    return split_records(parse_jsonl(text, str(path)), str(path))


def packaged_exclusions() -> list[Pattern]:
    """The ``EXCLUDE`` patterns of ``data/entities/exclusions.jsonl``."""
    origin = "nlp_report/data/entities/exclusions.jsonl"
    patterns = [
        parse_pattern(record, f"{origin}:{n}") for n, record in enumerate(iter_jsonl("entities/exclusions.jsonl"), 1)
    ]
    for p in patterns:
        if p.label != "EXCLUDE":
            raise EntityPatternError(f"{origin}: only EXCLUDE patterns belong here, got {p.label}")
    return patterns
