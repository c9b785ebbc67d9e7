"""The tables of a corpus store, and the rows one :class:`~nlp_report.Report` gives them.

Six tables, each row keyed by ``doc_id`` (and ``part``, the file that holds it):

* ``documents``: one row per document: path, content hash, pipeline, and its metadata
  (:class:`~nlp_report.metadata.DocumentInfo`: kind, date, identity, reference, subject,
  title, signatories, meeting with body and dates);
* ``sentences``: label, actor (and whether it is the Netherlands), section, per-label scores;
* ``entities`` and ``motions``: each with the index of the sentence it stands in
  (``sentence``, ``NULL`` outside body sentences): that is the link between a sentence and
  what it mentions;
* the view ``mentions`` (in :mod:`nlp_report.store.query`) joins them.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

import pyarrow as pa

from ..explore import is_netherlands
from ..types import Report

_SPAN = [
    ("doc_id", pa.string()),
    ("part", pa.string()),
    ("sentence", pa.int32()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("text", pa.string()),
]
"""The columns every row of a sentence, entity or motion starts with (``sentence``: its index in the document)."""

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", pa.string()),
            ("part", pa.string()),
            ("path", pa.string()),
            ("sha256", pa.string()),
            ("pipeline", pa.string()),
            ("model", pa.string()),
            ("chars", pa.int64()),
            ("kind", pa.string()),
            ("date", pa.date32()),
            ("identity", pa.string()),
            ("reference", pa.string()),
            ("subject", pa.string()),
            ("title", pa.string()),
            ("signatories", pa.list_(pa.string())),
            ("meeting", pa.string()),
            ("meeting_body", pa.string()),
            ("meeting_start", pa.date32()),
            ("meeting_end", pa.date32()),
            ("year", pa.int32()),
            ("sentences", pa.int32()),
        ]
    ),
    "sentences": pa.schema(
        [
            *_SPAN,
            ("label", pa.string()),
            ("actor", pa.string()),
            ("netherlands", pa.bool_()),
            ("section", pa.string()),
            ("score_position", pa.float64()),
            ("score_decision", pa.float64()),
            ("score_context", pa.float64()),
        ]
    ),
    "entities": pa.schema(
        [
            *_SPAN,
            ("label", pa.string()),
            ("kb_id", pa.string()),
        ]
    ),
    "motions": pa.schema(
        [
            *_SPAN,
            ("sponsors", pa.list_(pa.string())),
            ("kamerstuk", pa.string()),
            ("url", pa.string()),
        ]
    ),
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)


def report_rows(
    report: Report, *, doc_id: str, part: str, sha256: str, pipeline: str
) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one report."""
    info = report.info
    meeting = info.meeting
    date = info.date.value if info.date else None
    meeting_start = meeting.dates[0] if meeting and meeting.dates else None
    when = date or meeting_start
    document = {
        "doc_id": doc_id,
        "part": part,
        "path": report.source,
        "sha256": sha256,
        "pipeline": pipeline,
        "model": report.model,
        "chars": len(report.text),
        "kind": info.kind,
        "date": date,
        "identity": info.identity.kb_id if info.identity else None,
        "reference": info.reference.value if info.reference else None,
        "subject": info.subject.value if info.subject else None,
        "title": info.title.value if info.title else None,
        "signatories": [f"{s.office}, {s.name}" if s.name else s.office for s in info.signatories],
        "meeting": meeting.name if meeting else None,
        "meeting_body": meeting.body if meeting else None,
        "meeting_start": meeting_start,
        "meeting_end": meeting.dates[-1] if meeting and meeting.dates else None,
        "year": when.year if when else None,
        "sentences": len(report.sentences),
    }
    starts = [s.start for s in report.sentences]

    def sentence_of(start: int, end: int) -> int | None:
        index = bisect_right(starts, start) - 1
        if index >= 0 and end <= report.sentences[index].end:
            return index
        return None

    sentences = []
    for index, s in enumerate(report.sentences):
        scores = getattr(s, "scores", None) or {}
        sentences.append(
            {
                "doc_id": doc_id,
                "part": part,
                "sentence": index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "label": s.label,
                "actor": s.actor,
                "netherlands": is_netherlands(s.actor),
                "section": s.section,
                "score_position": scores.get("position"),
                "score_decision": scores.get("decision"),
                "score_context": scores.get("context"),
            }
        )
    entities = [
        {
            "doc_id": doc_id,
            "part": part,
            "sentence": sentence_of(e.start, e.end),
            "start": e.start,
            "end": e.end,
            "text": e.text,
            "label": e.label,
            "kb_id": e.kb_id,
        }
        for e in report.entities
    ]
    motions = [
        {
            "doc_id": doc_id,
            "part": part,
            "sentence": sentence_of(m.start, m.end),
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "sponsors": list(m.sponsors),
            "kamerstuk": m.kamerstuk.kb_id if m.kamerstuk else None,
            "url": m.kamerstuk.url if m.kamerstuk else None,
        }
        for m in report.motions
    ]
    return {"documents": [document], "sentences": sentences, "entities": entities, "motions": motions}


def to_tables(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pa.Table]:
    """Rows by table -> one Arrow table each, with the store's schema."""
    return {name: pa.Table.from_pylist(rows.get(name, []), schema=SCHEMAS[name]) for name in TABLES}
