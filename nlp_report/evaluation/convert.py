"""Gold to and from annotation tools: spaCy ``DocBin`` and Prodigy-style JSONL; a ``Report`` as gold.

spaCy ``DocBin`` (``.spacy``)
    One ``Doc`` per document, on ``spacy.blank("nl")``'s tokenizer with
    tokens split where a gold span starts or ends, so ``doc.text`` is the
    gold text exactly. Entities are ``doc.ents`` (label, ``kb_id_``);
    sentences are the span group ``doc.spans["nlp_report_sentences"]`` (the
    key the pipeline uses) with the label as span label and the actor as
    ``span._.actor``; id, source, motion links and meta are in
    ``doc.user_data["nlp_report.gold"]``. A Doc made by the nlp_report
    pipeline (cleaned text plus layout) is mapped back to the original
    text when read.

Prodigy-style JSONL
    One task per document, in the shape of Prodigy's span tasks::

        {"text": "...",
         "spans": [{"start": 63, "end": 67, "label": "ORG", "kb_id": "NATO", "text": "NAVO"}],
         "sentences": [{"start": 22, "end": 115, "label": "context", "actor": null, "text": "..."}],
         "motion_links": [{"start": 3648, "end": 3662, "kamerstuk": "28676-394"}],
         "meta": {"id": "seed-navo-fmm-2022-04", "source": "..."}}

    ``spans`` holds the entities, so the file works with Prodigy's
    ``ner.manual`` (entity spans never overlap); the sentences, which
    contain entities, are in the separate ``sentences`` field. When
    reading, a span with a sentence label (``position``, ``decision``,
    ``context``, as ``spans.manual`` produces) is taken as a sentence too.
    Tasks whose ``answer`` is not ``accept`` are skipped; Prodigy's own keys
    (``tokens``, ``_input_hash``, ...) are ignored; a span's ``text``, if
    given, must equal the text at its offsets. The id is ``meta.id``, else
    ``<file stem>-<line>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from ..errors import ArgumentError, GoldFileError, GoldFormatError, InternalError, OutputError
from ..outputs import AtomicFile
from ..pipeline.doc import LAYOUT_KEY, SENTENCES_KEY, get_layout
from ..types import ENTITY_LABELS, SENTENCE_LABELS, Report, SentenceLabel
from .gold import (
    GoldDocument,
    GoldEntity,
    GoldMotionLink,
    GoldSentence,
    check_unique_id,
    iter_json_lines,
    read_gold_text,
    write_lines,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

GOLD_KEY = "nlp_report.gold"
"""``doc.user_data`` key of the gold record's id, source, motion links and meta."""


# -- spaCy -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _blank_nl() -> Language:
    import spacy

    return spacy.blank("nl")


def gold_to_doc(doc: GoldDocument, nlp: Language | None = None) -> Doc:
    """A spaCy ``Doc`` of a gold document (see the module docstring for where things go)."""
    from spacy.tokens import Doc as SpacyDoc

    nlp = nlp or _blank_nl()
    cuts = {p for e in doc.entities for p in (e.start, e.end)} | {p for s in doc.sentences for p in (s.start, s.end)}
    words: list[str] = []
    spaces: list[bool] = []
    for token in nlp.make_doc(doc.text):
        start = token.idx
        pieces = sorted(p for p in cuts if start < p < start + len(token.text))
        for a, b in zip([start, *pieces], [*pieces, start + len(token.text)], strict=True):
            words.append(doc.text[a:b])
            spaces.append(False)
        spaces[-1] = bool(token.whitespace_)
    out = SpacyDoc(nlp.vocab, words=words, spaces=spaces)
    if out.text != doc.text:  # pragma: no cover - the tokenizer keeps every character
        raise InternalError("tokenization changed the text")
    ents = []
    for e in doc.entities:
        span = out.char_span(e.start, e.end, label=e.label, kb_id=e.kb_id or "")
        assert span is not None  # every boundary is a token boundary
        ents.append(span)
    out.ents = ents
    group = []
    for s in doc.sentences:
        span = out.char_span(s.start, s.end, label=s.label)
        assert span is not None
        span._.actor = s.actor
        group.append(span)
    out.spans[SENTENCES_KEY] = group
    out.user_data[GOLD_KEY] = {
        "id": doc.id,
        "source": doc.source,
        "motion_links": [[m.start, m.end, m.kamerstuk] for m in doc.motion_links],
        "meta": json.dumps(dict(doc.meta), ensure_ascii=False) if doc.meta else None,
    }
    return out


def gold_to_docbin(docs: Iterable[GoldDocument], nlp: Language | None = None) -> DocBin:
    """A ``DocBin`` (with user data) of gold documents."""
    from spacy.tokens import DocBin as SpacyDocBin

    docbin = SpacyDocBin(store_user_data=True)
    for doc in docs:
        docbin.add(gold_to_doc(doc, nlp))
    return docbin


