"""``nlp-report analyze``: analyse files and folders and print or write the results."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import textwrap
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from itertools import chain, count
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import NlpReportError
from ..text import one_line, one_space
from ..types import Report, Sentence
from .common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_TERMINATED, EXIT_USAGE, positive

if TYPE_CHECKING:
    from ..analyzer import Analyzer
    from ..batch import BatchRun
    from ..outputs import AtomicFile

FORMATS = ("table", "json", "jsonl", "csv", "excel-csv", "xlsx", "parquet", "html")
BINARY = ("parquet", "xlsx")

DESCRIPTION = """\
Analyse documents: for every body sentence its label (position, decision,
context), actor and section, and the entities (countries, organisations,
motions, Kamerstukken) of the document.

A PATH is a file or a folder. Files are read by suffix: .txt (UTF-8, else
cp1252/latin-1), .pdf, .docx, .html/.htm/.xhtml and .xml (other suffixes are
recognised by their content). A folder is searched with its subfolders for
files with those suffixes, or for the files --pattern matches.
"""

EXAMPLES = """\
output formats:
  table     a readable table per document (default; on standard output)
  json      a JSON list of reports (Report.to_dict()), also for one file
  jsonl     one report per line (Report.to_dict(); read back with Report.from_dict)
  csv       one row per sentence with its entities (columns: source, sentence, start,
            end, label, actor, section, text (on one line), text_as_written, entities,
            countries, organisations, motions, motion_kamerstukken, kamerstukken)
  excel-csv the same CSV as Excel opens it: UTF-8 with BOM, ';'-separated
  xlsx      an Excel workbook: a sentences sheet (the csv columns) and a motions
            sheet (needs -o and openpyxl)
  parquet   the same rows as csv, with typed nested columns (needs -o and pyarrow)
  html      the display of each document (one file, or -o FOLDER for several,
            keeping the folders' structure)

examples:
  nlp-report analyze corpora/raw/navo-fmm-2022-04.txt
  nlp-report analyze letter.pdf --format json -o letter.json
  nlp-report analyze corpora/ --format csv -o sentences.csv
  nlp-report analyze corpora/ --format xlsx -o sentences.xlsx
  nlp-report analyze letters/ --pattern "*.pdf" --format parquet -o letters.parquet
  nlp-report analyze a.docx b.html --format jsonl > reports.jsonl
  nlp-report analyze letters/ --n-process 4 --strict --no-progress --format jsonl -o out.jsonl
  nlp-report analyze letter.txt --model blank

Files that cannot be read (missing, damaged, encrypted, a scan without text)
are reported on standard error with the reason, counted, and skipped;
--strict stops at the first. A progress bar runs on standard error when it is
a terminal (--no-progress turns it off).

Outputs written with -o are complete or not there: each is written to a
temporary file in the same folder and renamed when the run is done, so an
interrupted run (Ctrl-C, SIGTERM, --strict) leaves an older output exactly as
it was, and says so. An output that is also an input is refused.

exit codes:
  0    every file was analysed
  1    some files could not be read (or --strict stopped the run)
  2    usage error (bad option, unknown model, output that cannot be written or is an input)
  130  interrupted with Ctrl-C; 143 stopped with SIGTERM
"""


class UsageError(NlpReportError):
    """A problem with the command line, reported with exit code 2 (the message alone, as argparse does)."""

    code = "E064"


def add_parser(subparsers: Any) -> None:
    """Add the ``analyze`` subcommand to ``subparsers``."""
    parser = subparsers.add_parser(
        "analyze",
        help="analyse files and folders: sentences with label, actor and section; entities",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders to analyse")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="write to this file (a folder for html) instead of stdout"
    )
    parser.add_argument(
        "--model", default=None, help="spaCy model name or path, or 'blank' (default: nl_core_news_sm if installed)"
    )
    parser.add_argument(
        "--n-process", type=positive, default=1, metavar="N", help="analyse in N worker processes (default: 1)"
    )
    parser.add_argument(
        "--pattern",
        default=None,
        help="which files of a folder to read: a glob on file names ('*.pdf') or on paths ('raw/**/*.txt'); "
        "default: every file with a known suffix",
    )
    parser.add_argument("--strict", action="store_true", help="stop at the first file that cannot be read")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument(
        "--classifier",
        type=Path,
        default=None,
        metavar="MODEL.json",
        help="a sentence classifier trained with 'nlp-report train' (default: the packaged one)",
    )
    parser.set_defaults(run=run)


def _with_classifier(analyzer: Analyzer, path: Path) -> Analyzer:
    """The analyzer with its sentence classifier replaced by the one at ``path``."""
    from ..classify.model import SentenceClassifier
    from ..errors import DataFileError

    if not path.is_file():
        raise UsageError(f"--classifier {path}: no such file")
    try:
        SentenceClassifier.load(path)
    except DataFileError as err:
        raise UsageError(str(err)) from None
    nlp = analyzer.nlp
    nlp.replace_pipe("nlp_report_classifier", "nlp_report_classifier", config={"model_path": str(path)})
    return type(analyzer)(nlp)


class _Stopped(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: the outputs are left as they were."""


def _on_sigterm(_signum: int, _frame: object) -> None:
    raise _Stopped()


def run(args: argparse.Namespace) -> int:
    """Run ``nlp-report analyze``; returns the exit code."""
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        return _run(args)
    except UsageError as err:
        print(f"nlp-report analyze: error: {err.message}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader of standard output went away (| head)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace) -> int:
    from ..batch import BatchRun, FileFailure, collect_paths
    from ..errors import NlpReportError, OutputIsInputError, ReadError
    from ..outputs import check_not_input

    fmt: str = args.format
    output: Path | None = args.output
    # pypdf logs every oddity of a damaged PDF; the command reports files that fail, not those warnings
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    render = _renderer() if fmt == "html" else None
    if fmt in BINARY and output is None:
        raise UsageError(f"{fmt} output is binary: give a file with -o OUT")
    collected = collect_paths(args.paths, pattern=args.pattern)
    several = len(args.paths) > 1 or any(Path(p).is_dir() for p in args.paths)
    if fmt == "html" and several and (output is None or output.suffix.lower() in (".html", ".htm")):
        raise UsageError("html output of several documents needs a folder: -o FOLDER (one .html file per document)")
    if output is not None and not (fmt == "html" and several):
        _check_writable(output)  # before the model loads, and without leaving an empty file behind
        try:
            check_not_input(output, collected.files)
        except OutputIsInputError as err:
            raise UsageError(str(err)) from None

    from .common import load_analyzer

    analyzer = load_analyzer(args.model)  # a bad --model: ModelOptionError, exit code 2
    if args.classifier is not None:
        analyzer = _with_classifier(analyzer, args.classifier)

    def report_failure(failure: FileFailure) -> None:
        from tqdm import tqdm

        tqdm.write(f"nlp-report: failed: {failure}", file=sys.stderr)

    sink = _open_sink(
        fmt, output, single=not several, render=render, inputs=collected.files, folders=_folders(args.paths)
    )
    batch: BatchRun | None = None
    try:
        batch = BatchRun(
            analyzer,
            collected.files,
            ignored=collected.ignored,
            failures=collected.failures,
            progress=False if args.no_progress else None,
            strict=args.strict,
            n_process=args.n_process,
            on_error=report_failure,
        )
        for report in batch:
            sink.write(report)
        sink.close()
    except ReadError as err:  # --strict
        sink.abort()
        print(f"nlp-report: error: {err} (stopped: --strict); {sink.left()}", file=sys.stderr)
        _summary(batch, None)
        return EXIT_FAILED
    except KeyboardInterrupt as stop:
        sink.abort()
        if batch is not None:
            batch.close()
        how = "SIGTERM" if isinstance(stop, _Stopped) else "Ctrl-C"
        print(f"nlp-report: interrupted ({how}); {sink.left()}", file=sys.stderr)
        _summary(batch, None)
        return EXIT_TERMINATED if isinstance(stop, _Stopped) else EXIT_INTERRUPTED
    except NlpReportError as err:  # an output that cannot be written
        sink.abort()
        print(f"nlp-report: error: {err}; {sink.left()}", file=sys.stderr)
        _summary(batch, None)
        return EXIT_FAILED
    if batch.total > 1 or batch.failures or batch.ignored:
        _summary(batch, output)
    return EXIT_FAILED if batch.failures else EXIT_OK


def _summary(batch: BatchRun | None, output: Path | None) -> None:
    if batch is not None:
        where = f"; written to {output}" if output else ""
        print(f"nlp-report: {batch.summary()}{where}", file=sys.stderr)


def _folders(paths: list[Path]) -> list[Path]:
    return [p for p in paths if p.is_dir()]


def _renderer() -> Callable[[Report], Any]:
    import nlp_report

    render = getattr(nlp_report, "render", None)
    if not callable(render):
        raise UsageError(
            "html output needs the display module (nlp_report.render), which this installation does not have; "
            "use --format json, jsonl, csv, parquet or table"
        )
    return render  # type: ignore[no-any-return]


# --- outputs ---------------------------------------------------------------------------


class _Sink(ABC):
    """Where the reports go; a file output is put in place by :meth:`close`, never by :meth:`abort`."""

    def __init__(self, output: Path | None) -> None:
        self.output = output
        self.existed = output is not None and output.exists()

    @abstractmethod
    def write(self, report: Report) -> None:
        """Write one report."""

    def close(self) -> None:  # noqa: B027  (an optional hook)
        pass

    def abort(self) -> None:  # noqa: B027  (an optional hook)
        """Drop what was written: a file output stays as it was."""

    def left(self) -> str:
        """What an interrupted run left of the output."""
        if self.output is None:
            return "standard output is incomplete"
        if self.existed:
            return f"{self.output} was not written and is as it was before"
        return f"{self.output} was not written"


class _ExportSink(_Sink):
    def __init__(self, fmt: str, output: Path | None) -> None:
        from ..errors import ConfigError, OutputError
        from ..export import open_writer

        super().__init__(output)
        try:
            # json is a list whatever the number of files: one file and a folder of one file give the same shape
            self.writer = open_writer(fmt, output if output is not None else sys.stdout)  # type: ignore[arg-type]
        except (ConfigError, OutputError) as err:
            raise UsageError(str(err) if isinstance(err, OutputError) else err.message) from None

    def write(self, report: Report) -> None:
        self.writer.write(report)

    def close(self) -> None:
        self.writer.close()

    def abort(self) -> None:
        self.writer.abort()


class _TableSink(_Sink):
    def __init__(self, output: Path | None) -> None:
        super().__init__(output)
        self.file = _open_text(output) if output else None
        self.out: IO[str] = self.file.stream if self.file is not None and self.file.stream else sys.stdout
        self.width = 120 if output else max(shutil.get_terminal_size((120, 24)).columns, 80)

    def write(self, report: Report) -> None:
        self.out.write(format_table(report, width=self.width))
        self.out.flush()

    def close(self) -> None:
        if self.file is not None:
            self.file.commit()

    def abort(self) -> None:
        if self.file is not None:
            self.file.abort()


class _HtmlSink(_Sink):
    """One rendered document to a file or stdout, or several to ``FOLDER/<path>.html``.

    A file found in a folder given on the command line keeps its path in that
    folder (``brieven/2023/x.txt`` -> ``FOLDER/2023/x.html``); when two files
    would get one page (``x.txt`` and ``x.docx``) the second keeps its suffix
    (``x.docx.html``). Page names differ also without regard to case
    (``X.html`` and ``x.html`` would be one file on macOS and Windows), never
    name an input file, and each page is written atomically, replacing (not
    following) a link.
    """

    def __init__(
        self,
        output: Path | None,
        render: Callable[[Report], Any],
        *,
        single: bool,
        inputs: Iterable[str | Path] = (),
        folders: Iterable[Path] = (),
    ) -> None:
        super().__init__(output)
        self.render = render
        self.single = single
        self.folders = [f.resolve() for f in folders]
        self.names: set[str] = set()
        self.inputs = tuple(inputs)
        self.pages = 0
        if not single and output is not None:
            try:
                output.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise UsageError(f"cannot create the folder {output}: {err.strerror or err}") from None

    def write(self, report: Report) -> None:
        from ..errors import OutputIsInputError
        from ..outputs import check_not_input, write_atomic

        result = self.render(report)
        page = result if isinstance(result, str) else getattr(result, "_repr_html_", lambda: str(result))()
        if self.single:
            if self.output is None:
                sys.stdout.write(page)
            else:
                _parent(self.output)
                write_atomic(self.output, page)
            return
        assert self.output is not None
        relative = self._relative(report.source)
        written = relative.as_posix()
        candidates = chain(
            (relative.with_suffix(".html").as_posix(), f"{written}.html"), (f"{written}-{n}.html" for n in count(2))
        )
        for name in candidates:
            try:
                if name.casefold() not in self.names:
                    check_not_input(self.output / name, self.inputs)
                    break
            except OutputIsInputError:
                pass
        self.names.add(name.casefold())
        _parent(self.output / name)
        write_atomic(self.output / name, page)
        self.pages += 1

    def _relative(self, source: str | None) -> Path:
        """The document's path within the folder given on the command line, else its file name."""
        path = Path(source or "document")
        resolved = path.resolve()
        for folder in self.folders:
            if resolved.is_relative_to(folder):
                return resolved.relative_to(folder)
        return Path(path.name or "document")

    def left(self) -> str:
        if self.single or self.output is None:
            return super().left()
        return f"the {self.pages} pages written to {self.output} are complete; the others were not written"


def _parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"cannot write {path}: {err.strerror or err}") from None


def _open_text(path: Path) -> AtomicFile:
    from ..errors import OutputError
    from ..outputs import AtomicFile

    _parent(path)
    try:
        return AtomicFile(path)
    except OutputError as err:
        raise UsageError(str(err)) from None


def _open_sink(
    fmt: str,
    output: Path | None,
    *,
    single: bool,
    render: Callable[[Report], Any] | None,
    inputs: Iterable[str | Path] = (),
    folders: Iterable[Path] = (),
) -> _Sink:
    if fmt == "table":
        return _TableSink(output)
    if fmt == "html":
        assert render is not None
        return _HtmlSink(output, render, single=single, inputs=inputs, folders=folders)
    if output is not None:
        _parent(output)
    return _ExportSink(fmt, output)


def _check_writable(output: Path) -> None:
    if output.is_dir():
        raise UsageError(f"cannot write {output}: it is a folder")
    parent = output.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent  # the folders that do not exist yet are made when writing
    if not parent.is_dir() or not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise UsageError(f"cannot write {output}: permission denied or not a folder")


def format_table(report: Report, *, width: int = 120) -> str:
    """A readable per-sentence table: label, actor, section, text."""
    lines = [
        f"{report.source or '<text>'}  ({report.model}; {len(report.sentences)} sentences, "
        f"{len(report.entities)} entities, {len(report.motions)} motions)",
    ]
    label_w, actor_w = 9, 22
    text_w = max(width - label_w - actor_w - 4, 30)
    header = f"{'LABEL':<{label_w}} {'ACTOR':<{actor_w}} TEXT"
    lines += [header, "-" * min(width, len(header) + text_w)]
    section: str | None = None
    for s in report.sentences:
        if s.section != section:
            section = s.section
            if section:
                lines.append(f"== {one_space(section)}")
        text = textwrap.wrap(_sentence_text(report, s), text_w, break_on_hyphens=False) or [""]
        actor = _cut(one_space(s.actor or ""), actor_w)
        lines.append(f"{s.label or '-':<{label_w}} {actor:<{actor_w}} {text[0]}")
        lines += [f"{'':<{label_w}} {'':<{actor_w}} {rest}" for rest in text[1:]]
    lines += _entity_lines(report, width)
    return "\n".join(lines) + "\n\n"


def _sentence_text(report: Report, sentence: Sentence) -> str:
    from ..export import flat_text, footnote_markers

    return flat_text(report.text, sentence.start, sentence.end, footnote_markers(report))


def _cut(text: str, width: int) -> str:
    """``text`` in ``width`` characters, cut with an ellipsis when longer."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _entity_lines(report: Report, width: int) -> list[str]:
    """The entities per label (id, name as first written, how often) and the motions with their Kamerstuk."""
    from collections import Counter

    lines: list[str] = []
    for label in ("COUNTRY", "ORG", "KAMERSTUK"):
        names: dict[str, str] = {}
        counts: Counter[str] = Counter()
        for e in report.entities:
            if e.label == label:
                name = one_line(e.text)
                key = e.kb_id or name
                names.setdefault(key, name)
                counts[key] += 1
        items = [
            f"{ident} {names[ident]!r} ({n})" if names[ident] != ident else f"{ident} ({n})"
            for ident, n in counts.most_common()
        ]
        wrapped = textwrap.wrap(", ".join(items), max(width - 12, 40), break_on_hyphens=False)
        lines += [f"{label if i == 0 else '':<11} {part}" for i, part in enumerate(wrapped)]
    for motion in report.motions:
        kst = motion.kamerstuk.kb_id if motion.kamerstuk else "Kamerstuk not given"
        cited = f", cited {len(motion.mentions)} times" if len(motion.mentions) > 1 else ""
        lines.append(f"{'MOTION':<11} {one_line(motion.text)} -> {kst}{cited}")
    return ["", "ENTITIES", *lines] if lines else []
