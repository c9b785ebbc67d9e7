"""The public API: load, analyze, analyze_many, errors."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import spacy

import nlp_report
from nlp_report import analyzer as analyzer_module


def test_load_without_model_falls_back_with_one_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    with pytest.warns(nlp_report.ModelFallbackWarning) as caught:
        analyzer = nlp_report.load()
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "nl_core_news_sm" in message and "python -m spacy download nl_core_news_sm" in message and "parse" in message
    assert analyzer.model == "blank:nl"
    assert "nlp_report_sentences" in analyzer.nlp.pipe_names


def test_blank_model_is_silent() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nlp_report.load("blank")


@pytest.mark.parametrize("name", ["nl_core_news_xl_missing", "/no/such/pipeline"])
def test_named_model_that_is_missing_raises(name: str) -> None:
    with pytest.raises(nlp_report.ModelNotFoundError, match="is not installed"):
        nlp_report.load(name)


@pytest.mark.slow
def test_saved_pipeline_path_loads(analyzer: nlp_report.Analyzer, tmp_path: Path) -> None:
    analyzer.nlp.to_disk(tmp_path / "pipeline")
    loaded = nlp_report.load(tmp_path / "pipeline")
    text = "Geachte voorzitter,\n\nDe Raad besloot. Nederland stemde in."
    assert loaded.analyze(text).sentences == analyzer.analyze(text).sentences


def test_analyze_uses_a_cached_default(monkeypatch: pytest.MonkeyPatch, analyzer: nlp_report.Analyzer) -> None:
    monkeypatch.setattr(analyzer_module, "_default", analyzer)
    report = nlp_report.analyze("De Raad besloot.", source="x")
    assert report.source == "x" and [s.text for s in report.sentences] == ["De Raad besloot."]
    assert analyzer_module.default_analyzer() is analyzer


@pytest.mark.parametrize("value", [b"bytes", 42, None, ["a list"]])
def test_non_str_text_raises_a_typed_error(analyzer: nlp_report.Analyzer, value: object) -> None:
    with pytest.raises(nlp_report.InputTypeError, match=f"not {type(value).__name__}"):
        analyzer.analyze(value)  # type: ignore[arg-type]


def test_bytes_error_says_how_to_decode(analyzer: nlp_report.Analyzer) -> None:
    with pytest.raises(TypeError, match="decode"):
        analyzer.analyze(b"De Raad besloot.")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_empty_text_gives_an_empty_report(analyzer: nlp_report.Analyzer, text: str) -> None:
    report = analyzer.analyze(text)
    assert report.text == text
    assert report.sentences == report.entities == report.sections == report.footnotes == ()


def test_analyze_many_equals_analyze(analyzer: nlp_report.Analyzer, seed_text: str) -> None:
    texts = [seed_text, "De Raad besloot.", ("Nederland stemde in.", "b.txt")]
    many = list(analyzer.analyze_many(texts))
    assert many[0] == analyzer.analyze(seed_text)
    assert many[2].source == "b.txt"


def test_analyze_many_in_two_processes_equals_one(analyzer: nlp_report.Analyzer, seed_text: str) -> None:
    texts = [seed_text, "De Raad besloot.", "Nederland stemde in."] * 3
    assert list(analyzer.analyze_many(texts, n_process=2, batch_size=2)) == list(analyzer.analyze_many(texts))
