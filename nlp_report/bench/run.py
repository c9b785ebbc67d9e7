""":func:`run_bench`: build the corpus, measure everything, check the targets."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from ..errors import ConfigError
from .corpus import build_corpus, shipped_texts
from .defaults import (
    DEFAULT_COLD_STARTS,
    DEFAULT_MODEL_WORDS,
    DEFAULT_N_PROCESS,
    DEFAULT_ROUNDS,
    DEFAULT_RSS_DOCUMENTS,
    DEFAULT_WORDS,
)
from .machine import machine_info
from .model import installed_model, measure_model
from .result import BenchResult
from .subprocesses import measure_cold_start, measure_memory
from .targets import check_targets
from .throughput import measure_throughput


def run_bench(
    texts: Sequence[str] | None = None,
    *,
    words: int = DEFAULT_WORDS,
    rounds: int = DEFAULT_ROUNDS,
    n_process: int = DEFAULT_N_PROCESS,
    model: str | None = None,
    model_words: int = DEFAULT_MODEL_WORDS,
    rss_documents: int = DEFAULT_RSS_DOCUMENTS,
    cold_starts: int = DEFAULT_COLD_STARTS,
    progress: Callable[[str], None] | None = None,
) -> BenchResult:
    """Measure everything (see :mod:`nlp_report.bench`); ``texts`` default to the shipped documents."""
    if words < 1 or rounds < 1 or n_process < 1 or cold_starts < 1 or rss_documents < 1 or model_words < 1:
        raise ConfigError("words, rounds, n_process, model_words, rss_documents and cold_starts must be at least 1")
    texts = list(texts) if texts is not None else shipped_texts()
    corpus = build_corpus(texts, words)
    if progress is not None:
        progress(f"corpus: {corpus.words:,} words in {corpus.documents:,} documents")
    tokenization, pipeline, parallel, other_cpu = measure_throughput(
        corpus, rounds=rounds, n_process=n_process, progress=progress
    )
    name = installed_model(model)
    comparison = None
    note = "no model installed (pip install 'nlp_report[model]')"
    if name is not None:
        comparison = measure_model(name, corpus, words=model_words, rounds=rounds, progress=progress)
        note = f"{comparison.model} on {comparison.alone.words:,} words"
    if progress is not None:
        progress("cold start")
    cold = measure_cold_start(cold_starts)
    if progress is not None:
        progress("memory")
    memory = measure_memory(texts, rss_documents)
    result = BenchResult(
        corpus=corpus,
        rounds=rounds,
        n_process=n_process,
        tokenization=tokenization,
        pipeline=pipeline,
        parallel=parallel,
        model=comparison,
        model_note=note,
        cold_start=cold,
        memory=memory,
        machine=machine_info(other_cpu),
        targets=(),
    )
    return dataclasses.replace(result, targets=check_targets(result, other_cpu))
