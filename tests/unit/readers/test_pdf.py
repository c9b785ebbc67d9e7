"""The PDF reader: lines, furniture by repetition, footnotes at the page foot, page joins, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pypdf")
pytest.importorskip("fpdf")

from fpdf import FPDF

import nlp_report
from nlp_report.errors import CorruptFileError, EncryptedPdfError, NoTextLayerError
from nlp_report.readers.pdf import _Fragment, lines_from_fragments
from tests.files import PdfPage, seed_pages, write_pdf


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> nlp_report.Document:
    path = write_pdf(tmp_path_factory.mktemp("pdf") / "seed.pdf", seed_pages(seed_text))
    return nlp_report.read(path)


def test_the_seed_pdf_has_two_pages(seed_text: str) -> None:
    pages = seed_pages(seed_text)
    assert len(pages) == 2
    assert [p.notes for p in pages] == [["1 Kamerstuk 28 676, nr. 394"], ["2 Kamerstuk 28 676 nr. 397"]]


def test_running_header_and_page_numbers_are_removed(seed_pdf: nlp_report.Document) -> None:
    assert seed_pdf.format == "pdf"
    assert "Verslag NAVO-ministeriële bijeenkomst april 2022" not in seed_pdf.text
    assert "Pagina" not in seed_pdf.text
    assert seed_pdf.furniture == (
        "Verslag NAVO-ministeriële bijeenkomst april 2022",
        "Pagina 1 van 2",
        "Verslag NAVO-ministeriële bijeenkomst april 2022",
        "Pagina 2 van 2",
    )


def test_raised_markers_are_glued_to_their_word(seed_pdf: nlp_report.Document) -> None:
    assert "Europees leger, conform de motie Van Haga1, ieder handelend binnen de eigen\n" in seed_pdf.text
    assert "conform de motie Van Haga2.\n" in seed_pdf.text


def test_footnotes_stand_after_a_blank_line_at_the_page_end(seed_pdf: nlp_report.Document) -> None:
    text = seed_pdf.text
    assert "te vragen voor human security.\n\n1 Kamerstuk 28 676, nr. 394\n\n[Afzender]" in text
    assert text.endswith("elementen van waarde in de Akte zitten.\n\n2 Kamerstuk 28 676 nr. 397\n")


def test_paragraph_gaps_become_blank_lines(seed_pdf: nlp_report.Document) -> None:
    assert seed_pdf.text.startswith("Geachte voorzitter,\n\nHierbij bied ik u")
    assert "30 bondgenoten.\n\nAvondsessie 6 april" in seed_pdf.text


def test_pages_and_metadata(seed_pdf: nlp_report.Document) -> None:
    assert len(seed_pdf.pages) == 2
    first, second = seed_pdf.pages
    assert seed_pdf.text[first[0] : first[1]].startswith("Geachte voorzitter,")
    assert seed_pdf.text[second[0] : second[1]].startswith("[Afzender]")
    assert seed_pdf.page_at(seed_pdf.text.index("Eerste sessie")) == 2
    assert seed_pdf.title == "Verslag NAVO-ministeriële bijeenkomst"


@pytest.mark.slow
def test_a_paragraph_across_a_page_break_stays_whole(tmp_path: Path) -> None:
    first = ["Inleiding", "", "Het kabinet steunt de motie Van Haga^1 en zet zich in voor een", "sterke NAVO en"]
    second = [
        "een goede samenwerking met de EU. Dat is nodig.",
        "",
        "Slot",
        "",
        "Nederland stemde in met Finland^2 en Zweden.",
    ]
    pages = [PdfPage(first, ["1 Kamerstuk 28 676, nr. 394"]), PdfPage(second, ["2 Kamerstuk 28 676, nr. 397"])]
    doc = nlp_report.read(write_pdf(tmp_path / "a.pdf", pages))
    assert doc.text == (
        "Inleiding\n\n"
        "Het kabinet steunt de motie Van Haga1 en zet zich in voor een\nsterke NAVO en\n"
        "een goede samenwerking met de EU. Dat is nodig.\n\n"
        "1 Kamerstuk 28 676, nr. 394\n\n"  # moved to where the paragraph ends
        "Slot\n\n"
        "Nederland stemde in met Finland2 en Zweden.\n\n"
        "2 Kamerstuk 28 676, nr. 397\n"
    )
    report = nlp_report.load("blank").analyze(doc.text)
    assert report.sentences[0].text.endswith("samenwerking met de EU.")
    assert [(f.number, f.text) for f in report.footnotes] == [
        (1, "Kamerstuk 28 676, nr. 394"),
        (2, "Kamerstuk 28 676, nr. 397"),
    ]


def test_footnotes_in_the_body_font_under_a_gap(tmp_path: Path) -> None:
    pages = [
        PdfPage(["Het kabinet steunt de motie Van Haga^1 volledig."], ["1 Kamerstuk 28 676, nr. 394"]),
        PdfPage(["Nederland stemde in met Finland^2 en Zweden."], ["2 Kamerstuk 28 676, nr. 397"]),
    ]
    doc = nlp_report.read(write_pdf(tmp_path / "a.pdf", pages, note_size=9))
    assert "volledig.\n\n1 Kamerstuk 28 676, nr. 394\n\nNederland" in doc.text


def test_a_single_page_loses_only_its_page_number(tmp_path: Path) -> None:
    body = ["Nederland steunt het voorstel van de Commissie om de", "steun aan Oekraïne te verhogen.", "", "Goed."]
    pages = [PdfPage(body, [])]
    doc = nlp_report.read(
        write_pdf(tmp_path / "a.pdf", pages, header="Ministerie van Buitenlandse Zaken", footer="{page}")
    )
    assert doc.text == (
        "Ministerie van Buitenlandse Zaken\n\n"
        "Nederland steunt het voorstel van de Commissie om de\nsteun aan Oekraïne te verhogen.\n\nGoed.\n"
    )
    assert doc.furniture == ("1",)


def _one_line_pdf(path: Path, **encryption: str) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 30, "Nederland steunt het voorstel.")
    if encryption:
        pdf.set_encryption(**encryption)  # type: ignore[arg-type]
    pdf.output(str(path))
    return path


def test_a_password_protected_pdf(tmp_path: Path) -> None:
    path = _one_line_pdf(tmp_path / "geheim.pdf", owner_password="eigenaar", user_password="geheim")
    with pytest.raises(EncryptedPdfError) as info:
        nlp_report.read(path)
    assert info.value.code == "E015" and str(path) in str(info.value)


def test_a_pdf_that_only_restricts_copying_is_read(tmp_path: Path) -> None:
    path = _one_line_pdf(tmp_path / "beperkt.pdf", owner_password="eigenaar")
    assert nlp_report.read(path).text == "Nederland steunt het voorstel.\n"


def test_a_scan_without_text_layer(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(NoTextLayerError, match="no text layer"):
        nlp_report.read(tmp_path / "scan.pdf")


def test_a_truncated_pdf(tmp_path: Path) -> None:
    data = _one_line_pdf(tmp_path / "a.pdf").read_bytes()
    (tmp_path / "kapot.pdf").write_bytes(data[:300])
    with pytest.raises(CorruptFileError) as info:
        nlp_report.read(tmp_path / "kapot.pdf")
    assert info.value.code == "E017"


def test_lines_glue_a_superscript_and_space_after_it() -> None:
    tokens: list[_Fragment | None] = [
        _Fragment("de motie Van Haga", 50, 700, 10),
        None,
        _Fragment("1", 140, 703.5, 6.5),
        None,
        _Fragment("en de motie", 146.5, 700, 10),
        None,
        _Fragment("volgende regel", 50, 688, 10),
    ]
    assert [line.text for line in lines_from_fragments(tokens)] == ["de motie Van Haga1 en de motie", "volgende regel"]


def test_lines_keep_real_line_breaks() -> None:
    tokens: list[_Fragment | None] = [
        _Fragment("een", 50, 700, 10),
        None,
        _Fragment("twee", 50, 688, 10),
        None,
        _Fragment("drie", 300, 800, 10),
    ]
    assert [line.text for line in lines_from_fragments(tokens)] == ["een", "twee", "drie"]
