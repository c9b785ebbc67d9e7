"""What every reader's result is held to, whatever the file holds.

* :func:`valid_text`: the text of a :class:`~nlp_report.readers.Document`
  is valid Unicode. A lone surrogate (a PDF whose ToUnicode map names
  U+D800-DFFF, a broken escape) cannot be analysed or written anywhere, so it
  is replaced by U+FFFD, one character for one, so offsets and page spans
  stay as they are, and a warning names the file and the first offset.
* :func:`refuse_dtd`: a DOCX part with a document type declaration
  (``<!DOCTYPE ... [<!ENTITY ...>]>``) is refused with
  :class:`~nlp_report.errors.CorruptFileError`: Word never writes one and
  refuses to open such a file, and the XML parser would drop the text after
  each entity reference.
* :func:`quiet_pypdf`: pypdf's warnings about a damaged PDF, logged while
  nlp_report reads it, go to the ``nlp_report`` logger at DEBUG level
  instead of standard error; a file that cannot be read raises a
  :class:`~nlp_report.errors.ReadError` anyway.
"""

from __future__ import annotations

import logging
import re
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from ..errors import CorruptFileError
from ..text import SURROGATE
from .document import Document

logger = logging.getLogger("nlp_report")

REPLACEMENT = "\ufffd"


def valid_text(document: Document) -> Document:
    """``document`` with every lone surrogate in its text and title replaced by U+FFFD (and a warning)."""
    found = SURROGATE.search(document.text)
    title = document.title
    if title is not None:
        title = SURROGATE.sub(REPLACEMENT, title)
    if found is None:
        return document if title == document.title else replace(document, title=title)
    count = len(SURROGATE.findall(document.text))
    logger.warning(
        "%s: the text holds %d lone surrogate%s (not valid Unicode; the first, U+%04X, at offset %d), "
        "replaced by U+FFFD",
        document.source,
        count,
        "s" if count != 1 else "",
        ord(found.group()),
        found.start(),
    )
    return replace(document, text=SURROGATE.sub(REPLACEMENT, document.text), title=title)


_reading = threading.local()


class _PypdfRouter(logging.Handler):
    """On the ``pypdf`` logger: records logged while nlp_report reads a PDF go to its logger at DEBUG."""

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(_reading, "depth", 0):
            logger.debug("pypdf: %s", record.getMessage())
        elif not logging.getLogger().handlers and record.levelno >= logging.lastResort.level:  # type: ignore[union-attr]
            logging.lastResort.handle(record)  # type: ignore[union-attr]  # what pypdf does without this handler


_router = _PypdfRouter()
_install_lock = threading.Lock()


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """While inside: pypdf's log records from this thread do not reach standard error."""
    with _install_lock:
        pypdf_logger = logging.getLogger("pypdf")
        if _router not in pypdf_logger.handlers:
            pypdf_logger.addHandler(_router)
    _reading.depth = getattr(_reading, "depth", 0) + 1
    try:
        yield
    finally:
        _reading.depth -= 1


_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_PROLOG = 65536
"""How much of each XML part is looked at: a DOCTYPE stands before the root element."""


def refuse_dtd(path: Path, source: str) -> None:
    """:class:`~nlp_report.errors.CorruptFileError` if an XML part of the package declares a DTD."""
    try:
        package = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the DOCX reader says what is wrong with it
    with package:
        for info in package.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with package.open(info) as part:
                    head = part.read(_PROLOG)
            except Exception:  # noqa: BLE001 - a damaged part: the DOCX reader reports it
                continue
            if _DOCTYPE.search(head):
                raise CorruptFileError(
                    source,
                    f"{info.filename} declares a DTD (<!DOCTYPE>); Word never writes one and refuses such "
                    "files, and text after its entity references would be lost. Save the file again with Word",
                )
