"""Stand-off sentence annotations: records that point into texts kept elsewhere (``evaluation/standoff.py``).

Every text here is invented; the corpus folder is a temporary one.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from nlp_report import load
from nlp_report.errors import GoldFormatError, StandoffTextError
from nlp_report.evaluation import GoldDocument, GoldSentence, evaluate, read_gold
from nlp_report.evaluation.standoff import FORMAT, LABELS_ONLY, dumps_standoff, read_standoff

TEXT = "Verslag\nDe Raad nam het besluit aan. Nederland steunt het voorstel van de Commissie. Het weer was goed."
FIRST = (8, 36)
SECOND = (37, 84)
THIRD = (85, 103)


def _corpus(tmp_path: Path, text: str = TEXT) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "pool").mkdir(parents=True)
    line = json.dumps({"id": "brief-1", "source": "https://example.org/1", "text": text}, ensure_ascii=False)
    (corpus / "pool" / "part.jsonl").write_text(line + "\n", encoding="utf-8")
    return corpus


def _record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "format": FORMAT,
        "id": "brief-1",
        "corpus_file": "pool/part.jsonl",
        "text_sha1": hashlib.sha1(TEXT.encode("utf-8")).hexdigest(),
        "sentences": [
            {"start": FIRST[0], "end": FIRST[1], "label": "decision", "actor": {"start": 11, "end": 15}},
            {"start": SECOND[0], "end": SECOND[1], "label": "position", "actor": {"start": 37, "end": 46}},
            {"start": THIRD[0], "end": THIRD[1], "label": "context", "actor": None},
        ],
    }
    record.update(changes)
    return record


def _write(tmp_path: Path, *records: dict[str, Any]) -> Path:
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_spans_of_the_invented_text_are_its_sentences() -> None:
    assert TEXT[slice(*FIRST)] == "De Raad nam het besluit aan."
    assert TEXT[slice(*SECOND)] == "Nederland steunt het voorstel van de Commissie."
    assert TEXT[slice(*THIRD)] == "Het weer was goed."


def test_a_record_is_joined_with_its_text(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (doc,) = read_standoff(_write(tmp_path, _record()), corpus_dir=corpus)
    assert doc.id == "brief-1" and doc.text == TEXT
    assert [(s.label, s.actor) for s in doc.sentences] == [
        ("decision", "Raad"),
        ("position", "Nederland"),
        ("context", None),
    ]
    assert doc.entities == () and doc.meta[LABELS_ONLY] is True
    assert doc.meta["corpus_file"] == "pool/part.jsonl"


def test_read_gold_recognises_a_standoff_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path)
    monkeypatch.setenv("NLP_REPORT_SHARED", str(corpus.parent))
    path = _write(tmp_path, _record())
    assert [d.id for d in read_gold(path)] == ["brief-1"]
    assert read_gold(path, format="standoff")[0].sentences == read_standoff(path, corpus_dir=corpus)[0].sentences


def test_dumps_standoff_round_trips_and_writes_no_text(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    docs = read_standoff(_write(tmp_path, _record()), corpus_dir=corpus)
    dumped = dumps_standoff(docs)
    assert "Nederland" not in dumped and "Raad" not in dumped
    path = tmp_path / "again.jsonl"
    path.write_text(dumped, encoding="utf-8")
    assert read_standoff(path, corpus_dir=corpus) == docs


def test_a_changed_text_is_E033_and_says_to_annotate_again(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, TEXT.replace("goed", "slecht"))
    with pytest.raises(StandoffTextError, match=r"E033.*labels\.jsonl:1.*brief-1.*has changed.*annotate it again"):
        read_standoff(_write(tmp_path, _record()), corpus_dir=corpus)


def test_a_missing_corpus_is_E033_and_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(StandoffTextError, match=r"E033.*cannot read.*NLP_REPORT_SHARED"):
        read_standoff(_write(tmp_path, _record()), corpus_dir=tmp_path / "nowhere")


def test_a_document_missing_from_its_corpus_file_is_E033(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    with pytest.raises(StandoffTextError, match=r"E033.*'brief-2' is not in"):
        read_standoff(_write(tmp_path, _record(id="brief-2")), corpus_dir=corpus)


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"text": "x"}, None, "unknown keys"),
        ({"format": "other.v1"}, "format", "expected"),
        ({"corpus_file": "../secret.jsonl"}, "corpus_file", "inside the corpus folder"),
        ({"text_sha1": ""}, "text_sha1", "non-empty string"),
        ({"sentences": {}}, "sentences", "must be a list"),
    ],
)
def test_a_malformed_record_names_its_field(
    tmp_path: Path, changes: dict[str, Any], field: str | None, reason: str
) -> None:
    corpus = _corpus(tmp_path)
    with pytest.raises(GoldFormatError, match=reason) as info:
        read_standoff(_write(tmp_path, _record(**changes)), corpus_dir=corpus)
    assert info.value.line == 1 and info.value.field == field


def test_an_actor_outside_its_sentence_is_refused(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    sentences = _record()["sentences"]
    sentences[2] = {"start": THIRD[0], "end": THIRD[1], "label": "position", "actor": {"start": 37, "end": 46}}
    with pytest.raises(GoldFormatError, match="not inside the sentence") as info:
        read_standoff(_write(tmp_path, _record(sentences=sentences)), corpus_dir=corpus)
    assert info.value.field == "sentences[2].actor"


def test_an_unknown_label_is_refused(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    sentences = _record()["sentences"]
    sentences[2]["label"] = "opinion"
    with pytest.raises(GoldFormatError, match="must be one of") as info:
        read_standoff(_write(tmp_path, _record(sentences=sentences)), corpus_dir=corpus)
    assert info.value.field == "sentences[2].label"


def test_a_document_annotated_twice_is_refused(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    with pytest.raises(GoldFormatError, match="annotated twice") as info:
        read_standoff(_write(tmp_path, _record(), _record()), corpus_dir=corpus)
    assert info.value.line == 2


def test_a_labels_only_document_is_scored_on_its_sentences_not_its_entities() -> None:
    sentences = (
        GoldSentence(*FIRST, "decision", "Raad"),
        GoldSentence(*SECOND, "position", "Nederland"),
        GoldSentence(*THIRD, "context", None),
    )
    partial = GoldDocument(id="brief-1", text=TEXT, sentences=sentences, meta={LABELS_ONLY: True})
    full = GoldDocument(id="brief-2", text=TEXT, sentences=sentences)
    analyzer = load("blank")
    result = evaluate([partial, full], analyzer)
    scores = result.pipeline.documents
    assert scores["brief-1"].entities is None and scores["brief-1"].motion_links is None
    assert scores["brief-1"].boundaries == scores["brief-2"].boundaries
    assert (
        list(scores["brief-1"].labels.gold)
        == list(scores["brief-2"].labels.gold)
        == ["decision", "position", "context"]
    )
    # the pipeline finds entities (Raad, Nederland, Commissie) that brief-2's empty gold counts as errors;
    # in brief-1 they are not scored, so the whole equals brief-2's
    assert scores["brief-2"].entities is not None and scores["brief-2"].entities.micro.fp > 0
    assert result.pipeline.scores.entities == scores["brief-2"].entities
    assert "1 of 2 documents annotated for sentences only" in result.pipeline.description
