"""The DOCX reader: headings from styles, lists, footnotes from word/footnotes.xml, tables, tracked changes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402

import nlp_report  # noqa: E402
from nlp_report.errors import CorruptFileError  # noqa: E402
from tests.files import W_NS, Block, Structure, write_docx  # noqa: E402

W = f'xmlns:w="{W_NS}"'


def test_headings_paragraphs_lists_and_footnotes(tmp_path: Path) -> None:
    structure = Structure(
        (
            Block("heading", ("Inzet van het kabinet",)),
            Block("paragraph", ("Het kabinet steunt de motie Van Haga", 1, ", zoals gevraagd.")),
            Block("list_item", ("steun aan Oekraïne;",)),
            Block("list_item", ("sancties tegen Rusland.",)),
            Block("paragraph", ("Zie het besluit van 2022", 2, ".")),
        ),
        {1: "Kamerstuk 28 676, nr. 394", 2: "Kamerstuk 21 501-20, nr. 1786"},
    )
    # Word numbers notes by order of reference, whatever their ids
    path = write_docx(tmp_path / "brief.docx", structure, note_ids={1: 7, 2: 3})
    doc = nlp_report.read(path)
    assert doc.format == "docx" and doc.title == "Verslag NAVO-ministeriële bijeenkomst"
    assert doc.text == (
        "Inzet van het kabinet\n\n"
        "Het kabinet steunt de motie Van Haga1, zoals gevraagd.\n\n"
        "- steun aan Oekraïne;\n"
        "- sancties tegen Rusland.\n\n"
        "Zie het besluit van 2022².\n\n"  # after a digit the marker is a superscript digit
        "1 Kamerstuk 28 676, nr. 394\n\n"
        "2 Kamerstuk 21 501-20, nr. 1786\n"
    )
    report = nlp_report.load("blank").analyze(doc.text)
    assert [s.title for s in report.sections] == ["Inzet van het kabinet"]
    assert [(f.number, f.marker_start is not None) for f in report.footnotes] == [(1, True), (2, True)]


def _document() -> docx.document.Document:
    return docx.Document()


def test_heading_styles(tmp_path: Path) -> None:
    document = _document()
    document.add_heading("Titel van de brief", level=0)
    document.add_heading("Eerste kop", level=1)
    custom = document.styles.add_style("Mijn kop", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 2"]
    document.add_paragraph("Kop in eigen stijl", style="Mijn kop")
    outlined = document.add_paragraph("Kop met overzichtsniveau")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="2"/>'))
    document.add_paragraph("Gewone tekst zonder punt")
    document.save(str(tmp_path / "a.docx"))
    text = nlp_report.read(tmp_path / "a.docx").text
    assert text == (
        "Titel van de brief\n\nEerste kop\n\nKop in eigen stijl\n\n"
        "Kop met overzichtsniveau\n\nGewone tekst zonder punt\n"
    )


def test_numbered_lists(tmp_path: Path) -> None:
    document = _document()
    document.add_paragraph("De punten:")
    for item in ("een", "twee", "drie"):
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("Slot.")
    document.save(str(tmp_path / "a.docx"))
    assert nlp_report.read(tmp_path / "a.docx").text == "De punten:\n\n1. een\n2. twee\n3. drie\n\nSlot.\n"


def test_tables_breaks_and_tracked_changes(tmp_path: Path) -> None:
    document = _document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Motie Van Haga"
    table.cell(0, 1).text = "Uitgevoerd"
    paragraph = document.add_paragraph("De minister van Buitenlandse Zaken,")
    paragraph.add_run().add_break()
    paragraph.add_run("W.B. Hoekstra")
    changed = document.add_paragraph()
    changed._p.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve">Het kabinet </w:t></w:r>'))
    changed._p.append(
        parse_xml(f'<w:del {W} w:id="1" w:author="x"><w:r><w:delText>steunt niet </w:delText></w:r></w:del>')
    )
    changed._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="x"><w:r><w:t>steunt</w:t></w:r></w:ins>'))
    changed._p.append(parse_xml(f"<w:r {W}><w:t>&#160;het voorstel.</w:t></w:r>"))
    document.save(str(tmp_path / "a.docx"))
    assert nlp_report.read(tmp_path / "a.docx").text == (
        "Motie Van Haga\n\nUitgevoerd\n\nDe minister van Buitenlandse Zaken,\nW.B. Hoekstra\n\n"
        "Het kabinet steunt het voorstel.\n"
    )


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hallo")
    with pytest.raises(CorruptFileError) as info:
        nlp_report.read(path)
    assert str(path) in str(info.value)


def test_a_truncated_docx(tmp_path: Path) -> None:
    document = _document()
    document.add_paragraph("Hallo.")
    document.save(str(tmp_path / "a.docx"))
    data = (tmp_path / "a.docx").read_bytes()
    (tmp_path / "b.docx").write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError):
        nlp_report.read(tmp_path / "b.docx")
