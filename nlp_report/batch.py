"""Analysing many files: finding them in folders, reading them, counting the ones that fail.

:meth:`Analyzer.analyze_folder <nlp_report.Analyzer.analyze_folder>` and
:meth:`Analyzer.analyze_files <nlp_report.Analyzer.analyze_files>` return a
:class:`BatchRun`: an iterator of reports, in file order, that records every
file it could not read (path and reason) in :attr:`BatchRun.failures`,
reports it as it happens (to ``on_error``, or as a logged warning), and
shows a tqdm progress bar on standard error when that is a terminal. With
``strict=True`` the first failure raises instead.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import (
    ConfigError,
    DocumentNotFoundError,
    FileAnalysisError,
    NlpReportError,
    ReadError,
    WorkerDiedError,
)
from .readers import SUFFIXES, read
from .text import SURROGATE
from .workers import check_counts

if TYPE_CHECKING:
    from .analyzer import Analyzer
    from .types import Report

logger = logging.getLogger("nlp_report")

DEFAULT_PATTERN_DESCRIPTION = "*" + ", *".join(SUFFIXES)
"""What a folder run picks without a pattern: the files :func:`~nlp_report.read` knows by suffix."""


def display_path(path: str) -> str:
    """``path`` as valid text: a byte of a file name that is not UTF-8 (``caf\\udce9``) becomes ``\\xe9``.

    Python gives such bytes as lone surrogates, which no output can encode;
    the reports of a folder run carry this form as their ``source``.
    """
    return SURROGATE.sub(_escape, path)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


@dataclass(frozen=True, slots=True)
class FileFailure:
    """A file that could not be read: its path and the error saying why."""

    path: str
    error: ReadError

    @property
    def reason(self) -> str:
        """Why the file could not be read (the message without the code and the path)."""
        return self.error.reason

    @property
    def code(self) -> str:
        """The error's code (``E010``...)."""
        return self.error.code

    def __str__(self) -> str:
        return f"{self.path}: {self.reason} [{self.code}]"


@dataclass(frozen=True, slots=True)
class FileSelection:
    """The files a folder holds: those to analyse and those left out (suffix or pattern)."""

    files: tuple[Path, ...]
    ignored: tuple[Path, ...]


def find_files(folder: str | Path, pattern: str | None = None, *, recursive: bool = True) -> FileSelection:
    """The files under ``folder`` to analyse, sorted by path.

    Without ``pattern``: every file with a suffix :func:`~nlp_report.read`
    knows (``.txt``, ``.pdf``, ``.docx``, ``.html``, ``.htm``, ``.xhtml``,
    ``.xml``). A pattern without ``/`` (``"*.pdf"``) is matched against file
    names, in every subfolder; a pattern with ``/`` (``"raw/*.txt"``,
    ``"**/2023/*.pdf"``) against the path relative to ``folder``, where
    ``**`` spans folders. Matching ignores case. Hidden files and folders
    (``.git``) and Office lock files (``~$brief.docx``) are not looked at.
    """
    root = Path(folder)
    if not root.exists():
        raise DocumentNotFoundError(str(folder), "no such folder")
    if not root.is_dir():
        return FileSelection((root,), ())
    match = _matcher(pattern)
    files: list[tuple[str, Path]] = []
    ignored: list[tuple[str, Path]] = []
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith(".")) if recursive else []
        for name in names:
            if name.startswith((".", "~$")):
                continue
            path = Path(directory, name)
            relative = path.relative_to(root).as_posix()
            (files if match(relative, name) else ignored).append((relative, path))
    return FileSelection(tuple(p for _, p in sorted(files)), tuple(p for _, p in sorted(ignored)))


