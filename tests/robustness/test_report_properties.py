"""Property tests of whole reports: invariants, and the same report whichever way it is made."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nlp_report
from nlp_report.layout import analyze_layout

from .budget import fuzz
from .invariants import check_report
from .strategies import any_texts, letter_texts


@fuzz("report_letters")
@given(letter_texts())
def test_report_of_letter_like_text(analyzer: nlp_report.Analyzer, text: str) -> None:
    check_report(analyzer.analyze(text), text, analyze_layout(text))


@fuzz("report_unicode")
@given(any_texts())
def test_report_of_random_unicode(analyzer: nlp_report.Analyzer, text: str) -> None:
    check_report(analyzer.analyze(text), text, analyze_layout(text))


@fuzz("analyze_many")
@given(st.lists(st.one_of(letter_texts(max_parts=6), any_texts()), min_size=1, max_size=4), st.integers(1, 3))
def test_analyze_many_gives_what_analyze_gives(
    analyzer: nlp_report.Analyzer, texts: list[str], batch_size: int
) -> None:
    one_by_one = [analyzer.analyze(text) for text in texts]
    assert list(analyzer.analyze_many(texts, batch_size=batch_size)) == one_by_one
    # and again: no state carried over from one call to the next
    assert [analyzer.analyze(text) for text in reversed(texts)] == one_by_one[::-1]
    # the blocks the invariants use are the Doc's own
    doc = analyzer.nlp(texts[0])
    layout = analyze_layout(texts[0])
    assert doc._.layout == layout and doc.text == layout.clean_text
    assert [(s.label_, s.start_char, s.end_char) for s in doc.spans["nlp_report_blocks"]] == [
        (b.kind, b.clean_start, b.clean_end) for b in layout.blocks
    ]


@pytest.mark.slow
@fuzz("n_process")
@given(st.lists(st.one_of(letter_texts(max_parts=8), any_texts()), min_size=2, max_size=8), st.integers(1, 3))
def test_two_processes_give_what_one_gives(analyzer: nlp_report.Analyzer, texts: list[str], batch_size: int) -> None:
    pairs = [(text, f"doc{i}") for i, text in enumerate(texts)]
    expected = [analyzer.analyze(text, source=source) for text, source in pairs]
    assert list(analyzer.analyze_many(pairs, n_process=2, batch_size=batch_size)) == expected
