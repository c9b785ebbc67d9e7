"""A document longer than nlp.max_length: analysed in pieces, with offsets into the whole text."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import nlp_report
from nlp_report.longtext import split_spans
from tests.conftest import CORPORA


@pytest.fixture(scope="module")
def small_max_length() -> Iterator[nlp_report.Analyzer]:
    """An analyzer of its own whose spaCy pipeline takes at most 5000 characters."""
    analyzer = nlp_report.load("blank")
    analyzer.nlp.max_length = 5000
    yield analyzer


@pytest.fixture(scope="module")
def long_text() -> str:
    texts = [path.read_text(encoding="utf-8") for path in sorted((CORPORA / "raw").glob("*.txt"))[:4]]
    return "\n\n".join(texts)


def test_a_long_text_gives_the_sentences_and_entities_of_its_pieces(
    small_max_length: nlp_report.Analyzer, long_text: str
) -> None:
    assert len(long_text) > 4 * small_max_length.nlp.max_length
    report = small_max_length.analyze(long_text, source="long")
    spans = split_spans(long_text, small_max_length.nlp.max_length)
    assert len(spans) > 4
    expected_sentences = []
    expected_entities = []
    for start, end in spans:
        part = small_max_length.analyze(long_text[start:end])
        expected_sentences += [(s.start + start, s.end + start, s.text) for s in part.sentences]
        expected_entities += [(e.start + start, e.end + start, e.text, e.label, e.kb_id) for e in part.entities]
    assert [(s.start, s.end, s.text) for s in report.sentences] == expected_sentences
    assert [(e.start, e.end, e.text, e.label, e.kb_id) for e in report.entities] == expected_entities
    assert report.text == long_text and report.source == "long"
    items = (*report.sentences, *report.entities, *report.motions, *report.sections, *report.footnotes)
    assert all(long_text[x.start : x.end] == x.text for x in items)
    starts = [s.start for s in report.sentences]
    assert starts == sorted(starts)
    assert all(s.label is not None for s in report.sentences)


def test_a_piece_boundary_is_a_paragraph_boundary(small_max_length: nlp_report.Analyzer, long_text: str) -> None:
    for _, end in split_spans(long_text, small_max_length.nlp.max_length)[:-1]:
        assert re.search(r"\n[ \t]*\n\s*\Z", long_text[:end]), long_text[end - 40 : end]
        assert not long_text[end].isspace()


def test_sections_carry_over_to_the_next_piece(small_max_length: nlp_report.Analyzer, long_text: str) -> None:
    report = small_max_length.analyze(long_text)
    titles = {section.title for section in report.sections}
    first_heading = report.sections[0].start
    after = [s for s in report.sentences if s.start > first_heading]
    assert after and all(s.section in titles for s in after)


def test_parallel_path_splits_too(small_max_length: nlp_report.Analyzer, long_text: str) -> None:
    one = small_max_length.analyze(long_text)
    reports = list(small_max_length.analyze_many([long_text, "Nederland steunt het."], n_process=2))
    assert reports[0] == one


@pytest.mark.slow
def test_a_five_megabyte_document_works(analyzer: nlp_report.Analyzer) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((CORPORA / "raw").glob("*.txt"))]
    block = "\n\n".join(texts)
    text = "\n\n".join([block] * (5_200_000 // len(block) + 1))
    assert len(text) > 5_000_000 > analyzer.nlp.max_length
    report = analyzer.analyze(text)
    assert report.text == text
    assert len(report.sentences) > 10_000 and len(report.entities) > 10_000
    assert report.sentences[-1].end > 4_000_000
    for item in (*report.sentences[::97], *report.entities[::97], *report.footnotes):
        assert text[item.start : item.end] == item.text
