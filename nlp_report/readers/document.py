"""The result of reading a file: :class:`Document`."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, get_args

DocumentFormat = Literal["text", "pdf", "docx", "html", "xml"]
"""The file formats :func:`nlp_report.read` understands."""

DOCUMENT_FORMATS: tuple[DocumentFormat, ...] = get_args(DocumentFormat)


@dataclass(frozen=True, slots=True)
class Document:
    """The text of a file, ready for the layout stage, and what was learnt reading it.

    ``text`` is plain text with line structure: paragraphs and headings on
    lines of their own separated by blank lines, list items as ``- item`` or
    ``1. item``, footnotes as ``N text`` lines after a blank line with their
    markers glued to the word before them (``motie Van Haga1``), as the
    layout stage expects. The :class:`~nlp_report.types.Report` of the
    document keeps this text, and every offset in the report indexes it.
    """

    text: str
    """The extracted text (newlines normalised to ``\\n``)."""
    source: str
    """The path as given to :func:`~nlp_report.read`."""
    format: DocumentFormat
    """Which reader produced the text."""
    encoding: str | None = None
    """The detected encoding of a text, HTML or XML file (``utf-8``, ``cp1252``...); ``None`` otherwise."""
    title: str | None = None
    """The title from the file's metadata (PDF info, DOCX core properties, HTML ``<title>``), if any."""
    pages: tuple[tuple[int, int], ...] = ()
    """For a PDF, the ``(start, end)`` span of each page's text in :attr:`text` (empty for a page without text)."""
    furniture: tuple[str, ...] = field(default=(), repr=False)
    """For a PDF, the lines removed as page furniture (running headers and footers, page numbers)."""

    def __len__(self) -> int:
        return len(self.text)

    def page_at(self, offset: int) -> int | None:
        """The 1-based number of the page that holds ``offset`` (``None`` if the document has no pages)."""
        if not self.pages:
            return None
        for number, (start, end) in enumerate(self.pages, 1):
            if start <= offset < end:
                return number
        starts = [start for start, _ in self.pages]
        return max(bisect_right(starts, offset), 1)
