"""Sentence-boundary defects the unannotated real letters of ``../shared/corpus/pool`` showed.

Each test is named after the defect it pins; the texts are written for the
project in the shapes those letters have (web renderings, some hard-wrapped);
no real text is copied.
"""

from __future__ import annotations

import textwrap

import nlp_report
from nlp_report.layout import analyze_layout


def sentences(analyzer: nlp_report.Analyzer, text: str) -> list[str]:
    return [s.text for s in analyzer.analyze(text).sentences]


def wrapped(*paragraphs: str, width: int = 70) -> str:
    """Hard-wrapped text: each paragraph filled to ``width``, the lines of all of them one after the other."""
    return "\n".join(textwrap.fill(p, width) for p in paragraphs)


LINES = [
    "De ministers hebben daarna uitgebreid gesproken over de voortgang van de",
    "gezamenlijke plannen voor de komende jaren en over de financiering door",
    "alle lidstaten. Ook de begroting van de Unie voor het komende jaar kwam",
    "aan de orde, met de verdeling van de middelen over de verschillende taken.",
]
"""A hard-wrapped paragraph (width 72) whose last line is too long for the next word: a wrap by the width."""
PARAGRAPH = [
    "De ministers hebben daarna uitgebreid gesproken over de voortgang van de gezamenlijke plannen voor de "
    "komende jaren en over de financiering door alle lidstaten.",
    "Ook de begroting van de Unie voor het komende jaar kwam aan de orde, met de verdeling van de middelen "
    "over de verschillende taken.",
]


def flat(analyzer: nlp_report.Analyzer, text: str) -> list[str]:
    """The sentences with their line breaks read as spaces."""
    return [s.replace("\n", " ") for s in sentences(analyzer, text)]


def test_lead_in_was_glued_to_an_inline_first_bullet(analyzer: nlp_report.Analyzer) -> None:
    text = "De Raad stelt voor de missie beschikbaar: . een hospitaalschip;\n. twee vrachtwagens;\n. een team artsen."
    assert sentences(analyzer, text) == [
        "De Raad stelt voor de missie beschikbaar:",
        "een hospitaalschip;",
        "twee vrachtwagens;",
        "een team artsen.",
    ]


def test_bullet_mark_full_stop_was_kept_in_the_item(analyzer: nlp_report.Analyzer) -> None:
    text = "De Raad besprak:\n. de begroting;\n. het verslag."
    assert sentences(analyzer, text) == ["De Raad besprak:", "de begroting;", "het verslag."]


def test_heading_was_glued_to_the_next_sentence_without_a_blank_line(analyzer: nlp_report.Analyzer) -> None:
    report = analyzer.analyze("\n".join([*LINES, "Verdere ontwikkelingen", *LINES]))
    assert [s.text.replace("\n", " ") for s in report.sentences] == PARAGRAPH * 2
    assert [s.title for s in report.sections] == ["Verdere ontwikkelingen"]


def test_heading_after_a_sentence_at_a_wrap_was_read_as_a_sentence(analyzer: nlp_report.Analyzer) -> None:
    text = "\n".join([*LINES, "Raad voor Vervoer 3 en 4 mei"]) + "\n\n" + "\n".join(LINES)
    assert flat(analyzer, text) == PARAGRAPH * 2


def test_sentence_was_split_after_the_title_dhr(analyzer: nlp_report.Analyzer) -> None:
    text = "Het overleg werd voorgezeten door de voorzitter, dhr. Van der Berg, en duurde twee uur."
    assert sentences(analyzer, text) == [text]


def test_footnote_marker_glued_on_both_sides_joined_two_sentences(analyzer: nlp_report.Analyzer) -> None:
    text = "Deze brief gaat over de moties Jansen c.s. (bijlage).3Met die moties vroeg de Kamer om een plan."
    assert sentences(analyzer, text) == [
        "Deze brief gaat over de moties Jansen c.s. (bijlage).",
        "Met die moties vroeg de Kamer om een plan.",
    ]


