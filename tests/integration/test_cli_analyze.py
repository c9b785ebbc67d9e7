"""``nlp-report analyze`` over files and folders: formats, failures, exit codes, progress."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

import nlp_report
from nlp_report.cli import main
from nlp_report.export import SENTENCE_COLUMNS
from tests.conftest import CORPORA

SEED = CORPORA / "raw" / "navo-fmm-2022-04.txt"
LETTER = "Nederland steunt het voorstel. Het kabinet is tevreden.\n"
REAL_LOAD = {"test_the_corpus_folder_to_csv"}
"""Tests that build the pipeline the way the command does (the others share the session's)."""


@pytest.fixture(autouse=True)
def shared_pipeline(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--model blank`` gets the session's analyzer, so each command does not build a pipeline again."""
    if request.node.name in REAL_LOAD:
        return
    analyzer = request.getfixturevalue("analyzer")
    real = nlp_report.load

    def load(model: str | None = None) -> nlp_report.Analyzer:
        return analyzer if model == "blank" else real(model)

    monkeypatch.setattr(nlp_report, "load", load)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "brieven"
    (root / "2023").mkdir(parents=True)
    (root / "a.txt").write_text(LETTER, encoding="utf-8")
    (root / "2023" / "b.html").write_text(f"<p>{LETTER}</p>", encoding="utf-8")
    (root / "README.md").write_text("# brieven", encoding="utf-8")
    return root


def analyze(*args: str | Path) -> int:
    return main(["analyze", *map(str, args), "--model", "blank", "--no-progress"])


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_folder_to_csv(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.csv"
    assert analyze(folder, "--format", "csv", "-o", out) == 0
    rows = read_csv(out)
    assert list(rows[0]) == list(SENTENCE_COLUMNS)
    assert [(Path(r["source"]).name, r["sentence"], r["text"]) for r in rows] == [
        ("b.html", "0", "Nederland steunt het voorstel."),
        ("b.html", "1", "Het kabinet is tevreden."),
        ("a.txt", "0", "Nederland steunt het voorstel."),
        ("a.txt", "1", "Het kabinet is tevreden."),
    ]
    assert any(json.loads(r["entities"]) for r in rows) == ("NL" in rows[0]["countries"])
    err = capsys.readouterr().err
    assert "2 files: 2 analysed, 0 failed; 1 other file in the folders left out (.md)" in err
    assert "analysing" not in err  # --no-progress


@pytest.mark.slow
def test_the_corpus_folder_to_csv(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert analyze(CORPORA, "--format", "csv", "-o", out, "--pattern", "raw/*.txt") == 0
    sources = {Path(r["source"]).name for r in read_csv(out)}
    assert sources == {p.name for p in (CORPORA / "raw").glob("*.txt")}


def test_failing_files_are_reported_and_counted(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.4 rommel")
    (folder / "scan.txt").write_bytes(b"\x00\x00")
    out = tmp_path / "out.jsonl"
    assert analyze(folder, folder / "weg.txt", "--format", "jsonl", "-o", out) == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2  # the good files are still written
    err = capsys.readouterr().err
    assert f"failed: {folder / 'kapot.pdf'}: not a readable PDF" in err
    assert f"failed: {folder / 'scan.txt'}: binary content (NUL bytes), not text [E013]" in err
    assert f"failed: {folder / 'weg.txt'}: no such file [E011]" in err
    assert "5 files: 2 analysed, 3 failed" in err


def test_strict_stops_at_the_first_failure(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "0-kapot.txt").write_bytes(b"\x00")
    out = tmp_path / "out.jsonl"
    assert analyze(folder, "--format", "jsonl", "-o", out, "--strict") == 1
    assert not out.exists()  # stopped: no output, never a partial one
    err = capsys.readouterr().err
    assert "0-kapot.txt: binary content (NUL bytes), not text (stopped: --strict)" in err
    assert f"{out} was not written" in err


def test_an_empty_folder_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "leeg").mkdir()
    assert analyze(tmp_path / "leeg", "--format", "jsonl") == 1
    assert "no files with a known suffix" in capsys.readouterr().err


def test_empty_folder_is_counted_as_zero_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "leeg").mkdir()
    assert analyze(tmp_path / "leeg", "--format", "jsonl") == 1
    err = capsys.readouterr().err
    assert "0 files: 0 analysed, 0 failed; 1 folder without files to read" in err and "1 file:" not in err


def test_pattern(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert analyze(folder, "--pattern", "*.html", "--format", "jsonl") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [Path(json.loads(line)["source"]).name for line in lines] == ["b.html"]


def test_jsonl_one_report_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert analyze(SEED, SEED, "--format", "jsonl") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert len(nlp_report.Report.from_dict(json.loads(lines[0])).sentences) == 47


def test_json_of_one_file_has_the_shape_of_a_folder_of_one_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert analyze(folder, "--format", "json") == 0
    assert [Path(d["source"]).name for d in json.loads(capsys.readouterr().out)] == ["b.html", "a.txt"]
    assert analyze(folder / "a.txt", "--format", "json") == 0
    one_file = json.loads(capsys.readouterr().out)
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "a.txt").write_bytes((folder / "a.txt").read_bytes())
    assert analyze(alone, "--format", "json") == 0
    one_in_a_folder = json.loads(capsys.readouterr().out)
    assert isinstance(one_file, list) and isinstance(one_in_a_folder, list)
    assert [d["source"] for d in one_file] == [str(folder / "a.txt")] and len(one_in_a_folder) == 1
    assert {k: v for k, v in one_file[0].items() if k != "source"} == {
        k: v for k, v in one_in_a_folder[0].items() if k != "source"
    }


def test_xlsx_and_excel_csv(folder: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (the xlsx extra) is not installed")
    assert analyze(folder, "--format", "xlsx", "-o", tmp_path / "out.xlsx") == 0
    assert openpyxl.load_workbook(tmp_path / "out.xlsx")["sentences"].max_row == 1 + 4
    assert analyze(folder, "--format", "excel-csv", "-o", tmp_path / "out.csv") == 0
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbfsource;")


def test_fallback_warning_is_one_line_in_cli_terms(capsys: pytest.CaptureFixture[str]) -> None:
    import warnings

    from nlp_report.cli.common import load_analyzer

    if _model_installed():
        pytest.skip("nl_core_news_sm is installed, so there is no fallback to warn about")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_analyzer(None)
    assert not [w for w in caught if issubclass(w.category, nlp_report.ModelFallbackWarning)]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("nlp-report: warning:") and "--model blank" in err
    assert "model='blank'" not in err and ".py:" not in err


def test_unknown_model_is_reported_in_cli_terms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SEED), "--model", "nl_no_such_model", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "--model nl_no_such_model" in err and "model=None" not in err


def test_table_cuts_actors_with_an_ellipsis_and_lists_entities(capsys: pytest.CaptureFixture[str]) -> None:
    from nlp_report.cli.analyze import format_table

    text = "De ministers van Buitenlandse Zaken van de lidstaten van de Europese Unie steunen Oekraïne.\n"
    report = nlp_report.Report(
        text,
        "x.txt",
        "blank:nl",
        (nlp_report.Sentence(0, len(text) - 1, text[:-1], "position", text[:73]),),
        (nlp_report.Entity(text.index("Oekraïne"), text.index("Oekraïne") + 8, "Oekraïne", "COUNTRY", "UA"),),
    )
    table = format_table(report, width=120)
    assert "De ministers van Buit…" in table
    assert "COUNTRY     UA 'Oekraïne' (1)" in table


def _model_installed() -> bool:
    import spacy

    return bool(spacy.util.is_package("nl_core_news_sm"))


def test_parquet(folder: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    assert analyze(folder, "--format", "parquet", "-o", tmp_path / "out.parquet") == 0
    assert pq.read_table(tmp_path / "out.parquet").num_rows == 4


def test_html_with_the_display_module(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp_report, "render", lambda report: f"<p>{report.source}</p>", raising=False)
    assert analyze(folder / "a.txt", "--format", "html", "-o", tmp_path / "a.html") == 0
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == f"<p>{folder / 'a.txt'}</p>"
    assert analyze(folder, "--format", "html", "-o", tmp_path / "pages") == 0
    pages = sorted(p.relative_to(tmp_path / "pages").as_posix() for p in (tmp_path / "pages").rglob("*.html"))
    assert pages == ["2023/b.html", "a.html"]  # the folder structure is kept


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "parquet"], "parquet output is binary"),
        (["--format", "html"], "html output needs the display module"),
        (["--model", "nl_geen_model"], "is not installed"),
        (["-o", "{tmp}/a.txt/out.csv", "--format", "csv"], "cannot write"),
        (["-o", "{tmp}", "--format", "csv"], "it is a folder"),
    ],
)
def test_usage_errors_exit_2(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(nlp_report, "render", raising=False)
    monkeypatch.setattr(nlp_report, "load", lambda model=None: pytest.fail("loaded the model before checking usage"))
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in args]
    if "--model" in args:
        monkeypatch.undo()
        monkeypatch.delattr(nlp_report, "render", raising=False)
    assert main(["analyze", str(SEED), *args, "--no-progress"]) == 2
    assert message in capsys.readouterr().err


def test_html_of_several_documents_needs_a_folder(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nlp_report, "render", lambda report: "", raising=False)
    assert analyze(folder, "--format", "html") == 2
    assert "-o FOLDER" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--format", "ods"], ["--n-process", "0"], ["--n-process", "twee"], []])
def test_bad_options_exit_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["analyze", *([str(SEED)] if args else []), *args])
    assert info.value.code == 2


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["analyze", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "nlp-report analyze corpora/ --format csv -o sentences.csv" in out
    assert "exit codes:" in out and "--strict" in out and "--pattern" in out


def test_worker_processes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert analyze(folder, "--format", "jsonl", "--n-process", "2") == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_progress_bar_on_a_terminal(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["analyze", str(folder), "--model", "blank", "--format", "jsonl"]) == 0
    assert "analysing" in capsys.readouterr().err
