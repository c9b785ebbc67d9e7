"""Writing reports to files: JSON, JSON Lines, CSV, Parquet, and for Excel xlsx and a CSV dialect.

* **JSON Lines** (``jsonl``): one :meth:`Report.to_dict` per line, so
  :meth:`Report.from_dict` reads each back.
* **JSON** (``json``): one report as an object, or a list of reports.
* **CSV**, **Parquet** and **xlsx**: one row per body sentence with its
  entities, columns :data:`SENTENCE_COLUMNS`. ``text`` is the sentence on
  one line (line wraps joined, footnote markers left out, white space
  normalised), ``text_as_written`` exactly ``report.text[start:end]``.
  ``entities`` holds the entities inside the sentence (``text``, ``label``,
  ``kb_id``, ``start``, ``end``; a JSON list in CSV, a list of structs in
  Parquet), and ``countries``, ``organisations``, ``motions`` and
  ``kamerstukken`` their ids (the ``kb_id``, else the text; ``"; "``-separated
  in CSV, lists in Parquet). ``motions`` holds each motion's sponsors and
  ``motion_kamerstukken`` its Kamerstuk in the same order (``-`` when the
  document gives none); the motions' Kamerstukken are also in
  ``kamerstukken``. Entities outside body sentences (headings, footnotes, the
  header block) are in the JSON outputs only.
* **excel-csv**: the CSV for a spreadsheet (:mod:`nlp_report.excel`): UTF-8
  with a byte order mark, ``;``-separated, ``\r\n`` line ends.
* **xlsx**: a workbook (openpyxl) with a ``sentences`` sheet (the same
  columns) and a ``motions`` sheet, one row per motion.

Writers stream: each report is written when it is done, so memory stays
flat over a folder of any size. A path is written atomically (a temporary
file in the same folder, renamed when complete; :mod:`nlp_report.outputs`),
so an interrupted run never leaves a partial file and never destroys an
older one. CSV cells that a spreadsheet would run as a formula are
neutralised (:func:`spreadsheet_safe`). Parquet needs pyarrow
(``pip install "nlp_report[parquet]"``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from abc import ABC, abstractmethod
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Literal

from .errors import ConfigError, InputTypeError, InvalidTextError, check_text
from .outputs import AtomicFile
from .text import CONTROL, INVISIBLE, one_line
from .types import SCORE_COLUMNS, Entity, KamerstukRef, Motion, Report, score_columns

if TYPE_CHECKING:
    import pandas as pd

ExportFormat = Literal["json", "jsonl", "csv", "parquet", "excel-csv", "xlsx"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "jsonl", "csv", "parquet", "excel-csv", "xlsx")
_SUFFIXES: dict[str, ExportFormat] = {
    "json": "json",
    "jsonl": "jsonl",
    "csv": "csv",
    "parquet": "parquet",
    "xlsx": "xlsx",
}

SENTENCE_COLUMNS: tuple[str, ...] = (
    "source",
    "sentence",
    "start",
    "end",
    "label",
    *SCORE_COLUMNS,
    "actor",
    "section",
    "text",
    "text_as_written",
    "entities",
    "countries",
    "organisations",
    "motions",
    "motion_kamerstukken",
    "kamerstukken",
)
"""The columns of the CSV and Parquet exports, one row per sentence."""

_ID_COLUMNS = {"COUNTRY": "countries", "ORG": "organisations", "MOTION": "motions", "KAMERSTUK": "kamerstukken"}
_LIST_COLUMNS = ("countries", "organisations", "motions", "motion_kamerstukken", "kamerstukken")
_INVISIBLE = re.compile(rf"[{INVISIBLE}{CONTROL}]+")


def flat_text(text: str, start: int, end: int, markers: Sequence[tuple[int, int]] = ()) -> str:
    """``text[start:end]`` on one line: footnote markers (``(start, end)`` pairs) left out, invisible
    characters dropped, a word hyphenated at a line end joined (``NAVO-\\nministers``), white space one space."""
    pieces = []
    pos = start
    for m_start, m_end in sorted(markers):
        if start <= m_start and m_end <= end:
            pieces.append(text[pos:m_start])
            pos = m_end
    pieces.append(text[pos:end])
    return one_line(_INVISIBLE.sub("", "".join(pieces)))


def footnote_markers(report: Report) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every footnote marker the report found in its text."""
    return [
        (f.marker_start, f.marker_end)
        for f in report.footnotes
        if f.marker_start is not None and f.marker_end is not None
    ]


