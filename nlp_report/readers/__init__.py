"""Reading documents from files: :func:`read` and the :class:`Document` it returns.

One module per format, all producing text with line structure for the
layout stage:

* :mod:`.text` - ``.txt`` (UTF-8, UTF-16/32 with BOM, cp1252/latin-1);
* :mod:`.pdf` - ``.pdf`` with pypdf (extra ``pdf``);
* :mod:`.docx` - ``.docx`` with python-docx (extra ``docx``);
* :mod:`.html` - ``.html``/``.htm``/``.xhtml`` and ``.xml`` (standard library).

The format comes from the file suffix; a file with another suffix is
recognised by its content (PDF and ZIP signatures, markup), else read as
text.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import (
    CorruptFileError,
    DecodingError,
    DocumentNotFoundError,
    EncryptedPdfError,
    InputTypeError,
    NotAFileError,
    NoTextLayerError,
    ReaderDependencyError,
    ReadError,
    UnsupportedFormatError,
)
from .document import DOCUMENT_FORMATS, Document, DocumentFormat
from .safety import quiet_pypdf, valid_text

SUFFIXES: dict[str, DocumentFormat] = {
    ".txt": "text",
    ".text": "text",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "xml",
}
"""File suffixes and the format they are read as; a folder run picks these files by default."""

_NOT_SUPPORTED = {
    ".doc": "an old Word file (.doc); save it as .docx or PDF",
    ".odt": "an OpenDocument text; save it as .docx or PDF",
    ".rtf": "an RTF file; save it as .docx or PDF",
    ".pptx": "a PowerPoint file",
    ".xlsx": "an Excel file",
    ".xls": "an Excel file",
    ".zip": "a ZIP archive; unpack it first",
}

__all__ = [
    "DOCUMENT_FORMATS",
    "SUFFIXES",
    "CorruptFileError",
    "DecodingError",
    "Document",
    "DocumentFormat",
    "DocumentNotFoundError",
    "EncryptedPdfError",
    "NoTextLayerError",
    "NotAFileError",
    "ReadError",
    "ReaderDependencyError",
    "UnsupportedFormatError",
    "detect_format",
    "read",
]


def read(path: str | Path, *, format: DocumentFormat | None = None) -> Document:
    """Read a file as a :class:`Document`: its text, ready for analysis, and its metadata.

    ``format`` overrides the format the suffix (or the content) gives.
    Raises a :class:`~nlp_report.errors.ReadError` subclass naming the file:
    :class:`~nlp_report.errors.DocumentNotFoundError`,
    :class:`~nlp_report.errors.NotAFileError`,
    :class:`~nlp_report.errors.UnsupportedFormatError`,
    :class:`~nlp_report.errors.DecodingError`,
    :class:`~nlp_report.errors.EncryptedPdfError`,
    :class:`~nlp_report.errors.NoTextLayerError`,
    :class:`~nlp_report.errors.CorruptFileError` or
    :class:`~nlp_report.errors.ReaderDependencyError`.

    >>> doc = read("corpora/raw/navo-fmm-2022-04.txt")  # doctest: +SKIP
    >>> doc.format, doc.encoding
    ('text', 'utf-8')
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InputTypeError(f"path must be a str or a Path, not {type(path).__name__}")
    source = str(path)
    path = Path(path)
    try:
        if not path.exists():
            raise DocumentNotFoundError(source, "no such file")
        if path.is_dir():
            raise NotAFileError(source, "is a folder, not a file (use Analyzer.analyze_folder for folders)")
        if not path.is_file():
            raise NotAFileError(source, "is not a regular file")
        if format is not None and format not in DOCUMENT_FORMATS:
            raise UnsupportedFormatError(source, f"unknown format {format!r}; use one of {', '.join(DOCUMENT_FORMATS)}")
        fmt = format or detect_format(path, source)
        with quiet_pypdf():
            return valid_text(_read_as(path, source, fmt))
    except ReadError:
        raise
    except PermissionError:
        raise ReadError(source, "permission denied") from None
    except OSError as err:
        raise ReadError(source, err.strerror or str(err)) from None
    except Exception as err:  # noqa: BLE001 - every failure of one file is a ReadError, so a folder run goes on
        raise ReadError(source, f"could not be read ({type(err).__name__}: {err})") from None


def detect_format(path: Path, source: str | None = None) -> DocumentFormat:
    """The format of ``path``: from its suffix, else from the first bytes of its content."""
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if suffix in _NOT_SUPPORTED:
        raise UnsupportedFormatError(source or str(path), f"{_NOT_SUPPORTED[suffix]}: not supported")
    with path.open("rb") as handle:
        head = handle.read(2048)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"  # the DOCX reader says so if it is another kind of ZIP
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"<?xml"):
        return "html" if b"<html" in head.lower() else "xml"
    return "text"


def _read_as(path: Path, source: str, fmt: DocumentFormat) -> Document:
    if fmt == "text":
        from .text import read_text

        return read_text(path, source)
    if fmt == "pdf":
        from .pdf import read_pdf

        _expect(path, source, b"%PDF-", "PDF", within=1024)
        return read_pdf(path, source)
    if fmt == "docx":
        from .docx import read_docx

        _expect(path, source, b"PK\x03\x04", ".docx (a ZIP package)")
        return read_docx(path, source)
    from .html import read_html

    return read_html(path, source, fmt)


def _expect(path: Path, source: str, magic: bytes, name: str, *, within: int = 0) -> None:
    with path.open("rb") as handle:
        head = handle.read(max(within, len(magic)))
    found = head.find(magic) if within else (0 if head.startswith(magic) else -1)
    if found < 0:
        from .text import describe_binary

        kind = describe_binary(head)
        what = f"it is {kind}" if kind else "it does not start like one"
        raise CorruptFileError(source, f"not a {name}: {what}")
