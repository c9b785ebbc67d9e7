"""Gold data: typed documents, reading and writing the gold JSONL, validation.

The format is the one at the end of ``corpora/ANNOTATION.md``: one JSON
object per line, one document per object::

    {"id": "seed-navo-2022-04", "source": "...", "text": "...",
     "entities": [{"start": 512, "end": 516, "label": "ORG", "kb_id": "NATO"}],
     "sentences": [{"start": 480, "end": 602, "label": "context", "actor": null}],
     "motion_links": [{"start": 3350, "end": 3364, "kamerstuk": "28676-394"}]}

Every :class:`GoldDocument` is valid by construction: building one from bad
data raises :class:`~nlp_report.errors.GoldFormatError`, and reading a file
names the file, the line and the field (``sentences[3].end``, indexes
0-based as in the JSON array) of the first problem. Checked are: invalid
JSON, missing, unknown or mistyped keys, unknown labels, offsets outside the
text, empty spans and spans that start or end on white space, lists not
sorted by ``start``, spans that overlap within a list, an actor on a
``context`` sentence, a motion link without a ``MOTION`` entity at its span,
and ids used twice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from ..errors import (
    ArgumentError,
    ArgumentTypeError,
    GoldFileError,
    GoldFormatError,
    InvalidTextError,
    OutputError,
    check_text,
)
from ..outputs import write_atomic
from ..types import ENTITY_LABELS, SENTENCE_LABELS, EntityLabel, SentenceLabel

KAMERSTUK_ID = re.compile(r"[0-9]+(?:-[0-9A-Za-z]+)*-[0-9]+[a-z]?")
"""A Kamerstuk ``kb_id``: ``28676-394``, ``21501-02-2440``, ``36200-X-188b``."""

_RECORD_KEYS = {"id": True, "source": False, "text": True, "entities": True, "sentences": True, "motion_links": False}
_RECORD_KEYS_EXTRA = {"meta"}
_ENTITY_KEYS = {"start": True, "end": True, "label": True, "kb_id": False}
_SENTENCE_KEYS = {"start": True, "end": True, "label": True, "actor": False}
_LINK_KEYS = {"start": True, "end": True, "kamerstuk": True}


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """A gold entity mention: exact span, label and ``kb_id``."""

    start: int
    end: int
    label: EntityLabel
    kb_id: str | None = None
    """The normalised id; ``None`` only in pre-annotations that lack one."""


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A gold body sentence with its label and the actor holding it."""

    start: int
    end: int
    label: SentenceLabel
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class GoldMotionLink:
    """A ``MOTION`` mention and the ``kb_id`` of the Kamerstuk the document gives for it."""

    start: int
    end: int
    kamerstuk: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One annotated document. Construction checks every span against ``text``."""

    id: str
    text: str
    entities: tuple[GoldEntity, ...] = ()
    sentences: tuple[GoldSentence, ...] = ()
    motion_links: tuple[GoldMotionLink, ...] = ()
    source: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)
    """Free-form data kept from the ``meta`` object of the record, if any."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "entities", tuple(self.entities))
        object.__setattr__(self, "sentences", tuple(self.sentences))
        object.__setattr__(self, "motion_links", tuple(self.motion_links))
        _check_document(self)

    def span_text(self, item: GoldEntity | GoldSentence | GoldMotionLink) -> str:
        """The text an item covers."""
        return self.text[item.start : item.end]

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of the gold format (``motion_links`` and ``meta`` only when not empty)."""
        data: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "text": self.text,
            "entities": [{"start": e.start, "end": e.end, "label": e.label, "kb_id": e.kb_id} for e in self.entities],
            "sentences": [{"start": s.start, "end": s.end, "label": s.label, "actor": s.actor} for s in self.sentences],
        }
        if self.motion_links:
            data["motion_links"] = [
                {"start": m.start, "end": m.end, "kamerstuk": m.kamerstuk} for m in self.motion_links
            ]
        if self.meta:
            data["meta"] = dict(self.meta)
        return data

    @classmethod
    def from_dict(cls, data: Any, *, path: str | Path | None = None, line: int | None = None) -> GoldDocument:
        """Build and check a document from a gold record; errors name ``path``, ``line`` and the field."""
        check = _Where(path, line)
        if not isinstance(data, dict):
            raise check.error(f"a gold record is a JSON object, not {_json_type(data)}")
        _check_keys(check, data, _RECORD_KEYS, "", extra=_RECORD_KEYS_EXTRA)
        doc_id = data["id"]
        if not isinstance(doc_id, str) or not doc_id.strip():
            raise check.error(f"must be a non-empty string, not {_show(doc_id)}", "id")
        text = data["text"]
        if not isinstance(text, str):
            raise check.error(f"must be a string, not {_json_type(text)}", "text")
        try:
            check_text(text)
        except InvalidTextError as err:
            raise check.error(err.message.removeprefix("text "), "text") from None
        source = data.get("source")
        if source is not None and not isinstance(source, str):
            raise check.error(f"must be a string or null, not {_json_type(source)}", "source")
        meta = data.get("meta", {})
        if not isinstance(meta, dict):
            raise check.error(f"must be an object, not {_json_type(meta)}", "meta")
        entities = [
            GoldEntity(
                _int(check, item, "start", where),
                _int(check, item, "end", where),
                cast(EntityLabel, _str(check, item, "label", where)),
                _optional_str(check, item, "kb_id", where),
            )
            for where, item in _items(check, data, "entities", _ENTITY_KEYS)
        ]
        sentences = [
            GoldSentence(
                _int(check, item, "start", where),
                _int(check, item, "end", where),
                cast(SentenceLabel, _str(check, item, "label", where)),
                _optional_str(check, item, "actor", where),
            )
            for where, item in _items(check, data, "sentences", _SENTENCE_KEYS)
        ]
        links = [
            GoldMotionLink(
                _int(check, item, "start", where),
                _int(check, item, "end", where),
                _str(check, item, "kamerstuk", where),
            )
            for where, item in _items(check, data, "motion_links", _LINK_KEYS, required=False)
        ]
        try:
            return cls(
                id=doc_id,
                text=text,
                entities=tuple(entities),
                sentences=tuple(sentences),
                motion_links=tuple(links),
                source=source,
                meta=meta,
            )
        except GoldFormatError as err:
            raise GoldFormatError(err.reason, path=path, line=line, field=err.field) from None


# -- reading and writing -----------------------------------------------------------------------


def read_gold(path: str | Path, *, format: str | None = None) -> list[GoldDocument]:
    """The documents of a gold file, checked.

    ``format`` is ``"gold"`` (the JSONL of ``ANNOTATION.md``), ``"prodigy"``
    (Prodigy-style JSONL, see :mod:`nlp_report.evaluation.convert`),
    ``"standoff"`` (sentence labels pointing into texts kept elsewhere, see
    :mod:`nlp_report.evaluation.standoff`) or ``"docbin"`` (a spaCy
    ``.spacy`` file). ``None`` picks ``docbin`` for a ``.spacy`` file and
    otherwise looks at the first record: one with ``spans`` and no
    ``entities`` is Prodigy-style, one with ``corpus_file`` and no ``text``
    is stand-off.

    Raises :class:`~nlp_report.errors.GoldFileError` if the file cannot be
    read and :class:`~nlp_report.errors.GoldFormatError` for bad data.
    """
    path = Path(path)
    if format not in (None, "gold", "prodigy", "standoff", "docbin"):
        raise ArgumentError(f"format must be 'gold', 'prodigy', 'standoff', 'docbin' or None, not {format!r}")
    if format == "docbin" or (format is None and path.suffix == ".spacy"):
        from .convert import read_docbin

        return read_docbin(path)
    text = read_gold_text(path)
    if format == "standoff" or (format is None and _first_record_is_standoff(text)):
        from .standoff import read_standoff

        return read_standoff(path)
    if format == "prodigy" or (format is None and _looks_like_prodigy(text)):
        from .convert import loads_prodigy

        return loads_prodigy(text, path=path)
    return loads_gold(text, path=path)


def loads_gold(text: str, *, path: str | Path | None = None) -> list[GoldDocument]:
    """Parse gold JSONL text; ``path`` is only used in error messages."""
    docs = []
    seen: dict[str, int] = {}
    for number, record in iter_json_lines(text, path=path):
        doc = GoldDocument.from_dict(record, path=path, line=number)
        check_unique_id(doc.id, number, seen, path)
        docs.append(doc)
    return docs


def write_gold(docs: Iterable[GoldDocument], path: str | Path | IO[str]) -> int:
    """Write documents as gold JSONL (one object per line, UTF-8); returns how many."""
    return write_lines(dumps_gold(docs), path)


def write_lines(data: str, path: str | Path | IO[str]) -> int:
    """Write JSONL text to a path (UTF-8) or an open text stream; returns the number of lines."""
    try:
        if isinstance(path, (str, Path)):
            write_atomic(path, data, newline="")  # complete or not at all: an old file stays as it was
        else:
            path.write(data)
    except UnicodeEncodeError as err:
        line = data.count("\n", 0, err.start) + 1
        raise GoldFileError(
            f"{path}: cannot write document {line} as UTF-8: it holds a lone surrogate "
            f"(U+{ord(data[err.start]):04X}); nothing was written"
        ) from None
    except (OSError, OutputError) as err:
        reason = err.reason if isinstance(err, OutputError) else (err.strerror or str(err))
        raise GoldFileError(f"{path}: cannot write ({reason})") from None
    return data.count("\n")


def dumps_gold(docs: Iterable[GoldDocument]) -> str:
    """Gold JSONL text: one JSON object per document, each on its own line."""
    lines = []
    seen: dict[str, int] = {}
    for number, doc in enumerate(docs, 1):
        if not isinstance(doc, GoldDocument):
            raise ArgumentTypeError(f"expected GoldDocument objects, got {type(doc).__name__}")
        check_unique_id(doc.id, number, seen, None)
        lines.append(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    return "".join(lines)


def iter_json_lines(text: str, *, path: str | Path | None = None) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` for each non-blank line of JSONL text (lines split at ``\\n`` only)."""
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldFormatError(f"invalid JSON: {err.msg} (column {err.colno})", path=path, line=number) from None
        except RecursionError:
            raise GoldFormatError("invalid JSON: nested too deeply", path=path, line=number) from None
        except ValueError as err:  # an integer of more than 4300 digits
            raise GoldFormatError(f"invalid JSON: {err}", path=path, line=number) from None
        yield number, value