def sentence_rows(report: Report) -> list[dict[str, Any]]:
    """One dict per body sentence: :data:`SENTENCE_COLUMNS`, ``entities`` as a list of dicts, ids as lists."""
    entities = sorted(report.entities, key=lambda e: (e.start, e.end))
    starts = [e.start for e in entities]
    longest = max((e.end - e.start for e in entities), default=0)
    markers = footnote_markers(report)
    mentions = {(x.start, x.end): m for m in report.motions for x in m.mentions}
    rows = []
    for index, sentence in enumerate(report.sentences):
        # the entities overlapping the sentence (one across a sentence boundary belongs to both)
        first = bisect_left(starts, sentence.start - longest)
        last = bisect_left(starts, sentence.end)
        inside = [e for e in entities[first:last] if e.end > sentence.start]
        row: dict[str, Any] = {
            "source": report.source,
            "sentence": index,
            "start": sentence.start,
            "end": sentence.end,
            "label": sentence.label,
            **score_columns(sentence),
            "actor": sentence.actor,
            "section": sentence.section,
            "text": flat_text(report.text, sentence.start, sentence.end, markers),
            "text_as_written": sentence.text,
            "entities": [_entity(e) for e in inside],
        }
        for column in _LIST_COLUMNS:
            row[column] = []
        motions: list[Motion] = []
        for entity in inside:
            motion = mentions.get((entity.start, entity.end)) if entity.label == "MOTION" else None
            if motion is not None:
                if motion not in motions:
                    motions.append(motion)
                    _add_motion(row, ", ".join(motion.sponsors), motion.kamerstuk)
                continue
            ident = entity.kb_id or entity.text
            column = _ID_COLUMNS[entity.label]
            if entity.label == "MOTION":  # a MOTION entity set by other means, without its Motion
                _add_motion(row, ident, None)
            elif ident not in row[column]:
                row[column].append(ident)
        rows.append(row)
    return rows


def _add_motion(row: dict[str, Any], sponsors: str, kamerstuk: KamerstukRef | None) -> None:
    row["motions"].append(sponsors)
    row["motion_kamerstukken"].append(kamerstuk.kb_id if kamerstuk else None)
    if kamerstuk is not None and kamerstuk.kb_id not in row["kamerstukken"]:
        row["kamerstukken"].append(kamerstuk.kb_id)


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "text": entity.text,
        "label": entity.label,
        "kb_id": entity.kb_id,
        "start": entity.start,
        "end": entity.end,
    }


def sentences_frame(reports: Iterable[Report]) -> pd.DataFrame:
    """The sentence rows of many reports as one :class:`pandas.DataFrame` (columns :data:`SENTENCE_COLUMNS`)."""
    import pandas as pd

    rows = [row for report in reports for row in sentence_rows(report)]
    frame: pd.DataFrame = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    return frame


# --- writers -----------------------------------------------------------------------


class ReportWriter(ABC):
    """Writes reports one by one; use as a context manager or call :meth:`close`.

    To a path, the output is written to a temporary file in the same folder
    and renamed over the path by :meth:`close` (see :mod:`nlp_report.outputs`):
    leaving the ``with`` block with an exception, or :meth:`abort`, leaves an
    existing file at the path as it was. A path whose folder does not exist
    raises :class:`~nlp_report.errors.OutputError`.
    """

    def __init__(self, target: str | Path | IO[str]) -> None:
        self._own = not hasattr(target, "write")
        self.path = None if not self._own else Path(target)  # type: ignore[arg-type]
        self.count = 0

    def write(self, report: Report) -> None:
        """Write one report (:class:`~nlp_report.errors.InputTypeError` for anything else)."""
        if not isinstance(report, Report):
            raise InputTypeError(f"reports must be Report objects, not {type(report).__name__}")
        try:
            self._write(report)
        except UnicodeEncodeError:
            raise _unencodable(report) from None
        self.count += 1

    @abstractmethod
    def _write(self, report: Report) -> None:
        """Write one report (checked) to the output."""

    def write_all(self, reports: Iterable[Report]) -> int:
        """Write every report; returns how many."""
        for report in reports:
            self.write(report)
        return self.count

    def close(self) -> None:  # noqa: B027  (an optional hook)
        """Finish the output (and, for a path, put the complete file in place)."""

    def abort(self) -> None:  # noqa: B027  (an optional hook)
        """Stop without finishing: a path is left as it was before the writer started."""

    def __enter__(self) -> ReportWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


