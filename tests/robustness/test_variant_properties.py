"""The same letter written differently gives the same report; crowds of markers and definitions are all found."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import nlp_report
from nlp_report.layout import analyze_layout
from tests.helpers import report_signature

from .budget import fuzz
from .invariants import check_report
from .strategies import any_texts
from .variants import (
    WHITESPACE_VARIANTS,
    in_normal_form,
    long_run_next_to_marker,
    many_abbreviations,
    many_footnotes,
    plain_letters,
)


@fuzz("normal_forms")
@given(in_normal_form())
def test_a_letter_in_any_normal_form_gives_the_report_of_its_composed_form(
    analyzer: nlp_report.Analyzer, case: tuple[str, str]
) -> None:
    form, text = case
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))
    composed = unicodedata.normalize("NFKC" if form.startswith("NFK") else "NFC", text)
    assert report_signature(report) == report_signature(analyzer.analyze(composed))


@fuzz("normal_forms")
@given(any_texts(), st.sampled_from(["NFD", "NFKC", "NFKD"]))
def test_random_unicode_in_any_normal_form_keeps_the_invariants(
    analyzer: nlp_report.Analyzer, text: str, form: str
) -> None:
    text = unicodedata.normalize(form, text)
    check_report(analyzer.analyze(text), text, analyze_layout(text))


@fuzz("whitespace_variants")
@given(plain_letters(), st.sampled_from(sorted(WHITESPACE_VARIANTS)))
def test_a_letter_with_other_white_space_gives_the_same_report(
    analyzer: nlp_report.Analyzer, text: str, variant: str
) -> None:
    changed = WHITESPACE_VARIANTS[variant](text)
    report = analyzer.analyze(changed)
    check_report(report, changed, analyze_layout(changed))
    assert report_signature(report) == report_signature(analyzer.analyze(text))


@fuzz("crowds")
@given(long_run_next_to_marker())
def test_a_long_run_next_to_a_marker_keeps_the_footnote(analyzer: nlp_report.Analyzer, case: tuple[str, str]) -> None:
    _, text = case
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))
    assert [(f.number, f.text) for f in report.footnotes] == [(1, "Kamerstuk 28 676, nr. 394")]
    assert [e.kb_id for e in report.entities if e.label == "ORG"] == ["NATO"]


@fuzz("crowds")
@given(many_abbreviations())
def test_many_defined_abbreviations_are_all_found(analyzer: nlp_report.Analyzer, case: tuple[list[str], str]) -> None:
    shorts, text = case
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))
    found = [e.kb_id for e in report.entities if e.label == "ORG"]
    for short in shorts:  # the long form, the short form in brackets, and the use
        assert found.count(short) == 3, short


@fuzz("crowds")
@given(many_footnotes())
def test_many_footnotes_are_all_matched_to_their_markers(analyzer: nlp_report.Analyzer, case: tuple[int, str]) -> None:
    n, text = case
    report = analyzer.analyze(text)
    check_report(report, text, analyze_layout(text))
    assert [f.number for f in report.footnotes] == list(range(1, n + 1))
    assert all(f.marker_start is not None for f in report.footnotes)
