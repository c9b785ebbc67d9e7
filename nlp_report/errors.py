"""The exceptions and warnings of nlp_report.

Every error the library raises on purpose derives from
:class:`NlpReportError` and carries a code (``E001``...), shown at the start
of its message, so a message can be looked up and an error can be caught by
its class. Errors about the caller's input also derive from the matching
built-in (``TypeError``, ``ValueError``, ``FileNotFoundError``), so code
that catches those keeps working.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .text import SURROGATE


class NlpReportError(Exception):
    """Base class of every error raised by nlp_report."""

    code = "E000"

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(f"[{self.code}] {message}")

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled as it is, without calling __init__ again: an error raised in a worker
        # process (analyze_many(n_process=2)) arrives with the same message and attributes
        return (_restore, (type(self), self.args, self.__dict__))


def _restore(cls: type[NlpReportError], args: tuple[Any, ...], state: dict[str, Any]) -> NlpReportError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ModelNotFoundError(NlpReportError, OSError):
    """A spaCy model named by the caller is not installed or not a pipeline."""

    code = "E001"


class InputTypeError(NlpReportError, TypeError):
    """A text argument is not a ``str``."""

    code = "E002"

    @classmethod
    def for_value(cls, value: object, *, argument: str = "text") -> InputTypeError:
        """The error for a ``value`` given as ``argument`` that is not a ``str``."""
        kind = type(value).__name__
        if isinstance(value, (bytes, bytearray, memoryview)):
            hint = " Decode it first, e.g. data.decode('utf-8'), or use nlp_report.read(path)."
        elif isinstance(value, os.PathLike):
            hint = " To analyse a file, use analyzer.analyze_file(path), or nlp_report.read(path).text."
        else:
            hint = ""
        return cls(f"{argument} must be a str, not {kind}.{hint}")


class InvalidTextError(NlpReportError, ValueError):
    """A text is a ``str`` but not valid Unicode: it holds a lone surrogate (``\\ud800``).

    Such strings come from decoding with ``errors="surrogateescape"`` (file
    names, ``os.fsdecode``) or from JSON with a broken ``\\ud83d`` escape; they
    cannot be encoded, so neither spaCy nor any export can handle them.
    """

    code = "E050"

    @classmethod
    def for_text(cls, text: str, position: int, *, argument: str = "text") -> InvalidTextError:
        """The error for a lone surrogate in ``text`` at ``position``."""
        char = text[position]
        return cls(
            f"{argument} is not valid Unicode: a lone surrogate {char!r} (U+{ord(char):04X}) at offset "
            f"{position}. Decode the source with errors='replace' (or fix the text) before analysing it."
        )


def check_text(value: object, *, argument: str = "text") -> str:
    """``value`` if it is a text nlp_report can analyse; else :class:`InputTypeError` or :class:`InvalidTextError`."""
    if not isinstance(value, str):
        raise InputTypeError.for_value(value, argument=argument)
    m = SURROGATE.search(value)
    if m is not None:
        raise InvalidTextError.for_text(value, m.start(), argument=argument)
    return value


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


class _PathError(NlpReportError):
    """An error about one file: ``path`` as given, ``reason`` without the path; message ``[Exxx] PATH: REASON``."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self) -> tuple[type[_PathError], tuple[str, str]]:
        return (type(self), (self.path, self.reason))


class ReadError(_PathError, OSError):
    """A file could not be read as a document (E010; the subclasses say why).

    ``path`` is the file as given, ``reason`` the explanation without the
    path; the message is ``[E01x] PATH: REASON``.
    """

    code = "E010"


class DocumentNotFoundError(ReadError, FileNotFoundError):
    """The file does not exist."""

    code = "E011"


class NotAFileError(ReadError, IsADirectoryError):
    """The path is a folder (or another non-file) where a file was expected."""

    code = "E012"


class UnsupportedFormatError(ReadError):
    """The file is not in a format nlp_report reads (binary data, an unknown file type)."""

    code = "E013"


class DecodingError(ReadError):
    """A text file is neither UTF-8 (or UTF-16/32 with a BOM) nor cp1252/latin-1."""

    code = "E014"


class EncryptedPdfError(ReadError):
    """A PDF is encrypted with a password nlp_report does not have."""

    code = "E015"


class NoTextLayerError(ReadError):
    """A PDF has pages but no text layer (a scan): it needs OCR first."""

    code = "E016"


class CorruptFileError(ReadError):
    """A PDF, DOCX, HTML or XML file is damaged or malformed."""

    code = "E017"


class ReaderDependencyError(ReadError):
    """The optional package that reads this format is not installed (e.g. ``nlp_report[pdf]``)."""

    code = "E018"


class NoDocumentsError(ReadError):
    """A folder holds no file that matches the pattern."""

    code = "E019"


class InflatedSizeError(ReadError):
    """A compressed file (a ``.docx`` package) would inflate beyond the size limits: a zip bomb, or far too big.

    The limits are ``nlp_report.readers.docx.MAX_PART_BYTES`` (one part) and
    ``MAX_TOTAL_BYTES`` (all parts), checked from the package's directory
    before anything is inflated.
    """

    code = "E130"


