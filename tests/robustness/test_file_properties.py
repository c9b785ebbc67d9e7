"""Property test of the readers: any bytes in any file give a Document or a ReadError naming the file."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import nlp_report

from .budget import fuzz

SUFFIXES = [".pdf", ".docx", ".html", ".xml", ".txt", "", ".bin"]


@cache
def seeds() -> dict[str, bytes]:
    """A small valid file of each format, to be mutated."""
    import docx
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 30, "Nederland steunt het voorstel van de NAVO1.")
    pdf.set_font("Helvetica", size=8)
    pdf.text(20, 280, "1 Kamerstuk 28 676, nr. 394")
    word = docx.Document()
    word.add_heading("Inleiding", 2)
    word.add_paragraph("Nederland steunt de NAVO.")
    word.add_paragraph("de steun aan Oekraïne;", style="List Bullet")
    buffer = io.BytesIO()
    word.save(buffer)
    return {
        ".pdf": bytes(pdf.output()),
        ".docx": buffer.getvalue(),
        ".html": (
            b"<html><head><meta charset='utf-8'></head><body><main><h2>Inleiding</h2>"
            b"<p>Nederland steunt de NAVO<sup>1</sup>.</p><ul><li>sancties</li></ul>"
            b"<ol class='noten'><li>Kamerstuk 28 676, nr. 394</li></ol></main></body></html>"
        ),
        ".xml": (
            b"<?xml version='1.0' encoding='utf-8'?><kamerstuk><tussenkop>Inleiding</tussenkop>"
            b"<al>De Raad besloot.</al><noot><noot.nr>1</noot.nr><noot.al>Kamerstuk 28 676</noot.al></noot></kamerstuk>"
        ),
        ".txt": b"Geachte voorzitter,\n\nNederland steunt de NAVO1.\n\n1 Kamerstuk 28 676, nr. 394\n",
    }


@st.composite
def files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A suffix and content: random bytes, or a valid file of some format truncated or with bytes changed."""
    suffix = draw(st.sampled_from(SUFFIXES))
    base = seeds()[draw(st.sampled_from(sorted(seeds())))]
    kind = draw(st.sampled_from(["random", "mutated", "mutated", "truncated"]))
    if kind == "random":
        return suffix, draw(st.binary(max_size=3000))
    if kind == "truncated":
        return suffix, base[: draw(st.integers(0, len(base)))]
    data = bytearray(base)
    for where, value in draw(st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1)):
        data[int(where * len(data))] = value
    return suffix, bytes(data)


@fuzz("read_files")
@given(files())
def test_any_file_gives_a_document_or_a_read_error(
    analyzer: nlp_report.Analyzer, tmp_path: Path, file: tuple[str, bytes]
) -> None:
    suffix, data = file
    path = tmp_path / f"brief{suffix}"  # (one folder for all examples: the file is overwritten)
    path.write_bytes(data)
    try:
        document = nlp_report.read(path)
    except nlp_report.ReadError as error:
        assert str(error).startswith(f"[{error.code}] {path}: ") and error.reason
        return
    assert isinstance(document.text, str)
    report = analyzer.analyze(document.text, source=document.source)
    assert report.text == document.text