def test_missing_space_after_a_full_stop_joined_two_sentences(analyzer: nlp_report.Analyzer) -> None:
    text = "Het aandeel steeg tot het maximum (100,0).De Raad nam daar kennis van. Ook de VN.Het comité volgde."
    assert sentences(analyzer, text) == [
        "Het aandeel steeg tot het maximum (100,0).",
        "De Raad nam daar kennis van.",
        "Ook de VN.",
        "Het comité volgde.",
    ]


def test_wrapped_line_starting_with_a_dash_was_read_as_a_bullet(analyzer: nlp_report.Analyzer) -> None:
    lines = [
        *LINES[:3],
        "aan de orde, met de verdeling van de middelen over de nieuwe taken",  # "- naar" would not have fit
        "- naar later bleek - van de verschillende instellingen van de Unie.",
        *LINES,
    ]
    assert flat(analyzer, "\n".join(lines)) == [
        PARAGRAPH[0],
        "Ook de begroting van de Unie voor het komende jaar kwam aan de orde, met de verdeling van de middelen "
        "over de nieuwe taken - naar later bleek - van de verschillende instellingen van de Unie.",
        *PARAGRAPH,
    ]


def test_speaker_label_was_kept_before_a_quote(analyzer: nlp_report.Analyzer) -> None:
    text = "Jansen: 'Wij hebben veel bereikt dit jaar. Maar er blijft werk liggen.'"
    assert sentences(analyzer, text) == ["'Wij hebben veel bereikt dit jaar.", "Maar er blijft werk liggen."]


def test_question_mark_in_a_quoted_title_split_the_sentence(analyzer: nlp_report.Analyzer) -> None:
    text = "De Raad presenteerde zijn advies «Wie doet wat? Taken van rijk en gemeenten». Het kabinet reageert later."
    assert sentences(analyzer, text) == [
        "De Raad presenteerde zijn advies «Wie doet wat? Taken van rijk en gemeenten».",
        "Het kabinet reageert later.",
    ]


def test_hard_wrapped_sentence_was_dropped_into_a_heading(analyzer: nlp_report.Analyzer) -> None:
    lines = [
        *LINES,
        "Met deze brief geef ik gevolg aan dat verzoek van uw Kamer.",
        "Het werk van de partners richt zich vooral op de samenwerking tussen de",
        "kustlanden. Sinds 2015 werken de diensten van Noord",
        "Eiland, Zuid Eiland en West Eiland samen in een gezamenlijk bureau.",
    ]
    assert flat(analyzer, "\n".join(lines))[2:] == [
        "Met deze brief geef ik gevolg aan dat verzoek van uw Kamer.",
        "Het werk van de partners richt zich vooral op de samenwerking tussen de kustlanden.",
        "Sinds 2015 werken de diensten van Noord Eiland, Zuid Eiland en West Eiland samen in een gezamenlijk bureau.",
    ]


def test_wrapped_first_line_of_a_sentence_was_read_as_a_heading(analyzer: nlp_report.Analyzer) -> None:
    lines = [
        *LINES,
        "Agenda van de top",
        "De ministers bespreken de agenda van de top van de Europese Raad",
        "(ER) van 4 en 5 mei a.s.",
        *LINES,
    ]
    report = analyzer.analyze("\n".join(lines))
    assert [s.text.replace("\n", " ") for s in report.sentences] == [
        *PARAGRAPH,
        "De ministers bespreken de agenda van de top van de Europese Raad (ER) van 4 en 5 mei a.s.",
        *PARAGRAPH,
    ]
    assert [s.title for s in report.sections] == ["Agenda van de top"]


