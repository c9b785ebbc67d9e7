"""The sentence component: rules in the fallback, parser sentences with a model."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import nlp_report.pipeline.factories  # noqa: F401  (registers the factories)
from nlp_report.pipeline.doc import SENTENCES_KEY
from tests.helpers import sentence_pipeline, sentence_texts


@pytest.fixture(scope="module")
def nlp() -> Language:
    return sentence_pipeline()


def sentences(nlp: Language, text: str) -> list[str]:
    return sentence_texts(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nederland steunt dit. De EU ook.", ["Nederland steunt dit.", "De EU ook."]),
        (
            "Is dat voldoende? Ja. Het kabinet zal het volgen!",
            ["Is dat voldoende?", "Ja.", "Het kabinet zal het volgen!"],
        ),
        ("De motie Sjoerdsma c.s. vraagt om steun.", ["De motie Sjoerdsma c.s. vraagt om steun."]),
        ("Dit gebeurde op 5 maart jl. De Raad besloot.", ["Dit gebeurde op 5 maart jl.", "De Raad besloot."]),
        ("De brief van W.B. Hoekstra is bijgevoegd.", ["De brief van W.B. Hoekstra is bijgevoegd."]),
        ("Zie Kamerstuk 28 676, nr. 394. Het debat volgt.", ["Zie Kamerstuk 28 676, nr. 394.", "Het debat volgt."]),
        ("Er zijn ca. 60 locaties. Dat is veel.", ["Er zijn ca. 60 locaties.", "Dat is veel."]),
        ("De bedragen (zie bijlage). Volgen later.", ["De bedragen (zie bijlage).", "Volgen later."]),
    ],
)
def test_rule_sentences(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


def test_closing_quote_after_the_full_stop_is_outside(nlp: Language) -> None:
    assert sentences(nlp, "Hij zei: “Dit is goed.” Daarna sprak de Raad.") == [
        "Hij zei: “Dit is goed.",
        "Daarna sprak de Raad.",
    ]


def test_quotation_with_reporting_clause_is_one_sentence(nlp: Language) -> None:
    text = "“Dit is een historisch moment.” zei de secretaris-generaal."
    assert sentences(nlp, text) == [text]


def test_footnote_marker_before_the_full_stop_stays_inside(nlp: Language) -> None:
    doc = nlp("Het verslag is bijgevoegd (bijlage)1. Zie ook de brief.\n\n1 Kamerstuk 36 124, nr. 15")
    layout = doc._.layout
    spans = [layout.offsets.span(s.start_char, s.end_char) for s in doc.spans[SENTENCES_KEY]]
    assert [layout.text[s:e] for s, e in spans] == ["Het verslag is bijgevoegd (bijlage)1.", "Zie ook de brief."]


def test_headings_and_footnotes_are_not_sentences_but_bound_them(nlp: Language) -> None:
    text = "Oekraïne\nDe Raad sprak over de steun1 aan Oekraïne.\n\n1 Kamerstuk 21 501-02, nr. 2700\n"
    doc = nlp(text)
    assert sentences(nlp, text) == ["De Raad sprak over de steun aan Oekraïne."]
    assert [s.text for s in doc.sents][:2] == ["Oekraïne\n\n", "De Raad sprak over de steun aan Oekraïne.\n\n"]


def test_list_items_are_sentences_starting_after_the_bullet(nlp: Language) -> None:
    text = "Nederland zet in op:\n- steun aan Oekraïne;\n- sancties tegen Rusland\n"
    assert sentences(nlp, text) == ["Nederland zet in op:", "steun aan Oekraïne;", "sancties tegen Rusland"]


def test_works_in_a_plain_pipeline_without_layout() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("nlp_report_sentences")
    doc = nlp("De Raad besloot. Nederland stemde in.\n\nNieuwe alinea zonder punt\n\nDan weer een zin.")
    assert [s.text for s in doc.spans[SENTENCES_KEY]] == [
        "De Raad besloot.",
        "Nederland stemde in.",
        "Dan weer een zin.",
    ]


def test_parser_sentences_are_kept_and_clipped_to_blocks() -> None:
    """With a parser before the component, its sentences are used (hand-set parse, as in spaCy's tests)."""
    nlp = spacy.blank("nl")
    words = ["Nederland", "steunt", "dit", "want", "het", "helpt", ".", "\n\n", "Tweede", "alinea", "."]
    spaces = [True, True, True, True, True, False, False, False, True, False, False]
    # one parse tree over the first 8 tokens (a long sentence by the parser), a second one after
    heads = [1, 1, 1, 5, 5, 1, 1, 6, 9, 9, 9]
    deps = ["nsubj", "ROOT", "obj", "mark", "nsubj", "advcl", "punct", "dep", "amod", "ROOT", "punct"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    assert doc.has_annotation("DEP")
    component = nlp.add_pipe("nlp_report_sentences")
    doc = component(doc)
    assert [s.text for s in doc.spans[SENTENCES_KEY]] == ["Nederland steunt dit want het helpt.", "Tweede alinea."]


def test_parser_respects_the_boundaries_the_component_sets() -> None:
    """Placed before a parser, the component fixes SENT_START; the parse must not cross it."""
    nlp = spacy.blank("nl")
    component = nlp.add_pipe("nlp_report_sentences")
    doc = component(nlp("Eén. Twee drie."))
    assert [t.is_sent_start for t in doc] == [True, False, True, False, False]
