"""Defects of the bench, each pinned by a test named after it."""

from __future__ import annotations

from nlp_report.bench import SHIPPED_CORPUS
from tests.conftest import CORPORA


def test_shipped_corpus_path_points_into_the_repository_after_bench_became_one_module() -> None:
    """nlp_report/bench.py kept parents[2] from bench/defaults.py and looked for /work/wt/corpora/raw."""
    assert SHIPPED_CORPUS == CORPORA / "raw"
    assert any(SHIPPED_CORPUS.glob("*.txt"))
