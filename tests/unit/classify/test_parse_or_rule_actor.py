"""actor_source="auto" on a parsed Doc: the parse's actor, the rules' where the parse names none."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from nlp_report.classify.actors import Words, parse_or_rule_actor, rule_actor


def inverted_subject_parsed_as_object() -> Doc:
    """``In 2004 heeft de Raad het beleid hervormd.`` with ``Raad`` wrongly an ``obj`` (a small parser's error)."""
    nlp = spacy.blank("nl")
    words = ["In", "2004", "heeft", "de", "Raad", "het", "beleid", "hervormd", "."]
    heads = [1, 7, 7, 4, 7, 6, 7, 7, 7]
    deps = ["case", "obl", "aux", "det", "obj", "det", "obj", "ROOT", "punct"]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def test_the_rules_fill_in_where_the_parse_names_no_actor() -> None:
    span = inverted_subject_parsed_as_object()[:]
    subject = rule_actor(Words.from_span(span))
    assert subject == "Raad"
    assert parse_or_rule_actor(span, subject) == "Raad"


def test_the_parse_wins_where_it_names_one() -> None:
    doc = inverted_subject_parsed_as_object()
    doc[4].dep_ = "nsubj"
    assert parse_or_rule_actor(doc[:], "something else") == "Raad"