def read_gold_text(path: Path) -> str:
    """The text of a gold file: UTF-8 (a byte order mark is skipped); errors name the file (and line)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GoldFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise GoldFileError(f"{path}: is a folder, not a gold file") from None
    except OSError as err:
        raise GoldFileError(f"{path}: cannot read ({err.strerror or err})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise GoldFormatError(f"not UTF-8 text (byte {err.start}: {err.reason})", path=path, line=line) from None


def _first_record_is_standoff(text: str) -> bool:
    from .standoff import is_standoff_record

    for line in text.split("\n"):
        if line.strip():
            try:
                return is_standoff_record(json.loads(line))
            except (ValueError, RecursionError):
                return False
    return False


def _looks_like_prodigy(text: str) -> bool:
    for line in text.split("\n"):
        if line.strip():
            try:
                first = json.loads(line)
            except (ValueError, RecursionError):  # JSONDecodeError, or an integer too long to read
                return False
            return isinstance(first, dict) and "spans" in first and "entities" not in first
    return False


def check_unique_id(
    doc_id: str,
    number: int,
    seen: dict[str, int],
    path: str | Path | None,
    *,
    unit: str | None = None,
    field: str = "id",
) -> None:
    """Record ``doc_id`` as the id of line (or document) ``number``; raise if it was seen before."""
    unit = unit or ("line" if path is not None else "document")
    if doc_id in seen:
        raise GoldFormatError(
            f"{doc_id!r} is already the id of {unit} {seen[doc_id]}; ids must be unique",
            path=path,
            line=number if unit == "line" else None,
            doc=number if unit == "document" else None,
            field=field,
        )
    seen[doc_id] = number


# -- checks ------------------------------------------------------------------------------------


class _Where:
    def __init__(self, path: str | Path | None, line: int | None) -> None:
        self.path = path
        self.line = line

    def error(self, message: str, field: str | None = None) -> GoldFormatError:
        return GoldFormatError(message, path=self.path, line=self.line, field=field or None)


def _check_keys(
    check: _Where,
    data: dict[str, Any],
    keys: dict[str, bool],
    where: str,
    *,
    extra: set[str] | frozenset[str] = frozenset(),
) -> None:
    for key, required in keys.items():
        if required and key not in data:
            raise check.error(f"missing key {key!r}", where or None)
    unknown = [k for k in data if k not in keys and k not in extra]
    if unknown:
        allowed = ", ".join(repr(k) for k in [*keys, *sorted(extra)])
        raise check.error(f"unknown key {unknown[0]!r} (allowed: {allowed})", where or None)


def _items(
    check: _Where, data: dict[str, Any], name: str, keys: dict[str, bool], *, required: bool = True
) -> Iterator[tuple[str, dict[str, Any]]]:
    items = data.get(name, [] if not required else None)
    if not isinstance(items, list):
        raise check.error(f"must be a list, not {_json_type(items)}", name)
    for index, item in enumerate(items):
        where = f"{name}[{index}]"
        if not isinstance(item, dict):
            raise check.error(f"must be an object, not {_json_type(item)}", where)
        _check_keys(check, item, keys, where)
        yield where, item


def _int(check: _Where, item: dict[str, Any], key: str, where: str) -> int:
    value = item[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise check.error(f"must be an integer, not {_show(value)}", f"{where}.{key}")
    return value


def _str(check: _Where, item: dict[str, Any], key: str, where: str) -> str:
    value = item[key]
    if not isinstance(value, str):
        raise check.error(f"must be a string, not {_show(value)}", f"{where}.{key}")
    return value


def _optional_str(check: _Where, item: dict[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise check.error(f"must be a string or null, not {_show(value)}", f"{where}.{key}")
    return value


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return _json_type(value)
    text = (
        json.dumps(value, ensure_ascii=False) if isinstance(value, (str, int, float, bool, type(None))) else repr(value)
    )
    return text if len(text) <= 40 else text[:37] + "..."


def _excerpt(text: str, start: int, end: int) -> str:
    chunk = " ".join(text[start:end].split()) if text[start:end].strip() else text[start:end]
    return repr(chunk if len(chunk) <= 40 else chunk[:37] + "...")


def _check_document(doc: GoldDocument) -> None:
    """Every check that needs the typed document; errors carry the field, not the file."""

    def fail(message: str, where: str | None = None) -> GoldFormatError:
        return GoldFormatError(message, field=where)

    if not isinstance(doc.id, str) or not doc.id.strip():
        raise fail(f"must be a non-empty string, not {_show(doc.id)}", "id")
    if not isinstance(doc.text, str):
        raise fail(f"must be a string, not {type(doc.text).__name__}", "text")
    if doc.source is not None and not isinstance(doc.source, str):
        raise fail(f"must be a string or None, not {type(doc.source).__name__}", "source")
    text = doc.text
    groups: tuple[tuple[str, tuple[Any, ...], type[Any]], ...] = (
        ("entities", doc.entities, GoldEntity),
        ("sentences", doc.sentences, GoldSentence),
        ("motion_links", doc.motion_links, GoldMotionLink),
    )
    for name, items, item_type in groups:
        previous: Any = None
        previous_where = ""
        for index, item in enumerate(items):
            where = f"{name}[{index}]"
            if not isinstance(item, item_type):
                raise fail(f"must be a {item_type.__name__}, not {type(item).__name__}", where)
            _check_span(text, item.start, item.end, where, fail)
            if name == "entities":
                if item.label not in ENTITY_LABELS:
                    raise fail(
                        f"unknown entity label {_show(item.label)} (expected {_choices(ENTITY_LABELS)})",
                        f"{where}.label",
                    )
                if item.kb_id is not None and (not isinstance(item.kb_id, str) or not item.kb_id.strip()):
                    raise fail(f"must be a non-empty string or null, not {_show(item.kb_id)}", f"{where}.kb_id")
            elif name == "sentences":
                if item.label not in SENTENCE_LABELS:
                    raise fail(
                        f"unknown sentence label {_show(item.label)} (expected {_choices(SENTENCE_LABELS)})",
                        f"{where}.label",
                    )
                if item.actor is not None:
                    if not isinstance(item.actor, str) or not item.actor.strip():
                        raise fail(f"must be a non-empty string or null, not {_show(item.actor)}", f"{where}.actor")
                    if item.label == "context":
                        raise fail(f"a context sentence has no actor (got {_show(item.actor)})", f"{where}.actor")
            else:
                if not isinstance(item.kamerstuk, str) or not KAMERSTUK_ID.fullmatch(item.kamerstuk):
                    raise fail(
                        f"{_show(item.kamerstuk)} is not a Kamerstuk kb_id (DOSSIER-NUMBER, e.g. '28676-394')",
                        f"{where}.kamerstuk",
                    )
            if previous is not None:
                if item.start < previous.start:
                    raise fail(
                        f"starts at {item.start}, before {previous_where} ({previous.start}); "
                        f"{name} are sorted by start",
                        where,
                    )
                if item.start < previous.end:
                    raise fail(
                        f"{item.start}-{item.end} {_excerpt(text, item.start, item.end)} overlaps {previous_where} "
                        f"{previous.start}-{previous.end} {_excerpt(text, previous.start, previous.end)}",
                        where,
                    )
            previous, previous_where = item, where
    motions = {(e.start, e.end) for e in doc.entities if e.label == "MOTION"}
    for index, link in enumerate(doc.motion_links):
        if (link.start, link.end) not in motions:
            raise fail(
                f"no MOTION entity at {link.start}-{link.end} {_excerpt(text, link.start, link.end)}; "
                "a motion link belongs to a MOTION mention",
                f"motion_links[{index}]",
            )


def _check_span(text: str, start: Any, end: Any, where: str, fail: Any) -> None:
    for key, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(f"must be an integer, not {_show(value)}", f"{where}.{key}")
    if start < 0:
        raise fail(f"{start} is negative", f"{where}.start")
    if end > len(text):
        raise fail(f"{end} is past the end of the text ({len(text)} characters)", f"{where}.end")
    if start > len(text):
        raise fail(f"{start} is past the end of the text ({len(text)} characters)", f"{where}.start")
    if end <= start:
        raise fail(
            f"the span {start}-{end} is empty" if end == start else f"{end} is before start {start}", f"{where}.end"
        )
    chunk = text[start:end]
    if chunk[0].isspace():
        raise fail(f"the span {start}-{end} {_excerpt(text, start, end)} starts on white space", f"{where}.start")
    if chunk[-1].isspace():
        raise fail(f"the span {start}-{end} {_excerpt(text, start, end)} ends on white space", f"{where}.end")


def _choices(values: Iterable[str]) -> str:
    return ", ".join(values)
