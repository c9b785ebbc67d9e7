"""Reading documents from files."""

from __future__ import annotations

from pathlib import Path

from .errors import NlpReportError


class ReadError(NlpReportError, OSError):
    """A file could not be read as a document."""

    code = "E010"


def read_text_file(path: str | Path) -> str:
    """The text of a UTF-8 text file."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except UnicodeDecodeError as err:
        raise ReadError(f"{path}: not UTF-8 text (byte {err.start}: {err.reason})") from None
    except OSError as err:
        raise ReadError(f"{path}: {err.strerror or err}") from None