def write_docbin(docs: Iterable[GoldDocument], path: str | Path) -> int:
    """Write gold documents as a ``.spacy`` file; returns how many."""
    docbin = gold_to_docbin(docs)
    try:
        with AtomicFile(path, binary=True) as out:  # complete or not at all
            assert out.stream is not None
            out.stream.write(docbin.to_bytes())
    except OutputError as err:
        raise GoldFileError(f"{path}: cannot write ({err.reason})") from None
    return len(docbin)


def read_docbin(path: str | Path, *, spans_key: str = SENTENCES_KEY) -> list[GoldDocument]:
    """The gold documents of a ``.spacy`` file, checked like gold JSONL."""
    from spacy.tokens import DocBin as SpacyDocBin

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise GoldFileError(f"{path}: no such file") from None
    except OSError as err:
        raise GoldFileError(f"{path}: cannot read ({err.strerror or err})") from None
    try:
        docbin = SpacyDocBin().from_bytes(data)
    except Exception as err:  # noqa: BLE001 - spaCy and msgpack raise many kinds of error on bad bytes
        raise GoldFormatError(f"not a spaCy DocBin ({type(err).__name__}: {err})", path=path) from None
    return docbin_to_gold(docbin, path=path, spans_key=spans_key)


def docbin_to_gold(
    docbin: DocBin, *, vocab: Vocab | None = None, path: str | Path | None = None, spans_key: str = SENTENCES_KEY
) -> list[GoldDocument]:
    """The gold documents of a ``DocBin``; errors name ``path``, the document (1-based) and the field."""
    vocab = vocab or _blank_nl().vocab
    out = []
    seen: dict[str, int] = {}
    for index, doc in enumerate(docbin.get_docs(vocab), 1):
        gold = doc_to_gold(doc, index=index, path=path, spans_key=spans_key)
        check_unique_id(gold.id, index, seen, path, unit="document")
        out.append(gold)
    return out


def doc_to_gold(
    doc: Doc, *, index: int = 1, path: str | Path | None = None, spans_key: str = SENTENCES_KEY
) -> GoldDocument:
    """One ``Doc`` as a gold document (its entities, the span group ``spans_key``, its user data)."""

    def fail(message: str, field: str | None = None) -> GoldFormatError:
        return GoldFormatError(message, path=path, doc=index, field=field)

    if LAYOUT_KEY in doc.user_data:
        layout = get_layout(doc)
        text = layout.text

        def span_of(start: int, end: int) -> tuple[int, int]:
            return layout.offsets.span(start, end)
    else:
        text = doc.text

        def span_of(start: int, end: int) -> tuple[int, int]:
            return start, end

    info = doc.user_data.get(GOLD_KEY) or {}
    if not isinstance(info, Mapping):
        raise fail("must be a dict", f"user_data[{GOLD_KEY!r}]")
    default_id = f"{Path(path).stem}-{index}" if path is not None else f"doc-{index}"
    doc_id = info.get("id") or default_id
    names: dict[str, str] = {}
    entities: list[GoldEntity] = []
    for i, ent in enumerate(doc.ents):
        if ent.label_ not in ENTITY_LABELS:
            raise fail(f"unknown entity label {ent.label_!r} (expected {', '.join(ENTITY_LABELS)})", f"ents[{i}].label")
        start, end = span_of(ent.start_char, ent.end_char)
        names[f"entities[{len(entities)}]"] = f"ents[{i}]"
        entities.append(GoldEntity(start, end, ent.label_, ent.kb_id_ or None))
    group = list(doc.spans[spans_key]) if spans_key in doc.spans else []
    sentences: list[GoldSentence] = []
    order = sorted(range(len(group)), key=lambda i: (group[i].start_char, group[i].end_char))
    for i in order:
        span = group[i]
        field = f"spans[{spans_key!r}][{i}]"
        if span.label_ not in SENTENCE_LABELS:
            raise fail(
                f"unknown sentence label {span.label_!r} (expected {', '.join(SENTENCE_LABELS)})", f"{field}.label"
            )
        start, end = span_of(span.start_char, span.end_char)
        names[f"sentences[{len(sentences)}]"] = field
        actor = span._.actor
        if actor is not None and not isinstance(actor, str):
            raise fail(f"must be a string or None, not {type(actor).__name__}", f"{field}._.actor")
        sentences.append(GoldSentence(start, end, cast(SentenceLabel, span.label_), actor))
    links = []
    for i, link in enumerate(info.get("motion_links") or ()):
        if not isinstance(link, Sequence) or len(link) != 3:
            raise fail("must be [start, end, kamerstuk]", f"user_data[{GOLD_KEY!r}].motion_links[{i}]")
        links.append(GoldMotionLink(*link))
    meta = info.get("meta")
    try:
        return GoldDocument(
            id=str(doc_id),
            text=text,
            entities=tuple(entities),
            sentences=tuple(sentences),
            motion_links=tuple(links),
            source=info.get("source"),
            meta=json.loads(meta) if isinstance(meta, str) else {},
        )
    except GoldFormatError as err:
        raise _renamed(err, names, path=path, doc=index) from None


