"""nlp_report: structured data from Dutch government policy documents.

>>> import nlp_report
>>> report = nlp_report.analyze("Nederland steunt het voorstel.")
>>> [s.label for s in report.sentences]  # doctest: +SKIP
['position']

The public API is what this module exports; everything else is internal.
"""

from __future__ import annotations

from .analyzer import BLANK, DEFAULT_MODEL, Analyzer, analyze, load
from .errors import (
    ConfigError,
    DataFileError,
    InputTypeError,
    ModelFallbackWarning,
    ModelNotFoundError,
    NlpReportError,
)
from .layout import Layout, analyze_layout
from .types import (
    ENTITY_LABELS,
    SENTENCE_LABELS,
    Entity,
    EntityLabel,
    Footnote,
    KamerstukRef,
    Motion,
    Report,
    ReportDataError,
    Section,
    Sentence,
    SentenceLabel,
)

__version__ = "0.1.0"

__all__ = [
    "BLANK",
    "DEFAULT_MODEL",
    "ENTITY_LABELS",
    "SENTENCE_LABELS",
    "Analyzer",
    "ConfigError",
    "DataFileError",
    "Entity",
    "EntityLabel",
    "Footnote",
    "InputTypeError",
    "KamerstukRef",
    "Layout",
    "ModelFallbackWarning",
    "ModelNotFoundError",
    "Motion",
    "NlpReportError",
    "Report",
    "ReportDataError",
    "Section",
    "Sentence",
    "SentenceLabel",
    "__version__",
    "analyze",
    "analyze_layout",
    "load",
]
