"""The project's stand-off labels of the pool letters (``corpora/pool_labels``) against the shared texts.

The records hold offsets only; the texts are read from ``../shared/corpus/pool``. Skipped, saying
so, where the shared folder is missing (a user's clone); CI always has it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import nlp_report
from nlp_report.evaluation import evaluate, read_gold
from nlp_report.evaluation.standoff import FORMAT, LABELS_ONLY
from tests.conftest import CORPORA
from tests.conftest import SHARED_POOL as POOL

LABELS = sorted((CORPORA / "pool_labels").glob("*.jsonl"))

pytestmark = pytest.mark.skipif(
    not POOL.is_dir(),
    reason=f"the pool letters the labels point into are not here ({POOL} is missing); they are shared, not in the repo",
)


def test_every_pool_letter_is_labelled_once() -> None:
    labelled = [json.loads(line)["id"] for path in LABELS for line in path.read_text(encoding="utf-8").splitlines()]
    pool = [
        json.loads(line)["id"]
        for path in sorted(POOL.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert sorted(labelled) == sorted(pool) and len(set(labelled)) == len(labelled) == 64


def test_the_records_hold_no_text() -> None:
    for path in LABELS:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert record["format"] == FORMAT and "text" not in record
            assert set(record) <= {"format", "id", "corpus_file", "text_sha1", "sentences"}


@pytest.mark.parametrize("path", LABELS, ids=[p.stem for p in LABELS])
def test_each_file_reads_against_the_shared_texts(path: Path) -> None:
    docs = read_gold(path)
    assert docs and all(doc.meta[LABELS_ONLY] and doc.entities == () for doc in docs)
    for doc in docs:
        assert doc.sentences, doc.id
        for sentence in doc.sentences:  # a sentence span starts and ends on a character, as ANNOTATION.md asks
            text = doc.text[sentence.start : sentence.end]
            assert text == text.strip() and text
            if sentence.actor is not None:
                assert sentence.actor in text and sentence.label in ("position", "decision")


def test_they_are_scored_on_sentences_only(analyzer: nlp_report.Analyzer) -> None:
    result = evaluate(LABELS[:1], analyzer, baselines=False)
    scores = result.pipeline.scores
    assert scores.entities is None and scores.motion_links is None
    assert scores.boundaries is not None and scores.boundaries.f1 > 0.8
    assert scores.labels.macro_f1 is not None and len(scores.labels.gold) > 50
