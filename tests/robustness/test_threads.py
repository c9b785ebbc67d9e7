"""One Analyzer shared by four threads gives what it gives one text at a time."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

import nlp_report


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Threads switch every 10 µs instead of every 5 ms: many more interleavings."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


@pytest.mark.slow
@pytest.mark.usefixtures("busy_switching")
def test_one_analyzer_in_four_threads(analyzer: nlp_report.Analyzer, corpus_texts: list[str]) -> None:
    expected = [analyzer.analyze(text) for text in corpus_texts]
    for _ in range(3):
        with ThreadPoolExecutor(4) as pool:
            assert list(pool.map(analyzer.analyze, corpus_texts)) == expected


@pytest.mark.slow
@pytest.mark.usefixtures("busy_switching")
def test_a_fresh_analyzer_used_first_by_four_threads_at_once(
    analyzer: nlp_report.Analyzer, corpus_texts: list[str]
) -> None:
    """Nothing loaded yet (classifier model, tokenizer cache): the first calls race to load it."""
    expected = [analyzer.analyze(text) for text in corpus_texts]
    for _ in range(2):
        fresh = nlp_report.load("blank")
        with ThreadPoolExecutor(4) as pool:
            assert list(pool.map(fresh.analyze, corpus_texts)) == expected


@pytest.mark.usefixtures("busy_switching")
def test_threads_mixing_analyze_and_analyze_many(analyzer: nlp_report.Analyzer, corpus_texts: list[str]) -> None:
    texts = corpus_texts[:12]
    expected = [analyzer.analyze(text) for text in texts]

    def work(i: int) -> list[nlp_report.Report]:
        if i % 2:
            return list(analyzer.analyze_many(texts, batch_size=3))
        return [analyzer.analyze(text) for text in texts]

    with ThreadPoolExecutor(4) as pool:
        assert all(result == expected for result in pool.map(work, range(4)))
