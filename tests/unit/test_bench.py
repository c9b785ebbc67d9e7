"""The bench command: corpus, result, table and JSON, exit codes (nothing here asserts a timing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from nlp_report import bench
from nlp_report.bench import (
    TARGETS,
    BenchResult,
    Memory,
    ModelComparison,
    TargetResult,
    Throughput,
    build_corpus,
    measure_model,
    peak_rss_mb,
)
from nlp_report.cli import main
from nlp_report.errors import ConfigError
from tests.conftest import CORPORA

RAW = sorted((CORPORA / "raw").glob("*.txt"))


def test_corpus_repeats_the_documents_until_it_has_the_words() -> None:
    corpus = build_corpus(["een twee drie", "vier vijf"], 11)
    assert corpus.texts == ("een twee drie", "vier vijf", "een twee drie", "vier vijf", "een twee drie")
    assert corpus.words == 13 and corpus.distinct == 2 and corpus.documents == 5
    assert build_corpus(["een twee", "drie"], 1).documents == 2  # every document at least once
    with pytest.raises(ConfigError):
        build_corpus(["", "  "], 10)


def fake_result(*, parallel_seconds: float = 0.5) -> BenchResult:
    corpus = build_corpus(["een twee drie"], 3)

    def t(name: str, seconds: float) -> Throughput:
        return Throughput(name, (seconds, seconds * 1.1, seconds * 0.9), corpus.words, corpus.documents)

    tokenization, pipeline, parallel = t("tokenization", 1.0), t("pipeline", 1.6), t("parallel", parallel_seconds)
    memory = Memory(5, 50, 200.0, 210.0, "VmHWM")
    values = {
        "pipeline_vs_tokenization": 1.0 / 1.6,
        "parallel_speedup": 1.6 / parallel_seconds,
        "rss_growth_mb": memory.growth_mb,
        "cold_start_s": 1.2,
        "model_overhead": None,
    }
    return BenchResult(
        corpus=corpus,
        rounds=3,
        n_process=2,
        tokenization=tokenization,
        pipeline=pipeline,
        parallel=parallel,
        model=None,
        model_note="no model installed",
        cold_start=(1.1, 1.2, 1.3),
        memory=memory,
        machine=bench.machine_info(None),
        targets=tuple(TargetResult(spec, values[spec.name]) for spec in TARGETS),
    )


def test_result_ratios_targets_and_json() -> None:
    result = fake_result()
    assert result.pipeline_ratio == pytest.approx(1 / 1.6)
    assert result.parallel_speedup == pytest.approx(3.2)
    assert result.tokenization.words_per_second == pytest.approx(3.0 / 0.9)  # the best round
    assert result.tokenization.median == pytest.approx(1.0)
    met = {t.spec.name: t.met for t in result.targets}
    assert met == {
        "pipeline_vs_tokenization": True,
        "parallel_speedup": True,
        "rss_growth_mb": True,
        "cold_start_s": True,
        "model_overhead": None,
    }
    assert result.all_met
    data = json.loads(json.dumps(result.to_dict()))
    assert data["ratios"]["parallel_speedup"] == pytest.approx(3.2)
    assert data["memory"]["growth_mb"] == pytest.approx(10.0)
    assert {t["name"] for t in data["targets"]} == {spec.name for spec in TARGETS}
    table = result.to_table()
    assert "targets:" in table and "MISSED" not in table and "n/a" in table
    missed = fake_result(parallel_seconds=1.5)
    assert not missed.all_met and "MISSED" in missed.to_table()


def test_check_exits_with_1_when_a_target_is_missed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench, "run_bench", lambda *args, **kwargs: fake_result(parallel_seconds=1.5))
    assert main(["bench", "--quiet", str(RAW[0])]) == 0
    assert "MISSED" in capsys.readouterr().out
    assert main(["bench", "--quiet", "--check", str(RAW[0])]) == 1
    capsys.readouterr()
    monkeypatch.setattr(bench, "run_bench", lambda *args, **kwargs: fake_result())
    assert main(["bench", "--quiet", "--check", "--json", str(RAW[0])]) == 0
    assert json.loads(capsys.readouterr().out)["all_met"] is True


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["bench", "--words", "0"])
    assert exit_info.value.code == 2
    assert main(["bench", "--quiet", str(Path("no/such/file.txt"))]) == 1
    assert "E011" in capsys.readouterr().err


def test_peak_rss_is_read() -> None:
    peak, how = peak_rss_mb()
    assert peak > 10 and how in ("VmHWM", "ru_maxrss")


@pytest.mark.slow
def test_model_comparison_runs_on_a_saved_pipeline(tmp_path: Path) -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "model")
    corpus = build_corpus([RAW[0].read_text(encoding="utf-8")], 100)
    comparison = measure_model(str(tmp_path / "model"), corpus, words=100, rounds=1)
    assert isinstance(comparison, ModelComparison)
    assert comparison.alone.words == comparison.with_components.words >= 100
    assert isinstance(comparison.overhead, float)
    assert comparison.to_dict()["model"] == comparison.model


@pytest.mark.slow
def test_bench_command_runs_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["bench", "--json", "--quiet", "--words", "3000", "--rounds", "1", "--rss-documents", "2"]
    assert main([*args, str(RAW[0]), str(RAW[1])]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["corpus"]["words"] >= 3000 and data["corpus"]["distinct_documents"] == 2
    for name in ("tokenization", "pipeline", "parallel"):
        assert data["throughput"][name]["words_per_second"] > 0
    assert data["cold_start"]["median_seconds"] > 0
    assert data["memory"]["documents_large"] == 20
    assert data["model_note"]
    assert [t["name"] for t in data["targets"]] == [spec.name for spec in TARGETS]
