"""Whether a sentence gets its actor (tests/data/actor_gate_cases.json, invented sentences)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nlp_report.classify.actor_gate import emit_rules, emitted_actor, verb_class
from nlp_report.classify.actors import Words, rule_actor
from tests.conftest import DATA
from tests.unit.classify.conftest import WordsOf

DATA_FILE: dict[str, Any] = json.loads((DATA / "actor_gate_cases.json").read_text(encoding="utf-8"))
CASES: list[list[Any]] = DATA_FILE["cases"]
KNOWN_FAILURES: list[list[Any]] = DATA_FILE["known_failures"]


def decide(words_of: WordsOf, case: list[Any]) -> Any:
    sentence, entity_words, label, p_label, p_context = case[:5]
    words = words_of(sentence, entity_words)
    return emitted_actor(rule_actor(words), label, {label: p_label, "context": p_context}, words)


@pytest.mark.parametrize("case", CASES, ids=[c[6] for c in CASES])
def test_emitted_actor(words_of: WordsOf, case: list[Any]) -> None:
    assert decide(words_of, case) == case[5]


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=[c[7] for c in KNOWN_FAILURES])
def test_known_failure_still_fails_the_same_way(words_of: WordsOf, case: list[Any]) -> None:
    """When one of these starts to pass, move it to the cases."""
    right, given = case[5], case[6]
    actor = decide(words_of, case)
    assert actor != right
    assert actor == given


def test_no_candidate_no_actor() -> None:
    words = Words(["Nederland", "steunt", "dit", "."], [True, True, False, False], [True, False, False, False])
    assert emitted_actor(None, "position", {"position": 1.0}, words) is None


def test_verb_classes(words_of: WordsOf) -> None:
    assert verb_class(words_of("De Raad vond plaats in Brussel.", [])) == "context"
    assert verb_class(words_of("De Raad nam het besluit aan.", [])) == "holder"
    assert verb_class(words_of("De Raad is groot.", [])) == "context"  # a copula alone
    assert verb_class(words_of("Volgens de Raad is de situatie ernstig.", [])) is None  # an attribution
    assert verb_class(words_of("De Raad overwoog de opties.", [])) is None  # neither list
    assert verb_class(words_of("Nederland biedt twee fregatten aan.", [])) == "holder"
    assert verb_class(words_of("Hierbij bied ik u de brief aan.", [])) == "context"


def test_rules_come_from_the_data_file() -> None:
    rules = emit_rules()
    assert "benadrukken" in rules.holder_verbs and "deelnemen" in rules.context_verbs
    assert rules.holder_verbs.isdisjoint(rules.context_verbs)
    assert 0.0 < rules.label_confident <= 1.0 and 0.0 < rules.context_confident <= 1.0
