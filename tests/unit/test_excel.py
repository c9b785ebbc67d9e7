"""Exports for spreadsheets (xlsx, Excel's CSV dialect) and the motion -> Kamerstuk link in every format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import nlp_report
from nlp_report.export import SENTENCE_COLUMNS, flat_text, spreadsheet_safe, write_reports

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "raw"

# a motion cited in the body, with a footnote marker, and again in the footnote (text written for this test)
LETTER = (
    "Geachte voorzitter,\n\nIk heb aangekondigd dat Nederland in 2025 een extra bijdrage levert aan Oekraïne, "
    "conform de motie-Boswijk c.s.1\n\nDe minister van Defensie,\n\nR.P. Brekelmans\n\n"
    "1 Motie van het lid Boswijk c.s. over meerjarige steun aan Oekraïne, Kamerstuk 36 045, nr. 123.\n"
)


@pytest.fixture(scope="module")
def letter(analyzer: nlp_report.Analyzer) -> nlp_report.Report:
    return analyzer.analyze(LETTER, source="navo.txt")


@pytest.fixture(scope="module")
def corpus_reports(analyzer: nlp_report.Analyzer) -> list[nlp_report.Report]:
    return list(analyzer.analyze_folder(CORPUS, progress=False))


def test_motion_cited_in_body_and_footnote_is_one_motion(letter: nlp_report.Report) -> None:
    (motion,) = letter.motions
    assert motion.kamerstuk is not None and motion.kamerstuk.kb_id == "36045-123"
    assert [m.text for m in motion.mentions] == ["motie-Boswijk c.s.", "Motie van het lid Boswijk c.s."]
    assert (motion.start, motion.end) == (motion.mentions[0].start, motion.mentions[0].end)
    assert nlp_report.Report.from_dict(json.loads(json.dumps(letter.to_dict()))) == letter


def test_two_motions_of_one_sponsor_with_their_own_kamerstukken_stay_two(analyzer: nlp_report.Analyzer) -> None:
    text = (
        "Het kabinet voert de motie Van Haga (28 676, nr. 394) uit.\n\n"
        "Ook de motie Van Haga (28 676, nr. 397) wordt uitgevoerd.\n"
    )
    report = analyzer.analyze(text)
    assert sorted(m.kamerstuk.kb_id for m in report.motions if m.kamerstuk) == ["28676-394", "28676-397"]
    assert all(len(m.mentions) == 1 for m in report.motions)


def test_csv_keeps_motion_kamerstuk_link(letter: nlp_report.Report, tmp_path: Path) -> None:
    write_reports([letter], tmp_path / "out.csv")
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8", newline="")))
    (row,) = [r for r in rows if r["motions"]]
    assert (row["motions"], row["motion_kamerstukken"], row["kamerstukken"]) == ("Boswijk", "36045-123", "36045-123")


def test_parquet_keeps_motion_kamerstuk_link(letter: nlp_report.Report, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow (the parquet extra) is not installed")
    write_reports([letter], tmp_path / "out.parquet")
    rows = [r for r in pq.read_table(tmp_path / "out.parquet").to_pylist() if r["motions"]]
    assert [(r["motions"], r["motion_kamerstukken"], r["kamerstukken"]) for r in rows] == [
        (["Boswijk"], ["36045-123"], ["36045-123"])
    ]


def test_xlsx_keeps_motion_kamerstuk_link_and_one_row_per_motion(letter: nlp_report.Report, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (the xlsx extra) is not installed")
    write_reports([letter], tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    header, *rows = list(book["sentences"].values)
    cells = [dict(zip(header, r, strict=True)) for r in rows]
    (row,) = [c for c in cells if c["motions"]]
    assert (row["motions"], row["motion_kamerstukken"]) == ("Boswijk", "36045-123")
    m_header, *motions = list(book["motions"].values)
    (motion,) = [dict(zip(m_header, m, strict=True)) for m in motions]
    assert (motion["kamerstuk"], motion["mentions"], motion["sponsors"]) == ("36045-123", 2, "Boswijk")
    assert motion["url"].startswith("https://zoek.officielebekendmakingen.nl/")


def test_xlsx_of_the_corpus_reads_back_one_row_per_sentence(
    corpus_reports: list[nlp_report.Report], tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (the xlsx extra) is not installed")
    assert write_reports(corpus_reports, tmp_path / "corpus.xlsx") == len(corpus_reports) > 10
    book = openpyxl.load_workbook(tmp_path / "corpus.xlsx", read_only=True)
    header, *rows = list(book["sentences"].values)
    assert list(header) == list(SENTENCE_COLUMNS)
    sentences = [(r, s) for r in corpus_reports for s in r.sentences]
    assert len(rows) == len(sentences)
    for cells, (_, sentence) in zip(rows, sentences, strict=True):
        row = dict(zip(header, cells, strict=True))
        assert row["text_as_written"] == sentence.text  # the accents as written, not mojibake
        assert "\n" not in row["text"] and (row["start"], row["end"]) == (sentence.start, sentence.end)
    assert any("ë" in (r[header.index("text")] or "") for r in rows)
    motions = list(book["motions"].values)[1:]
    assert len(motions) == sum(len(r.motions) for r in corpus_reports)


def test_excel_csv_of_the_corpus_opens_with_accents_one_row_per_sentence(
    corpus_reports: list[nlp_report.Report], tmp_path: Path
) -> None:
    import pandas as pd

    path = tmp_path / "corpus.csv"
    write_reports(corpus_reports, path, fmt="excel-csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsource;sentence;start;end;")  # BOM, ';': what Excel in nl-NL expects
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns) == list(SENTENCE_COLUMNS)
    sentences = [s for r in corpus_reports for s in r.sentences]
    assert len(frame) == len(sentences)
    assert list(frame["text_as_written"]) == [spreadsheet_safe(s.text) for s in sentences]
    assert not frame["text"].str.contains("\n").any()
    assert frame["text"].str.contains("Oekraïne").any()


def test_excel_csv_text_starting_like_a_formula_stays_text(tmp_path: Path) -> None:
    text = "- Nederland steunt het pakket.\n"
    report = nlp_report.Report(text, "x.txt", "blank:nl", (nlp_report.Sentence(0, len(text) - 1, text[:-1]),))
    write_reports([report], tmp_path / "x.csv", fmt="excel-csv")
    (row,) = list(csv.DictReader((tmp_path / "x.csv").open(encoding="utf-8-sig", newline=""), delimiter=";"))
    assert row["text"] == "'- Nederland steunt het pakket."  # shown as text, not run as a formula


def test_one_line_text_joins_wrapped_hyphen_and_drops_footnote_markers() -> None:
    text = "De NAVO-\nministers en de motie Van Haga1\n  spraken   over Nieuw-\r\nZeeland, de NAVO- en EU-landen."
    marker = text.index("1\n")
    assert flat_text(text, 0, len(text), [(marker, marker + 1)]) == (
        "De NAVO-ministers en de motie Van Haga spraken over Nieuw-Zeeland, de NAVO- en EU-landen."
    )
