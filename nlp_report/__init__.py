"""nlp_report: structured data from Dutch government policy documents.

>>> import nlp_report
>>> report = nlp_report.analyze("Nederland steunt het voorstel.")
>>> [s.label for s in report.sentences]  # doctest: +SKIP
['position']

The public API is what this module exports; everything else is internal.
"""

from __future__ import annotations

from .analyzer import BLANK, DEFAULT_MODEL, Analyzer, analyze, load
from .batch import BatchRun, FileFailure, find_files
from .classify.model import SentenceClassifier
from .display import render, reports_table
from .errors import (
    ConfigError,
    CorruptFileError,
    DataFileError,
    DecodingError,
    DocumentNotFoundError,
    EncryptedPdfError,
    EvaluationError,
    GoldFileError,
    GoldFormatError,
    InflatedSizeError,
    InputTypeError,
    InvalidTextError,
    ModelFallbackWarning,
    ModelNotFoundError,
    NlpReportError,
    NoDocumentsError,
    NotAFileError,
    NoTextLayerError,
    ReaderDependencyError,
    ReadError,
    ReportDataError,
    UnsupportedFormatError,
)
from .evaluation import Evaluation, GoldDocument, evaluate, read_gold, write_gold
from .evaluation.training import cross_validate, train
from .export import write_reports
from .layout import Layout, analyze_layout
from .readers import Document, DocumentFormat, read
from .types import (
    ENTITY_LABELS,
    SENTENCE_LABELS,
    Entity,
    EntityLabel,
    Footnote,
    KamerstukRef,
    Mention,
    ModelEntity,
    Motion,
    Report,
    Section,
    Sentence,
    SentenceLabel,
    TextBlock,
)

__version__ = "0.1.0"

__all__ = [
    "BLANK",
    "DEFAULT_MODEL",
    "ENTITY_LABELS",
    "SENTENCE_LABELS",
    "Analyzer",
    "BatchRun",
    "ConfigError",
    "CorruptFileError",
    "DataFileError",
    "DecodingError",
    "Document",
    "DocumentFormat",
    "DocumentNotFoundError",
    "EncryptedPdfError",
    "Entity",
    "EntityLabel",
    "Evaluation",
    "EvaluationError",
    "FileFailure",
    "Footnote",
    "GoldDocument",
    "GoldFileError",
    "GoldFormatError",
    "InflatedSizeError",
    "InputTypeError",
    "InvalidTextError",
    "KamerstukRef",
    "Layout",
    "Mention",
    "ModelEntity",
    "ModelFallbackWarning",
    "ModelNotFoundError",
    "Motion",
    "NlpReportError",
    "NoDocumentsError",
    "NoTextLayerError",
    "NotAFileError",
    "ReadError",
    "ReaderDependencyError",
    "Report",
    "ReportDataError",
    "Section",
    "Sentence",
    "SentenceClassifier",
    "SentenceLabel",
    "TextBlock",
    "UnsupportedFormatError",
    "__version__",
    "analyze",
    "analyze_layout",
    "cross_validate",
    "evaluate",
    "find_files",
    "load",
    "read",
    "read_gold",
    "render",
    "reports_table",
    "train",
    "write_gold",
    "write_reports",
]
