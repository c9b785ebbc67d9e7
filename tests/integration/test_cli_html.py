"""``nlp-report analyze --format html``: one page per document, with the real display module."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

import nlp_report
from nlp_report.cli import main
from tests.conftest import CORPORA

RAW = CORPORA / "raw"


@pytest.fixture(autouse=True)
def shared_pipeline(analyzer: nlp_report.Analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--model blank`` gets the session's analyzer instead of building a pipeline again."""
    monkeypatch.setattr(nlp_report, "load", lambda model=None: analyzer)


def analyze(*args: str | Path) -> int:
    return main(["analyze", *map(str, args), "--model", "blank", "--no-progress"])


def test_one_document_to_a_page(tmp_path: Path, seed_report: nlp_report.Report) -> None:
    out = tmp_path / "pages" / "seed.html"
    assert analyze(RAW / "navo-fmm-2022-04.txt", "--format", "html", "-o", out) == 0
    page = out.read_text(encoding="utf-8")
    assert page == nlp_report.render(
        nlp_report.Report.from_dict({**seed_report.to_dict(), "source": str(RAW / "navo-fmm-2022-04.txt")})
    )
    doc = lxml.html.document_fromstring(page)
    assert len(doc.xpath('//span[contains(@class, "nr-s ")]')) == len(seed_report.sentences)
    assert doc.xpath("//h1/text()") == [str(RAW / "navo-fmm-2022-04.txt")]


def test_a_page_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert analyze(RAW / "navo-fmm-2022-04.txt", "--format", "html") == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")


def test_several_documents_to_a_folder(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    files = [RAW / "navo-fmm-2022-04.txt", RAW / "verslag-raz-2023-10.txt"]
    assert analyze(*files, "--format", "html", "-o", pages) == 0
    assert sorted(p.name for p in pages.iterdir()) == ["navo-fmm-2022-04.html", "verslag-raz-2023-10.html"]
    for path in pages.iterdir():
        assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_same_name_files_keep_the_folder_structure(tmp_path: Path) -> None:
    letters = tmp_path / "brieven"
    for relative in ("2023/x.txt", "2024/x.txt", "2024/y.txt"):
        (letters / relative).parent.mkdir(parents=True, exist_ok=True)
        (letters / relative).write_text("Nederland steunt het voorstel.\n", encoding="utf-8")
    (letters / "2024" / "y.html").write_text("<p>Nederland steunt het voorstel.</p>", encoding="utf-8")
    pages = tmp_path / "pages"
    assert analyze(letters, "--format", "html", "-o", pages) == 0
    written = sorted(p.relative_to(pages).as_posix() for p in pages.rglob("*.html"))
    assert written == ["2023/x.html", "2024/x.html", "2024/y.html", "2024/y.txt.html"]


def test_several_documents_need_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert analyze(RAW / "navo-fmm-2022-04.txt", RAW / "verslag-raz-2023-10.txt", "--format", "html") == 2
    assert "-o FOLDER" in capsys.readouterr().err
