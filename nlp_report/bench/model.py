"""A statistical model alone against the model with the project's components."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .corpus import Corpus, build_corpus
from .defaults import DEFAULT_MODEL, DEFAULT_MODEL_WORDS, DEFAULT_ROUNDS
from .throughput import System, Throughput, drain, timed_rounds


@dataclass(frozen=True, slots=True)
class ModelComparison:
    """A statistical model alone against the model with the project's components."""

    model: str
    alone: Throughput
    with_components: Throughput

    @property
    def overhead(self) -> float:
        """Time the components add, as a fraction of the model's own time."""
        return self.with_components.best / self.alone.best - 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "alone": self.alone.to_dict(),
            "with_components": self.with_components.to_dict(),
            "overhead": round(self.overhead, 4),
        }


def installed_model(model: str | None) -> str | None:
    """The model to compare: ``model`` if given, else ``nl_core_news_sm`` when it is installed."""
    if model is not None:
        return model
    import spacy

    return DEFAULT_MODEL if spacy.util.is_package(DEFAULT_MODEL) else None


def measure_model(
    model: str,
    corpus: Corpus,
    *,
    words: int = DEFAULT_MODEL_WORDS,
    rounds: int = DEFAULT_ROUNDS,
    progress: Callable[[str], None] | None = None,
) -> ModelComparison:
    """``spacy.load(model)`` alone against ``nlp_report.load(model)`` on the first ``words`` words of the corpus."""
    import spacy

    from ..analyzer import load

    subset = build_corpus(list(corpus.texts[: corpus.distinct]), words)
    alone_nlp = spacy.load(model)
    analyzer = load(model)
    texts = list(subset.texts)
    systems: list[System] = [
        ("alone", lambda items: alone_nlp.pipe(items)),
        ("with_components", lambda items: analyzer.analyze_many(items)),
    ]
    for _, run in systems:
        drain(run(texts[: subset.distinct]))
    seconds = timed_rounds(systems, texts, rounds, label="model round", progress=progress)
    return ModelComparison(
        analyzer.model,
        Throughput("model alone", seconds["alone"], subset.words, subset.documents),
        Throughput("model with components", seconds["with_components"], subset.words, subset.documents),
    )
