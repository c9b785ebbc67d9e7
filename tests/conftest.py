"""Shared fixtures: the fallback analyzer and the annotated corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import nlp_report

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
DATA = Path(__file__).resolve().parent / "data"


def shared_dir() -> Path | None:
    """``$NLP_REPORT_SHARED``, else ``../shared`` of the repository (of the main checkout, for a git
    worktree), or ``None`` when there is none."""
    env = os.environ.get("NLP_REPORT_SHARED")
    if env:
        return Path(env)
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared"
    return None


SHARED = shared_dir() or ROOT.parent / "shared"
"""The shared folder beside the repository (``../shared``; ``NLP_REPORT_SHARED`` names another one).
Its texts are never in the repository: tests that need them skip, saying so, when it is missing."""
SHARED_DEV = SHARED / "corpus" / "dev"
"""The real annotated letters."""
SHARED_POOL = SHARED / "corpus" / "pool"
"""The real letters the project's stand-off labels (``corpora/pool_labels``) point into."""


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def analyzer() -> nlp_report.Analyzer:
    """The fallback pipeline (tests never need nl_core_news_sm)."""
    return nlp_report.load("blank")


UD_MODEL = ROOT / "models" / "nl_nlp_report_ud"
"""The pipeline trained on the Dutch UD treebanks (docs/model.md), loaded by path."""


@pytest.fixture(scope="session")
def ud_analyzer() -> nlp_report.Analyzer:
    """The full pipeline on the trained Dutch model of models/ (tagger, lemmatizer, parser)."""
    return nlp_report.load(UD_MODEL)


@pytest.fixture(scope="session", params=["blank", "ud-model"])
def any_analyzer(request: pytest.FixtureRequest) -> nlp_report.Analyzer:
    """The fallback pipeline and the pipeline on the trained model: corpus tests run on both."""
    name: str = request.param
    return request.getfixturevalue("analyzer" if name == "blank" else "ud_analyzer")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return load_gold(CORPORA / "gold" / "seed.jsonl")[0]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (CORPORA / "raw" / "navo-fmm-2022-04.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_gold() -> list[dict[str, Any]]:
    """Every gold document of corpora/gold."""
    docs = []
    for path in sorted((CORPORA / "gold").glob("*.jsonl")):
        docs.extend(load_gold(path))
    return docs


@pytest.fixture(scope="session")
def seed_report(analyzer: nlp_report.Analyzer, seed_text: str) -> nlp_report.Report:
    return analyzer.analyze(seed_text, source="navo-fmm-2022-04.txt")
