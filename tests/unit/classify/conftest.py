"""Fixtures of the classify tests: a blank Dutch pipeline with the layout tokenizer, sentences as Words."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language

import nlp_report.pipeline.factories  # noqa: F401  (registers the layout tokenizer)
from nlp_report.classify.actors import Words

WordsOf = Callable[[str, list[str]], Words]


@pytest.fixture(scope="session")
def layout_nlp() -> Language:
    return spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "nlp_report.LayoutTokenizer.v1"}}})


@pytest.fixture(scope="session")
def words_of(layout_nlp: Language) -> WordsOf:
    """A sentence as :class:`Words`, with the given words marked as COUNTRY/ORG tokens."""

    def build(sentence: str, entity_words: list[str]) -> Words:
        doc = layout_nlp(sentence)
        return Words([t.text for t in doc], [bool(t.whitespace_) for t in doc], [t.text in entity_words for t in doc])

    return build
