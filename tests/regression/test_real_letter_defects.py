"""Defects the real letters of ``../shared/corpus/dev`` showed (issue 12); each test is named after the defect it pins.

The texts here are written for the project in the shapes the real letters
have; no real text is copied.
"""

from __future__ import annotations

import pytest

import nlp_report
from nlp_report.layout import analyze_layout


def entities(report: nlp_report.Report) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.label, e.kb_id) for e in report.entities]


def sentences(report: nlp_report.Report) -> list[str]:
    return [s.text for s in report.sentences]


# --- sentence boundaries ------------------------------------------------------------


def test_sentence_ran_on_after_a_word_spacy_keeps_with_its_full_stop(analyzer: nlp_report.Analyzer) -> None:
    report = analyzer.analyze("De regering betreurt dat. Frankrijk wil verder. Wij steunen dit. Het kabinet ook.")
    assert sentences(report) == [
        "De regering betreurt dat.",
        "Frankrijk wil verder.",
        "Wij steunen dit.",
        "Het kabinet ook.",
    ]


def test_sentence_ran_on_past_a_marker_glued_to_c_s(analyzer: nlp_report.Analyzer) -> None:
    report = analyzer.analyze("De Raad besprak de motie-Jansen c.s.1 Italië steunde het voorstel.")
    assert sentences(report) == ["De Raad besprak de motie-Jansen c.s.", "Italië steunde het voorstel."]
    assert ("motie-Jansen c.s.", "MOTION", "Jansen") in entities(report)


def test_sentence_ran_on_past_a_marker_after_the_full_stop(analyzer: nlp_report.Analyzer) -> None:
    """The footnote is not in the text (an excerpt), so the layout cannot take the marker out."""
    report = analyzer.analyze("Het verslag is op 3 mei jl. verschenen.2 Daarna sprak de Raad over Oekraïne.")
    assert sentences(report) == ["Het verslag is op 3 mei jl. verschenen.", "Daarna sprak de Raad over Oekraïne."]


def test_abbreviation_and_number_abbreviation_still_do_not_end_a_sentence(analyzer: nlp_report.Analyzer) -> None:
    report = analyzer.analyze("Tijdens het overleg dd. 21 mei en de brief Kamerstuk 36600-XVII nr.73 Nederland sprak.")
    assert len(report.sentences) == 1
    assert ("Kamerstuk 36600-XVII nr.73", "KAMERSTUK", "36600-XVII-73") in entities(report)


def test_number_after_a_bullet_was_taken_into_the_list_item(analyzer: nlp_report.Analyzer) -> None:
    text = "De observaties zijn:\n\n • 1) De partijen zijn er niet in geslaagd;\n\n • 2) Het merendeel is opgepakt.\n"
    assert sentences(analyzer.analyze(text))[1:] == [
        "De partijen zijn er niet in geslaagd;",
        "Het merendeel is opgepakt.",
    ]


def test_question_label_and_speaker_label_were_read_as_sentences(analyzer: nlp_report.Analyzer) -> None:
    text = "Vraag 2\nHeeft u dit voorgesteld?\n\nMINISTER-PRESIDENT JANSEN:\nWij hebben besloten."
    assert sentences(analyzer.analyze(text)) == ["Heeft u dit voorgesteld?", "Wij hebben besloten."]


def test_signature_on_one_line_was_joined_to_the_next_sentence() -> None:
    text = (
        "Hierbij bied ik u het verslag aan.\nDe Minister van Buitenlandse Zaken, A.B. Jansen\n"
        "Op 7 maart vond de Raad plaats."
    )
    layout = analyze_layout(text)
    assert [(b.kind, text[b.start : b.end]) for b in layout.blocks][1] == (
        "signature",
        "De Minister van Buitenlandse Zaken, A.B. Jansen",
    )


def test_lower_case_letter_furniture_was_read_as_sentences(analyzer: nlp_report.Analyzer) -> None:
    text = "ons kenmerk: AB. 2005/1234\ndatum: 12-09-2005\n\nbijlagen: 4\n\nGeachte Voorzitter,\n\nDe Raad vergaderde."
    assert sentences(analyzer.analyze(text)) == ["De Raad vergaderde."]


