"""Properties of the entity rules on arbitrary text made of entity-like fragments."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlp_report
from tests.helpers import assert_offsets

FRAGMENTS = [
    "NAVO", "-", "EU", "EUTM", "(", ")", "motie", "Van Haga", "c.s.", "1", "2", "\n", "\n\n", "Kamerstuk", "28 676",
    ", nr.", " 394", "kst-", "28676-", "Oekraïne", "Nieuw-", "Zeeland", "Frans", "het", "minister van Defensie", "‘",
    "’", "bericht", "ER", "VERSLAG", "DIANA", "(Defence Innovation Accelerator for the North Atlantic)", "/",
    "Brekelmans", "en", " ", ".", ",", "Kamerstukken II 2021/22,", "21 501-02", "1 ", "Raad", "Zaken", "((", "Zuid-",
    "’s", "\u00ad", "\u200b", "EUMAM", "Türkiye", "Agentschap voor Energie", "(AVE)",
]  # fmt: skip


@pytest.fixture(scope="module")
def rules_only(analyzer: nlp_report.Analyzer) -> Iterator[nlp_report.Analyzer]:
    keep = {"nlp_report_sentences", "nlp_report_entities"}
    with analyzer.nlp.select_pipes(enable=[name for name in analyzer.nlp.pipe_names if name in keep]):
        yield analyzer


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join))
def test_never_fails_and_keeps_offsets(rules_only: nlp_report.Analyzer, text: str) -> None:
    report = rules_only.analyze(text)
    assert_offsets(report)
    for entity in report.entities:
        assert entity.kb_id
        assert entity.text == entity.text.strip()
        assert entity.label in nlp_report.ENTITY_LABELS
    spans = sorted((e.start, e.end) for e in report.entities)
    assert all(end <= start for (_, end), (start, _) in pairwise(spans))
    for motion in report.motions:
        assert motion.sponsors and motion.text.lower().startswith("motie")
