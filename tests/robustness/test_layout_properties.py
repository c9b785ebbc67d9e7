"""Property tests of the layout stage and its offset map (cheap: most of the examples run here)."""

from __future__ import annotations

from hypothesis import given

from nlp_report.layout import analyze_layout

from .budget import fuzz
from .invariants import check_layout
from .strategies import any_texts, letter_texts


@fuzz("layout_letters")
@given(letter_texts())
def test_layout_of_letter_like_text(text: str) -> None:
    check_layout(text, analyze_layout(text))


@fuzz("layout_unicode")
@given(any_texts())
def test_layout_of_random_unicode(text: str) -> None:
    check_layout(text, analyze_layout(text))