def test_heading_with_an_open_parenthesis_cut_a_sentence_at_a_wrapped_kamerstuk(analyzer: nlp_report.Analyzer) -> None:
    text = (
        "Het kabinet heeft de Kamer eerder geïnformeerd over de inzet in de regio en over de\n"
        "voorwaarden die het daarbij stelt aan een bijdrage van Nederland aan de missie.\n"
        "Zoals toegezegd tijdens het commissiedebat van 22 oktober 2024 (Kamerstuk\n"
        "29 521, nr. 492) informeert het kabinet uw Kamer over de bijdragen aan missies en\n"
        "operaties in de komende jaren, en over de middelen die daarvoor nodig zijn.\n"
    )
    report = analyzer.analyze(text)
    assert [s[:15] for s in sentences(report)] == ["Het kabinet hee", "Zoals toegezegd"]
    assert ("Kamerstuk\n29 521, nr. 492", "KAMERSTUK", "29521-492") in entities(report)


# --- entities --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dit gebeurde met steun van de NAVO en de VN. En daarna volgde meer.",
            [("NAVO", "ORG", "NATO"), ("VN", "ORG", "UN")],
        ),
        ("Heeft u dit in een van de RBZ's voorgesteld?", [("RBZ", "ORG", "FAC")]),
        ("De Raad kwam bijeen in Luxemburg.", []),
        ("Luxemburg steunde het voorstel.", [("Luxemburg", "COUNTRY", "LU")]),
        ("Het Akkoord van Luxemburg werd genoemd.", []),
        ("Zie het standpunt (TK 2003-2004, 28 625, nr. 12).", [("28 625, nr. 12", "KAMERSTUK", "28625-12")]),
        ("Met verwijzing naar onze brief met kenmerk DVB/CV-123/05 melden wij dit.", []),
        ("Postbus 20061\n2500 EC 's-Gravenhage\n\nDe EU besloot.", [("EU", "ORG", "EU")]),
        ("Toelichting van minister Jansen (BZ) en minister De Vries (Defensie).", []),
        ("Het lid Piri (GL-PvdA) vroeg dit.", [("GL-PvdA", "ORG", "GLPVDA")]),
        ("Het Stabiliteits- en Groeipact (SGP) bleef overeind; het SGP werd herzien.", []),
        ("Onder het Hongaars voorzitterschap werd dit besproken.", [("Hongaars", "COUNTRY", "HU")]),
        ("Het verslag is in het Frans opgesteld.", []),
        ("Op de EU-AU top sprak men hierover.", [("EU", "ORG", "EU"), ("AU", "ORG", "AU")]),
        (
            "De EU-ESA Ruimteraad en de EU-Gezondheidsraad vergaderden.",
            [
                ("EU-ESA Ruimteraad", "ORG", "SPACE-COUNCIL"),
                ("EU-Gezondheidsraad", "ORG", "EPSCO"),
            ],
        ),
        ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal.", [("Tweede Kamer", "ORG", "TK")]),
        ("De Staten-Generaal stemden in.", [("Staten-Generaal", "ORG", "STATES-GENERAL")]),
        ("Bij de Chef Defensiestaf lag het besluit.", []),
        (
            "Zie Kamerstuk 21501–08, nr. 463 en kamerstuk 28676, nr 48.",
            [
                ("Kamerstuk 21501–08, nr. 463", "KAMERSTUK", "21501-08-463"),
                ("kamerstuk 28676, nr 48", "KAMERSTUK", "28676-48"),
            ],
        ),
        (
            "De moties Jansen c.s. en De Vries c.s. zijn aangenomen.",
            [
                ("moties Jansen c.s. en De Vries c.s.", "MOTION", "Jansen, De Vries"),
            ],
        ),
    ],
)
def test_entities_of_real_letter_shapes(
    analyzer: nlp_report.Analyzer, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert entities(analyzer.analyze(text)) == expected


def test_motion_link_missed_when_words_about_the_motion_stood_before_its_kamerstuk(
    analyzer: nlp_report.Analyzer,
) -> None:
    text = (
        "Ik geef uitvoering aan de motie van het lid Jansen over het belang van mest "
        "(Kamerstuk 35 000-XIV, nr. 77), de motie van het lid De Vries c.s. van 3 maart 2020 "
        "(Kamerstuk 29 521, nr. 400) en de motie van het lid Bakker en de brief van mei (Kamerstuk 22 054, nr. 190)."
    )
    report = analyzer.analyze(text)
    assert [(m.text, m.kamerstuk.kb_id if m.kamerstuk else None) for m in report.motions] == [
        ("motie van het lid Jansen", "35000-XIV-77"),
        ("motie van het lid De Vries c.s.", "29521-400"),
        ("motie van het lid Bakker", None),
    ]
