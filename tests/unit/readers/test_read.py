"""``nlp_report.read``: dispatch by suffix and content, typed errors naming the file."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import nlp_report
from nlp_report import errors
from nlp_report.readers import SUFFIXES, detect_format


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "geen.txt"
    with pytest.raises(errors.DocumentNotFoundError) as info:
        nlp_report.read(path)
    err = info.value
    assert isinstance(err, FileNotFoundError) and isinstance(err, nlp_report.ReadError)
    assert err.code == "E011" and err.path == str(path) and err.reason == "no such file"
    assert str(err) == f"[E011] {path}: no such file"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(errors.NotAFileError) as info:
        nlp_report.read(tmp_path)
    assert isinstance(info.value, IsADirectoryError)
    assert "analyze_folder" in str(info.value)


@pytest.mark.parametrize("suffix", [".doc", ".odt", ".rtf", ".xlsx"])
def test_formats_that_are_not_supported(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"brief{suffix}"
    path.write_bytes(b"whatever")
    with pytest.raises(errors.UnsupportedFormatError, match="not supported"):
        nlp_report.read(path)


def test_unknown_suffixes_are_recognised_by_content(tmp_path: Path) -> None:
    (tmp_path / "a.dat").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "b.dat").write_bytes(b"<!DOCTYPE html><html><body><p>Hallo</p></body></html>")
    (tmp_path / "c.dat").write_bytes(b'<?xml version="1.0"?><kamerstuk><al>Hallo</al></kamerstuk>')
    (tmp_path / "d").write_bytes(b"Gewone tekst.")
    (tmp_path / "e.dat").write_bytes(b"PK\x03\x04")
    assert [detect_format(tmp_path / n) for n in ("a.dat", "b.dat", "c.dat", "d", "e.dat")] == [
        "pdf",
        "html",
        "xml",
        "text",
        "docx",
    ]
    assert nlp_report.read(tmp_path / "c.dat").text == "Hallo\n"


def test_suffixes_decide_and_ignore_case(tmp_path: Path) -> None:
    assert SUFFIXES[".htm"] == "html"
    path = tmp_path / "BRIEF.TXT"
    path.write_text("Hallo.", encoding="utf-8")
    assert nlp_report.read(path).format == "text"


def test_format_overrides_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "pagina.txt"
    path.write_text("<p>Hallo <b>wereld</b></p>", encoding="utf-8")
    assert nlp_report.read(path, format="html").text == "Hallo wereld\n"
    with pytest.raises(errors.UnsupportedFormatError, match="unknown format"):
        nlp_report.read(path, format="odt")  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "expected"), [("fake.pdf", "not a PDF"), ("fake.docx", "not a .docx")])
def test_a_file_that_is_not_what_its_suffix_says(tmp_path: Path, name: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text("gewone tekst", encoding="utf-8")
    with pytest.raises(errors.CorruptFileError, match=expected):
        nlp_report.read(path)


def test_errors_have_distinct_codes_and_survive_pickling() -> None:
    classes = [
        errors.ReadError,
        errors.DocumentNotFoundError,
        errors.NotAFileError,
        errors.UnsupportedFormatError,
        errors.DecodingError,
        errors.EncryptedPdfError,
        errors.NoTextLayerError,
        errors.CorruptFileError,
        errors.ReaderDependencyError,
        errors.NoDocumentsError,
    ]
    assert [c.code for c in classes] == [f"E01{i}" for i in range(10)]
    for cls in classes:
        err = cls("a/b.pdf", "some reason")
        copy = pickle.loads(pickle.dumps(err))
        assert type(copy) is cls and copy.path == "a/b.pdf" and copy.reason == "some reason"
        assert str(copy) == f"[{cls.code}] a/b.pdf: some reason"


def test_document_pages() -> None:
    doc = nlp_report.Document("een\ntwee\n", "x.pdf", "pdf", pages=((0, 3), (4, 8)))
    assert [doc.page_at(i) for i in (0, 2, 3, 4, 9)] == [1, 1, 1, 2, 2]
    assert nlp_report.Document("x", "x.txt", "text").page_at(0) is None
