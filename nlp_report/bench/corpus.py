"""The corpus measured: the given documents (or the shipped ones) repeated until there are enough words."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .defaults import SHIPPED_CORPUS


@dataclass(frozen=True, slots=True)
class Corpus:
    """The documents measured: ``texts`` repeat ``distinct`` documents until there are ``words`` words."""

    texts: tuple[str, ...] = field(repr=False)
    distinct: int
    words: int
    characters: int

    @property
    def documents(self) -> int:
        return len(self.texts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "documents": self.documents,
            "distinct_documents": self.distinct,
            "characters": self.characters,
        }


def count_words(text: str) -> int:
    """Words as white-space separated strings."""
    return len(text.split())


def shipped_texts() -> list[str]:
    """The texts of ``corpora/raw/*.txt`` of the repository."""
    files = sorted(SHIPPED_CORPUS.glob("*.txt"))
    if not files:
        raise ConfigError(
            f"the shipped documents ({SHIPPED_CORPUS}) are not here (an installed package has no corpora/); "
            "give the documents to measure as PATHS"
        )
    return [f.read_text(encoding="utf-8") for f in files]


def read_texts(paths: Iterable[str | Path]) -> list[str]:
    """The texts of files and folders, read as ``nlp-report analyze`` reads them."""
    from ..batch import collect_paths
    from ..readers import read

    collected = collect_paths(paths)
    if collected.failures:
        raise collected.failures[0].error
    texts = [read(path).text for path in collected.files]
    texts = [text for text in texts if text.strip()]
    if not texts:
        raise ConfigError("no text to measure in the given paths")
    return texts


def build_corpus(texts: Sequence[str], words: int) -> Corpus:
    """``texts`` repeated in order until there are at least ``words`` words (each text at least once)."""
    counts = [count_words(t) for t in texts]
    if not any(counts):
        raise ConfigError("the bench needs at least one document with words")
    out: list[str] = []
    total = 0
    i = 0
    while total < words or i < len(texts):
        out.append(texts[i % len(texts)])
        total += counts[i % len(texts)]
        i += 1
    return Corpus(tuple(out), len(texts), total, sum(len(t) for t in out))
