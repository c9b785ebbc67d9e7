"""The exceptions and warnings of nlp_report.

Every error the library raises on purpose derives from
:class:`NlpReportError` and carries a code (``E001``...), shown at the start
of its message, so a message can be looked up and an error can be caught by
its class. Errors about the caller's input also derive from the matching
built-in (``TypeError``, ``ValueError``, ``FileNotFoundError``), so code
that catches those keeps working.
"""

from __future__ import annotations

from pathlib import Path


class NlpReportError(Exception):
    """Base class of every error raised by nlp_report."""

    code = "E000"

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(f"[{self.code}] {message}")


class ModelNotFoundError(NlpReportError, OSError):
    """A spaCy model named by the caller is not installed or not a pipeline."""

    code = "E001"


class InputTypeError(NlpReportError, TypeError):
    """A text argument is not a ``str``."""

    code = "E002"

    @classmethod
    def for_value(cls, value: object, *, argument: str = "text") -> InputTypeError:
        kind = type(value).__name__
        hint = (
            " Decode it first, e.g. data.decode('utf-8'), or use nlp_report.read(path)."
            if isinstance(value, (bytes, bytearray))
            else ""
        )
        return cls(f"{argument} must be a str, not {kind}.{hint}")


class ConfigError(NlpReportError, ValueError):
    """A setting of a component or of the analyzer has a bad value."""

    code = "E003"


class DataFileError(NlpReportError, ValueError):
    """A data file (gazetteer, pattern list, trained model) is malformed."""

    code = "E004"

    def __init__(self, path: str | Path, message: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")


class ModelFallbackWarning(UserWarning):
    """Issued once when ``nl_core_news_sm`` is missing and the fallback is used."""