def test_wrapped_lead_in_colon_heading_and_sentence_were_one(analyzer: nlp_report.Analyzer) -> None:
    text = wrapped(
        "Het kabinet weegt elke aanvraag af tegen de vastgestelde criteria voor de uitvoer. Dat leidde tot "
        "een besluit op grond van de volgende overwegingen:",
        "Stabiliteit in de regio (punt 3)",
        "Een aanvraag wordt afgewezen als de goederen zouden kunnen bijdragen aan spanningen tussen de "
        "landen in de regio en daarbuiten, nu of in de komende jaren.",
    )
    found = [s.replace("\n", " ") for s in sentences(analyzer, text)]
    assert found[1].endswith("de volgende overwegingen:")
    assert found[2].startswith("Een aanvraag wordt afgewezen") and len(found) == 3


def test_letterhead_form_fields_were_read_as_sentences(analyzer: nlp_report.Analyzer) -> None:
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n\n- Directie Oost-Europa\n\n"
        "Datum\n\n- 3 mei 2005\n\nBehandeld\n\n- drs A.B. Jansen\n\nKenmerk\n\n- DOE-123/2005\n\n"
        "Bijlage(n)\n\n- Verslag van de top\n\nBetreft\n\nRelaties met de buurlanden\n\n"
        "- Met deze brief informeer ik u over de stand van de gesprekken met de buurlanden.\n"
    )
    assert sentences(analyzer, text) == [
        "Met deze brief informeer ik u over de stand van de gesprekken met de buurlanden."
    ]


def test_form_labels_in_a_bulleted_fiche_were_read_as_sentences(analyzer: nlp_report.Analyzer) -> None:
    title = "Mededeling van de Commissie over " + " en ".join(["de taken van de Unie"] * 12)
    text = (
        f"1. Algemene gegevens\n\n  • a) Titel voorstel\n\n    {title}\n\n  • b) Datum ontvangst\n\n"
        "    3 mei 2018\n\n2. Essentie voorstel\n\nDe Commissie stelt voor de taken te herzien.\n"
    )
    assert sentences(analyzer, text) == ["De Commissie stelt voor de taken te herzien."]


def test_footnote_marker_after_a_final_abbreviation_at_block_end_was_kept(analyzer: nlp_report.Analyzer) -> None:
    text = "De inzet is toegelicht in het fiche van 4 mei jl.2\n\nDe Raad besloot daarna."
    assert sentences(analyzer, text) == ["De inzet is toegelicht in het fiche van 4 mei jl.", "De Raad besloot daarna."]


def test_question_headers_and_editorial_notes_were_read_as_sentences(analyzer: nlp_report.Analyzer) -> None:
    text = "\n".join(
        [
            "Vragen van het lid Jansen (ABC) aan de Minister van Financiën over het bericht «Banken",
            "sluiten kantoren» (ingezonden 3 maart 2017).",
            "Antwoord van Minister De Vries (Financiën) (ontvangen 24 mei 2017). Zie ook Aanhangsel",
            "Handelingen, vergaderjaar 2016–2017, nr. 1234.",
            "Vraag 1",
            "Kent u het bericht «Banken sluiten kantoren»?1",
            "Antwoord 1",
            "Ja.",
        ]
    )
    assert sentences(analyzer, text) == ["Kent u het bericht «Banken sluiten kantoren»?", "Ja."]


def test_x_noot_footnote_lines_were_read_as_sentences(analyzer: nlp_report.Analyzer) -> None:
    text = (
        "Over de uitkomst bericht ik u na de zomer.1\n\nDe Minister van Financiën,\n\nA.B. Jansen\n\n\n"
        "X Noot\n1\n\nZie de bijlage bij deze brief.\n\nX Noot\n2\n\nKamerstuk 12 345, nr. 6\n"
    )
    report = analyzer.analyze(text)
    assert [s.text for s in report.sentences] == ["Over de uitkomst bericht ik u na de zomer."]
    assert [(f.number, f.text) for f in report.footnotes] == [
        (1, "Zie de bijlage bij deze brief."),
        (2, "Kamerstuk 12 345, nr. 6"),
    ]


