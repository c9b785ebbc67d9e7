"""Every annotated document of corpora/: sentence spans and offsets, on both pipelines."""

from __future__ import annotations

from typing import Any

import nlp_report
from tests.helpers import assert_offsets


def test_corpus_has_the_documents_the_project_needs(corpus_gold: list[dict[str, Any]]) -> None:
    assert len(corpus_gold) >= 11
    assert sum(len(d["sentences"]) for d in corpus_gold if not d["id"].startswith("seed")) >= 300


def test_sentence_boundaries_match_the_gold(
    any_analyzer: nlp_report.Analyzer, corpus_gold: list[dict[str, Any]]
) -> None:
    """On the fallback and on the trained model: the parser keeps the sentences of the rules."""
    wrong = []
    for doc in corpus_gold:
        report = any_analyzer.analyze(doc["text"], source=doc["id"])
        assert_offsets(report)
        gold = {(s["start"], s["end"]) for s in doc["sentences"]}
        found = {(s.start, s.end) for s in report.sentences}
        wrong += [(doc["id"], doc["text"][s:e]) for s, e in sorted(gold ^ found)]
    assert wrong == []
