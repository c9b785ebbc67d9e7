"""Dutch dates in their written forms (nlp_report.metadata.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from nlp_report.metadata import find_dates

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("op 12 januari 2024 vond", (D(2024, 1, 12),)),
        ("de bijeenkomst van 6 en 7 april 2022", (D(2022, 4, 6), D(2022, 4, 7))),
        ("de top van 13-14 oktober 2021", (D(2021, 10, 13), D(2021, 10, 14))),
        ("de top van 13–14 oktober 2021", (D(2021, 10, 13), D(2021, 10, 14))),
        ("van 9 tot en met 11 juli 2024", (D(2024, 7, 9), D(2024, 7, 10), D(2024, 7, 11))),
        ("op woensdag 6 en donderdag 7 april 2022", (D(2022, 4, 6), D(2022, 4, 7))),
        ("van 30 november – 1 december 2023", (D(2023, 11, 30), D(2023, 12, 1))),
        ("op 14, 15 en 16 december 2009", (D(2009, 12, 14), D(2009, 12, 15), D(2009, 12, 16))),
        ("VAN 22 JANUARI 2024", (D(2024, 1, 22),)),
    ],
)
def test_written_dates_mean_these_days(text: str, expected: tuple[dt.date, ...]) -> None:
    (found,) = find_dates(text)
    assert found.dates == expected
    assert found.explicit_year


def test_the_offsets_cover_the_expression() -> None:
    text = "Den Haag, 12 januari 2024\n"
    (found,) = find_dates(text)
    assert text[found.start : found.end] == "12 januari 2024"


def test_jl_is_the_last_such_day_before_the_reference() -> None:
    (found,) = find_dates("tijdens het debat van 7 juli jl.", reference=D(2024, 3, 1))
    assert found.dates == (D(2023, 7, 7),)
    assert not found.explicit_year


def test_as_is_the_next_such_day_after_the_reference() -> None:
    (found,) = find_dates("de Raad van 4 maart a.s.", reference=D(2023, 12, 20))
    assert found.dates == (D(2024, 3, 4),)


def test_a_date_without_year_takes_the_year_of_the_reference() -> None:
    (found,) = find_dates("het debat van 4 mei", reference=D(2023, 6, 29))
    assert found.dates == (D(2023, 5, 4),)


def test_a_date_without_year_and_without_reference_is_passed_over() -> None:
    assert list(find_dates("het debat van 4 mei")) == []


def test_an_impossible_day_is_not_a_date() -> None:
    assert list(find_dates("op 31 februari 2023")) == []


def test_numeric_dates_only_when_asked() -> None:
    assert list(find_dates("datum: 12-09-2005")) == []
    (found,) = find_dates("datum: 12-09-2005", numeric=True)
    assert found.dates == (D(2005, 9, 12),)


def test_a_month_word_inside_another_word_is_no_date() -> None:
    assert list(find_dates("de 3 aprilvergaderingen van 2022")) == []
