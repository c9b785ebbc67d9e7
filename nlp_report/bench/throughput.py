"""Throughput: bare tokenisation, the pipeline in one process and with ``n_process``, timed in rounds."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from .corpus import Corpus
from .defaults import DEFAULT_N_PROCESS, DEFAULT_ROUNDS
from .machine import CpuMeter

System = tuple[str, Callable[[Sequence[str]], Iterable[object]]]
"""A name, and what processes a list of texts (lazily: the time is the time to go through what it gives)."""


@dataclass(frozen=True, slots=True)
class Throughput:
    """Wall-clock seconds of each round over the same ``words`` words in ``documents`` documents."""

    name: str
    seconds: tuple[float, ...]
    words: int
    documents: int

    @property
    def best(self) -> float:
        """The fastest round, in seconds: the one least disturbed by other processes."""
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def words_per_second(self) -> float:
        """Of the best round."""
        return self.words / self.best

    @property
    def documents_per_second(self) -> float:
        """Of the best round."""
        return self.documents / self.best

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "words_per_second": round(self.words_per_second, 1),
            "documents_per_second": round(self.documents_per_second, 2),
            "best_seconds": round(self.best, 4),
            "median_seconds": round(self.median, 4),
            "seconds": [round(s, 4) for s in self.seconds],
            "words": self.words,
            "documents": self.documents,
        }


def drain(items: Iterable[object]) -> None:
    """Go through ``items``, keeping nothing."""
    for _ in items:
        pass


def _timed(run: Callable[[Sequence[str]], Iterable[object]], texts: Sequence[str]) -> float:
    gc.collect()
    start = time.perf_counter()
    drain(run(texts))
    return time.perf_counter() - start


def timed_rounds(
    systems: Sequence[System],
    texts: Sequence[str],
    rounds: int,
    *,
    label: str = "round",
    meter: AbstractContextManager[object] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, tuple[float, ...]]:
    """Seconds of each system over ``texts`` in each round; each round starts one system further on.

    ``meter`` is entered around each run (to measure what else the machine did meanwhile).
    """
    seconds: dict[str, list[float]] = {name: [] for name, _ in systems}
    for r in range(rounds):
        shift = r % len(systems)
        for name, run in [*systems[shift:], *systems[:shift]]:
            with meter if meter is not None else nullcontext():
                seconds[name].append(_timed(run, texts))
            if progress is not None:
                progress(f"{label} {r + 1}/{rounds}: {name} {seconds[name][-1]:.2f} s")
    return {name: tuple(times) for name, times in seconds.items()}


def measure_throughput(
    corpus: Corpus,
    *,
    rounds: int = DEFAULT_ROUNDS,
    n_process: int = DEFAULT_N_PROCESS,
    progress: Callable[[str], None] | None = None,
) -> tuple[Throughput, Throughput, Throughput, float | None]:
    """Bare tokenisation, the pipeline in one process and with ``n_process``: rounds in rotating order.

    Returns the three throughputs and the CPUs other processes used meanwhile (``None`` off Linux).
    """
    import spacy

    from ..analyzer import load

    blank = spacy.blank("nl")
    analyzer = load("blank")
    texts = list(corpus.texts)
    systems: list[System] = [
        ("tokenization", lambda items: blank.pipe(items)),
        ("pipeline", lambda items: analyzer.analyze_many(items)),
        ("parallel", lambda items: analyzer.analyze_many(items, n_process=n_process)),
    ]
    for _, run in systems[:2]:  # load what loads on first use (classifier model, caches)
        drain(run(texts[: corpus.distinct]))
    meter = CpuMeter()
    seconds = timed_rounds(systems, texts, rounds, meter=meter, progress=progress)
    tokenization, pipeline, parallel = (
        Throughput(name, seconds[name], corpus.words, corpus.documents) for name, _ in systems
    )
    return tokenization, pipeline, parallel, meter.other_cpus
