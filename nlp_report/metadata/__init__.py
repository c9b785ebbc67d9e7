"""Document metadata: kind, date, parliamentary identity, reference, subject, signatories, meeting."""

from .dates import DateMatch, find_dates
from .extract import extract_info
from .info import (
    DOCUMENT_KINDS,
    DateField,
    DocumentInfo,
    DocumentKind,
    Identity,
    Meeting,
    Signatory,
    TextField,
)

__all__ = [
    "DOCUMENT_KINDS",
    "DateField",
    "DateMatch",
    "DocumentInfo",
    "DocumentKind",
    "Identity",
    "Meeting",
    "Signatory",
    "TextField",
    "extract_info",
    "find_dates",
]
