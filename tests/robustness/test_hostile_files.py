"""Properties over hostile files and interrupted writers (generators in ``hostile.py``).

* any ``<meta charset>`` gives a Document whose text is valid Unicode, or a ReadError;
* any ToUnicode code unit in a PDF gives valid text (a lone surrogate becomes U+FFFD, same length);
* a DOCX broken inside gives a Document or a ReadError, and one with a DTD is refused (E017);
* a writer stopped at any point, by any exception, leaves the old output byte for byte, and no temporary file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nlp_report
from nlp_report.errors import check_text
from nlp_report.export import EXPORT_FORMATS, write_reports

from .budget import fuzz
from .hostile import Interrupted, charset_pages, cmap_pdfs, docx_internals, interrupted


def _read_or_error(path: Path, data: bytes) -> nlp_report.Document | None:
    """The document of ``data`` saved at ``path``, or ``None`` for a ReadError (which must name the file)."""
    path.write_bytes(data)
    try:
        return nlp_report.read(path)
    except nlp_report.ReadError as error:
        assert str(error).startswith(f"[{error.code}] {path}: ")
        return None


@fuzz("hostile_charsets")
@given(charset_pages())
def test_any_declared_charset_gives_valid_text_or_a_read_error(
    analyzer: nlp_report.Analyzer, tmp_path: Path, page: bytes
) -> None:
    document = _read_or_error(tmp_path / "pagina.html", page)
    if document is None:
        return
    check_text(document.text)
    assert "Nederland steunt de NAVO" in document.text  # no codec turns the page into mojibake
    assert analyzer.analyze(document.text, source=document.source).text == document.text


@fuzz("hostile_pdfs")
@given(cmap_pdfs())
def test_any_pdf_text_map_gives_valid_text(analyzer: nlp_report.Analyzer, tmp_path: Path, pdf: bytes) -> None:
    path = tmp_path / "kaart.pdf"
    path.write_bytes(pdf)
    try:
        document = nlp_report.read(path)
    except nlp_report.ReadError:
        return
    check_text(document.text)
    assert analyzer.analyze(document.text).text == document.text


@fuzz("hostile_docx")
@given(docx_internals())
def test_docx_internals_give_a_document_or_a_read_error(tmp_path: Path, case: tuple[str, bytes]) -> None:
    kind, data = case
    document = _read_or_error(tmp_path / "intern.docx", data)
    if document is None:
        return
    assert kind not in ("dtd_entity", "internal_subset", "laughs"), "a DOCX with a DTD must be refused"
    check_text(document.text)


@pytest.fixture(scope="module")
def reports(analyzer: nlp_report.Analyzer) -> list[nlp_report.Report]:
    texts = ["Nederland steunt de NAVO.", "De EU besloot.\n\nDe VN zwijgt.", "=1+1 en -2 @x", "Oekraïne\rBelgië"]
    return [analyzer.analyze(text, source=f"brief{i}.txt") for i, text in enumerate(texts)]


@fuzz("interrupted_writers")
@given(
    fmt=st.sampled_from([f for f in EXPORT_FORMATS if f != "parquet"]),
    after=st.integers(0, 4),
    stop=st.sampled_from([Interrupted, KeyboardInterrupt, MemoryError]),
    old=st.binary(max_size=200),
)
def test_an_interrupted_writer_leaves_the_old_output(
    reports: list[nlp_report.Report],
    tmp_path_factory: pytest.TempPathFactory,
    fmt: str,
    after: int,
    stop: type[BaseException],
    old: bytes,
) -> None:
    folder = tmp_path_factory.mktemp("out")
    target = folder / f"uit.{fmt}"
    target.write_bytes(old)

    def stopping() -> object:
        yield from interrupted(reports, after) if after < len(reports) else reports  # type: ignore[misc]
        raise stop("stopped at the end")

    with pytest.raises((Interrupted, KeyboardInterrupt, MemoryError)):
        write_reports(stopping(), target, fmt)  # type: ignore[arg-type]
    assert target.read_bytes() == old
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left