# -- Prodigy -----------------------------------------------------------------------------------


def gold_to_prodigy(doc: GoldDocument) -> dict[str, Any]:
    """A Prodigy-style task of a gold document (module docstring)."""
    task: dict[str, Any] = {
        "text": doc.text,
        "spans": [
            {"start": e.start, "end": e.end, "label": e.label, "kb_id": e.kb_id, "text": doc.span_text(e)}
            for e in doc.entities
        ],
        "sentences": [
            {"start": s.start, "end": s.end, "label": s.label, "actor": s.actor, "text": doc.span_text(s)}
            for s in doc.sentences
        ],
    }
    if doc.motion_links:
        task["motion_links"] = [{"start": m.start, "end": m.end, "kamerstuk": m.kamerstuk} for m in doc.motion_links]
    task["meta"] = {"id": doc.id, "source": doc.source, **dict(doc.meta)}
    return task


def prodigy_to_gold(
    task: Any, *, path: str | Path | None = None, line: int | None = None, default_id: str | None = None
) -> GoldDocument | None:
    """The gold document of a Prodigy-style task; ``None`` for a task not accepted (``answer``)."""

    def fail(message: str, field: str | None = None) -> GoldFormatError:
        return GoldFormatError(message, path=path, line=line, field=field)

    if not isinstance(task, dict):
        raise fail("a task is a JSON object")
    answer = task.get("answer", "accept")
    if answer != "accept":
        if answer in ("reject", "ignore"):
            return None
        raise fail(f"must be 'accept', 'reject' or 'ignore', not {answer!r}", "answer")
    if "text" not in task:
        raise fail("missing key 'text'")
    text = task["text"]
    if not isinstance(text, str):
        raise fail(f"must be a string, not {type(text).__name__}", "text")
    meta = task.get("meta", {})
    if not isinstance(meta, dict):
        raise fail("must be an object", "meta")
    names: dict[str, str] = {}
    entity_items: list[tuple[str, dict[str, Any]]] = []
    sentence_items: list[tuple[str, dict[str, Any]]] = []
    for name in ("spans", "sentences", "motion_links"):
        items = task.get(name, [])
        if not isinstance(items, list):
            raise fail("must be a list", name)
        for i, item in enumerate(items):
            field = f"{name}[{i}]"
            if not isinstance(item, dict):
                raise fail("must be an object", field)
            required = ("start", "end", "kamerstuk") if name == "motion_links" else ("start", "end", "label")
            for key in required:
                if key not in item:
                    raise fail(f"missing key {key!r}", field)
            for key in ("start", "end"):
                if isinstance(item[key], bool) or not isinstance(item[key], int):
                    raise fail(f"must be an integer, not {item[key]!r}", f"{field}.{key}")
            in_range = 0 <= item["start"] <= item["end"] <= len(text)
            if "text" in item and in_range and item["text"] != text[item["start"] : item["end"]]:
                raise fail(
                    f"{item['text']!r} is not the text at {item['start']}-{item['end']} "
                    f"({text[item['start'] : item['end']]!r})",
                    f"{field}.text",
                )
            if name == "motion_links":
                continue
            label = item["label"]
            if name == "spans" and label in ENTITY_LABELS:
                entity_items.append((field, item))
            elif label in SENTENCE_LABELS:
                sentence_items.append((field, item))
            else:
                expected = ENTITY_LABELS + SENTENCE_LABELS if name == "spans" else SENTENCE_LABELS
                raise fail(f"unknown label {label!r} (expected {', '.join(expected)})", f"{field}.label")
    entity_items.sort(key=lambda fi: (fi[1]["start"], fi[1]["end"]))
    sentence_items.sort(key=lambda fi: (fi[1]["start"], fi[1]["end"]))
    entities: list[GoldEntity] = []
    for field, item in entity_items:
        names[f"entities[{len(entities)}]"] = field
        kb_id = item.get("kb_id")
        if kb_id is not None and not isinstance(kb_id, str):
            raise fail(f"must be a string or null, not {kb_id!r}", f"{field}.kb_id")
        entities.append(GoldEntity(item["start"], item["end"], item["label"], kb_id or None))
    sentences: list[GoldSentence] = []
    for field, item in sentence_items:
        names[f"sentences[{len(sentences)}]"] = field
        actor = item.get("actor")
        if actor is not None and not isinstance(actor, str):
            raise fail(f"must be a string or null, not {actor!r}", f"{field}.actor")
        sentences.append(GoldSentence(item["start"], item["end"], item["label"], actor))
    links: list[GoldMotionLink] = []
    for i, item in enumerate(task.get("motion_links", [])):
        names[f"motion_links[{len(links)}]"] = f"motion_links[{i}]"
        links.append(GoldMotionLink(item["start"], item["end"], item["kamerstuk"]))
    doc_id = meta.get("id") or default_id or (f"{Path(path).stem}-{line}" if path is not None else f"task-{line or 1}")
    source = meta.get("source")
    if source is not None and not isinstance(source, str):
        raise fail(f"must be a string or null, not {source!r}", "meta.source")
    extra = {k: v for k, v in meta.items() if k not in ("id", "source")}
    try:
        return GoldDocument(
            id=str(doc_id),
            text=text,
            entities=tuple(entities),
            sentences=tuple(sentences),
            motion_links=tuple(links),
            source=source,
            meta=extra,
        )
    except GoldFormatError as err:
        raise _renamed(err, names, path=path, line=line) from None