class EntityRulesError(NlpReportError, ValueError):
    """The entity rules cannot be built as asked (E020; the subclasses say why)."""

    code = "E020"


class GazetteerError(EntityRulesError):
    """A gazetteer entry is malformed, or names a string that already names something else."""

    code = "E021"


class EntityPatternError(EntityRulesError):
    """An entity pattern (spaCy ``{"label", "pattern", "id"}`` line) is malformed."""

    code = "E022"


class KamerstukError(EntityRulesError):
    """A string given to :func:`nlp_report.entities.parse_kamerstuk` is not a Kamerstuk reference."""

    code = "E023"


class ModelFallbackWarning(UserWarning):
    """Issued once when ``nl_core_news_sm`` is missing and the fallback is used."""


class GoldFormatError(NlpReportError, ValueError):
    """Gold data (JSONL, Prodigy JSONL, a DocBin or a dict) breaks the gold format.

    The message names the file, the line (1-based, of a JSONL file) or the
    document (1-based, of a DocBin), and the field (``sentences[3].end``).
    """

    code = "E030"

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        doc: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = None if path is None else str(path)
        self.line = line
        self.doc = doc
        self.field = field
        self.reason = message
        where = self.path or "<gold>"
        if line is not None:
            where += f":{line}"
        if doc is not None:
            where += f": document {doc}"
        super().__init__(f"{where}: {field}: {message}" if field else f"{where}: {message}")


class GoldFileError(NlpReportError, OSError):
    """A gold file cannot be read or written (missing, a folder, not UTF-8)."""

    code = "E031"


class EvaluationError(NlpReportError, ValueError):
    """An evaluation cannot be run as asked (no documents, duplicate ids, text mismatch)."""

    code = "E032"


class StandoffTextError(GoldFileError):
    """The text a stand-off annotation points to is missing or has changed since it was annotated."""

    code = "E033"


class ReportDataError(NlpReportError, ValueError):
    """A dict given to :meth:`Report.from_dict` does not describe a report."""

    code = "E005"


class PlotDependencyError(NlpReportError, ImportError):
    """matplotlib is not installed; the plots need the ``notebook`` extra."""

    code = "E040"


class ArgumentError(NlpReportError, ValueError):
    """An argument has a value the function does not take (an unknown ``kind``, label or format)."""

    code = "E060"


class ArgumentTypeError(NlpReportError, TypeError):
    """An argument, or an item of it, is not of the type the function takes."""

    code = "E061"


class UnknownNameError(NlpReportError, KeyError):
    """A name looked up (a system of an evaluation) does not exist; the message lists the names there are."""

    code = "E062"

    def __str__(self) -> str:
        return str(self.args[0])  # not KeyError's quoted repr


class InternalError(NlpReportError, RuntimeError):
    """Something the library guarantees did not hold: a bug in nlp_report; please report it with the input."""

    code = "E063"


class StoreError(_PathError, OSError):
    """A corpus store cannot be opened or written as asked (E220; the message says why).

    ``path`` is the store folder, ``reason`` the explanation.
    """

    code = "E220"


class StoreNotFoundError(StoreError, FileNotFoundError):
    """There is no corpus store at the path: build one with ``nlp-report corpus build FOLDER -o STORE``."""

    code = "E221"


class StoreLockedError(StoreError):
    """Another build is writing the store; wait for it to finish (its process id is in ``STORE/.lock``)."""

    code = "E222"


class StoreQueryError(NlpReportError, ValueError):
    """A query of a corpus store is malformed (SQL error, unknown column, bad filter value)."""

    code = "E223"


class OutputError(_PathError, OSError):
    """An output file cannot be written (its folder is missing, it is a folder, no permission).

    ``path`` is the output as given, ``reason`` the explanation without the
    path. Nothing is written: an existing file at ``path`` is left as it was.
    """

    code = "E100"


class OutputIsInputError(OutputError, ValueError):
    """The output path names one of the files being read: writing it would destroy the input."""

    code = "E101"


class FileAnalysisError(ReadError):
    """A file was read, but analysing its text failed; the run goes on with the other files."""

    code = "E102"


class WorkerDiedError(ReadError):
    """The worker process analysing this file stopped (killed or crashed), also when it was tried again alone."""

    code = "E103"


class WorkerCrashError(NlpReportError, RuntimeError):
    """A document passed to ``analyze_many(n_process > 1)`` stopped its worker process, also when tried again alone."""

    code = "E104"


class ModelOptionError(NlpReportError, OSError):
    """The pipeline given on the command line with ``--model`` cannot be loaded (a usage error: exit code 2)."""

    code = "E190"


class TreebankNotFoundError(NlpReportError, FileNotFoundError):
    """A Universal Dependencies treebank file the training recipe needs is missing (``training/ud``)."""

    code = "E180"


class TreebankMismatchError(NlpReportError, ValueError):
    """A tokenizer changed the text of a treebank document, so its tokens cannot be scored against the gold."""

    code = "E181"


class LemmaTablesError(NlpReportError, OSError):
    """The Dutch lemma tables of ``spacy-lookups-data`` cannot be loaded (the package is missing or broken)."""

    code = "E160"
