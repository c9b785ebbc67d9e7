"""A statistical model's entities: the rules win, gazetteer names are normalised, the rest is kept apart.

There is no ``nl_core_news_sm`` here, so the model's entities are set by
hand on the Doc before the component runs, as spaCy's own tests do.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp_report.analyzer import TOKENIZER, Analyzer
from nlp_report.entities.gazetteer import packaged_gazetteer
from nlp_report.entities.model import normalise
from nlp_report.entities.rules import Found, Mention
from nlp_report.pipeline.report import build_report


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("nl", config={"nlp": {"tokenizer": TOKENIZER}})
    nlp.add_pipe("nlp_report_entities")
    return nlp


def with_model_ents(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """``text`` tokenized, with the given (surface, label) spans set as the model's entities."""
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in ents:
        start = doc.text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def test_rules_win_and_the_rest_is_kept_apart(nlp: Language) -> None:
    text = "Macron sprak in Brussel met de NAVO-ministers over Frankrijk en de motie Van Haga."
    doc = with_model_ents(
        nlp,
        text,
        [
            ("Macron", "PERSON"),
            ("Brussel", "GPE"),
            ("NAVO-ministers", "ORG"),
            ("Frankrijk", "GPE"),
            ("Van Haga", "PERSON"),
        ],
    )
    doc = nlp.get_pipe("nlp_report_entities")(doc)
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("NAVO", "ORG", "NATO"),
        ("Frankrijk", "COUNTRY", "FR"),
        ("motie Van Haga", "MOTION", "Van Haga"),
    ]
    # the model's ORG overlapping NAVO and its PERSON inside the motion lose to the rules but stay available;
    # its GPE Frankrijk is the rules' own mention and is not repeated
    assert [(s.text, s.label_) for s in doc.spans["nlp_report_model_ents"]] == [
        ("Macron", "PERSON"),
        ("Brussel", "GPE"),
        ("NAVO-ministers", "ORG"),
        ("Van Haga", "PERSON"),
    ]


def test_the_report_has_the_models_other_entities(nlp: Language) -> None:
    text = "Macron sprak met Nederland."
    doc = nlp.get_pipe("nlp_report_entities")(with_model_ents(nlp, text, [("Macron", "PERSON"), ("Nederland", "GPE")]))
    report = build_report(doc, model="test")
    assert [(e.text, e.label, e.kb_id) for e in report.entities] == [("Nederland", "COUNTRY", "NL")]
    assert [(e.start, e.end, e.text, e.label) for e in report.model_entities] == [(0, 6, "Macron", "PERSON")]
    assert type(report).from_dict(report.to_dict()) == report


def test_gazetteer_names_of_the_model_are_normalised() -> None:
    """Where the model finds a country or organisation the rules did not, it gets the same label and kb_id."""
    nlp = spacy.blank("nl")
    doc = Doc(nlp.vocab, words=["De", "Navo", "en", "het", "Frankrijk", "van", "Macron", "en", "de", "NAVO", "'s"])
    ents = [
        Span(doc, 0, 2, label="ORG"),  # "De Navo": the article goes
        Span(doc, 3, 5, label="GPE"),  # "het Frankrijk"
        Span(doc, 6, 7, label="PERSON"),
        Span(doc, 8, 11, label="ORG"),  # "de NAVO 's": article and possessive go
    ]
    found = Found()
    taken, rest = normalise(ents, found, packaged_gazetteer(), {"GPE", "ORG"})
    assert taken == [
        Mention(1, 2, "ORG", "NATO", "model"),
        Mention(4, 5, "COUNTRY", "FR", "model"),
        Mention(9, 10, "ORG", "NATO", "model"),
    ]
    assert [s.text for s in rest] == ["Macron"]


def test_only_the_configured_labels_are_normalised() -> None:
    nlp = spacy.blank("nl")
    doc = Doc(nlp.vocab, words=["Frankrijk", "won"])
    taken, rest = normalise([Span(doc, 0, 1, label="MISC")], Found(), packaged_gazetteer(), {"GPE"})
    assert taken == [] and [s.label_ for s in rest] == ["MISC"]


def test_a_model_entity_inside_an_excluded_stretch_is_not_taken_over() -> None:
    nlp = spacy.blank("nl")
    doc = Doc(nlp.vocab, words=["minister", "van", "Defensie"])
    found = Found(zones=[(0, 3, ("ORG",))])
    taken, rest = normalise([Span(doc, 2, 3, label="ORG")], found, packaged_gazetteer(), {"ORG"})
    assert taken == [] and [s.text for s in rest] == ["Defensie"]


@pytest.mark.slow
def test_defined_abbreviations_normalise_model_entities() -> None:
    nlp = spacy.blank("nl")
    doc = Doc(nlp.vocab, words=["De", "IRENA", "publiceert"])
    found = Found(defined={"IRENA": "IRENA"})
    taken, _ = normalise([Span(doc, 1, 2, label="ORG")], found, packaged_gazetteer(), {"ORG"})
    assert taken == [Mention(1, 2, "ORG", "IRENA", "model")]


def test_the_blank_pipeline_keeps_an_empty_model_view(analyzer: Analyzer) -> None:
    report = analyzer.analyze("Nederland steunt Oekraïne.")
    assert report.model_entities == ()