def _unencodable(report: Report) -> InvalidTextError:
    """The error for a report that holds a lone surrogate (it cannot be encoded)."""
    for argument, value in (("source", report.source or ""), ("text", report.text)):
        try:
            check_text(value, argument=f"report {argument}")
        except InvalidTextError as err:
            return err
    return InvalidTextError("the report holds a lone surrogate and cannot be written as UTF-8")


class _TextWriter(ReportWriter):
    newline: str | None = None

    def __init__(self, target: str | Path | IO[str]) -> None:
        super().__init__(target)
        self._file: AtomicFile | None = None
        if self.path is not None:
            self._file = AtomicFile(self.path, newline=self.newline)
            assert self._file.stream is not None
            self.out: IO[str] = self._file.stream
        else:
            self.out = target  # type: ignore[assignment]

    def _finish(self) -> None:
        """Write what ends the output (the closing ``]`` of a JSON list)."""

    def close(self) -> None:
        if self._file is not None:
            if not self._file.done:
                try:
                    self._finish()
                except BaseException:
                    self._file.abort()
                    raise
                self._file.commit()
        else:
            self._finish()
            self.out.flush()

    def abort(self) -> None:
        if self._file is not None:
            self._file.abort()
        else:
            self.out.flush()


class JsonlWriter(_TextWriter):
    """One :meth:`Report.to_dict` per line (UTF-8)."""

    newline = "\n"

    def _write(self, report: Report) -> None:
        self.out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")


class JsonWriter(_TextWriter):
    """A JSON list of reports, written as they come; with ``single=True`` one report as an object."""

    newline = "\n"

    def __init__(self, target: str | Path | IO[str], *, single: bool = False, indent: int | None = 2) -> None:
        super().__init__(target)
        self.single = single
        self.indent = indent

    def _write(self, report: Report) -> None:
        if self.single and self.count:
            raise ConfigError("a single-report JSON output takes one report")
        text = json.dumps(report.to_dict(), ensure_ascii=False, indent=self.indent)
        if not self.single:
            text = ("[\n" if not self.count else ",\n") + text
        self.out.write(text)

    def _finish(self) -> None:
        if not self.single:
            self.out.write("[]\n" if not self.count else "\n]\n")
        elif self.count:
            self.out.write("\n")


SPREADSHEET_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""A CSV cell starting with one of these is a formula to a spreadsheet; the CSV writer prefixes it with ``'``."""


def spreadsheet_safe(value: str) -> str:
    """``value`` with a ``'`` in front if a spreadsheet would run it as a formula (``=``, ``+``, ``-``, ``@``...)."""
    return "'" + value if value.startswith(SPREADSHEET_TRIGGERS) else value


def flat_row(row: dict[str, Any]) -> list[Any]:
    """A :func:`sentence_rows` row as flat cells: ``entities`` as JSON, the id lists ``"; "``-joined (``-``: none)."""
    row = dict(row)
    row["entities"] = json.dumps(row["entities"], ensure_ascii=False)
    for column in _LIST_COLUMNS:
        row[column] = "; ".join("-" if x is None else x for x in row[column])
    return [row[c] for c in SENTENCE_COLUMNS]


class CsvWriter(_TextWriter):
    """One row per sentence (:data:`SENTENCE_COLUMNS`), a header first; UTF-8, ``\\n`` line ends.

    ``entities`` is a JSON list; the id columns are ``"; "``-separated. A
    cell holding a line break (``\\n``, or a lone ``\\r``) is quoted, so every
    sentence is one CSV record. With ``spreadsheet_safe=True`` (the default) a
    text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or ``\\r`` gets
    a ``'`` in front, as spreadsheet-safe writers do, so that Excel or
    LibreOffice shows it instead of running it as a formula (CSV injection);
    pass ``False`` for the cells exactly as they are.
    """

    newline = ""
    delimiter = ","
    lineterminator = "\n"
    bom = False

    def __init__(self, target: str | Path | IO[str], *, spreadsheet_safe: bool = True) -> None:
        super().__init__(target)
        self.spreadsheet_safe = spreadsheet_safe
        if self.bom:
            self.out.write("\ufeff")  # UTF-8 with a byte order mark
        self._writer(self.out).writerow(SENTENCE_COLUMNS)
        self.rows = 0

    def _writer(self, out: IO[str], **options: Any) -> Any:
        return csv.writer(out, delimiter=self.delimiter, lineterminator=self.lineterminator, **options)

    def _write(self, report: Report) -> None:
        lines = [[self._cell(value) for value in flat_row(row)] for row in sentence_rows(report)]
        buffer = io.StringIO()  # the rows of one report are written at once: a report is never cut
        plain = self._writer(buffer)
        # csv quotes a field holding a character of its line terminator, and a lone \r is not "\n":
        # a row with one has every text cell quoted
        quoting = self._writer(buffer, quoting=csv.QUOTE_NONNUMERIC)
        for cells in lines:
            carriage = any(isinstance(c, str) and "\r" in c for c in cells)
            (quoting if carriage else plain).writerow(cells)
        self.out.write(buffer.getvalue())
        self.rows += len(lines)

    def _cell(self, value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, str) and self.spreadsheet_safe:
            return spreadsheet_safe(value)
        return value


