"""Motion references and their sponsors."""

from __future__ import annotations

import pytest

from nlp_report.entities import find_motions, parse_sponsors


@pytest.mark.parametrize(
    ("text", "span", "sponsors"),
    [
        ("conform de motie Van Haga ieder", "motie Van Haga", ("Van Haga",)),
        ("de motie-Van Haga", "motie-Van Haga", ("Van Haga",)),
        ("de motie van het lid Van Haga", "motie van het lid Van Haga", ("Van Haga",)),
        (
            "de motie van de leden Sjoerdsma en Brekelmans",
            "motie van de leden Sjoerdsma en Brekelmans",
            ("Sjoerdsma", "Brekelmans"),
        ),
        ("de motie Sjoerdsma c.s. vraagt", "motie Sjoerdsma c.s.", ("Sjoerdsma",)),
        ("de motie Sjoerdsma/Brekelmans", "motie Sjoerdsma/Brekelmans", ("Sjoerdsma", "Brekelmans")),
        ("de gewijzigde motie van het lid Boswijk c.s.", "motie van het lid Boswijk c.s.", ("Boswijk",)),
        ("de motie van het lid Van der Lee", "motie van het lid Van der Lee", ("Van der Lee",)),
        (
            "de motie van de leden Van der Plas en\nTeunissen",
            "motie van de leden Van der Plas en\nTeunissen",
            ("Van der Plas", "Teunissen"),
        ),
        ("de motie van het\nlid Paternotte c.s.", "motie van het\nlid Paternotte c.s.", ("Paternotte",)),
        ("de motie In 't Veld", "motie In 't Veld", ("In 't Veld",)),
        ("de motie-H. van der Lee", "motie-H. van der Lee", ("H. van der Lee",)),
        ("Motie Omtzigt", "Motie Omtzigt", ("Omtzigt",)),
        ("de motie Klaver-Jetten", "motie Klaver-Jetten", ("Klaver-Jetten",)),
    ],
)
def test_forms(text: str, span: str, sponsors: tuple[str, ...]) -> None:
    (found,) = find_motions(text)
    assert text[found.start : found.end] == span
    assert found.sponsors == sponsors
    assert found.kb_id == ", ".join(sponsors)


@pytest.mark.parametrize(
    "text",
    [
        "een motie over het convenant",
        "een motie van wantrouwen",
        "de motie van de Kamer",
        "Kamermotie Van Haga",
        "promotie Van Haga",
    ],
)
def test_no_motion(text: str) -> None:
    assert list(find_motions(text)) == []


def test_a_word_that_is_no_name_ends_the_list() -> None:
    stop = {"Kamerstuk", "Nederland"}
    (found,) = find_motions("de motie Van Haga, Kamerstuk 28 676", lambda word: word in stop)
    assert found.sponsors == ("Van Haga",)
    assert list(find_motions("de motie Nederland", lambda word: word in stop)) == []


def test_footnote_marker_digits_are_not_part_of_a_name() -> None:
    (found,) = find_motions("de motie Brekelmans/Sjoerdsma3 gaat over")
    assert found.sponsors == ("Brekelmans", "Sjoerdsma")


def test_parse_sponsors() -> None:
    assert parse_sponsors("motie Sjoerdsma/Brekelmans") == ("Sjoerdsma", "Brekelmans")
    assert parse_sponsors("geen motie hier") == ()
