"""Bad input: a typed error from nlp_report's own hierarchy that says what was wrong, or a valid report."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st

import nlp_report
from nlp_report.layout import analyze_layout
from tests.growth import RATIO, doubling_ratio

from .budget import fuzz
from .invariants import check_report
from .strategies import letter_texts

LETTER = (
    "Geachte voorzitter,\n\n"
    "Nederland steunt de motie Van Haga1 en de NAVO. De EU-lidstaten besloten tot sancties.\n\n"
    "1 Kamerstuk 28 676, nr. 394\n"
)


# --- texts that are not str ---------------------------------------------------------------


NOT_TEXT = [
    (b"Nederland steunt de NAVO.", "bytes", "decode"),
    (bytearray(b"Nederland steunt de NAVO."), "bytearray", "decode"),
    (memoryview(b"Nederland steunt de NAVO."), "memoryview", "decode"),
    (Path("brief.txt"), type(Path("brief.txt")).__name__, "analyze_file"),
    (42, "int", ""),
    (3.5, "float", ""),
    (None, "NoneType", ""),
    (["Nederland steunt de NAVO."], "list", ""),
    (io.StringIO("Nederland"), "StringIO", ""),
]


@pytest.mark.parametrize(("value", "kind", "hint"), NOT_TEXT, ids=[kind for _, kind, _ in NOT_TEXT])
def test_a_text_that_is_not_a_str_is_an_input_type_error(
    analyzer: nlp_report.Analyzer, value: object, kind: str, hint: str
) -> None:
    calls = [
        lambda: analyzer.analyze(value),  # type: ignore[arg-type]
        lambda: list(analyzer.analyze_many(["De Raad besloot.", value])),  # type: ignore[list-item]
        lambda: list(analyzer.analyze_many([("De Raad besloot.", "a"), (value, "b")], n_process=2)),  # type: ignore[list-item]
        lambda: analyzer.nlp.tokenizer(value),  # (spaCy's nlp(value) reads bytes as a serialised Doc)
    ]
    for call in calls:
        with pytest.raises(nlp_report.InputTypeError) as info:
            call()
        error = info.value
        assert isinstance(error, nlp_report.NlpReportError) and isinstance(error, TypeError)
        assert error.code == "E002"
        assert f"text must be a str, not {kind}." in str(error)
        assert hint in str(error)


def test_the_default_analyzer_checks_too(analyzer: nlp_report.Analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    from nlp_report import analyzer as analyzer_module

    monkeypatch.setattr(analyzer_module, "_default", analyzer)
    with pytest.raises(nlp_report.InputTypeError, match="not bytes"):
        nlp_report.analyze(b"De Raad besloot.")  # type: ignore[arg-type]


@pytest.mark.parametrize("position", [0, 9, 24])
@pytest.mark.parametrize("char", ["\ud800", "\udfff", "\udc80"])
def test_a_lone_surrogate_is_an_invalid_text_error(analyzer: nlp_report.Analyzer, position: int, char: str) -> None:
    text = "Nederland steunt de NAVO."
    text = text[:position] + char + text[position:]
    for call in (
        lambda: analyzer.analyze(text),
        lambda: analyzer.nlp(text),
        lambda: list(analyzer.analyze_many(["De Raad besloot.", text])),
        lambda: list(analyzer.analyze_many(["De Raad besloot.", text], n_process=2)),
    ):
        with pytest.raises(nlp_report.InvalidTextError) as info:
            call()
        assert info.value.code == "E050" and isinstance(info.value, ValueError)
        assert f"lone surrogate {char!r} (U+{ord(char):04X}) at offset {position}" in str(info.value)


@fuzz("bad_text")
@given(letter_texts(max_parts=4), st.floats(0, 1), st.integers(0xD800, 0xDFFF))
def test_any_text_with_a_surrogate_is_an_invalid_text_error(
    analyzer: nlp_report.Analyzer, text: str, where: float, code: int
) -> None:
    position = int(where * len(text))
    text = text[:position] + chr(code) + text[position:]
    with pytest.raises(nlp_report.InvalidTextError, match=f"at offset {position}"):
        analyzer.analyze(text)


# --- texts that are str but odd -----------------------------------------------------------


EMPTY = ["", " ", "\n", "\r\n\r\n", "\t \t\n", "\u00a0\u2009\u3000", "\ufeff", "\u200b\u200c\u00ad", "\x00",
         "\x00\x07\x1b", "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " \ufeff\n\x00 \u200b\t"]  # fmt: skip


@pytest.mark.parametrize("text", EMPTY)
def test_empty_or_white_space_only_text_gives_an_empty_report(analyzer: nlp_report.Analyzer, text: str) -> None:
    report = analyzer.analyze(text, source="leeg.txt")
    assert report.text == text and report.source == "leeg.txt"
    assert report.sentences == report.entities == report.motions == report.sections == report.footnotes == ()
    assert list(analyzer.analyze_many([text, text])) == [analyzer.analyze(text)] * 2


def test_nul_and_control_characters_are_left_out_of_the_analysis(analyzer: nlp_report.Analyzer) -> None:
    text = "Nederland\x00 steunt de\x07 NAVO.\x1b De\x7f EU\x9f besloot\x08.\x00"
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))
    assert [s.text for s in report.sentences] == ["Nederland\x00 steunt de\x07 NAVO.", "De\x7f EU\x9f besloot\x08."]
    assert [(e.text, e.kb_id) for e in report.entities] == [("Nederland", "NL"), ("NAVO", "NATO"), ("EU", "EU")]


def test_control_characters_everywhere_in_a_letter(analyzer: nlp_report.Analyzer) -> None:
    clean = analyzer.analyze(LETTER)
    for control in ("\x00", "\x01", "\x07", "\x1b", "\x7f", "\x9f"):  # (\x85 is a line break, NEL)
        text = f" {control}".join(LETTER.split(" ")).replace(".", f".{control}")
        report = analyzer.analyze(text)
        check_report(report, text, analyze_layout(text))
        assert [e.kb_id for e in report.entities] == [e.kb_id for e in clean.entities], control


@pytest.mark.slow
def test_a_five_megabyte_line_without_punctuation(analyzer: nlp_report.Analyzer) -> None:
    words = "de minister van Buitenlandse Zaken sprak met zijn collega uit Duitsland over de steun aan Oekraïne en"

    def make(length: int) -> str:
        return " ".join([words] * (length // (len(words) + 1) + 1))[:length]

    line = make(5_000_000)
    report = analyzer.analyze(line)
    assert report.text is line or report.text == line
    assert len(report.sentences) > 1000  # cut into pieces of at most MAX_SENTENCE_TOKENS tokens
    assert sum(1 for e in report.entities if e.kb_id == "DE") > 10_000
    for item in (*report.sentences[:50], *report.sentences[-50:], *report.entities[:50], *report.entities[-50:]):
        assert line[item.start : item.end] == item.text
    assert all(a.end <= b.start for a, b in zip(report.sentences, report.sentences[1:], strict=False))
    assert doubling_ratio(analyzer.analyze, make, 100_000) < RATIO  # linear in the line's length


@pytest.mark.parametrize(
    "run", ["(", "‘", "[", "“", ".", "-", "a", "1", "NAVO-", "Haga1", "€", "\u00ad", "x\u200b"], ids=repr
)
def test_a_long_run_without_white_space(analyzer: nlp_report.Analyzer, run: str) -> None:
    def make(length: int) -> str:
        return f"Nederland steunt de NAVO. {run * (length // len(run))} De EU besloot."

    text = make(100_000)
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))
    assert doubling_ratio(analyzer.analyze, make, 20_000) < RATIO  # linear in the run's length
    assert report.entities[0].text == "Nederland" and report.entities[-1].text == "EU"


@pytest.mark.parametrize("run", [" ", "\t", "\u00a0", "\u200b", "\x00", "\n", "\r\n", "\n \n", " \u200b"], ids=repr)
def test_a_long_run_of_white_space(analyzer: nlp_report.Analyzer, run: str) -> None:
    def make(length: int) -> str:
        return f"Nederland steunt de NAVO {run * (length // len(run))} en de EU besloot.\n"

    text = make(200_000)
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))
    assert doubling_ratio(analyzer.analyze, make, 40_000) < RATIO  # linear in the run's length
    assert [e.text for e in report.entities] == ["Nederland", "NAVO", "EU"]


def test_a_text_of_only_footnotes(analyzer: nlp_report.Analyzer) -> None:
    text = "1 Kamerstuk 28 676, nr. 394\n2 Kamerstuk 21 501-02, nr. 2781\n3 https://www.rijksoverheid.nl\n"
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))
    # without markers in a body these are not footnotes, but their references are still found
    assert [e.kb_id for e in report.entities if e.label == "KAMERSTUK"] == ["28676-394", "21501-02-2781"]


def test_a_text_of_only_footnotes_with_their_markers(analyzer: nlp_report.Analyzer) -> None:
    text = "Haga1\n\n1 Kamerstuk 28 676, nr. 394\n"
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))


@pytest.mark.parametrize(
    "text",
    [
        "Inleiding\n\nOekraïne\n\nRussische agressie tegen Oekraïne\n",
        "Inleiding\nOekraïne\nRusland\nNAVO\n",
        "1. Inleiding\n\n2. Stand van zaken\n",
        "VERSLAG NAVO MINISTERIËLE BIJEENKOMST\n\nAvondsessie 6 april: NAVO 2030 / Strategisch Concept\n",
    ],
)
def test_a_text_of_only_headings(analyzer: nlp_report.Analyzer, text: str) -> None:
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))
    assert report.sentences == () or all(s.text.strip() for s in report.sentences)


@pytest.mark.parametrize(
    "text",
    [
        "[Afzender]\nBZDOC-1234567-89\nPagina 2 van 5\n",
        "Geachte voorzitter,\n",
        "De minister van Buitenlandse Zaken,\n\nW.B. Hoekstra\n",
        "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2023–2024\n",
    ],
)
def test_a_text_of_only_letter_parts(analyzer: nlp_report.Analyzer, text: str) -> None:
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))
    assert report.sentences == ()


# --- files ----------------------------------------------------------------------------------


def _raises(path: Path, error: type[nlp_report.ReadError], *words: str) -> nlp_report.ReadError:
    """``read(path)`` and ``analyze_file(path)`` raise ``error``, whose message names the file and says ``words``."""
    found = []
    for call in (nlp_report.read, nlp_report.load("blank").analyze_file):
        with pytest.raises(error) as info:
            call(path)
        found.append(info.value)
        message = str(info.value)
        assert isinstance(info.value, nlp_report.NlpReportError) and isinstance(info.value, OSError)
        assert message.startswith(f"[{error.code}] {path}: "), message
        for word in words:
            assert word in message, (word, message)
    return found[0]


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    error = _raises(tmp_path / "brief.txt", nlp_report.DocumentNotFoundError, "no such file")
    assert isinstance(error, FileNotFoundError) and error.path == str(tmp_path / "brief.txt")
    _raises(tmp_path / "map" / "brief.pdf", nlp_report.DocumentNotFoundError, "no such file")


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    _raises(tmp_path, nlp_report.NotAFileError, "folder")


BINARY = bytes(range(256)) * 8


@pytest.mark.parametrize("name", ["data.txt", "data.bin", "data", "data.html", "data.xml", "data.TXT"])
def test_a_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BINARY)
    _raises(path, nlp_report.UnsupportedFormatError, "binary content")


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"\x89PNG\r\n\x1a\n" + BINARY, "a PNG image"), (b"\xd0\xcf\x11\xe0" + BINARY, "an old Office file")],
)
def test_a_binary_file_of_a_known_kind(tmp_path: Path, data: bytes, what: str) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(data)
    _raises(path, nlp_report.UnsupportedFormatError, "binary content", what)


@pytest.mark.parametrize(("name", "what"), [("brief.pdf", "not a PDF"), ("brief.docx", "not a .docx")])
def test_a_binary_file_with_a_document_suffix(tmp_path: Path, name: str, what: str) -> None:
    path = tmp_path / name
    path.write_bytes(BINARY)
    _raises(path, nlp_report.CorruptFileError, what)


def _pdf(path: Path, *, text: bool = True, image: bool = False, pages: int = 1) -> FPDF:
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        if text:
            pdf.set_font("Helvetica", size=11)
            pdf.text(20, 30, "Nederland steunt het voorstel.")
        if image:
            from PIL import Image

            pdf.image(Image.new("RGB", (60, 30), (120, 120, 120)), x=20, y=40, w=60)
    return pdf


@pytest.mark.parametrize("method", ["RC4", "AES_128"])
def test_an_encrypted_pdf_fpdf2(tmp_path: Path, method: str) -> None:
    from fpdf.enums import EncryptionMethod

    if method != "RC4":
        pytest.importorskip("cryptography")  # fpdf2 needs it to write AES
    pdf = _pdf(tmp_path / "geheim.pdf")
    pdf.set_encryption(
        owner_password="eigenaar", user_password="geheim", encryption_method=getattr(EncryptionMethod, method)
    )
    path = tmp_path / "geheim.pdf"
    pdf.output(str(path))
    _raises(path, nlp_report.EncryptedPdfError, "encrypted")


@pytest.mark.parametrize("algorithm", ["RC4-40", "RC4-128", "AES-128", "AES-256"])
def test_an_encrypted_pdf_pypdf(tmp_path: Path, algorithm: str) -> None:
    import pypdf

    plain = tmp_path / "open.pdf"
    _pdf(plain).output(str(plain))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
    path = tmp_path / "geheim.pdf"
    try:
        writer.encrypt(user_password="geheim", owner_password="eigenaar", algorithm=algorithm)
        with path.open("wb") as handle:
            writer.write(handle)
    except pypdf.errors.DependencyError as err:  # AES needs the cryptography package to write
        pytest.skip(f"pypdf cannot write {algorithm} here: {err}")
    _raises(path, nlp_report.EncryptedPdfError, "encrypted")


@pytest.mark.parametrize(
    ("text", "image", "pages"), [(False, True, 1), (False, False, 1), (False, False, 3), (False, True, 2)]
)
def test_a_pdf_without_text_layer(tmp_path: Path, text: bool, image: bool, pages: int) -> None:
    path = tmp_path / "scan.pdf"
    _pdf(path, text=text, image=image, pages=pages).output(str(path))
    _raises(path, nlp_report.NoTextLayerError, f"{pages} page(s) but no text layer", "OCR")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("brief.txt", b"De Raad \x81\x8d besloot.", ("not UTF-8", "byte 0x81 at offset 8", "not cp1252")),
        ("brief.html", b"<html><body><p>De Raad \x81 besloot.</p></body></html>", ("not UTF-8", "0x81")),
        ("brief.xml", b"<?xml version='1.0'?><kamerstuk><al>De \x8f Raad</al></kamerstuk>", ("not UTF-8", "0x8f")),
        ("brief", b"De Raad \x90 besloot.", ("not UTF-8", "0x90")),
        ("brief.txt", b"\xff\xfeD\x00e\x00 \x00\x00\xd8", ("utf-16 byte order mark", "not utf-16")),
        ("brief.txt", b"\xef\xbb\xbfDe Raad \xff besloot.", ("utf-8-sig byte order mark",)),
    ],
)
def test_an_undecodable_file(tmp_path: Path, name: str, data: bytes, words: tuple[str, ...]) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    _raises(path, nlp_report.DecodingError, *words)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n"])
def test_an_empty_file_gives_an_empty_report(analyzer: nlp_report.Analyzer, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "leeg.txt"
    path.write_bytes(data)
    report = analyzer.analyze_file(path)
    assert report.source == str(path) and report.text.strip() == ""
    assert report.sentences == report.entities == report.sections == report.footnotes == ()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_a_file_that_cannot_be_opened(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("De Raad besloot.", encoding="utf-8")
    path.chmod(0)
    _raises(path, nlp_report.ReadError, "permission denied")
