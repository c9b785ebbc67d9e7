"""Exports: rows per sentence with their entities; JSON, JSONL, CSV, Parquet writers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import nlp_report
from nlp_report.export import SENTENCE_COLUMNS, open_writer, sentence_rows, sentences_frame, write_reports

TEXT = "Nederland steunt de motie Van Haga. De NAVO en de EU werken samen met Oekraïne.\n"


@pytest.fixture
def report() -> nlp_report.Report:
    """A report with entities (made by hand, so the test does not depend on the entity rules)."""

    def entity(text: str, label: nlp_report.EntityLabel, kb_id: str | None) -> nlp_report.Entity:
        start = TEXT.index(text)
        return nlp_report.Entity(start, start + len(text), text, label, kb_id)

    first = TEXT.index("De NAVO")
    return nlp_report.Report(
        text=TEXT,
        source="brief.txt",
        model="blank:nl",
        sentences=(
            nlp_report.Sentence(0, first - 1, TEXT[: first - 1], "position", "Nederland", None),
            nlp_report.Sentence(first, len(TEXT) - 1, TEXT[first:-1], "context", None, "Inzet"),
        ),
        entities=(
            entity("Nederland", "COUNTRY", "NL"),
            entity("motie Van Haga", "MOTION", "Van Haga"),
            entity("NAVO", "ORG", "NATO"),
            entity("EU", "ORG", "EU"),
            entity("Oekraïne", "COUNTRY", "UA"),
        ),
    )


def test_sentence_rows_hold_their_entities(report: nlp_report.Report) -> None:
    rows = sentence_rows(report)
    assert [list(row) for row in rows] == [list(SENTENCE_COLUMNS)] * 2
    first, second = rows
    assert first["countries"] == ["NL"] and first["motions"] == ["Van Haga"] and first["organisations"] == []
    assert [e["text"] for e in second["entities"]] == ["NAVO", "EU", "Oekraïne"]
    assert second["organisations"] == ["NATO", "EU"] and second["countries"] == ["UA"]
    assert (second["label"], second["section"], second["sentence"]) == ("context", "Inzet", 1)
    assert sentences_frame([report, report]).shape == (4, len(SENTENCE_COLUMNS))


def test_csv(report: nlp_report.Report, tmp_path: Path) -> None:
    assert write_reports([report, report], tmp_path / "out.csv") == 2
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8", newline="")))
    assert len(rows) == 4 and list(rows[0]) == list(SENTENCE_COLUMNS)
    assert rows[1]["organisations"] == "NATO; EU" and rows[0]["actor"] == "Nederland" and rows[1]["actor"] == ""
    assert json.loads(rows[1]["entities"])[2] == {
        "text": "Oekraïne",
        "label": "COUNTRY",
        "kb_id": "UA",
        "start": 70,
        "end": 78,
    }


def test_jsonl_round_trips(report: nlp_report.Report, tmp_path: Path) -> None:
    write_reports([report, report], tmp_path / "out.jsonl")
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert nlp_report.Report.from_dict(json.loads(lines[0])) == report


def test_json_list_and_single(report: nlp_report.Report) -> None:
    out = io.StringIO()
    with open_writer("json", out) as writer:
        writer.write_all([report, report])
    assert [nlp_report.Report.from_dict(d) for d in json.loads(out.getvalue())] == [report, report]
    out = io.StringIO()
    with open_writer("json", out, single=True) as writer:
        writer.write(report)
    assert nlp_report.Report.from_dict(json.loads(out.getvalue())) == report
    out = io.StringIO()
    open_writer("json", out).close()
    assert json.loads(out.getvalue()) == []


def test_parquet(report: nlp_report.Report, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    write_reports([report, report], tmp_path / "out.parquet")
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 4 and table.column_names == list(SENTENCE_COLUMNS)
    assert str(table.schema.field("entities").type).startswith("list<element: struct<text: string")
    row = table.to_pylist()[1]
    assert row["organisations"] == ["NATO", "EU"] and row["entities"][0]["kb_id"] == "NATO"


def test_unknown_formats(report: nlp_report.Report, tmp_path: Path) -> None:
    with pytest.raises(nlp_report.ConfigError, match="cannot tell the format"):
        write_reports([report], tmp_path / "out.ods")
    with pytest.raises(nlp_report.ConfigError, match="file path"):
        open_writer("parquet", io.StringIO())
