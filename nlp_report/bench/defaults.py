"""The bench's defaults, and where the shipped documents are."""

from __future__ import annotations

from pathlib import Path

DEFAULT_WORDS = 1_000_000
DEFAULT_ROUNDS = 3
DEFAULT_N_PROCESS = 2
DEFAULT_MODEL_WORDS = 50_000
DEFAULT_RSS_DOCUMENTS = 50
DEFAULT_COLD_STARTS = 3
DEFAULT_MODEL = "nl_core_news_sm"
SOURCE = Path(__file__).resolve().parents[2]
"""The folder holding the nlp_report package (the repository, in a checkout)."""
SHIPPED_CORPUS = SOURCE / "corpora" / "raw"
"""The documents the bench repeats when no paths are given (in a checkout of the repository)."""
