"""Defects found while building the corpus; each test is named after the defect it pins."""

from __future__ import annotations

import pytest

import nlp_report
from nlp_report.layout import analyze_layout

PARAGRAPH = (
    "Tijdens de vergadering sprak de Raad uitgebreid over de steun aan Oekraïne en over \n"
    "de sancties die de Europese Unie tegen Rusland heeft ingesteld sinds februari \n"
    "2022, en over de uitvoering daarvan in de lidstaten."
)


def kinds(text: str) -> list[tuple[str, str]]:
    layout = analyze_layout(text)
    return [(b.kind, text[b.start : b.end]) for b in layout.blocks]


def test_marker_after_a_question_mark_was_kept_inside_the_sentence(analyzer: nlp_report.Analyzer) -> None:
    text = "Wanneer ontvangt de Kamer de brief die is toegezegd?2\n\n2 Kamerstuk 36 410, nr. 12\n"
    report = analyzer.analyze(text)
    assert [s.text for s in report.sentences] == ["Wanneer ontvangt de Kamer de brief die is toegezegd?"]
    assert report.footnotes[0].marker_start == text.index("?2") + 1


def test_paragraph_ending_in_a_marker_was_taken_for_a_heading() -> None:
    text = (
        PARAGRAPH + "\nOver de situatie in het Midden-Oosten sprak een dag eerder ook de Raad\n"
        "Buitenlandse Zaken, waarvan u het verslag separaat ontvangt.3\n\n3 Kamerstuk 21 501-02, nr. 2781\n"
    )
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph", "footnote"]


def test_signature_name_with_an_academic_title_was_a_sentence() -> None:
    for name in ("drs. K.H. Ollongren", "Drs. K.H. Ollongren", "mr. dr. A. de Vries"):
        text = f"{PARAGRAPH}\n\nDe minister van Defensie,\n\n{name}\n"
        assert kinds(text)[-1] == ("signature", name)


def test_kamervragen_header_paragraph_was_a_sentence() -> None:
    header = (
        "Antwoorden van de minister van Buitenlandse Zaken, mede namens de minister van\n"
        "Financiën, op vragen van het lid Sjoerdsma (D66) over de omzeiling van sancties \n"
        "tegen Rusland via derde landen (ingezonden 3 oktober 2023)"
    )
    text = f"2023Z16789\n\n{header}\n\nVraag 1\nBent u bekend met het bericht?\n\nAntwoord 1\nJa.\n"
    assert kinds(text) == [("header", line.rstrip()) for line in header.split("\n")] + [
        ("heading", "Vraag 1"),
        ("paragraph", "Bent u bekend met het bericht?"),
        ("heading", "Antwoord 1"),
        ("paragraph", "Ja."),
    ]


def test_staatscourant_colophon_was_a_sentence() -> None:
    text = f"{PARAGRAPH}\n\nkst-21501-02-2781\nISSN 0921 - 7371\n’s-Gravenhage 2023\n\n{PARAGRAPH}\n"
    assert [k for k, _ in kinds(text)] == ["paragraph", "paragraph"]


def test_addressee_wrapped_over_two_lines_was_a_sentence() -> None:
    text = (
        "> Retouradres Postbus 20061 2500 EB Den Haag\n\nAan de Voorzitter van de\n"
        "Tweede Kamer der Staten-Generaal\nPostbus 20018\n2500 EA Den Haag\n\n" + PARAGRAPH + "\n"
    )
    assert kinds(text)[:2] == [
        ("header", "Aan de Voorzitter van de"),
        ("header", "Tweede Kamer der Staten-Generaal"),
    ]
    assert kinds(text)[-1][0] == "paragraph"


def test_the_display_ran_the_layout_stage_again_inside_a_blind_except(
    seed_report: nlp_report.Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The display drew blocks and furniture from a second layout analysis; it reads them from the report."""
    import nlp_report.layout

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the display must not run the layout stage")

    monkeypatch.setattr(nlp_report.layout, "analyze_layout", fail)
    html = nlp_report.render(seed_report)
    assert seed_report.blocks and html.count('<h2 class="nr-h"') == len(seed_report.sections)
