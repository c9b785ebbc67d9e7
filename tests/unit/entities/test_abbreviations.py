"""Abbreviations defined in a text (Schwartz-Hearst)."""

from __future__ import annotations

import pytest

from nlp_report.entities.abbreviations import candidate_long_form, ends_in, is_short_form, matches_short, parentheses


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("DIANA", "Defence Innovation Accelerator for the North Atlantic", True),
        ("EDA", "Europees Defensieagentschap", True),
        ("NPG", "Nucleaire Planningsgroep", True),
        ("RBZ", "Raad Buitenlandse Zaken", True),
        ("NORDEFCO", "Nordic Defence Cooperation", True),
        ("OLAF", "Europees Bureau voor Fraudebestrijding", False),
        ("HV", "Europese Raad", False),
    ],
)
def test_matches_short(short: str, long: str, expected: bool) -> None:
    assert matches_short(short, long) is expected


def test_candidate_long_form_takes_the_shortest_fitting_words() -> None:
    before = "De Raad blikte terug op de bijeenkomst van de Trade and Technology Council "
    offset, long = candidate_long_form("TTC", before) or (0, "")
    assert long == "Trade and Technology Council"
    assert before[offset:].strip() == long
    assert candidate_long_form("TTC", "een bijeenkomst in Brussel ") is None


def test_short_forms() -> None:
    assert [w for w in ["EU", "NAVO", "MC13", "SatCen", "Handel", "B", "2023", "eu"] if is_short_form(w)] == [
        "EU",
        "NAVO",
        "MC13",
        "SatCen",
    ]


def test_heads_also_end_closed_compounds() -> None:
    heads = frozenset({"agentschap", "raad"})
    assert ends_in("Defensieagentschap", heads)
    assert ends_in("Raad", heads)
    assert not ends_in("Kader", heads)


def test_parentheses() -> None:
    text = "de Europese Raad (ER) en (zie\nhierboven) de EU (European Union)"
    assert [p.inner for p in parentheses(text)] == ["ER", "European Union"]
