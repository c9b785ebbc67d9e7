"""The plot helpers: each draws what the explore tables hold, returns its Axes and shows nothing."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

import nlp_report
from nlp_report import explore
from nlp_report.display import palette
from nlp_report.types import Report
from tests.conftest import CORPORA

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")  # no display: the tests and CI draw off screen

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from nlp_report import plots  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def reports(analyzer: nlp_report.Analyzer) -> list[Report]:
    names = ["navo-fmm-2022-04", "verslag-raz-2023-10", "brief-moties-defensie-2023"]
    return [analyzer.analyze_file(CORPORA / "raw" / f"{name}.txt") for name in names]


def bars(ax: Axes, label: str) -> list[Any]:
    """The bars of one legend entry (one label)."""
    return next(c for c in ax.containers if c.get_label() == label).patches  # type: ignore[no-any-return]


def ticks(ax: Axes, axis: str = "y") -> list[str]:
    labels = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in labels]


def test_label_distribution_per_section(seed_report: Report) -> None:
    ax = plots.label_distribution(seed_report)
    assert isinstance(ax, Axes)
    frame = explore.label_counts(seed_report)
    assert ticks(ax) == [s if len(s) <= 60 else s[:59].rstrip() + "…" for _, s in frame.index.tolist()]
    assert ticks(plots.label_distribution(seed_report, max_label=200))[3].endswith("internationale rechtsorde")
    for label in ("position", "decision", "context"):
        patches = bars(ax, label)
        assert [p.get_width() for p in patches] == frame[label].tolist()
        assert to_hex(patches[0].get_facecolor()) == palette().sentence(label).colour
    # stacked: each decision bar starts where the position bar ends
    assert [p.get_x() for p in bars(ax, "decision")] == frame["position"].tolist()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["position", "decision", "context"]
    assert ax.get_title() == "Sentence labels per section"


def test_label_distribution_per_document_normalised(reports: list[Report]) -> None:
    ax = plots.label_distribution(iter(reports), by="document", normalize=True)
    assert ticks(ax) == ["navo-fmm-2022-04", "verslag-raz-2023-10", "brief-moties-defensie-2023"]
    totals = [
        sum(p.get_width() for p in patches)
        for patches in zip(*(bars(ax, lab) for lab in ("position", "decision", "context")), strict=True)
    ]
    assert totals == pytest.approx([1.0, 1.0, 1.0])
    several = plots.label_distribution(reports)
    assert ticks(several)[0].startswith("navo-fmm-2022-04 · ")


def test_entities_per_document(reports: list[Report]) -> None:
    ax = plots.entities_per_document(reports)
    assert ticks(ax) == explore.document_names(reports)
    for label in ("COUNTRY", "ORG"):
        expected = [len({e.kb_id for e in r.entities if e.label == label}) for r in reports]
        assert [p.get_width() for p in bars(ax, label)] == expected
    mentions = plots.entities_per_document(reports, labels=("MOTION",), distinct=False)
    assert [p.get_width() for p in bars(mentions, "MOTION")] == [
        sum(1 for e in r.entities if e.label == "MOTION") for r in reports
    ]
    assert mentions.get_xlabel() == "mentions"


def test_entity_heatmap(reports: list[Report]) -> None:
    ax = plots.entity_heatmap(reports, "COUNTRY", top=5)
    frame = explore.entity_counts(reports, "COUNTRY", top=5)
    image = ax.get_images()[0]
    assert image.get_array().tolist() == frame.to_numpy().tolist()
    names = explore.entity_names(reports, "COUNTRY")
    assert ticks(ax, "x") == [names[k] for k in frame.columns]
    assert ticks(ax) == explore.document_names(reports)
    assert "Oekraïne" in ticks(ax, "x")


def test_netherlands_positions(reports: list[Report]) -> None:
    ax = plots.netherlands_positions(reports)
    frame = explore.netherlands_sentences(reports, ("position", "decision"))
    counts = Counter(zip(frame["document"], frame["label"], strict=True))
    names = explore.document_names(reports)
    for label in ("position", "decision"):
        assert [p.get_width() for p in bars(ax, label)] == [counts[(n, label)] for n in names]
    notes = [t.get_text() for t in ax.texts]
    totals = [sum(1 for s in r.sentences if s.label in ("position", "decision")) for r in reports]
    assert notes == [
        f"{counts[(n, 'position')] + counts[(n, 'decision')]} of {t}" for n, t in zip(names, totals, strict=True)
    ]


def test_confusion_matrix(analyzer: nlp_report.Analyzer) -> None:
    evaluation = nlp_report.evaluate(CORPORA / "gold" / "seed.jsonl", analyzer=analyzer)
    confusion = evaluation.scores.labels.confusion
    ax = plots.confusion_matrix(evaluation)
    assert ax.get_images()[0].get_array().tolist() == [list(map(float, row)) for row in confusion.matrix]
    assert ticks(ax, "x") == list(confusion.predicted_labels) and ticks(ax) == list(confusion.gold_labels)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted", "gold")
    cues = plots.confusion_matrix(evaluation, system="cues", normalize=True)
    shares = cues.get_images()[0].get_array()
    assert [round(sum(row), 6) for row in shares.tolist()] == [1.0, 1.0, 1.0]
    with pytest.raises(KeyError, match="no system"):
        plots.confusion_matrix(evaluation, system="oracle")


def test_plots_draw_on_the_axes_given_and_show_nothing(seed_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("a plot called plt.show()"))
    _fig, (left, right) = plt.subplots(1, 2)
    assert plots.label_distribution(seed_report, ax=left) is left
    assert plots.netherlands_positions(seed_report, ax=right) is right
    assert len(plt.get_fignums()) == 1


def test_without_matplotlib_the_error_names_the_extra(seed_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)  # import fails
    with pytest.raises(plots.PlotDependencyError, match=r"nlp_report\[notebook\]") as info:
        plots.label_distribution(seed_report)
    assert isinstance(info.value, ImportError) and str(info.value).startswith("[E040]")