def loads_prodigy(text: str, *, path: str | Path | None = None) -> list[GoldDocument]:
    """The accepted tasks of Prodigy-style JSONL text as gold documents."""
    docs = []
    seen: dict[str, int] = {}
    for number, task in iter_json_lines(text, path=path):
        doc = prodigy_to_gold(task, path=path, line=number)
        if doc is None:
            continue
        check_unique_id(doc.id, number, seen, path, unit="line", field="meta.id")
        docs.append(doc)
    return docs


def read_prodigy(path: str | Path) -> list[GoldDocument]:
    """The accepted tasks of a Prodigy-style JSONL file as gold documents."""
    return loads_prodigy(read_gold_text(Path(path)), path=path)


def dumps_prodigy(docs: Iterable[GoldDocument]) -> str:
    """Prodigy-style JSONL text, one task per document."""
    return "".join(json.dumps(gold_to_prodigy(doc), ensure_ascii=False) + "\n" for doc in docs)


def write_prodigy(docs: Iterable[GoldDocument], path: str | Path | IO[str]) -> int:
    """Write gold documents as Prodigy-style JSONL; returns how many."""
    return write_lines(dumps_prodigy(docs), path)


# -- Report ------------------------------------------------------------------------------------


def report_to_gold(
    report: Report, *, id: str | None = None, default_label: SentenceLabel | None = None
) -> GoldDocument:
    """A report as a gold document: a pre-annotation to correct by hand.

    Every sentence needs a label; a pipeline without a classifier leaves
    them ``None``, so pass ``default_label`` (e.g. ``"context"``) to fill
    those in. The actor of a ``context`` sentence is dropped (the gold
    format has none); a motion with a Kamerstuk becomes a motion link.
    """
    if default_label is not None and default_label not in SENTENCE_LABELS:
        raise ArgumentError(f"default_label must be one of {', '.join(SENTENCE_LABELS)} or None, not {default_label!r}")
    doc_id = id or (Path(report.source).stem if report.source else "document")
    sentences = []
    for i, s in enumerate(report.sentences):
        label = s.label or default_label
        if label is None:
            raise GoldFormatError(
                "has no label (the pipeline has no classifier); pass default_label='context' to pre-annotate "
                "with a label to correct by hand",
                field=f"sentences[{i}].label",
            )
        sentences.append(GoldSentence(s.start, s.end, label, None if label == "context" else s.actor))
    motions = {(e.start, e.end) for e in report.entities if e.label == "MOTION"}
    links = [
        GoldMotionLink(x.start, x.end, m.kamerstuk.kb_id)
        for m in report.motions
        for x in m.mentions
        if m.kamerstuk is not None and (x.start, x.end) in motions
    ]
    return GoldDocument(
        id=doc_id,
        text=report.text,
        entities=tuple(GoldEntity(e.start, e.end, e.label, e.kb_id) for e in report.entities),
        sentences=tuple(sentences),
        motion_links=tuple(sorted(links, key=lambda m: m.start)),
        source=report.source,
    )


def _renamed(
    err: GoldFormatError,
    names: Mapping[str, str],
    *,
    path: str | Path | None,
    line: int | None = None,
    doc: int | None = None,
) -> GoldFormatError:
    """``err`` with the fields of the gold record renamed to those of the source format."""
    import re

    def rename(text: str) -> str:
        return re.sub(r"(entities|sentences|motion_links)\[\d+\]", lambda m: names.get(m.group(), m.group()), text)

    field = rename(err.field) if err.field else None
    return GoldFormatError(rename(err.reason), path=path, line=line, doc=doc, field=field)
