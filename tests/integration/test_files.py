"""The seed letter as PDF, DOCX, HTML and cp1252 text gives the same analysis as the UTF-8 text file.

Every input is made by the test: a two-page PDF with a running header, page
numbers, superscript markers and footnotes at the page foot (fpdf2); a Word
document with heading styles and real footnotes (python-docx); a web page
with site chrome and a footnote list; the text in cp1252.

Sentences are compared on their text with white space normalised (the
report texts differ in line wraps and trailing spaces, not in words), label,
actor and section; entities on text, label and id, in any order (footnotes
stand at the page foot in the PDF, at the end in DOCX and HTML).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import nlp_report
from tests.conftest import CORPORA
from tests.files import one_line, seed_pages, structure, write_docx, write_html, write_pdf
from tests.helpers import assert_offsets

SEED = CORPORA / "raw" / "navo-fmm-2022-04.txt"


def summary(report: nlp_report.Report) -> dict[str, Any]:
    return {
        "sentences": [(one_line(s.text), s.label, s.actor, s.section) for s in report.sentences],
        # sorted: footnotes (and their entities) stand at the end of a DOCX or HTML text, at the page foot in a PDF
        "entities": sorted((one_line(e.text), e.label, e.kb_id or "") for e in report.entities),
        "motions": [(one_line(m.text), m.sponsors, m.kamerstuk) for m in report.motions],
        "sections": [s.title for s in report.sections],
        "footnotes": [(f.number, f.text, f.marker_start is not None) for f in report.footnotes],
    }


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("files")
    seed_structure = structure(seed_text)
    made = {
        "txt": folder / "seed.txt",
        "pdf": write_pdf(folder / "seed.pdf", seed_pages(seed_text)),
        "html": write_html(folder / "seed.html", seed_structure),
        "cp1252": folder / "seed-cp1252.txt",
    }
    shutil.copy(SEED, made["txt"])
    made["cp1252"].write_bytes(seed_text.encode("cp1252"))
    if pytest.importorskip("docx"):
        made["docx"] = write_docx(folder / "seed.docx", seed_structure)
    return made


@pytest.fixture(scope="module")
def expected(analyzer: nlp_report.Analyzer, files: dict[str, Path]) -> dict[str, Any]:
    return summary(analyzer.analyze_file(files["txt"]))


def test_the_text_file_is_the_seed(expected: dict[str, Any], seed_report: nlp_report.Report) -> None:
    assert expected == summary(seed_report)
    assert len(expected["sentences"]) == 47 and len(expected["footnotes"]) == 2


@pytest.mark.parametrize("kind", ["pdf", "docx", "html", "cp1252"])
def test_same_analysis_as_the_text_file(
    analyzer: nlp_report.Analyzer, files: dict[str, Path], expected: dict[str, Any], kind: str
) -> None:
    report = analyzer.analyze_file(files[kind])
    got = summary(report)
    assert got["sentences"] == expected["sentences"]
    assert got["entities"] == expected["entities"]
    assert got["motions"] == expected["motions"]
    assert got["sections"] == expected["sections"]
    assert got["footnotes"] == expected["footnotes"]


@pytest.mark.parametrize("kind", ["pdf", "docx", "html", "cp1252"])
def test_offsets_index_the_extracted_text(analyzer: nlp_report.Analyzer, files: dict[str, Path], kind: str) -> None:
    document = nlp_report.read(files[kind])
    report = analyzer.analyze_file(files[kind])
    assert report.text == document.text
    assert report.source == str(files[kind])
    assert_offsets(report)


def test_the_cp1252_file_reads_as_the_same_text(files: dict[str, Path], seed_text: str) -> None:
    document = nlp_report.read(files["cp1252"])
    assert document.text == seed_text and document.encoding == "latin-1"


def test_a_folder_of_all_formats(
    analyzer: nlp_report.Analyzer, files: dict[str, Path], expected: dict[str, Any]
) -> None:
    run = analyzer.analyze_folder(files["txt"].parent, progress=False)
    reports = {Path(r.source or "").name: r for r in run}
    assert sorted(reports) == ["seed-cp1252.txt", "seed.docx", "seed.html", "seed.pdf", "seed.txt"]
    assert all(summary(r)["sentences"] == expected["sentences"] for r in reports.values())
    assert run.failures == []