def test_addressee_label_i_a_a_was_split_into_two_sentences(analyzer: nlp_report.Analyzer) -> None:
    text = (
        "Aan:\nde Voorzitter van de Tweede Kamer der Staten-Generaal\n\nI.a.a.:\n"
        "de Voorzitter van de Eerste Kamer der Staten-Generaal\n\nGeachte Voorzitter,\n\n"
        "Hierbij bericht ik u over de missie."
    )
    assert sentences(analyzer, text) == ["Hierbij bericht ik u over de missie."]


def test_question_label_inside_a_paragraph_run_was_glued_to_the_question(analyzer: nlp_report.Analyzer) -> None:
    lines = [*LINES, "Vraag 1", "Heeft u kennisgenomen van het bericht over de sluiting van de kantoren?"]
    text = "\n".join([*lines, "Antwoord 1", "Ja."])
    assert sentences(analyzer, text)[2:] == [lines[-1], "Ja."]


def test_salutation_opening_a_speech_was_read_as_a_sentence(analyzer: nlp_report.Analyzer) -> None:
    text = "MINISTER-PRESIDENT JANSEN:\nDames en heren, welkom. Wij beginnen met de begroting."
    assert sentences(analyzer, text) == ["Wij beginnen met de begroting."]


def test_layout_of_a_wrapped_heading_after_a_sentence() -> None:
    layout = analyze_layout("\n".join([*LINES, "Verdere ontwikkelingen", *LINES]))
    assert [b.kind for b in layout.blocks] == ["paragraph", "heading", "paragraph"]


def test_procedure_label_in_brackets_was_read_as_a_sentence(analyzer: nlp_report.Analyzer) -> None:
    text = "Quota voor de vangst\n(Politiek akkoord)\n\nDe Raad zal de quota voor volgend jaar vaststellen."
    assert sentences(analyzer, text) == ["De Raad zal de quota voor volgend jaar vaststellen."]


def test_line_initial_dash_inside_a_bracket_was_read_as_a_bullet(analyzer: nlp_report.Analyzer) -> None:
    text = (
        "Inleiding\n\nDe Raad bespreekt de plafonds voor de uitstoot (emission ceilings\n"
        "- EC's) voor de komende jaren, en de regels voor de handel daarin.\n\nDat is gebruikelijk."
    )
    assert flat(analyzer, text) == [
        "De Raad bespreekt de plafonds voor de uitstoot (emission ceilings - EC's) voor de komende jaren, "
        "en de regels voor de handel daarin.",
        "Dat is gebruikelijk.",
    ]


def test_unpunctuated_last_item_was_glued_to_the_next_sentence(analyzer: nlp_report.Analyzer) -> None:
    text = (
        "De Raad besprak drie thema's:\n- vervoer\n\n- de aanleg van fietspaden\n\n"
        "- de veiligheid van het spoor-netwerk Verder nam de Raad een besluit over tolwegen."
    )
    assert sentences(analyzer, text) == [
        "De Raad besprak drie thema's:",
        "vervoer",
        "de aanleg van fietspaden",
        "de veiligheid van het spoor-netwerk",
        "Verder nam de Raad een besluit over tolwegen.",
    ]


def test_sentence_broken_by_a_blank_line_keeps_its_first_part(analyzer: nlp_report.Analyzer) -> None:
    """No sentence crosses a blank line (the corpus conventions), so the part before it is a sentence of its own.

    Guards the rule that drops blocks without a sentence end: a first version dropped this part.
    """
    text = "In de tweede helft van het jaar staat de herziening van het\n\nEuropese Zeevaartbeleid centraal."
    assert sentences(analyzer, text) == [
        "In de tweede helft van het jaar staat de herziening van het",
        "Europese Zeevaartbeleid centraal.",
    ]
