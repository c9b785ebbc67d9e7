"""Stand-off sentence annotations: labels and actors that point into texts kept elsewhere.

The real letters of ``../shared/corpus`` may not be copied into the
repository, yet the project annotates some of them (the unannotated
``pool/``) to train on. Such annotations are kept *stand-off*: a record
names the document (its id and the corpus file that holds its text), the
SHA-1 of that text, and for each body sentence its character offsets, its
label and the offsets of its actor::

    {"format": "nlp_report.standoff_sentences.v1",
     "id": "some-letter-2016-03", "corpus_file": "pool/eu-summits.jsonl",
     "text_sha1": "5f0c...", "sentences": [
        {"start": 710, "end": 810, "label": "context", "actor": null},
        {"start": 811, "end": 930, "label": "position", "actor": {"start": 811, "end": 820}}]}

:func:`read_standoff` joins each record with its text and returns ordinary
:class:`~nlp_report.evaluation.GoldDocument` objects (sentences only, no
entities: ``meta["labels_only"]`` is true). They can be trained on
(``nlp-report train ... --also-train corpora/pool_labels/*.jsonl``) but not
scored as full gold: :func:`~nlp_report.evaluation.evaluate` refuses them,
since their missing entities would count as misses. A record whose text is
missing or has changed (another SHA-1) raises
:class:`~nlp_report.errors.StandoffTextError`; a malformed record raises
:class:`~nlp_report.errors.GoldFormatError` with the file, line and field.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from ..errors import GoldFormatError, StandoffTextError
from ..types import SENTENCE_LABELS, SentenceLabel
from .gold import GoldDocument, GoldSentence, iter_json_lines, read_gold_text

FORMAT = "nlp_report.standoff_sentences.v1"
"""The ``format`` of a stand-off record."""

LABELS_ONLY = "labels_only"
"""The ``meta`` key that marks a document annotated for its sentence labels only."""

_KEYS = {"format", "id", "corpus_file", "text_sha1", "sentences", "annotator", "note"}


def is_standoff_record(record: Any) -> bool:
    """Whether a JSON value is a stand-off record (it points to its text instead of holding it)."""
    return isinstance(record, dict) and "corpus_file" in record and "text" not in record


def default_corpus_dir() -> Path:
    """Where stand-off records look for their texts: ``$NLP_REPORT_SHARED/corpus``, else ``../shared/corpus``.

    ``../shared`` is looked for beside the current folder and beside the
    repository this package was installed from (an editable install).
    """
    env = os.environ.get("NLP_REPORT_SHARED")
    if env:
        return Path(env) / "corpus"
    repo = Path(__file__).resolve().parents[2]
    candidates = [Path.cwd().parent / "shared" / "corpus", repo.parent / "shared" / "corpus"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def read_standoff(path: str | Path, *, corpus_dir: str | Path | None = None) -> list[GoldDocument]:
    """The documents of a stand-off file, each joined with its text from ``corpus_dir``.

    ``corpus_dir`` defaults to :func:`default_corpus_dir`. The texts of one
    corpus file are read once.
    """
    path = Path(path)
    root = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
    texts: dict[str, dict[str, str]] = {}
    docs: list[GoldDocument] = []
    seen: set[str] = set()
    for line, record in iter_json_lines(read_gold_text(path), path=path):
        doc = _document(record, path, line, root, texts)
        if doc.id in seen:
            raise GoldFormatError(f"document id {doc.id!r} is annotated twice", path=path, line=line, field="id")
        seen.add(doc.id)
        docs.append(doc)
    return docs


def _document(record: Any, path: Path, line: int, root: Path, texts: dict[str, dict[str, str]]) -> GoldDocument:
    def error(message: str, field: str | None = None) -> GoldFormatError:
        return GoldFormatError(message, path=path, line=line, field=field)

    if not isinstance(record, dict):
        raise error("a stand-off record is a JSON object")
    unknown = sorted(set(record) - _KEYS)
    if unknown:
        raise error(f"unknown keys {unknown}; a stand-off record has {sorted(_KEYS)}")
    if record.get("format", FORMAT) != FORMAT:
        raise error(f"is {record.get('format')!r}, expected {FORMAT!r}", "format")
    for key in ("id", "corpus_file", "text_sha1"):
        if not isinstance(record.get(key), str) or not record[key]:
            raise error("must be a non-empty string", key)
    doc_id, corpus_file = record["id"], record["corpus_file"]
    if Path(corpus_file).is_absolute() or ".." in Path(corpus_file).parts:
        raise error("must be a path inside the corpus folder, like 'pool/eu-summits.jsonl'", "corpus_file")
    text = _texts(root, corpus_file, path, line, texts).get(doc_id)
    if text is None:
        raise StandoffTextError(f"{path}:{line}: document {doc_id!r} is not in {root / corpus_file}")
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != record["text_sha1"]:
        raise StandoffTextError(
            f"{path}:{line}: the text of {doc_id!r} in {root / corpus_file} has changed since it was annotated "
            "(its SHA-1 differs): the offsets may no longer fit; annotate it again"
        )
    items = record.get("sentences")
    if not isinstance(items, list):
        raise error("must be a list", "sentences")
    sentences = [_sentence(item, f"sentences[{i}]", text, error) for i, item in enumerate(items)]
    try:
        return GoldDocument(
            id=doc_id,
            text=text,
            sentences=tuple(sentences),
            meta={LABELS_ONLY: True, "corpus_file": corpus_file},
        )
    except GoldFormatError as err:
        raise error(err.reason, err.field) from None


def _sentence(item: Any, where: str, text: str, error: Any) -> GoldSentence:
    if not isinstance(item, dict):
        raise error("must be an object", where)
    start, end, label = item.get("start"), item.get("end"), item.get("label")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise error("start and end must be integers", where)
    if label not in SENTENCE_LABELS:
        raise error(f"must be one of {list(SENTENCE_LABELS)}, not {label!r}", f"{where}.label")
    actor = item.get("actor")
    name: str | None = None
    if actor is not None:
        if not isinstance(actor, Mapping) or not all(
            isinstance(actor.get(k), int) and not isinstance(actor.get(k), bool) for k in ("start", "end")
        ):
            raise error("must be null or {'start': int, 'end': int}", f"{where}.actor")
        if not start <= actor["start"] < actor["end"] <= end:
            span = f"{actor['start']}-{actor['end']}"
            raise error(f"span {span} is not inside the sentence {start}-{end}", f"{where}.actor")
        name = text[actor["start"] : actor["end"]]
    return GoldSentence(start, end, cast(SentenceLabel, label), name)


def _texts(root: Path, corpus_file: str, path: Path, line: int, cache: dict[str, dict[str, str]]) -> dict[str, str]:
    if corpus_file not in cache:
        source = root / corpus_file
        try:
            raw = source.read_text(encoding="utf-8")
        except OSError as err:
            raise StandoffTextError(
                f"{path}:{line}: cannot read the texts the annotations point to, {source} "
                f"({err.strerror or err}); stand-off annotations need the shared corpus: "
                "set NLP_REPORT_SHARED to the folder that holds corpus/"
            ) from None
        found: dict[str, str] = {}
        for _, value in iter_json_lines(raw, path=source):
            if isinstance(value, dict) and isinstance(value.get("id"), str) and isinstance(value.get("text"), str):
                found[value["id"]] = value["text"]
        cache[corpus_file] = found
    return cache[corpus_file]


def dumps_standoff(docs: list[GoldDocument]) -> str:
    """Stand-off JSONL for labels-only documents (each needs ``meta["corpus_file"]``); no text is written."""
    lines = []
    for doc in docs:
        corpus_file = doc.meta.get("corpus_file")
        if not isinstance(corpus_file, str):
            raise GoldFormatError("a stand-off record needs meta['corpus_file']", field="meta")
        sentences: list[dict[str, Any]] = []
        for s in doc.sentences:
            actor = None
            if s.actor is not None:
                k = doc.text.find(s.actor, s.start, s.end)
                if k < 0:
                    raise GoldFormatError(f"actor {s.actor!r} is not in its sentence", field="sentences")
                actor = {"start": k, "end": k + len(s.actor)}
            sentences.append({"start": s.start, "end": s.end, "label": s.label, "actor": actor})
        lines.append(
            json.dumps(
                {
                    "format": FORMAT,
                    "id": doc.id,
                    "corpus_file": corpus_file,
                    "text_sha1": hashlib.sha1(doc.text.encode("utf-8")).hexdigest(),
                    "sentences": sentences,
                },
                ensure_ascii=False,
            )
        )
    return "".join(line + "\n" for line in lines)
