"""The boundary rules one by one: the sentence splitter, the block rules of the segmenter, the layout.

Invented text only.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import nlp_report.pipeline.factories  # noqa: F401  (registers the factories)
from nlp_report.layout import analyze_layout
from nlp_report.layout.lines import default_rules
from tests.helpers import sentence_pipeline, sentence_texts


@pytest.fixture(scope="module")
def nlp() -> Language:
    return sentence_pipeline()


def sentences(nlp: Language, text: str) -> list[str]:
    return sentence_texts(nlp, text)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in analyze_layout(text).blocks]


# --- the splitter (nlp_report/layout/sentences.py) ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title never ends a sentence, not even before a capitalised particle
        ("Hij sprak met dhr. De Wit over de zaak.", ["Hij sprak met dhr. De Wit over de zaak."]),
        ("Zij belde mr. Van Dam. De zaak is rond.", ["Zij belde mr. Van Dam.", "De zaak is rond."]),
        # other abbreviations as before
        ("Dit gebeurde o.a. De Raad besloot.", ["Dit gebeurde o.a.", "De Raad besloot."]),
        # a full stop before a colon, comma or semicolon ends nothing
        ("Zie ook het vorige nr.: De tabel volgt.", ["Zie ook het vorige nr.: De tabel volgt."]),
        ("Het besluit van de Raad d.d.: 5 mei.", ["Het besluit van de Raad d.d.: 5 mei."]),
    ],
)
def test_abbreviations_titles_and_punctuation_after_a_full_stop(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Het ging om alles (zie bijlage).2Daarna sprak de Raad.",
            ["Het ging om alles (zie bijlage).", "Daarna sprak de Raad."],
        ),
        ("Het ging goed.4Daarna sprak de Raad.", ["Het ging goed.", "Daarna sprak de Raad."]),
        ("Het cijfer steeg (12,5).Daarna daalde het.", ["Het cijfer steeg (12,5).", "Daarna daalde het."]),
        ("Zo besloot de NAVO.Het comité volgde.", ["Zo besloot de NAVO.", "Het comité volgde."]),
        # a number after nr. is the number, glued or not
        ("Zie Kamerstuk 12 345, nr.6 en verder.", ["Zie Kamerstuk 12 345, nr.6 en verder."]),
    ],
)
def test_a_sentence_end_without_the_space_after_it(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


def test_a_marker_after_an_abbreviation_at_the_end_of_a_block_is_outside(nlp: Language) -> None:
    assert sentences(nlp, "Dat meldde ik op 2 mei jl.3\n\nDe Raad volgt.") == [
        "Dat meldde ik op 2 mei jl.",
        "De Raad volgt.",
    ]
    assert sentences(nlp, "Dat staat in de motie Kok c.s.12") == ["Dat staat in de motie Kok c.s."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Het rapport «Kan het beter? Een verkenning» verscheen. Wij reageren.",
            ["Het rapport «Kan het beter? Een verkenning» verscheen.", "Wij reageren."],
        ),
        (
            "De titel “Nu of nooit! Een pleidooi” is goed gekozen.",
            ["De titel “Nu of nooit! Een pleidooi” is goed gekozen."],
        ),
        # the quote closes right after the question mark: the next word decides
        ("Hij vroeg: “Waarom nu?” Dat wist niemand.", ["Hij vroeg: “Waarom nu?", "Dat wist niemand."]),
        # a full stop inside the quotation still ends a sentence
        ("Zij zei: «Wij gaan door. Dat is zeker.»", ["Zij zei: «Wij gaan door.", "Dat is zeker."]),
    ],
)
def test_question_marks_inside_quoted_titles(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pietersen: 'Wij zijn tevreden.'", ["'Wij zijn tevreden."]),
        ("Minister Van den Berg: “Dit is een goede dag.”", ["“Dit is een goede dag."]),
        # not a speaker label: no quote after the colon, or not a name before it
        ("Pietersen: wij zijn tevreden.", ["Pietersen: wij zijn tevreden."]),
        ("Het antwoord luidde: 'wij zijn tevreden.'", ["Het antwoord luidde: 'wij zijn tevreden."]),
    ],
)
def test_speaker_labels_before_a_quote(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wij leveren: • een schip; • een vliegtuig.", ["Wij leveren:", "een schip;", "een vliegtuig."]),
        ("Wij leveren: - een schip; - een vliegtuig.", ["Wij leveren:", "een schip;", "een vliegtuig."]),
        # an inline list without bullet marks is one sentence
        ("Aan bod kwamen: de begroting; de agenda.", ["Aan bod kwamen: de begroting; de agenda."]),
        # a dash between numbers is no bullet
        ("De score: - 5 punten.", ["De score: - 5 punten."]),
    ],
)
def test_bullet_marks_inside_a_line(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


def test_salutations_and_punctuation_only_pieces_are_no_sentences(nlp: Language) -> None:
    assert sentences(nlp, "Dames en heren, welkom. Wij beginnen.") == ["Wij beginnen."]
    assert sentences(nlp, "Wij beginnen. Dames en heren, welkom.") == ["Wij beginnen.", "Dames en heren, welkom."]
    assert sentences(nlp, "De Raad besloot.\n\n:\n\nWij volgen.") == ["De Raad besloot.", "Wij volgen."]


def test_the_rules_read_their_word_lists() -> None:
    rules = default_rules()
    assert {"dhr.", "mr.", "mevr."} <= rules.title_abbreviations <= rules.abbreviations
    assert {"•", "-", "."} <= rules.inline_bullets


# --- blocks without a sentence end (nlp_report/pipeline/sentences.py) -----------------------------


def test_a_block_without_a_sentence_end_is_not_a_sentence(nlp: Language) -> None:
    text = "Kenmerk\n\n- AB-12/2005\n\nDe Raad besloot.\n\nKamerstuk 12 345, nr. 6\n\nWij volgen dit."
    assert sentences(nlp, text) == ["De Raad besloot.", "Wij volgen dit."]


def test_list_items_after_a_lead_in_stay_sentences_without_punctuation(nlp: Language) -> None:
    text = (
        "Het overleg kent drie delen:\n1. een terugblik\n2. een vooruitblik;\n3. een besluit\n\n"
        "Kop\n\n- Los punt\n\nDat was het."
    )
    assert sentences(nlp, text) == [
        "Het overleg kent drie delen:",
        "een terugblik",
        "een vooruitblik;",
        "een besluit",
        "Dat was het.",
    ]


def test_the_block_before_a_signature_stays_a_sentence(nlp: Language) -> None:
    text = (
        "De Raad besloot.\n\nIk vertrouw erop u hiermee te hebben geïnformeerd\n\n"
        "De Minister van Financiën,\n\nA.B. Jansen"
    )
    assert sentences(nlp, text) == ["De Raad besloot.", "Ik vertrouw erop u hiermee te hebben geïnformeerd"]


def test_a_text_without_any_sentence_end_keeps_its_blocks(nlp: Language) -> None:
    assert sentences(nlp, "eerste regel zonder punt\n\ntweede regel zonder punt") == [
        "eerste regel zonder punt",
        "tweede regel zonder punt",
    ]


# --- the layout (nlp_report/layout/) ------------------------------------------------------------

WRAPPED = [
    "Het overleg van de ministers ging vooral over de voortgang van de plannen",
    "voor de komende jaren en over de verdeling van de kosten over de landen.",
]


def test_a_heading_has_no_sentence_end_inside_and_no_bracket_after_it() -> None:
    assert kinds("Kop van de brief. Verder gaat het\n\nDe Raad besloot.")[0][0] == "paragraph"
    text = "\n".join([*WRAPPED, "Het overleg over de begroting van de Unie", "(EU) liep uit.", *WRAPPED])
    assert "heading" not in [k for k, _ in kinds(text)]


def test_a_line_ending_in_a_colon_ends_a_wrapped_paragraph_before_a_capitalised_line() -> None:
    text = "\n".join([*WRAPPED, "Het kabinet weegt daarbij de volgende punten:", "Veiligheid in de regio", *WRAPPED])
    assert [k for k, _ in kinds(text)] == ["paragraph", "heading", "paragraph"]


def test_a_label_line_inside_a_paragraph_run_is_a_heading() -> None:
    text = "\n".join([*WRAPPED, "Vraag 3", "Is dat zo?"])
    assert [k for k, _ in kinds(text)] == ["paragraph", "heading", "paragraph"]


def test_a_full_stop_and_a_space_is_a_bullet_before_a_word() -> None:
    assert kinds("Wij leveren:\n. een schip;\n. 12 vliegtuigen.") == [
        ("paragraph", "Wij leveren:"),
        ("list_item", "een schip;"),
        ("paragraph", ". 12 vliegtuigen."),
    ]


def test_a_dash_after_a_wrap_continues_the_line() -> None:
    text = "\n".join(
        [
            *WRAPPED,
            "Het overleg van de ministers ging vooral over de voortgang en de",
            "- zo bleek - kosten, en verder over de verdeling van de kosten.",
        ]
    )
    assert [k for k, _ in kinds(text)] == ["paragraph"]
    assert kinds("Het overleg ging over:\n- de kosten;\n- de baten.")[1][0] == "list_item"


def test_header_notes_at_the_start_of_answers_to_questions_are_header_lines() -> None:
    text = (
        "Vragen van het lid Jansen (ABC) aan de Minister van Financiën over banken (ingezonden 3 mei 2020).\n"
        "Antwoord van Minister De Vries (ontvangen 2 juni 2020). Zie ook Aanhangsel Handelingen,\n"
        "vergaderjaar 2019–2020, nr. 12.\nVraag 1\nKent u het bericht?"
    )
    assert [k for k, _ in kinds(text)] == ["header", "header", "header", "heading", "paragraph"]
    # a header note that ends inside a line leaves the line to the body
    assert [k for k, _ in kinds("Antwoord van Minister De Vries (ontvangen 2 juni 2020). De Raad besloot.")] == [
        "paragraph"
    ]


def test_x_noot_lines_open_footnotes() -> None:
    text = "De Raad besloot.1\n\nX Noot\n1\n\nZie de bijlage.\n\nX Noot\n2\n\nKamerstuk 12 345, nr. 6"
    layout = analyze_layout(text)
    assert [(b.kind, b.number, text[b.start : b.end]) for b in layout.blocks] == [
        ("paragraph", None, "De Raad besloot."),
        ("footnote", 1, "Zie de bijlage."),
        ("footnote", 2, "Kamerstuk 12 345, nr. 6"),
    ]
    assert [m.number for m in layout.markers] == [1]
