"""Entities of the seed letter and of every annotated document, against the gold."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

import nlp_report
from tests.helpers import assert_offsets

LABELS = ("COUNTRY", "ORG", "MOTION", "KAMERSTUK")


def spans(items: Any) -> set[tuple[int, int, str]]:
    return {(e["start"], e["end"], e["label"]) if isinstance(e, dict) else (e.start, e.end, e.label) for e in items}


def test_seed_entity_spans_equal_the_gold(seed_report: nlp_report.Report, seed_gold: dict[str, Any]) -> None:
    gold = spans(seed_gold["entities"])
    found = spans(seed_report.entities)
    assert found == gold
    assert Counter(label for _, _, label in gold) == {"COUNTRY": 61, "ORG": 19, "MOTION": 2, "KAMERSTUK": 2}


def test_seed_kb_ids_equal_the_gold(seed_report: nlp_report.Report, seed_gold: dict[str, Any]) -> None:
    gold = {(e["start"], e["end"]): e["kb_id"] for e in seed_gold["entities"]}
    assert {(e.start, e.end): e.kb_id for e in seed_report.entities} == gold


def test_seed_motions_link_to_their_kamerstuk(seed_report: nlp_report.Report, seed_gold: dict[str, Any]) -> None:
    links = {(m.start, m.end): m.kamerstuk.kb_id for m in seed_report.motions if m.kamerstuk}
    assert links == {(link["start"], link["end"]): link["kamerstuk"] for link in seed_gold["motion_links"]}
    assert sorted(links.values()) == ["28676-394", "28676-397"]
    first = seed_report.motions[0]
    assert first.text == "motie Van Haga" and first.sponsors == ("Van Haga",)
    assert first.kamerstuk == nlp_report.KamerstukRef(
        "28676", "394", "28676-394", "https://zoek.officielebekendmakingen.nl/kst-28676-394.html"
    )
    assert_offsets(seed_report)


@pytest.fixture(scope="module")
def corpus_reports(
    analyzer: nlp_report.Analyzer, corpus_gold: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], nlp_report.Report]]:
    keep = {"nlp_report_sentences", "nlp_report_entities"}
    with analyzer.nlp.select_pipes(enable=[name for name in analyzer.nlp.pipe_names if name in keep]):
        return [(doc, analyzer.analyze(doc["text"], source=doc["id"])) for doc in corpus_gold]


def test_every_annotated_document(corpus_reports: list[tuple[dict[str, Any], nlp_report.Report]]) -> None:
    """Per label over the corpus: F1 at least 0.98; kb_ids right on every correct span; motion links."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    wrong_kb = []
    links = wrong_links = 0
    for doc, report in corpus_reports:
        gold, found = spans(doc["entities"]), spans(report.entities)
        for label in LABELS:
            g = {s for s in gold if s[2] == label}
            f = {s for s in found if s[2] == label}
            tp[label] += len(g & f)
            fp[label] += len(f - g)
            fn[label] += len(g - f)
        gold_kb = {(e["start"], e["end"]): e["kb_id"] for e in doc["entities"]}
        wrong_kb += [(doc["id"], e.text) for e in report.entities if gold_kb.get((e.start, e.end), e.kb_id) != e.kb_id]
        found_links = {(x.start, x.end): m.kamerstuk.kb_id for m in report.motions if m.kamerstuk for x in m.mentions}
        for link in doc.get("motion_links", []):
            links += 1
            wrong_links += found_links.get((link["start"], link["end"])) != link["kamerstuk"]
    for label in LABELS:
        f1 = 2 * tp[label] / (2 * tp[label] + fp[label] + fn[label])
        assert f1 >= 0.98, (label, tp[label], fp[label], fn[label])
    assert wrong_kb == []
    assert links >= 25 and wrong_links == 0
