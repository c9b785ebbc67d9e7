"""The entity cases of ``tests/data/entity_cases.json``: each text, its exact entities and motion mentions.

Each case lists every entity the rules must find, in order, as ``[text,
label, kb_id]``; nothing else may be found. ``motions`` (where given) lists
the motions with their sponsors and linked Kamerstuk.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

import nlp_report
from tests.conftest import DATA
from tests.helpers import assert_offsets

CASES: list[dict[str, Any]] = json.loads((DATA / "entity_cases.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules_only(analyzer: nlp_report.Analyzer) -> nlp_report.Analyzer:
    """The fallback pipeline with only the components the entities need (sentences, entities)."""
    nlp = analyzer.nlp
    keep = {"nlp_report_sentences", "nlp_report_entities"}
    with nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in keep]):
        yield analyzer


def test_every_family_has_cases() -> None:
    families = Counter(case["family"] for case in CASES)
    assert len(CASES) >= 60
    for family in ("country", "org", "compound", "abbreviation", "motion", "kamerstuk", "link", "negative"):
        assert families[family] >= 4, family
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(case: dict[str, Any], rules_only: nlp_report.Analyzer) -> None:
    report = rules_only.analyze(case["text"])
    assert_offsets(report)
    found = [[e.text, e.label, e.kb_id] for e in report.entities]
    assert found == case["entities"], case.get("note", "")
    if "motions" in case:
        # one entry per mention: the mentions of one motion share its sponsors and Kamerstuk
        mentions = sorted(
            (x.start, x.text, list(m.sponsors), m.kamerstuk.kb_id if m.kamerstuk else None)
            for m in report.motions
            for x in m.mentions
        )
        motions = [{"text": text, "sponsors": sponsors, "kamerstuk": kst} for _, text, sponsors, kst in mentions]
        assert motions == case["motions"]
        assert len(report.motions) == len({(str(m["sponsors"]), m["kamerstuk"]) for m in case["motions"]})
