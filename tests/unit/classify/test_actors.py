"""The rule-based actor finder (fallback) and the parse-based one (model path, hand-set parses)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import nlp_report.pipeline.factories  # noqa: F401  (registers the layout tokenizer)
from nlp_report.classify.actors import Words, parse_actor, rule_actor
from tests.conftest import DATA

CASES: list[list[Any]] = json.loads((DATA / "actor_cases.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "nlp_report.LayoutTokenizer.v1"}}})


@pytest.mark.parametrize(("sentence", "entity_words", "expected", "note"), CASES, ids=[c[3] for c in CASES])
def test_rule_actor(nlp: Language, sentence: str, entity_words: list[str], expected: str | None, note: str) -> None:
    doc = nlp(sentence)
    words = Words([t.text for t in doc], [bool(t.whitespace_) for t in doc], [t.text in entity_words for t in doc])
    assert rule_actor(words) == expected


def test_words_from_span_marks_entities(nlp: Language) -> None:
    doc = nlp("Nederland steunt de EU.")
    doc.ents = [doc.char_span(0, 9, label="COUNTRY"), doc.char_span(20, 22, label="ORG")]
    words = Words.from_span(doc[:])
    assert words.entity == [True, False, False, True, False]
    assert words.surface(0, 3) == "Nederland steunt de"


def parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    nlp = spacy.blank("nl")
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def test_parse_actor_subject() -> None:
    doc = parsed(
        ["Het", "kabinet", "steunt", "het", "voorstel", "."],
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "det", "obj", "punct"],
    )
    assert parse_actor(doc[:]) == "kabinet"


def test_parse_actor_passive_agent() -> None:
    doc = parsed(
        ["Het", "protocol", "werd", "door", "alle", "bondgenoten", "ondertekend", "."],
        [1, 6, 6, 5, 5, 6, 6, 6],
        ["det", "nsubj:pass", "aux:pass", "case", "det", "obl:agent", "ROOT", "punct"],
    )
    assert parse_actor(doc[:]) == "alle bondgenoten"


def test_parse_actor_passive_without_agent() -> None:
    doc = parsed(
        ["Het", "pakket", "werd", "aangenomen", "."],
        [1, 3, 3, 3, 3],
        ["det", "nsubj:pass", "aux:pass", "ROOT", "punct"],
    )
    assert parse_actor(doc[:]) is None


def test_parse_actor_attribution() -> None:
    doc = parsed(
        ["Volgens", "de", "VN", "is", "de", "situatie", "ernstig", "."],
        [2, 2, 6, 6, 5, 6, 6, 6],
        ["case", "det", "obl", "cop", "det", "nsubj", "ROOT", "punct"],
    )
    assert parse_actor(doc[:]) == "VN"


def test_parse_actor_expletive_is_none() -> None:
    doc = parsed(["Het", "is", "van", "belang", "."], [3, 3, 3, 3, 3], ["nsubj", "cop", "case", "ROOT", "punct"])
    assert parse_actor(doc[:]) is None


def test_holder_nouns_are_known_in_both_numbers() -> None:
    from nlp_report.classify.lexicon import number_variants

    variants = number_variants(["woordvoerder", "staatshoofden", "collega's"])
    assert {"woordvoerder", "woordvoerders", "staatshoofden", "staatshoofd", "collega's", "collega"} <= variants
    # a plural that changes its stem (bondgenoten / bondgenoot) is not derived: the list names both
    assert "bondgenoot" not in number_variants(["bondgenoten"])