class ParquetWriter(ReportWriter):
    """One row per sentence (:data:`SENTENCE_COLUMNS`) in a Parquet file, with typed nested columns.

    Rows are buffered and written in row groups of ``row_group_size``.
    """

    def __init__(self, target: str | Path, *, row_group_size: int = 50_000) -> None:
        if hasattr(target, "write"):
            raise ConfigError("Parquet output goes to a file path, not a text stream")
        super().__init__(target)
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise ConfigError('Parquet output needs pyarrow: pip install "nlp_report[parquet]"') from None
        self._pa = pa
        entity = pa.struct(
            [
                ("text", pa.string()),
                ("label", pa.string()),
                ("kb_id", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
            ]
        )
        self.schema = pa.schema(
            [
                ("source", pa.string()),
                ("sentence", pa.int64()),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("label", pa.string()),
                *[(column, pa.float64()) for column in SCORE_COLUMNS],
                ("actor", pa.string()),
                ("section", pa.string()),
                ("text", pa.string()),
                ("text_as_written", pa.string()),
                ("entities", pa.list_(entity)),
                *((column, pa.list_(pa.string())) for column in _LIST_COLUMNS),
            ]
        )
        self.row_group_size = row_group_size
        self._buffer: list[dict[str, Any]] = []
        assert self.path is not None
        self._file = AtomicFile(self.path, stream=False)
        self._writer = pq.ParquetWriter(str(self._file.temp), self.schema)
        self.rows = 0

    def _write(self, report: Report) -> None:
        self._buffer.extend(sentence_rows(report))
        if len(self._buffer) >= self.row_group_size:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            table = self._pa.Table.from_pylist(self._buffer, schema=self.schema)
            self._writer.write_table(table)
            self.rows += len(self._buffer)
            self._buffer = []

    def close(self) -> None:
        """Write the Parquet file's last row group and put the complete file in place."""
        if self._file.done:
            return
        try:
            self._flush()
            self._writer.close()
        except BaseException:
            self._file.abort()
            raise
        self._file.commit()

    def abort(self) -> None:
        """Close the Parquet writer and remove the unfinished file: the path stays as it was."""
        try:
            self._writer.close()
        finally:
            self._file.abort()


def open_writer(fmt: ExportFormat, target: str | Path | IO[str], *, single: bool = False) -> ReportWriter:
    """A writer for ``fmt`` (one of :data:`EXPORT_FORMATS`) to a path or an open text stream."""
    if fmt in ("excel-csv", "xlsx"):
        from .excel import ExcelCsvWriter, XlsxWriter

        if fmt == "excel-csv":
            return ExcelCsvWriter(target)
        if not isinstance(target, (str, Path)):
            raise ConfigError("xlsx output is binary: it goes to a file path, not a text stream")
        return XlsxWriter(target)
    if fmt == "jsonl":
        return JsonlWriter(target)
    if fmt == "json":
        return JsonWriter(target, single=single)
    if fmt == "csv":
        return CsvWriter(target)
    if fmt == "parquet":
        if not isinstance(target, (str, Path)):
            raise ConfigError("Parquet output goes to a file path, not a text stream")
        return ParquetWriter(target)
    raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def write_reports(reports: Iterable[Report], path: str | Path, fmt: ExportFormat | None = None) -> int:
    """Write ``reports`` to ``path``; the format defaults to the suffix (``.jsonl``, ``.json``, ``.csv``, ``.parquet``,
    ``.xlsx``; ``fmt="excel-csv"`` for the CSV dialect of spreadsheets).

    Returns the number of reports written.
    """
    if fmt is None:
        suffix = Path(path).suffix.lower().lstrip(".")
        found = _SUFFIXES.get(suffix)
        if found is None:
            raise ConfigError(
                f"cannot tell the format from {str(path)!r}; pass fmt= one of {', '.join(EXPORT_FORMATS)}"
            )
        fmt = found
    with open_writer(fmt, path) as writer:
        return writer.write_all(reports)
