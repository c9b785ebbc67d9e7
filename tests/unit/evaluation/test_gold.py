"""Gold JSONL: typed documents, reading, writing, and an error naming file, line and field for bad data."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

from nlp_report import GoldDocument, GoldFormatError, read_gold, write_gold
from nlp_report.errors import GoldFileError, NlpReportError
from nlp_report.evaluation import GoldEntity, GoldSentence, dumps_gold, loads_gold
from tests.conftest import CORPORA, DATA

BAD = json.loads((DATA / "evaluation" / "bad_gold.json").read_text(encoding="utf-8"))
GOLD_FILES = sorted((CORPORA / "gold").glob("*.jsonl"))


def _line(case: dict[str, Any]) -> str:
    if "raw" in case:
        return str(case["raw"])
    record = copy.deepcopy(BAD["good"])
    for key, value in case["patch"].items():
        if value == "<delete>":
            del record[key]
        else:
            record[key] = value
    return json.dumps(record, ensure_ascii=False)


@pytest.mark.parametrize("case", BAD["cases"], ids=lambda c: c["name"])
def test_bad_record_names_file_line_and_field(case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(BAD["good"], ensure_ascii=False) + "\n" + _line(case) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError) as info:
        read_gold(path)
    err = info.value
    assert (err.path, err.line, err.field) == (str(path), 2, case["field"])
    assert case["message"] in err.reason
    where = f"[E030] {path}:2: " + (f"{case['field']}: " if case["field"] else "")
    assert str(err).startswith(where), str(err)


def test_the_good_record_of_the_cases_is_good(tmp_path: Path) -> None:
    [doc] = loads_gold(json.dumps(BAD["good"], ensure_ascii=False))
    assert doc.span_text(doc.entities[3]) == "motie Van Haga"
    assert doc.motion_links[0].kamerstuk == "28676-394"


def test_line_numbers_count_blank_lines_and_crlf(tmp_path: Path) -> None:
    good = json.dumps(BAD["good"], ensure_ascii=False)
    path = tmp_path / "gold.jsonl"
    path.write_bytes(("\r\n".join([good, "", "   ", '{"id": "x"}']) + "\r\n").encode("utf-8"))
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:4: missing key 'text'"):
        read_gold(path)


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    good = json.dumps(BAD["good"], ensure_ascii=False).encode("utf-8")
    path.write_bytes(good + b"\n" + '{"id": "café"}'.encode("latin-1") + b"\n")
    with pytest.raises(GoldFormatError) as info:
        read_gold(path)
    assert info.value.line == 2 and "not UTF-8" in str(info.value)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(BAD["good"]).encode("utf-8") + b"\n")
    assert [d.id for d in read_gold(path)] == ["good"]


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match=r"\[E031\] .*missing\.jsonl: no such file"):
        read_gold(tmp_path / "missing.jsonl")
    with pytest.raises(GoldFileError, match="is a folder"):
        read_gold(tmp_path)
    assert issubclass(GoldFileError, OSError) and issubclass(GoldFormatError, ValueError)
    assert issubclass(GoldFormatError, NlpReportError)


def test_empty_file_has_no_documents(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert read_gold(path) == []


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_corpus_files_read_and_write_back_byte_for_byte(path: Path) -> None:
    docs = read_gold(path)
    assert len(docs) == 1
    assert dumps_gold(docs) == path.read_text(encoding="utf-8")


def test_typed_documents(tmp_path: Path) -> None:
    [seed] = read_gold(CORPORA / "gold" / "seed.jsonl")
    assert seed.id == "seed-navo-fmm-2022-04"
    assert len(seed.sentences) == 47 and len(seed.entities) == 84
    assert seed.sentences[0] == GoldSentence(22, 115, "context", None)
    assert seed.entities[0] == GoldEntity(63, 67, "ORG", "NATO")
    assert [seed.span_text(m) for m in seed.motion_links] == ["motie Van Haga", "motie Van Haga"]
    out = tmp_path / "out.jsonl"
    assert write_gold([seed, GoldDocument(id="other", text="Tekst.")], out) == 2
    again = read_gold(out)
    assert again[0] == seed and again[1].source is None and again[1].sentences == ()
    buffer = io.StringIO()
    write_gold([seed], buffer)
    assert buffer.getvalue() == (CORPORA / "gold" / "seed.jsonl").read_text(encoding="utf-8")


def test_meta_is_kept() -> None:
    record = {**BAD["good"], "meta": {"annotator": "A", "round": 2}}
    [doc] = loads_gold(json.dumps(record))
    assert doc.meta == {"annotator": "A", "round": 2}
    assert json.loads(dumps_gold([doc]))["meta"] == {"annotator": "A", "round": 2}


def test_building_a_bad_document_in_code_fails_with_the_field() -> None:
    with pytest.raises(GoldFormatError) as info:
        GoldDocument(id="x", text="Kort.", sentences=(GoldSentence(0, 9, "context"),))
    assert info.value.field == "sentences[0].end" and info.value.path is None
    assert str(info.value).startswith("[E030] <gold>: sentences[0].end: 9 is past the end")
    with pytest.raises(GoldFormatError, match="unknown entity label"):
        GoldDocument(id="x", text="NAVO", entities=(GoldEntity(0, 4, "NATO"),))  # type: ignore[arg-type]


def test_writing_checks_ids() -> None:
    doc = GoldDocument(id="same", text="Tekst.")
    with pytest.raises(GoldFormatError, match="'same' is already the id of document 1"):
        dumps_gold([doc, doc])
    with pytest.raises(TypeError, match="expected GoldDocument objects"):
        dumps_gold([{"id": "x"}])  # type: ignore[list-item]


def test_write_to_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match="cannot write"):
        write_gold([GoldDocument(id="x", text="")], tmp_path / "no" / "such" / "dir.jsonl")


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format must be"):
        read_gold(tmp_path / "x.jsonl", format="csv")
