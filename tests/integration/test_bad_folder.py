"""A folder of 200 files with some of every bad kind: every good file analysed, every bad one in the summary.

Run with ``n_process`` 1 and 2, and with 2 while a worker process is killed
in the middle of the run. The good files include those the reliability
review found to stop a run (a ``<meta charset>`` that is no text encoding, a
PDF mapping a glyph to a lone surrogate, a file name that is not UTF-8).
"""

from __future__ import annotations

import io
import multiprocessing
import os
import random
import signal
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import nlp_report
from nlp_report.batch import FileFailure, display_path
from tests.robustness.hostile import DTD_ENTITY, base_docx, charset_page, cmap_pdf, docx_with

LETTER = (
    "Geachte voorzitter,\n\nHierbij informeer ik uw Kamer over de NAVO-top.\n\nNederland steunt de NAVO en de EU "
    "in de steun aan Oekraïne. Het kabinet besloot de bijdrage te verhogen.\n\nHoogachtend,\n\nDe minister\n"
)


def _pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 30, "Nederland steunt de NAVO en de EU.")
    return bytes(pdf.output())


def _good(rng: random.Random) -> dict[str, Callable[[int], bytes]]:
    return {
        "letter.txt": lambda i: (LETTER + f"\nNederland steunt document {i}.\n").encode("utf-8"),
        "cp1252.txt": lambda i: (LETTER + f"Oekraïne – € {i} miljoen.\n").encode("cp1252"),
        "page.html": lambda i: f"<html><body><h2>Inleiding</h2><p>De EU besloot {i}.</p></body></html>".encode(),
        "punycode.html": lambda i: charset_page("punycode"),
        "escape.html": lambda i: charset_page("unicode_escape", escape="\\ud800"),
        "utf16.html": lambda i: charset_page("utf-16"),
        "surrogate.pdf": lambda i: cmap_pdf(0xD800 + i % 0x800),
        "letter.pdf": lambda i: _pdf(),
        "letter.docx": lambda i: base_docx(f"Nederland steunt de NAVO {i}."),
    }


def _zip_that_is_no_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("x.txt", "geen docx")
    return buffer.getvalue()


def _bad(rng: random.Random) -> dict[str, Callable[[int], bytes]]:
    docx = base_docx()
    return {
        "trunc.docx": lambda i: docx[: len(docx) // 2 + i],
        "garbage.pdf": lambda i: b"%PDF-1.4\n" + rng.randbytes(500),
        "nul.txt": lambda i: b"Nederland\x00\x00 steunt de NAVO.",
        "undecodable.txt": lambda i: bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D] * 40) + bytes([0xC3]),
        "zip.docx": lambda i: _zip_that_is_no_docx(),
        "deep.html": lambda i: ("<div>" * 5000 + "x" + "</div>" * 5000).encode(),
        "dtd.docx": lambda i: docx_with(DTD_ENTITY),
        "png.txt": lambda i: b"\x89PNG\r\n\x1a\n" + rng.randbytes(64),
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str], set[str]]:
    """200 files: 140 good of 9 kinds (plus one with a non-UTF-8 name), 60 bad of 10 kinds."""
    root = tmp_path_factory.mktemp("bad-folder")
    rng = random.Random(0)
    good, bad = set(), set()
    kinds = list(_good(rng).items())
    for i in range(139):
        name, make = kinds[i % len(kinds)]
        (root / f"good{i:03d}-{name}").write_bytes(make(i))
        good.add(f"good{i:03d}-{name}")
    if sys.platform == "linux":
        with open(os.fsencode(root) + b"/good139-caf\xe9.txt", "wb") as handle:
            handle.write(LETTER.encode("utf-8"))
        good.add(display_path(os.fsdecode(b"good139-caf\xe9.txt")))
    else:  # pragma: no cover
        (root / "good139-letter.txt").write_text(LETTER, encoding="utf-8")
        good.add("good139-letter.txt")
    kinds = list(_bad(rng).items())
    for i in range(56):
        name, make = kinds[i % len(kinds)]
        (root / f"bad{i:02d}-{name}").write_bytes(make(i))
        bad.add(f"bad{i:02d}-{name}")
    os.symlink(root / "missing.txt", root / "bad56-dangling.txt")
    os.mkfifo(root / "bad57-fifo.txt")
    os.symlink("/dev/zero", root / "bad58-zero.txt")
    (root / "sub").mkdir()
    (root / "sub" / "bad59-leeg.docx").write_bytes(b"")
    bad |= {"bad56-dangling.txt", "bad57-fifo.txt", "bad58-zero.txt", "bad59-leeg.docx"}
    assert len(good) == 140 and len(bad) == 60
    return root, good, bad


def _check(run: nlp_report.BatchRun, names: list[str], calls: list[FileFailure], good: set[str], bad: set[str]) -> None:
    assert sorted(names) == sorted(good)
    failed = {display_path(Path(f.path).name) for f in run.failures}
    assert failed == bad
    assert len(calls) == 60 and all(f.code.startswith("E0") for f in run.failures)
    assert run.summary() == "200 files: 140 analysed, 60 failed"


@pytest.mark.slow
@pytest.mark.parametrize("n_process", [1, 2])
def test_a_folder_of_every_bad_kind_finishes_with_every_file_accounted_for(
    analyzer: nlp_report.Analyzer, folder: tuple[Path, set[str], set[str]], n_process: int
) -> None:
    root, good, bad = folder
    calls: list[FileFailure] = []
    run = analyzer.analyze_folder(root, on_error=calls.append, n_process=n_process)
    reports = list(run)
    for report in reports:  # the text is the file's (the one with an escaped name is read by its real name)
        path = (
            report.source if "\\x" not in report.source else os.fsdecode(b"%s/good139-caf\xe9.txt" % os.fsencode(root))
        )
        assert report.text == nlp_report.read(path).text
    _check(run, [Path(r.source).name for r in reports], calls, good, bad)


@pytest.mark.slow
def test_a_folder_of_every_bad_kind_survives_a_killed_worker(
    analyzer: nlp_report.Analyzer, folder: tuple[Path, set[str], set[str]]
) -> None:
    root, good, bad = folder
    calls: list[FileFailure] = []
    run = analyzer.analyze_folder(root, on_error=calls.append, n_process=2)
    names = []
    for report in run:
        if len(names) == 10:
            os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)
        names.append(Path(report.source).name)
    _check(run, names, calls, good, bad)
    assert multiprocessing.active_children() == []