def _matcher(pattern: str | None) -> Callable[[str, str], bool]:
    if pattern is None:
        return lambda relative, name: Path(name).suffix.lower() in SUFFIXES
    if not isinstance(pattern, str):
        raise ConfigError(f"pattern must be a glob string such as '*.pdf', not {type(pattern).__name__}")
    try:
        if "/" not in pattern:
            names = re.compile(fnmatch.translate(pattern.lower()))
            return lambda relative, name: names.match(name.lower()) is not None
        regex = re.compile(_glob_regex(pattern.strip("/")), re.IGNORECASE)
    except re.error as err:
        raise ConfigError(f"pattern {pattern!r} is not a valid glob ({err}); see find_files for the syntax") from None
    return lambda relative, name: regex.fullmatch(relative) is not None


def _glob_regex(pattern: str) -> str:
    """A glob with ``**`` (any number of folders), ``*``, ``?`` and ``[...]`` as a regular expression."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1 : end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


class BatchRun(Iterator["Report"]):
    """The reports of a list of files, in order, with the failures counted.

    Iterate to get the reports; files that cannot be read are skipped but
    never silently: each is added to :attr:`failures`, passed to
    ``on_error`` (default: a warning on the ``nlp_report`` logger) and, with
    ``strict=True``, raised. :attr:`succeeded` counts the reports produced.
    The run reads the files one by one in this process; with
    ``n_process > 1`` the analysis runs in worker processes.
    """

    def __init__(
        self,
        analyzer: Analyzer,
        files: Iterable[str | Path],
        *,
        progress: bool | None = None,
        strict: bool = False,
        n_process: int = 1,
        batch_size: int = 4,
        on_error: Callable[[FileFailure], None] | None = None,
        ignored: Sequence[Path] = (),
        failures: Sequence[FileFailure] = (),
    ) -> None:
        check_counts(n_process, batch_size)
        self.analyzer = analyzer
        given = list(files)
        self._sources = [str(f) for f in given]  # the paths as given become the reports' sources
        self.files: tuple[Path, ...] = tuple(Path(f) for f in given)
        self.ignored: tuple[Path, ...] = tuple(ignored)
        """Files in the folders that the suffix or the pattern left out."""
        self.failures: list[FileFailure] = []
        self.succeeded = 0
        self.strict = strict
        self.n_process = n_process
        self.batch_size = batch_size
        self.on_error = on_error
        self._progress = progress
        self._bar: Any = None
        self._iterator: Iterator[Report] | None = None
        self._earlier = sum(1 for f in failures if not _is_folder(f))
        for failure in failures:
            self._fail(failure.path, failure.error)

    def __iter__(self) -> BatchRun:
        return self

    def __enter__(self) -> BatchRun:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __next__(self) -> Report:
        if self._iterator is None:
            self._iterator = self._run()
        return next(self._iterator)

    @property
    def total(self) -> int:
        """How many files the run covers (read or failed)."""
        return len(self.files) + self._earlier

    @property
    def failed(self) -> int:
        """How many files could not be read so far."""
        return len(self.failures)

    def summary(self) -> str:
        """``13 files: 12 analysed, 1 failed`` (after the run; ``, 4 not reached`` if it stopped early).

        A folder without files to read is no file: it is named at the end.
        """
        folders = [f.path for f in self.failures if _is_folder(f)]
        failed = self.failed - len(folders)
        total = max(self.total, self.succeeded + failed)
        text = f"{total} file{'s' if total != 1 else ''}: {self.succeeded} analysed, {failed} failed"
        if self.succeeded + failed < total:
            text += f", {total - self.succeeded - failed} not reached"
        if folders:
            plural = "s" if len(folders) != 1 else ""
            text += f"; {len(folders)} folder{plural} without files to read ({', '.join(folders)})"
        if self.ignored:
            suffixes = ", ".join(sorted({p.suffix.lower() or "(no suffix)" for p in self.ignored}))
            plural = "s" if len(self.ignored) != 1 else ""
            text += f"; {len(self.ignored)} other file{plural} in the folders left out ({suffixes})"
        return text

    def close(self) -> None:
        """Stop the run early and close the progress bar."""
        if self._iterator is not None and hasattr(self._iterator, "close"):
            self._iterator.close()
        self._close_bar()

    # --- the run ------------------------------------------------------------------

    def _run(self) -> Iterator[Report]:
        self._open_bar()
        try:
            if self.n_process == 1:
                for text, source in self._documents():
                    try:
                        report = self.analyzer.analyze(text, source=source)
                    except NlpReportError as err:
                        self._fail(source, FileAnalysisError(source, err.message))
                        continue
                    except Exception as err:  # noqa: BLE001 - a defect, kept to this file so the run goes on
                        self._fail(source, FileAnalysisError(source, f"analysis failed: {type(err).__name__}: {err}"))
                        continue
                    yield self._done(report)
            else:
                from .workers import run_documents

                outcomes = run_documents(
                    self.analyzer, self._documents(), batch_size=self.batch_size, n_process=self.n_process
                )
                for outcome in outcomes:
                    source = outcome.source or ""
                    if outcome.report is not None:
                        yield self._done(outcome.report)
                    elif outcome.error is not None:
                        self._fail(source, FileAnalysisError(source, outcome.error.message))
                    else:
                        reason = "the worker process analysing it stopped (killed or crashed), also when tried alone"
                        self._fail(source, WorkerDiedError(source, reason))
        finally:
            self._close_bar()

    def _documents(self) -> Iterator[tuple[str, str]]:
        for path in self._sources:
            try:
                document = read(path)
            except ReadError as err:
                self._fail(path, err)
                continue
            yield document.text, display_path(document.source)

    def _done(self, report: Report) -> Report:
        self.succeeded += 1
        if self._bar is not None:
            self._bar.update(1)
        return report

    def _fail(self, path: str, error: ReadError) -> None:
        failure = FileFailure(path, error)
        self.failures.append(failure)
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix(failed=len(self.failures), refresh=False)
        if self.strict:
            self._close_bar()
            raise error
        if self.on_error is not None:
            self.on_error(failure)
        else:
            logger.warning("could not read %s", failure)

    def _open_bar(self) -> None:
        from tqdm import tqdm

        disable = None if self._progress is None else not self._progress  # None: on when stderr is a terminal
        self._bar = tqdm(
            total=self.total,
            initial=len(self.failures),
            file=sys.stderr,
            disable=disable,
            unit="file",
            desc="analysing",
            dynamic_ncols=True,
            leave=False,
        )

    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def write(self, message: str) -> None:
        """Print a line on standard error without breaking the progress bar."""
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)


def _is_folder(failure: FileFailure) -> bool:
    """A folder given to the run that holds no file to read (not a file that failed)."""
    from .errors import NoDocumentsError

    return isinstance(failure.error, NoDocumentsError)


@dataclass(frozen=True, slots=True)
class Collected:
    """Files and folders given on a command line, resolved to the files to read."""

    files: tuple[str | Path, ...]
    ignored: tuple[Path, ...]
    failures: tuple[FileFailure, ...]
    """Folders without any file to read (:class:`~nlp_report.errors.NoDocumentsError`)."""


def collect_paths(paths: Iterable[str | Path], *, pattern: str | None = None, recursive: bool = True) -> Collected:
    """Files stay as given (a missing one fails when it is read); a folder adds its files (:func:`find_files`)."""
    from .errors import NoDocumentsError

    files: list[str | Path] = []
    ignored: list[Path] = []
    failures: list[FileFailure] = []
    for path in paths:
        if not Path(path).is_dir():
            files.append(path)
            continue
        selection = find_files(path, pattern, recursive=recursive)
        if not selection.files:
            what = f"matching {pattern!r}" if pattern else f"with a known suffix ({DEFAULT_PATTERN_DESCRIPTION})"
            failures.append(FileFailure(str(path), NoDocumentsError(str(path), f"no files {what} in this folder")))
        files.extend(selection.files)
        ignored.extend(selection.ignored)
    return Collected(tuple(files), tuple(ignored), tuple(failures))
