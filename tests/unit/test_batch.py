"""Folder runs: which files, failures counted and reported, strict mode, progress bar, worker processes."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import nlp_report
from nlp_report.batch import FileFailure, collect_paths, find_files

LETTER = "Nederland steunt het voorstel van de Europese Commissie.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "a.TXT").write_text(LETTER, encoding="utf-8")
    (tmp_path / "sub" / "c.html").write_text(f"<p>{LETTER}</p>", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "d.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / ".git" / "e.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "~$brief.docx").write_bytes(b"lock")
    return tmp_path


def names(paths: tuple[Path, ...], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_find_files_by_known_suffix(folder: Path) -> None:
    selection = find_files(folder)
    assert names(selection.files, folder) == ["a.TXT", "b.txt", "sub/c.html", "sub/deeper/d.txt"]
    assert names(selection.ignored, folder) == ["notes.md"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("*.txt", ["a.TXT", "b.txt", "sub/deeper/d.txt"]),
        ("*.md", ["notes.md"]),
        ("sub/*", ["sub/c.html"]),
        ("sub/**/*.txt", ["sub/deeper/d.txt"]),
        ("**/c.htm?", ["sub/c.html"]),
        ("[ab].*", ["a.TXT", "b.txt"]),
    ],
)
def test_find_files_with_a_pattern(folder: Path, pattern: str, expected: list[str]) -> None:
    assert names(find_files(folder, pattern).files, folder) == expected


def test_find_files_not_recursive(folder: Path) -> None:
    assert names(find_files(folder, recursive=False).files, folder) == ["a.TXT", "b.txt"]


def test_find_files_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(nlp_report.DocumentNotFoundError):
        find_files(tmp_path / "nope")


def test_analyze_folder_yields_reports_in_path_order(analyzer: nlp_report.Analyzer, folder: Path) -> None:
    run = analyzer.analyze_folder(folder, progress=False)
    reports = list(run)
    assert [Path(r.source or "").name for r in reports] == ["a.TXT", "b.txt", "c.html", "d.txt"]
    assert all(len(r.sentences) == 1 for r in reports)
    assert (run.succeeded, run.failed, run.total) == (4, 0, 4)
    assert run.summary() == "4 files: 4 analysed, 0 failed; 1 other file in the folders left out (.md)"


def test_analyze_file(analyzer: nlp_report.Analyzer, folder: Path) -> None:
    report = analyzer.analyze_file(folder / "sub" / "c.html")
    assert report.source == str(folder / "sub" / "c.html")
    assert report.text == LETTER
    assert report.sentences[0].text == LETTER.strip()


def test_failures_are_counted_and_reported(analyzer: nlp_report.Analyzer, folder: Path) -> None:
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.4\n garbage")
    (folder / "bin.txt").write_bytes(b"\x00\x01\x02")
    seen: list[FileFailure] = []
    run = analyzer.analyze_folder(folder, progress=False, on_error=seen.append)
    reports = list(run)
    assert len(reports) == 4
    assert [(Path(f.path).name, f.code) for f in run.failures] == [("bin.txt", "E013"), ("kapot.pdf", "E017")]
    assert seen == run.failures
    assert str(run.failures[0]).endswith("binary content (NUL bytes), not text [E013]")
    assert run.summary().startswith("6 files: 4 analysed, 2 failed")


def test_failures_are_logged_without_a_callback(
    analyzer: nlp_report.Analyzer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00")
    with caplog.at_level(logging.WARNING, logger="nlp_report"):
        assert list(analyzer.analyze_folder(tmp_path, progress=False)) == []
    assert "a.txt: binary content" in caplog.text


def test_strict_stops_at_the_first_failure(analyzer: nlp_report.Analyzer, folder: Path) -> None:
    (folder / "aa.txt").write_bytes(b"\x00")
    run = analyzer.analyze_folder(folder, progress=False, strict=True)
    assert next(run).source == str(folder / "a.TXT")
    with pytest.raises(nlp_report.UnsupportedFormatError, match=r"aa\.txt"):
        next(run)


def test_analyze_files_reports_missing_files(analyzer: nlp_report.Analyzer, folder: Path) -> None:
    run = analyzer.analyze_files([folder / "b.txt", folder / "weg.txt"], progress=False, on_error=lambda f: None)
    assert [r.source for r in run] == [str(folder / "b.txt")]
    assert run.failures[0].error.code == "E011"


def test_collect_paths_reports_an_empty_folder(folder: Path) -> None:
    (folder / "leeg").mkdir()
    collected = collect_paths([folder / "leeg", folder / "b.txt"])
    assert collected.files == (folder / "b.txt",)
    assert [(f.code, f.reason) for f in collected.failures] == [
        (
            "E019",
            "no files with a known suffix (*.txt, *.text, *.pdf, *.docx, *.html, *.htm, *.xhtml, *.xml) in this folder",
        )
    ]


def test_progress_bar_on_stderr(
    analyzer: nlp_report.Analyzer, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    list(analyzer.analyze_folder(folder, progress=True))
    assert "analysing" in capsys.readouterr().err
    list(analyzer.analyze_folder(folder))  # default: only on a terminal, and captured stderr is not one
    list(analyzer.analyze_folder(folder, progress=False))
    assert capsys.readouterr().err == ""


def test_worker_processes_give_the_same_reports(analyzer: nlp_report.Analyzer, folder: Path) -> None:
    (folder / "kapot.txt").write_bytes(b"\x00")
    serial = analyzer.analyze_folder(folder, progress=False, on_error=lambda f: None)
    parallel = analyzer.analyze_folder(folder, progress=False, n_process=2, on_error=lambda f: None)
    assert list(serial) == list(parallel)
    assert parallel.failed == 1 and parallel.succeeded == 4


def test_bad_settings(analyzer: nlp_report.Analyzer, folder: Path) -> None:
    with pytest.raises(nlp_report.ConfigError):
        analyzer.analyze_folder(folder, n_process=0)


def test_a_run_closed_early(analyzer: nlp_report.Analyzer, folder: Path) -> None:
    with analyzer.analyze_folder(folder, progress=False) as run:
        first = next(run)
    assert Path(first.source or "").name == "a.TXT"
    assert run.succeeded == 1
    with pytest.raises(StopIteration):
        next(run)
