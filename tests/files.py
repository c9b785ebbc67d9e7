"""Test inputs made on the fly: PDF (fpdf2), DOCX (python-docx) and HTML versions of a text.

The structure of the text (headings, paragraphs, footnotes and where their
markers stand) is taken from the layout stage's analysis of the text file,
so the generated files hold the same document as the text file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from nlp_report.layout import analyze_layout

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTE_LINE = re.compile(r"^(\d{1,3}) (\S.*)$")


def one_line(text: str) -> str:
    """Wrapped text on one line: a hyphen at a line end glued to the next word, other breaks a space."""
    return " ".join(re.sub(r"(?<=\w-)[ \t]*\n\s*(?=\w)", "", text).split())


# --- the structure of a text ------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    kind: str
    """``heading``, ``paragraph``, ``list_item``, ``salutation``, ``signature`` or ``header``."""
    pieces: tuple[str | int, ...]
    """Text, with the number of a footnote where its marker stands."""


@dataclass(frozen=True)
class Structure:
    blocks: tuple[Block, ...]
    footnotes: dict[int, str]


def structure(text: str) -> Structure:
    layout = analyze_layout(text)
    blocks = []
    notes = {}
    markers = sorted(layout.markers, key=lambda m: m.start)
    for block in layout.blocks:
        if block.kind == "footnote":
            assert block.number is not None
            notes[block.number] = one_line(text[block.start : block.end])
            continue
        pieces: list[str | int] = []
        position = block.start
        for marker in markers:
            if block.start <= marker.start < block.end:
                pieces += [one_line(text[position : marker.start]), marker.number]
                position = marker.end
        pieces.append(one_line(text[position : block.end]))
        blocks.append(Block(block.kind, tuple(p for p in pieces if p != "")))
    return Structure(tuple(blocks), notes)


# --- PDF ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfPage:
    body: list[str]
    """Lines as they stand on the page; ``""`` is an empty line. A footnote marker is written ``Van Haga^1``."""
    notes: list[str]
    """Footnote lines at the page foot (``1 Kamerstuk ...``)."""


def seed_pages(text: str) -> list[PdfPage]:
    """A wrapped text split into pages after each run of footnote lines; markers ``Haga1`` become ``Haga^1``."""
    numbers = {m.number for m in analyze_layout(text).markers}
    pages: list[PdfPage] = []
    body: list[str] = []
    notes: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        m = FOOTNOTE_LINE.match(line)
        if m and int(m.group(1)) in numbers:
            notes.append(line)
            continue
        if notes:
            pages.append(PdfPage(_trim(body), notes))
            body, notes = [], []
        for number in numbers:
            line = re.sub(rf"(?<=[^\W\d_]){number}(?=[,.;:\s]|$)", f"^{number}", line)
        body.append(line)
    if _trim(body) or notes:
        pages.append(PdfPage(_trim(body), notes))
    return pages


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def write_pdf(
    path: Path,
    pages: list[PdfPage],
    *,
    header: str | None = "Verslag NAVO-ministeriële bijeenkomst april 2022",
    footer: str | None = "Pagina {page} van {pages}",
    body_size: float = 9,
    leading: float = 10,
    note_size: float = 7,
) -> Path:
    """A PDF of ``pages``: running header and footer, footnotes in a smaller font at the page foot.

    A marker ``^N`` is set as a superscript: raised and smaller, the way
    word processors set it, which pypdf extracts as a separate line.
    """
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_title("Verslag NAVO-ministeriële bijeenkomst")
    left = 56.0
    for number, page in enumerate(pages, 1):
        pdf.add_page()
        if header:
            pdf.set_font("Helvetica", size=8)
            pdf.text(left, 36, header)
        pdf.set_font("Helvetica", size=body_size)
        y = 56.0
        for line in page.body:
            if line:
                _marked_line(pdf, left, y, line, body_size)
            y += leading
        assert y < 760, "page overflows into the footnotes"
        pdf.set_font("Helvetica", size=note_size)
        y = 790 - leading * len(page.notes)
        for note in page.notes:
            pdf.text(left, y, note)
            y += note_size + 2
        if footer:
            pdf.set_font("Helvetica", size=8)
            pdf.text(left, 815, footer.format(page=number, pages=len(pages)))
    pdf.output(str(path))
    return path


def _marked_line(pdf: object, x: float, y: float, line: str, size: float) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    for index, part in enumerate(re.split(r"\^(\d+)", line)):
        if not part:
            continue
        if index % 2:  # a marker: raised, in a smaller font
            pdf.set_font("Helvetica", size=size * 0.65)
            pdf.text(x, y - size * 0.35, part)
            x += pdf.get_string_width(part)
            pdf.set_font("Helvetica", size=size)
        else:
            pdf.text(x, y, part)
            x += pdf.get_string_width(part)


# --- DOCX --------------------------------------------------------------------------------


def write_docx(path: Path, text_structure: Structure, *, note_ids: dict[int, int] | None = None) -> Path:
    """A Word document: headings in ``Heading 2``, list items in ``List Bullet``, real footnotes.

    python-docx has no footnote API, so the footnotes part is written as XML
    and related to the document part; ``note_ids`` maps a footnote number to
    the ``w:id`` it gets (Word numbers footnotes by order of reference, not
    by id).
    """
    import docx
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    note_ids = note_ids or {n: n for n in text_structure.footnotes}
    document = docx.Document()
    document.core_properties.title = "Verslag NAVO-ministeriële bijeenkomst"
    for block in text_structure.blocks:
        if block.kind == "heading":
            document.add_heading(str(block.pieces[0]), level=2)
            continue
        style = "List Bullet" if block.kind == "list_item" else None
        paragraph = document.add_paragraph(style=style)
        for piece in block.pieces:
            if isinstance(piece, int):
                run = paragraph.add_run()
                run._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{W_NS}" w:id="{note_ids[piece]}"/>'))
                run.font.superscript = True
            else:
                paragraph.add_run(piece)
    notes = "".join(
        f'<w:footnote w:id="{note_ids[number]}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {html.escape(text)}</w:t></w:r></w:p></w:footnote>'
        for number, text in sorted(text_structure.footnotes.items())
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f"</w:footnote>{notes}</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    document.save(str(path))
    return path


# --- HTML --------------------------------------------------------------------------------


def write_html(path: Path, text_structure: Structure, *, encoding: str = "utf-8") -> Path:
    """A rijksoverheid.nl-like page: site chrome around ``<main>``, ``<sup>`` markers, a footnote list."""
    body = []
    for block in text_structure.blocks:
        content = "".join(
            f'<sup><a href="#fn{p}" id="ref{p}">{p}</a></sup>' if isinstance(p, int) else html.escape(p)
            for p in block.pieces
        )
        if block.kind == "heading":
            body.append(f"<h2>{content}</h2>")
        elif block.kind == "list_item":
            body.append(f"<ul><li>{content}</li></ul>")
        else:
            body.append(f'<p class="{block.kind}">{content}</p>')
    notes = "".join(
        f'<li id="fn{n}">{html.escape(text)} <a href="#ref{n}">↩</a></li>'
        for n, text in sorted(text_structure.footnotes.items())
    )
    page = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="{encoding}"><title>Verslag NAVO-ministeriële bijeenkomst | Rijksoverheid.nl</title>
<script>var tracking = "Geachte bezoeker, dit is geen tekst";</script><style>p {{ margin: 0 }}</style></head>
<body>
<a class="skiplink" href="#content">Ga direct naar inhoud</a>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/onderwerpen">Onderwerpen</a></li></ul></nav></header>
<div class="breadcrumbs">U bent hier: Home &gt; Documenten</div>
<main id="content"><article>
{"".join(body)}
<section class="footnotes" role="doc-endnotes"><h2>Voetnoten</h2><ol>{notes}</ol></section>
</article></main>
<footer><p>Rijksoverheid.nl | Dit is een website van de Rijksoverheid</p></footer>
</body></html>
"""
    path.write_bytes(page.encode(encoding))
    return path
