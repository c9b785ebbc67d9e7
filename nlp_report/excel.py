"""Exports a spreadsheet opens as they are: an xlsx workbook and a CSV in Excel's dialect.

* :class:`ExcelCsvWriter` (``--format excel-csv``): the rows of the CSV
  export (:data:`~nlp_report.export.SENTENCE_COLUMNS`) as Excel reads a CSV
  in locales with a decimal comma (Dutch, German, French...): UTF-8 with a
  byte order mark (so ``Oekraïne`` is not ``OekraÃ¯ne``), ``;`` between
  cells, ``\\r\\n`` between rows. As in every CSV export, a text cell that
  begins like a formula (``=``, ``+``, ``-``, ``@``) gets a ``'`` in front
  (:func:`~nlp_report.export.spreadsheet_safe`).
* :class:`XlsxWriter` (``--format xlsx``, needs openpyxl: ``pip install
  "nlp_report[xlsx]"``): a workbook with a ``sentences`` sheet (the same
  columns, typed: offsets are numbers) and a ``motions`` sheet, one row per
  motion with its sponsors, its Kamerstuk, the link to it and how often it is
  cited. Cells are always values, never formulas. The file is written
  atomically (:mod:`nlp_report.outputs`): an interrupted run leaves no half
  workbook and an older file as it was.

In both, ``text`` is the sentence on one line and ``text_as_written`` the
text exactly as in the document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ConfigError
from .export import SENTENCE_COLUMNS, CsvWriter, ReportWriter, flat_row, sentence_rows
from .outputs import AtomicFile
from .types import Report

MOTION_COLUMNS: tuple[str, ...] = (
    "source",
    "motion",
    "start",
    "end",
    "text",
    "sponsors",
    "kamerstuk",
    "url",
    "mentions",
    "mention_offsets",
)
"""The columns of the ``motions`` sheet of the xlsx export, one row per motion."""

_WIDTHS = {"text": 80, "text_as_written": 40, "entities": 30, "source": 24, "section": 24, "actor": 20, "url": 40}


class ExcelCsvWriter(CsvWriter):
    """The CSV export in the dialect Excel reads: UTF-8 with BOM, ``;``-separated, CRLF row ends."""

    delimiter = ";"
    lineterminator = "\r\n"
    bom = True


class XlsxWriter(ReportWriter):
    """An xlsx workbook: ``sentences`` (:data:`SENTENCE_COLUMNS`) and ``motions`` (:data:`MOTION_COLUMNS`) sheets.

    Written in openpyxl's write-only mode, so memory stays flat over many reports.
    """

    def __init__(self, target: str | Path) -> None:
        super().__init__(target)
        try:
            from openpyxl import Workbook
            from openpyxl.cell import WriteOnlyCell
            from openpyxl.styles import Font
            from openpyxl.utils import get_column_letter
        except ImportError:
            raise ConfigError('xlsx output needs openpyxl: pip install "nlp_report[xlsx]"') from None
        assert self.path is not None
        self._file = AtomicFile(self.path, stream=False)
        self._cell = WriteOnlyCell
        self._book = Workbook(write_only=True)
        self._sentences = self._book.create_sheet("sentences")
        self._motions = self._book.create_sheet("motions")
        bold = Font(bold=True)
        for sheet, columns in ((self._sentences, SENTENCE_COLUMNS), (self._motions, MOTION_COLUMNS)):
            for index, name in enumerate(columns, start=1):
                sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(name, 14)
            sheet.freeze_panes = "A2"
            header = []
            for name in columns:
                cell = WriteOnlyCell(sheet, value=name)
                cell.font = bold
                header.append(cell)
            sheet.append(header)
        self.rows = 0
        self._motion_count = 0

    def _row(self, sheet: Any, values: list[Any]) -> list[Any]:
        cells = []
        for value in values:
            cell = self._cell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a text starting with "=" stays text, never a formula
            cells.append(cell)
        return cells

    def _write(self, report: Report) -> None:
        """Add the report's sentences and motions to their sheets."""
        for row in sentence_rows(report):
            self._sentences.append(self._row(self._sentences, flat_row(row)))
            self.rows += 1
        for index, motion in enumerate(report.motions):
            kst = motion.kamerstuk
            values = [
                report.source or "",
                index,
                motion.start,
                motion.end,
                " ".join(motion.text.split()),
                ", ".join(motion.sponsors),
                kst.kb_id if kst else "",
                kst.url if kst else "",
                len(motion.mentions),
                "; ".join(f"{m.start}-{m.end}" for m in motion.mentions),
            ]
            self._motions.append(self._row(self._motions, values))
            self._motion_count += 1

    def close(self) -> None:
        """Write the workbook and put the complete file in place."""
        if self._file.done:
            return
        try:
            self._book.save(str(self._file.temp))
        except BaseException:
            self._file.abort()
            raise
        self._file.commit()

    def abort(self) -> None:
        """Stop without writing: a file at the path is left as it was."""
        self._file.abort()
