"""The actor finder on the constructions of real letters (invented sentences, tests/data/actor_constructions.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nlp_report.classify.actors import rule_actor
from tests.conftest import DATA
from tests.unit.classify.conftest import WordsOf

DATA_FILE: dict[str, Any] = json.loads((DATA / "actor_constructions.json").read_text(encoding="utf-8"))
CASES: list[list[Any]] = DATA_FILE["cases"]
KNOWN_FAILURES: list[list[Any]] = DATA_FILE["known_failures"]


@pytest.mark.parametrize("case", CASES, ids=[c[3] for c in CASES])
def test_construction(words_of: WordsOf, case: list[Any]) -> None:
    sentence, entity_words, expected, _construction = case
    assert rule_actor(words_of(sentence, entity_words)) == expected


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=[c[4] for c in KNOWN_FAILURES])
def test_known_failure_still_fails_the_same_way(words_of: WordsOf, case: list[Any]) -> None:
    """When one of these starts to pass, move it to the cases."""
    sentence, entity_words, right, found, _construction = case
    actor = rule_actor(words_of(sentence, entity_words))
    assert actor != right
    assert actor == found
