"""Converters: gold to and from spaCy DocBin and Prodigy-style JSONL; a Report as gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import DocBin, Span

import nlp_report
from nlp_report import Entity, GoldDocument, GoldFormatError, KamerstukRef, Motion, Report, Sentence, read_gold
from nlp_report.evaluation import (
    GoldEntity,
    GoldMotionLink,
    GoldSentence,
    docbin_to_gold,
    dumps_prodigy,
    gold_to_doc,
    gold_to_docbin,
    gold_to_prodigy,
    loads_prodigy,
    prodigy_to_gold,
    read_docbin,
    report_to_gold,
    write_docbin,
    write_prodigy,
)
from nlp_report.evaluation.convert import doc_to_gold
from nlp_report.pipeline.doc import SENTENCES_KEY
from tests.conftest import CORPORA


@pytest.fixture(scope="module")
def corpus() -> list[GoldDocument]:
    return [doc for path in sorted((CORPORA / "gold").glob("*.jsonl")) for doc in read_gold(path)]


@pytest.mark.slow
def test_doc_keeps_the_text_and_every_span(corpus: list[GoldDocument]) -> None:
    seed = next(d for d in corpus if d.id.startswith("seed"))
    doc = gold_to_doc(seed)
    assert doc.text == seed.text
    assert [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents] == [
        (e.start, e.end, e.label, e.kb_id) for e in seed.entities
    ]
    group = doc.spans[SENTENCES_KEY]
    assert [(s.start_char, s.end_char, s.label_, s._.actor) for s in group] == [
        (s.start, s.end, s.label, s.actor) for s in seed.sentences
    ]
    # 'Van Haga1': the footnote marker is split off so the MOTION span is a token span
    motion = next(e for e in doc.ents if e.label_ == "MOTION")
    assert motion.text == "motie Van Haga" and doc[motion.end].text == "1"


@pytest.mark.slow
def test_docbin_round_trip_of_the_whole_corpus(corpus: list[GoldDocument], tmp_path: Path) -> None:
    assert docbin_to_gold(DocBin().from_bytes(gold_to_docbin(corpus).to_bytes())) == corpus
    path = tmp_path / "corpus.spacy"
    assert write_docbin(corpus, path) == len(corpus)
    assert read_gold(path) == corpus  # chosen by the .spacy suffix


def test_docbin_meta_survives(tmp_path: Path) -> None:
    doc = GoldDocument(id="m", text="De NAVO.", entities=(GoldEntity(3, 7, "ORG", "NATO"),), meta={"round": 2})
    write_docbin([doc], tmp_path / "m.spacy")
    assert read_docbin(tmp_path / "m.spacy") == [doc]


def test_docbin_from_an_annotation_tool(tmp_path: Path) -> None:
    nlp = spacy.blank("nl")
    doc = nlp("De NAVO steunt Oekraïne. Nederland ook.")
    doc.ents = [Span(doc, 1, 2, label="ORG", kb_id="NATO"), Span(doc, 3, 4, label="COUNTRY")]
    doc.spans[SENTENCES_KEY] = [Span(doc, 5, 8, label="context"), Span(doc, 0, 5, label="position")]
    docbin = DocBin(docs=[doc])
    path = tmp_path / "annotated.spacy"
    docbin.to_disk(path)
    [gold] = read_gold(path)
    assert gold.id == "annotated-1"  # no id stored: file stem and document number
    assert gold.entities == (GoldEntity(3, 7, "ORG", "NATO"), GoldEntity(15, 23, "COUNTRY", None))
    assert [(s.start, s.end, s.label) for s in gold.sentences] == [(0, 24, "position"), (25, 39, "context")]


def test_docbin_with_an_unknown_label_names_file_document_and_field(tmp_path: Path) -> None:
    nlp = spacy.blank("nl")
    good = nlp("De NAVO.")
    bad = nlp("Jan Jansen sprak.")
    bad.ents = [Span(bad, 0, 2, label="PER")]
    path = tmp_path / "bad.spacy"
    DocBin(docs=[good, bad]).to_disk(path)
    with pytest.raises(GoldFormatError) as info:
        read_gold(path)
    assert (info.value.path, info.value.doc, info.value.field) == (str(path), 2, "ents[0].label")
    assert str(info.value).startswith(f"[E030] {path}: document 2: ents[0].label: unknown entity label 'PER'")


def test_docbin_field_names_in_errors_are_those_of_the_doc(tmp_path: Path) -> None:
    nlp = spacy.blank("nl")
    doc = nlp("Aa bb. Cc dd.")
    doc.spans[SENTENCES_KEY] = [Span(doc, 3, 6, label="context"), Span(doc, 0, 3, label="context")]
    doc.spans[SENTENCES_KEY][1]._.actor = "Aa"  # the span group's second span is the first sentence
    with pytest.raises(GoldFormatError) as info:
        doc_to_gold(doc, path="x.spacy")
    assert info.value.field == "spans['nlp_report_sentences'][1].actor"


def test_not_a_docbin(tmp_path: Path) -> None:
    path = tmp_path / "junk.spacy"
    path.write_bytes(b"not msgpack at all")
    with pytest.raises(GoldFormatError, match="not a spaCy DocBin"):
        read_gold(path)


def test_a_pipeline_doc_is_mapped_back_to_the_original_text(
    analyzer: nlp_report.Analyzer, seed_text: str, seed_gold: dict[str, Any]
) -> None:
    doc = analyzer.nlp(seed_text)
    assert doc.text != seed_text  # the layout tokenizer cleaned it
    doc.spans[SENTENCES_KEY] = [Span(doc, s.start, s.end, label="context") for s in doc.spans[SENTENCES_KEY]]
    for span in doc.spans[SENTENCES_KEY]:
        span._.actor = None  # relabelled as context: no actor
    gold = doc_to_gold(doc)
    assert gold.text == seed_text
    assert [(s.start, s.end) for s in gold.sentences] == [(s["start"], s["end"]) for s in seed_gold["sentences"]]


def test_prodigy_round_trip_of_the_whole_corpus(corpus: list[GoldDocument], tmp_path: Path) -> None:
    assert loads_prodigy(dumps_prodigy(corpus)) == corpus
    path = tmp_path / "tasks.jsonl"
    assert write_prodigy(corpus, path) == len(corpus)
    assert read_gold(path) == corpus  # recognised by "spans" without "entities"


def test_prodigy_task_shape(corpus: list[GoldDocument]) -> None:
    seed = next(d for d in corpus if d.id.startswith("seed"))
    task = gold_to_prodigy(seed)
    assert set(task) == {"text", "spans", "sentences", "motion_links", "meta"}
    assert task["spans"][0] == {"start": 63, "end": 67, "label": "ORG", "kb_id": "NATO", "text": "NAVO"}
    assert task["sentences"][0]["label"] == "context" and task["meta"]["id"] == seed.id
    json.dumps(task)  # JSON-safe


def _task(**extra: Any) -> dict[str, Any]:
    text = "De NAVO steunt Oekraïne. Nederland benadrukte dit."
    task: dict[str, Any] = {
        "text": text,
        "spans": [
            {"start": 15, "end": 23, "label": "COUNTRY", "token_start": 3, "token_end": 3},
            {"start": 3, "end": 7, "label": "ORG", "text": "NAVO"},
        ],
        "_input_hash": 1,
        "_task_hash": 2,
        "tokens": [],
        "answer": "accept",
    }
    task.update(extra)
    return task


def test_prodigy_spans_may_hold_sentences_and_come_unsorted() -> None:
    task = _task()
    task["spans"] += [
        {"start": 25, "end": 50, "label": "position", "actor": "Nederland"},
        {"start": 0, "end": 24, "label": "position"},
    ]
    doc = prodigy_to_gold(task, path="p.jsonl", line=4)
    assert doc is not None and doc.id == "p-4"
    assert doc.entities == (GoldEntity(3, 7, "ORG", None), GoldEntity(15, 23, "COUNTRY", None))
    assert doc.sentences == (GoldSentence(0, 24, "position", None), GoldSentence(25, 50, "position", "Nederland"))


def test_prodigy_rejected_tasks_are_skipped() -> None:
    lines = [json.dumps(_task(answer=a, meta={"id": a})) for a in ("accept", "reject", "ignore")]
    assert [d.id for d in loads_prodigy("\n".join(lines))] == ["accept"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"spans": [{"start": 3, "end": 7, "label": "ORG", "text": "NAV"}]}, "spans[0].text", "'NAV' is not the text"),
        ({"spans": [{"start": 3, "end": 7, "label": "PERSON"}]}, "spans[0].label", "unknown label 'PERSON'"),
        ({"spans": [{"start": 3, "label": "ORG"}]}, "spans[0]", "missing key 'end'"),
        ({"spans": [{"start": 3, "end": "7", "label": "ORG"}]}, "spans[0].end", "must be an integer"),
        (
            {"spans": [{"start": 8, "end": 14, "label": "ORG"}, {"start": 3, "end": 10, "label": "ORG"}]},
            "spans[0]",
            "overlaps spans[1]",
        ),
        ({"spans": [{"start": 3, "end": 99, "label": "ORG"}]}, "spans[0].end", "past the end of the text"),
        ({"sentences": [{"start": 0, "end": 24, "label": "ORG"}]}, "sentences[0].label", "unknown label 'ORG'"),
        ({"answer": "maybe"}, "answer", "must be 'accept', 'reject' or 'ignore'"),
        ({"meta": "x"}, "meta", "must be an object"),
        ({"text": None}, "text", "must be a string"),
    ],
)
def test_bad_prodigy_tasks_name_line_and_field(change: dict[str, Any], field: str, message: str) -> None:
    good = json.dumps(_task(meta={"id": "a"}))
    bad = json.dumps(_task(**change))
    with pytest.raises(GoldFormatError) as info:
        loads_prodigy(good + "\n" + bad + "\n", path="tasks.jsonl")
    assert (info.value.line, info.value.field) == (2, field)
    assert message in info.value.reason, info.value.reason


def test_prodigy_duplicate_ids() -> None:
    line = json.dumps(_task(meta={"id": "same"}))
    with pytest.raises(GoldFormatError, match=r"tasks\.jsonl:2: meta\.id: 'same' is already the id of line 1"):
        loads_prodigy(line + "\n" + line, path="tasks.jsonl")


def _report(label: str | None = "position") -> Report:
    text = "Nederland steunt de motie Van Haga1. Het kabinet vergaderde.\n1 Kamerstuk 28 676, nr. 394"
    ks = KamerstukRef("28676", "394", "28676-394", "https://zoek.officielebekendmakingen.nl/kst-28676-394")
    return Report(
        text=text,
        source="letters/brief.txt",
        model="blank:nl",
        sentences=(
            Sentence(0, 36, text[0:36], label, "Nederland"),  # type: ignore[arg-type]
            Sentence(37, 60, text[37:60], "context", "kabinet"),
        ),
        entities=(
            Entity(0, 9, "Nederland", "COUNTRY", "NL"),
            Entity(20, 34, "motie Van Haga", "MOTION", "Van Haga"),
            Entity(63, 88, text[63:88], "KAMERSTUK", "28676-394"),
        ),
        motions=(Motion(20, 34, "motie Van Haga", ("Van Haga",), ks),),
    )


def test_a_report_as_gold() -> None:
    gold = report_to_gold(_report())
    assert gold.id == "brief" and gold.source == "letters/brief.txt"
    assert gold.sentences == (GoldSentence(0, 36, "position", "Nederland"), GoldSentence(37, 60, "context", None))
    assert gold.entities[1] == GoldEntity(20, 34, "MOTION", "Van Haga")
    assert gold.motion_links == (GoldMotionLink(20, 34, "28676-394"),)
    assert report_to_gold(_report(), id="mine").id == "mine"


def test_a_report_without_labels_needs_a_default_label() -> None:
    with pytest.raises(GoldFormatError, match=r"sentences\[0\]\.label: has no label.*default_label='context'"):
        report_to_gold(_report(label=None))
    gold = report_to_gold(_report(label=None), default_label="context")
    assert gold.sentences[0] == GoldSentence(0, 36, "context", None)
    with pytest.raises(ValueError, match="default_label must be one of"):
        report_to_gold(_report(), default_label="opinion")  # type: ignore[arg-type]


def test_pipeline_output_as_gold_round_trips(analyzer: nlp_report.Analyzer, seed_text: str, tmp_path: Path) -> None:
    report = analyzer.analyze(seed_text, source="navo-fmm-2022-04.txt")
    gold = report_to_gold(report, default_label="context")
    assert gold.text == seed_text and len(gold.sentences) == len(report.sentences)
    nlp_report.write_gold([gold], tmp_path / "pre.jsonl")
    assert read_gold(tmp_path / "pre.jsonl") == [gold]
