"""Defects found by the robustness tests (tests/robustness); each test is named after the defect it pins."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import nlp_report
from nlp_report import errors
from nlp_report.analyzer import TOKENIZER, Analyzer, add_components
from nlp_report.layout import analyze_layout
from nlp_report.pipeline.sentences import MAX_SENTENCE_TOKENS
from nlp_report.pipeline.tokenizer import LONG_RUN
from tests.growth import RATIO, doubling_ratio
from tests.helpers import assert_offsets


def blocks(text: str) -> list[tuple[str, str]]:
    layout = analyze_layout(text)
    return [(b.kind, layout.clean_text[b.clean_start : b.clean_end]) for b in layout.blocks]


@pytest.mark.parametrize("text", ["", " ", "\ufeff", "\u200b\n\x00", "\n\n\t"])
def test_offset_map_of_a_text_without_visible_characters_raised_index_error(text: str) -> None:
    layout = analyze_layout(text)
    assert layout.clean_text == "" and layout.blocks == ()
    assert layout.offsets.span(0, 0) == (0, 0)
    assert layout.offsets.start(0) == 0 and layout.offsets.end(0) == 0


def test_block_started_with_a_space_after_a_marker_at_the_line_start() -> None:
    # "\x0b" is a line break, so the superscript marker "²" stood first on its line
    text = "De Raad sprak over bijlage 2).\x0b² Nederland steunt de steun.\n\n2 Motie van het lid Van Haga"
    assert blocks(text) == [
        ("paragraph", "De Raad sprak over bijlage 2)."),
        ("paragraph", "Nederland steunt de steun."),
        ("footnote", "Motie van het lid Van Haga"),
    ]


def test_two_spaces_where_a_marker_stood_between_spaces() -> None:
    text = "Nederland steunt de motie Van ² Haga en meer.\n\n2 Kamerstuk 28 676, nr. 394"
    assert blocks(text)[0] == ("paragraph", "Nederland steunt de motie Van Haga en meer.")


def test_two_spaces_where_a_line_held_only_a_marker() -> None:
    text = "Nederland steunt de motie Van Haga,\n²\nen meer van de EU.\n\n2 Kamerstuk 28 676, nr. 394"
    assert blocks(text)[0] == ("paragraph", "Nederland steunt de motie Van Haga, en meer van de EU.")


def test_list_item_started_with_a_space_after_a_zero_width_character() -> None:
    assert blocks("- \u200b de steun aan Oekraïne;\n- sancties.") == [
        ("list_item", "de steun aan Oekraïne;"),
        ("list_item", "sancties."),
    ]


def test_heading_title_started_with_a_space_after_a_marker(analyzer: nlp_report.Analyzer) -> None:
    text = "Inleiding\n¹ Oekraïne\nNederland steunt de NAVO.\n\n1 Kamerstuk 28 676, nr. 394\n"
    report = analyzer.analyze(text)
    assert_offsets(report)
    assert all(s.title == s.title.strip() for s in report.sections)


@pytest.mark.parametrize("char", ["\ud800", "\udc80", "\udfff"])
def test_lone_surrogate_raised_unicode_encode_error_inside_spacy(analyzer: nlp_report.Analyzer, char: str) -> None:
    with pytest.raises(nlp_report.InvalidTextError, match=r"lone surrogate .* at offset 9"):
        analyzer.analyze(f"Nederland{char} steunt de NAVO.")


@pytest.mark.parametrize(
    "error",
    [
        errors.ConfigError("n_process must be at least 1"),
        errors.InputTypeError.for_value(b"x"),
        errors.InvalidTextError.for_text("a\udc80", 1),
        errors.DataFileError("model.json", "invalid JSON", line=3),
        errors.GoldFormatError("not an int", path="gold.jsonl", line=2, field="sentences[0].end"),
        errors.EvaluationError("no documents"),
        errors.DocumentNotFoundError("brief.txt", "no such file"),
        errors.KamerstukError("'x' is not one Kamerstuk reference"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_errors_from_worker_processes_arrived_with_a_doubled_code(error: errors.NlpReportError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error) and copy.__dict__ == error.__dict__


@Language.component("robustness_test_fails_on_x")
def _fails_on_x(doc: Doc) -> Doc:
    if "X" in doc.text:
        raise errors.DataFileError("model.json", "malformed classifier", line=7)
    return doc


@pytest.mark.slow
def test_an_error_raised_in_a_worker_process_reaches_the_caller_unchanged() -> None:
    nlp = add_components(spacy.blank("nl", config={"nlp": {"tokenizer": TOKENIZER}}))
    nlp.add_pipe("robustness_test_fails_on_x", first=True)
    analyzer = Analyzer(nlp)
    with pytest.raises(errors.DataFileError) as info:
        list(analyzer.analyze_many(["De Raad besloot.", "X"], n_process=2, batch_size=1))
    assert str(info.value) == "[E004] model.json:7: malformed classifier"


def test_entity_crossed_a_sentence_end(analyzer: nlp_report.Analyzer) -> None:
    # "410nr." ends a sentence ("." before "12"), but the Kamerstuk pattern ran on over it
    text = "Nederland besloot (Kamerstukken II 2023/24, 36 410nr. 12). De NAVO steunt dat."
    report = analyzer.analyze(text)
    assert_offsets(report)
    for entity in report.entities:
        assert any(s.start <= entity.start and entity.end <= s.end for s in report.sentences), entity
    assert [e.text for e in report.entities] == ["Nederland", "NAVO"]


@pytest.mark.parametrize("char", ["(", "‘", "“", "["])
def test_long_run_of_brackets_took_quadratic_time_in_the_tokenizer(analyzer: nlp_report.Analyzer, char: str) -> None:
    def make(length: int) -> str:
        return f"Nederland steunt de NAVO. {char * length} De EU besloot."

    text = make(50_000)  # took 4 minutes
    report = analyzer.analyze(text)
    assert doubling_ratio(analyzer.analyze, make, 20_000) < RATIO  # was about 4
    assert_offsets(report)
    assert [e.text for e in report.entities] == ["Nederland", "NAVO", "EU"]
    doc = analyzer.nlp(text)
    assert doc.text == doc._.layout.clean_text and max(len(token) for token in doc) <= LONG_RUN


def test_long_run_is_tokenized_as_before_up_to_the_limit(analyzer: nlp_report.Analyzer) -> None:
    url = "https://zoek.officielebekendmakingen.nl/" + "kst-28676-394/" * 30
    assert len(url) < LONG_RUN
    doc = analyzer.nlp(f"Zie {url} en de NAVO.")
    assert url in [token.text for token in doc]


@pytest.mark.slow
def test_sentence_without_punctuation_took_quadratic_time_in_the_classifier(analyzer: nlp_report.Analyzer) -> None:
    words = "de minister sprak met de collega uit Duitsland over de steun aan Oekraïne en nam het voorstel aan en"

    def make(repeats: int) -> str:
        return " ".join([words] * repeats)

    text = make(12_000)  # 1.2 MB, one "sentence": took minutes, most of it in verb_lemmas
    report = analyzer.analyze(text)
    assert doubling_ratio(analyzer.analyze, make, 1_000) < RATIO
    doc = analyzer.nlp(text[:20_000])
    assert max(len(span) for span in doc.spans["nlp_report_sentences"]) <= MAX_SENTENCE_TOKENS
    assert len(report.sentences) > 100
    assert all(a.end <= b.start for a, b in zip(report.sentences, report.sentences[1:], strict=False))


def test_plain_layout_took_quadratic_time_on_long_white_space() -> None:
    # a Doc made by another tokenizer gets Layout.plain; 200,000 spaces took minutes
    nlp = spacy.blank("nl")
    nlp.add_pipe("nlp_report_sentences")
    nlp.add_pipe("nlp_report_entities")

    def make(length: int) -> str:
        return "Nederland steunt de NAVO." + " " * length + "De EU besloot.\n \n" * 3

    text = make(200_000)
    doc = nlp(text)
    assert doubling_ratio(nlp, make, 50_000) < RATIO
    first = "Nederland steunt de NAVO." + " " * 200_000 + "De EU besloot."
    assert [text[b.start : b.end] for b in doc._.layout.blocks] == [first, "De EU besloot.", "De EU besloot."]
    assert [e.text for e in doc.ents] == ["Nederland", "NAVO", "EU", "EU", "EU"]


@pytest.mark.parametrize(("text", "first"), [("0? ]0", "0? ]"), ("Wat nu? ]1", "Wat nu? ]")])
def test_invariant_missed_a_marker_glued_after_a_closing_bracket(
    analyzer: nlp_report.Analyzer, text: str, first: str
) -> None:
    """The fuzzer's ``0? ]0``: the splitter leaves a marker glued after ``?`` and closers out of the
    sentence, as after ``?`` alone; the report invariant now allows it there too."""
    from tests.robustness.invariants import check_report

    report = analyzer.analyze(text)
    assert [s.text for s in report.sentences] == [first]
    check_report(report, text, analyze_layout(text))
