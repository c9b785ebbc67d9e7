"""Texts longer than spaCy's max_length: where they are cut, and how the reports are merged."""

from __future__ import annotations

import itertools

import pytest

from nlp_report.longtext import merge_reports, split_spans
from nlp_report.types import Entity, Footnote, Report, Section, Sentence


def pieces(text: str, max_length: int) -> list[str]:
    spans = split_spans(text, max_length)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end == start  # no gap, no overlap
    assert all(0 < end - start <= max_length for start, end in spans)
    return [text[start:end] for start, end in spans]


def test_a_short_text_is_one_piece() -> None:
    assert split_spans("Kort.", 100) == [(0, 5)]
    assert split_spans("", 100) == [(0, 0)]


def test_cut_after_the_last_blank_line_that_fits() -> None:
    text = "Een.\n\nTwee twee.\n\nDrie drie drie.\n"
    assert pieces(text, 20) == ["Een.\n\nTwee twee.\n\n", "Drie drie drie.\n"]


def test_blank_lines_with_spaces_and_crlf_are_paragraph_boundaries() -> None:
    text = "Een een.\r\n \t\r\nTwee twee twee twee."
    assert pieces(text, 20) == ["Een een.\r\n \t\r\n", "Twee twee twee twee."]


def test_without_blank_line_cut_at_a_line_break_then_at_white_space() -> None:
    assert pieces("regel een\nregel twee\nregel drie", 22) == ["regel een\nregel twee\n", "regel drie"]
    assert pieces("woord woord woord woord", 12) == ["woord woord ", "woord woord"]


def test_a_run_without_white_space_is_cut_where_it_must() -> None:
    assert pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_max_length_must_be_positive() -> None:
    with pytest.raises(ValueError):
        split_spans("tekst", 0)


def test_merge_shifts_offsets_and_carries_the_section() -> None:
    first_text = "Kop\n\nNederland steunt het."
    second_text = "Dat blijft zo. Nieuwe kop\n\nTot slot."
    text = first_text + second_text
    first = Report(
        text=first_text,
        source=None,
        model="m",
        sentences=(Sentence(5, 26, "Nederland steunt het.", "position", "Nederland", "Kop"),),
        entities=(Entity(5, 14, "Nederland", "COUNTRY", "NL"),),
        sections=(Section(0, 3, "Kop", "Kop"),),
        footnotes=(Footnote(1, 5, 8, "Ned", None, None),),
    )
    second = Report(
        text=second_text,
        source=None,
        model="m",
        sentences=(
            Sentence(0, 14, "Dat blijft zo.", "context", None, None),
            Sentence(27, 36, "Tot slot.", "context", None, "Nieuwe kop"),
        ),
        sections=(Section(15, 25, "Nieuwe kop", "Nieuwe kop"),),
        footnotes=(Footnote(2, 0, 3, "Dat", 4, 5),),
    )
    merged = merge_reports(text, [(0, first), (len(first_text), second)], source="s", model="m")
    assert merged.text == text and merged.source == "s"
    for item in (*merged.sentences, *merged.entities, *merged.sections):
        assert text[item.start : item.end] == item.text
    assert [s.section for s in merged.sentences] == ["Kop", "Kop", "Nieuwe kop"]
    assert merged.footnotes[1].start == len(first_text) and merged.footnotes[1].marker_start == len(first_text) + 4
    assert merged.footnotes[0].marker_start is None


def test_merged_blocks_and_furniture_index_the_whole_text() -> None:
    from nlp_report.types import TextBlock

    text = "Kop\n\nEen zin.\n\nPagina 1\n\nTwee zinnen."
    first = Report("Kop\n\nEen zin.\n\n", None, "m", blocks=(TextBlock("heading", 0, 3), TextBlock("paragraph", 5, 13)))
    second = Report(
        "Pagina 1\n\nTwee zinnen.", None, "m", blocks=(TextBlock("paragraph", 10, 22),), furniture=((0, 8),)
    )
    merged = merge_reports(text, [(0, first), (15, second)], source=None, model="m")
    assert [(b.kind, text[b.start : b.end]) for b in merged.blocks] == [
        ("heading", "Kop"),
        ("paragraph", "Een zin."),
        ("paragraph", "Twee zinnen."),
    ]
    assert [text[s:e] for s, e in merged.furniture] == ["Pagina 1"]
    assert Report.from_dict(merged.to_dict()) == merged
