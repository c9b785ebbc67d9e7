"""The offset map between the cleaned and the original text."""

from __future__ import annotations

from nlp_report.layout.offsets import CleanTextBuilder, OffsetMap


def test_copied_runs_and_inserted_characters_map_back() -> None:
    source = "NAVO-\nministers  van\tBuitenlandse"
    builder = CleanTextBuilder(source)
    builder.copy(0, 5)  # "NAVO-"
    builder.copy(6, 15)  # "ministers"
    builder.insert(" ", 15)  # for the two spaces
    builder.copy(17, 20)  # "van"
    builder.insert(" ", 20)  # for the tab
    builder.copy(21, len(source))
    clean, offsets = builder.build()
    assert clean == "NAVO-ministers van Buitenlandse"
    assert offsets.span(0, 14) == (0, 15)
    assert source[slice(*offsets.span(0, 14))] == "NAVO-\nministers"
    assert source[slice(*offsets.span(15, 18))] == "van"
    assert source[slice(*offsets.span(19, len(clean)))] == "Buitenlandse"


def test_adjacent_copies_merge_into_one_segment() -> None:
    builder = CleanTextBuilder("abcdef")
    builder.copy(0, 2)
    builder.copy(2, 6)
    _, offsets = builder.build()
    assert offsets.lengths == [6]


def test_empty_span_maps_to_a_point() -> None:
    offsets = OffsetMap.identity(10)
    assert offsets.span(4, 4) == (4, 4)


def test_round_trip_through_plain_data() -> None:
    builder = CleanTextBuilder("a\nb")
    builder.copy(0, 1)
    builder.insert(" ", 1)
    builder.copy(2, 3)
    _, offsets = builder.build()
    assert OffsetMap.from_data(offsets.to_data()) == offsets
