"""Plain text files: encodings, binary content, newlines."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import nlp_report
from nlp_report.errors import DecodingError, ReadError, UnsupportedFormatError

TEXT = "Nederland steunt de motie Van Haga over de Oekraïne-steun; de EU-ministers zijn één."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8(tmp_path: Path) -> None:
    doc = nlp_report.read(write(tmp_path, "a.txt", TEXT.encode("utf-8")))
    assert (doc.text, doc.encoding, doc.format) == (TEXT, "utf-8", "text")


def test_utf8_with_bom_drops_the_bom(tmp_path: Path) -> None:
    doc = nlp_report.read(write(tmp_path, "a.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8")))
    assert doc.text == TEXT and doc.encoding == "utf-8-sig"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path: Path, encoding: str) -> None:
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    doc = nlp_report.read(write(tmp_path, "a.txt", data))
    assert doc.text == TEXT


def test_cp1252_is_detected(tmp_path: Path) -> None:
    text = "Het kabinet steunt ‘de motie’ – kosten € 5 miljoen – in Oekraïne."
    doc = nlp_report.read(write(tmp_path, "a.txt", text.encode("cp1252")))
    assert doc.text == text and doc.encoding == "cp1252"


def test_latin1_without_c1_bytes_is_reported_as_latin1(tmp_path: Path) -> None:
    doc = nlp_report.read(write(tmp_path, "a.txt", TEXT.encode("latin-1")))
    assert doc.text == TEXT and doc.encoding == "latin-1"


def test_bytes_undefined_in_cp1252_are_a_decoding_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"Caf\xe9 \x81 en \x8d")
    with pytest.raises(DecodingError) as info:
        nlp_report.read(path)
    assert str(path) in str(info.value) and info.value.code == "E014"
    assert "0x81" in str(info.value)


def test_newlines_are_normalised(tmp_path: Path) -> None:
    doc = nlp_report.read(write(tmp_path, "a.txt", b"een\r\ntwee\rdrie\n"))
    assert doc.text == "een\ntwee\ndrie\n"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "NUL bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF file"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
)
def test_binary_content_is_not_text(tmp_path: Path, data: bytes, what: str) -> None:
    path = write(tmp_path, "a.txt", data)
    with pytest.raises(UnsupportedFormatError) as info:
        nlp_report.read(path)
    assert what in str(info.value) and str(path) in str(info.value)
    assert isinstance(info.value, ReadError)


def test_an_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    assert nlp_report.read(write(tmp_path, "a.txt", b"")).text == ""
