"""The classifier component: labels, actors from rules or from a (hand-set) parse, settings."""

from __future__ import annotations

import pytest
import spacy
from confection import ConfigValidationError
from spacy.tokens import Doc

import nlp_report.pipeline.factories  # noqa: F401
from nlp_report.errors import ConfigError
from nlp_report.pipeline.classifier import SentenceClassifierComponent, load_model, predict_labels
from nlp_report.pipeline.doc import SENTENCES_KEY


def parsed_doc() -> Doc:
    nlp = spacy.blank("nl")
    words = ["Het", "kabinet", "steunt", "het", "voorstel", "."]
    return Doc(nlp.vocab, words=words, heads=[1, 2, 2, 4, 2, 2], deps=["det", "nsubj", "ROOT", "det", "obj", "punct"])


def run(doc: Doc, **config: object) -> Doc:
    nlp = spacy.blank("nl")
    doc = nlp.add_pipe("nlp_report_sentences")(doc)
    return nlp.add_pipe("nlp_report_classifier", config=config)(doc)


def test_the_default_actor_source_is_the_rules() -> None:
    """The rules beat the small UD model's parse on the real letters' actors (docs/model.md)."""
    nlp = spacy.blank("nl")
    assert nlp.add_pipe("nlp_report_classifier").actor_source == "rules"


@pytest.mark.slow
def test_actor_from_the_parse_when_the_doc_has_one() -> None:
    doc = parsed_doc()
    doc[1].dep_ = "nsubj"
    doc = run(doc, actor_source="auto")
    (sentence,) = doc.spans[SENTENCES_KEY]
    assert sentence.label_ == "position"
    assert sentence._.actor == "kabinet"


@pytest.mark.slow
def test_actor_source_rules_ignores_the_parse() -> None:
    doc = parsed_doc()
    doc[1].dep_ = "obj"  # a wrong parse: the rules still find the subject
    doc[4].dep_ = "nsubj"
    by_rules = run(doc, actor_source="rules")
    assert by_rules.spans[SENTENCES_KEY][0]._.actor == "kabinet"
    by_parse = run(parsed_doc_with_subject(4), actor_source="parse")
    assert by_parse.spans[SENTENCES_KEY][0]._.actor == "voorstel"


def parsed_doc_with_subject(index: int) -> Doc:
    doc = parsed_doc()
    for token in doc:
        if token.dep_ == "nsubj":
            token.dep_ = "obj"
    doc[index].dep_ = "nsubj"
    return doc


def test_bad_actor_source() -> None:
    nlp = spacy.blank("nl")
    with pytest.raises(ConfigValidationError, match="actor_source"):  # spaCy checks the typed setting
        nlp.add_pipe("nlp_report_classifier", config={"actor_source": "guess"})
    with pytest.raises(ConfigError, match="actor_source must be"):
        SentenceClassifierComponent(actor_source="guess")  # type: ignore[arg-type]


def test_questions_are_context_whatever_the_model_says() -> None:
    model = load_model()
    features = [{"cue:position": 5.0, "subj:own": 1.0}] * 2
    assert predict_labels(model, features, ["zal het kabinet dit steunen?”", "het kabinet steunt dit."]) == [
        "context",
        "position",
    ]
