"""The seed letter end to end: sentences, sections, footnotes, offsets."""

from __future__ import annotations

from typing import Any

import nlp_report
from tests.helpers import assert_offsets


def test_sentence_spans_equal_the_gold(seed_report: nlp_report.Report, seed_gold: dict[str, Any]) -> None:
    gold = [(s["start"], s["end"]) for s in seed_gold["sentences"]]
    assert [(s.start, s.end) for s in seed_report.sentences] == gold
    assert len(gold) == 47


def test_the_report_text_is_the_input(seed_report: nlp_report.Report, seed_text: str) -> None:
    assert seed_report.text == seed_text
    assert seed_report.source == "navo-fmm-2022-04.txt"
    assert seed_report.model == "blank:nl"


def test_offset_invariant(seed_report: nlp_report.Report) -> None:
    assert_offsets(seed_report)


def test_sections(seed_report: nlp_report.Report) -> None:
    assert [s.title for s in seed_report.sections] == [
        "VERSLAG NAVO MINISTERIËLE BIJEENKOMST VAN 6 EN 7 APRIL 2022",
        "Avondsessie 6 april: NAVO 2030 / Strategisch Concept",
        "Eerste sessie 7 april: Rusland/Oekraïne en aantasting internationale rechtsorde",
        "Tweede sessie 7 april: Rusland / Oekraïne",
    ]
    wrapped = seed_report.sections[2]
    assert wrapped.text == "Eerste sessie 7 april: Rusland/Oekraïne en aantasting internationale \nrechtsorde"


def test_each_sentence_knows_its_section(seed_report: nlp_report.Report) -> None:
    by_start = {s.text.split()[0] + " " + s.text.split()[1]: s.section for s in seed_report.sentences}
    assert seed_report.sentences[0].section is None  # the cover letter
    assert by_start["De veiligheidssituatie"] == "Avondsessie 6 april: NAVO 2030 / Strategisch Concept"
    assert (
        by_start["Bondgenoten en"] == "Eerste sessie 7 april: Rusland/Oekraïne en aantasting internationale rechtsorde"
    )
    assert seed_report.sentences[-1].section == "Tweede sessie 7 april: Rusland / Oekraïne"


def test_footnotes_and_their_markers(seed_report: nlp_report.Report) -> None:
    text = seed_report.text
    assert [(f.number, f.text) for f in seed_report.footnotes] == [
        (1, "Kamerstuk 28 676, nr. 394"),
        (2, "Kamerstuk 28 676 nr. 397"),
    ]
    for note in seed_report.footnotes:
        assert note.marker_start is not None
        assert text[note.marker_start - len("Van Haga") : note.marker_end] == f"Van Haga{note.number}"


def test_no_sentence_holds_furniture_or_footnotes(seed_report: nlp_report.Report) -> None:
    for sentence in seed_report.sentences:
        for furniture in ("[Afzender]", "Onze Referentie", "BZDOC", "Kamerstuk 28 676", "Geachte", "Hoekstra"):
            assert furniture not in sentence.text
        assert not sentence.text.endswith("\n")
