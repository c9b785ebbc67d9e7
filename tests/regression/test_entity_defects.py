"""Defects found while building the entity rules; each test is named after the defect it pins."""

from __future__ import annotations

from typing import Any

import spacy

import nlp_report
from nlp_report.analyzer import TOKENIZER
from nlp_report.layout import analyze_layout

WRAPPED = (
    "Tijdens de vergadering sprak de Raad uitgebreid over de steun aan Oekraïne en over \n"
    "de sancties die de Europese Unie tegen Rusland heeft ingesteld sinds februari \n"
    "2022. Het kabinet zet zich ervoor in dat dit pakket, in lijn met de motie-Sjoerdsma \n"
    "c.s.2, ook maatregelen bevat tegen de omzeiling van sancties via derde landen en dat \n"
    "de handhaving wordt versterkt, zoals gevraagd in de motie-Brekelmans c.s.3.\n\n"
    "2 Kamerstuk 21 501-02, nr. 2712\n"
    "3 Kamerstukken II 2022/23, 36 200 X, nr. 27\n"
)


def entities(report: nlp_report.Report) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.label, e.kb_id) for e in report.entities]


def test_marker_after_cs_before_a_comma_or_stop_was_kept_in_the_text(analyzer: nlp_report.Analyzer) -> None:
    layout = analyze_layout(WRAPPED)
    assert [(m.number, WRAPPED[m.start - 4 : m.end + 1]) for m in layout.markers] == [(2, "c.s.2,"), (3, "c.s.3.")]
    report = analyzer.analyze(WRAPPED)
    assert [(m.text, m.kamerstuk.kb_id if m.kamerstuk else None) for m in report.motions] == [
        ("motie-Sjoerdsma \nc.s.", "21501-02-2712"),
        ("motie-Brekelmans c.s.", "36200-X-27"),
    ]


def test_abbreviation_before_a_final_stop_was_split_into_c_s_and_two_dots(analyzer: nlp_report.Analyzer) -> None:
    doc = analyzer.nlp.make_doc("Zo vroeg de motie-Brekelmans c.s..")
    assert [t.text for t in doc][-2:] == ["c.s.", "."]


def test_colophon_and_running_footer_on_one_line_were_a_heading(analyzer: nlp_report.Analyzer) -> None:
    text = (
        "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2023–2024\n\n"
        "21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken\n\n"
        "Nr. 2901 BRIEF VAN DE MINISTER VOOR BUITENLANDSE HANDEL\n\n"
        "De Raad sprak over China.\n\n"
        "kst-21501-02-2901\nISSN 0921 - 7371\n"
        "’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, 21 501-02, nr. 2901 1\n\n"
        "De Raad sprak ook over Chili.\n"
    )
    report = analyzer.analyze(text)
    assert [s.title for s in report.sections] == []
    assert [e.text for e in report.entities] == [
        "Tweede Kamer",
        "Raad Algemene Zaken",
        "Raad Buitenlandse Zaken",
        "China",
        "Chili",
    ]


def test_quoted_article_title_was_tagged(analyzer: nlp_report.Analyzer) -> None:
    report = analyzer.analyze(
        "Bent u bekend met het bericht ‘Westerse chips vinden via Kazachstan hun weg naar het Russische leger’? "
        "Welke rol speelt Kazachstan?"
    )
    assert entities(report) == [("Kazachstan", "COUNTRY", "KZ")]
    assert report.entities[0].start > report.text.index("?")


def test_suspended_hyphen_kept_navo_out(analyzer: nlp_report.Analyzer) -> None:
    report = analyzer.analyze("Het kabinet ziet erop toe dat de NAVO- en EU-initiatieven elkaar versterken.")
    assert entities(report) == [("NAVO", "ORG", "NATO"), ("EU", "ORG", "EU")]


def test_own_dossier_number_in_a_running_footer_was_a_kamerstuk(analyzer: nlp_report.Analyzer) -> None:
    text = (
        "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2023–2024\n\n28 676 NAVO\n\n"
        "Nr. 470 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\n"
        "De commissie vroeg naar de agenda (Kamerstuk 28 676, nr. 468).\n\n"
        "Tweede Kamer, vergaderjaar 2023–2024, 28 676, nr. 470 2\n\n"
        "Het antwoord verwijst naar Kamerstuk 28 676, nr. 470 en naar Kamerstuk 28 676, nr. 455.\n"
    )
    papers = [e.kb_id for e in analyzer.analyze(text).entities if e.label == "KAMERSTUK"]
    assert papers == ["28676-468", "28676-455"]


def test_a_models_org_was_taken_for_an_entity_of_the_rules() -> None:
    nlp = spacy.blank("nl", config={"nlp": {"tokenizer": TOKENIZER}})
    nlp.add_pipe("nlp_report_entities")
    doc = nlp.make_doc("De NAVO-ministers vergaderden.")
    doc.ents = [doc.char_span(3, 17, label="ORG")]
    doc = nlp.get_pipe("nlp_report_entities")(doc)
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("NAVO", "NATO")]
    assert [s.text for s in doc.spans["nlp_report_model_ents"]] == ["NAVO-ministers"]


def test_language_after_het_was_a_country_adjective(analyzer: nlp_report.Analyzer) -> None:
    report = analyzer.analyze("De brief is in het Frans opgesteld, onder Frans voorzitterschap.")
    assert entities(report) == [("Frans", "COUNTRY", "FR")]
    assert report.entities[0].start == report.text.rindex("Frans")


def test_matcher_windows_miss_no_match_of_the_whole_doc(analyzer: nlp_report.Analyzer, corpus_gold: list[Any]) -> None:
    """The token patterns run only on windows where a pattern can start; the matches must be the same."""
    tokens = analyzer.nlp.get_pipe("nlp_report_entities").rules.tokens
    for gold in corpus_gold:
        doc = analyzer.nlp.make_doc(gold["text"])
        assert sorted(set(tokens(doc))) == sorted(tokens.matcher(doc)), gold["id"]
