"""Building and updating a corpus store (nlp_report.store.build_corpus)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import nlp_report
from nlp_report.errors import StoreError, StoreLockedError, StoreNotFoundError
from nlp_report.store import CorpusStore, build_corpus, read_manifest
from nlp_report.store import build as build_module

from ...conftest import CORPORA

RAW = CORPORA / "raw"
TABLES = ("documents", "sentences", "entities", "motions")


@pytest.fixture()
def letters(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    shutil.copytree(RAW, folder)
    return folder


def rows(store: Path, table: str) -> pd.DataFrame:
    with CorpusStore(store) as opened:
        frame = opened.sql(f"SELECT * FROM {table}")
    drop = [c for c in ("path",) if c in frame.columns]
    keys = ["doc_id"] + [c for c in ("sentence", "start") if c in frame.columns]
    return frame.drop(columns=drop).sort_values(keys).reset_index(drop=True)


def test_a_build_holds_every_document_as_the_analyzer_reports_it(
    letters: Path, tmp_path: Path, analyzer: nlp_report.Analyzer
) -> None:
    result = build_corpus(letters, tmp_path / "store", analyzer=analyzer)
    files = sorted(letters.glob("*.txt"))
    assert (result.analysed, result.unchanged, result.removed, result.failures) == (len(files), 0, 0, ())
    sentences = rows(tmp_path / "store", "sentences")
    for path in files:
        report = analyzer.analyze_file(path)
        mine = sentences[sentences.doc_id == path.name]
        assert list(mine.text) == [s.text for s in report.sentences]
        assert list(mine.label) == [s.label for s in report.sentences]
        assert list(mine.start) == [s.start for s in report.sentences]
    documents = rows(tmp_path / "store", "documents")
    seed = documents[documents.doc_id == "navo-fmm-2022-04.txt"].iloc[0]
    assert seed.kind == "meeting_report" and seed.meeting_body == "NATO" and seed.year == 2022


def test_entities_and_motions_know_their_sentence(letters: Path, tmp_path: Path, analyzer: nlp_report.Analyzer) -> None:
    build_corpus(letters, tmp_path / "store", analyzer=analyzer)
    with CorpusStore(tmp_path / "store") as store:
        inside = store.sql(
            "SELECT e.text AS entity, s.text AS sentence, e.start - s.start AS offset FROM entities e "
            "JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence = e.sentence"
        )
        motions = store.sql("SELECT count(*) AS n, count(sentence) AS placed FROM motions").iloc[0]
    assert len(inside) > 500
    assert all(row.sentence[row.offset : row.offset + len(row.entity)] == row.entity for row in inside.itertuples())
    assert motions.placed > 0


def test_a_second_build_analyses_only_what_changed(
    letters: Path, tmp_path: Path, analyzer: nlp_report.Analyzer
) -> None:
    store = tmp_path / "store"
    first = build_corpus(letters, store, analyzer=analyzer)
    again = build_corpus(letters, store, analyzer=analyzer)
    assert (again.analysed, again.unchanged) == (0, first.analysed)
    assert again.parts == 0

    changed = letters / "verslag-raz-2023-10.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNederland steunt dit voorstel.\n", encoding="utf-8")
    (letters / "so-navo-top-2024.txt").unlink()
    third = build_corpus(letters, store, analyzer=analyzer)
    assert (third.analysed, third.unchanged, third.removed) == (1, first.analysed - 2, 1)
    documents = rows(store, "documents")
    assert len(documents) == first.analysed - 1
    assert "so-navo-top-2024.txt" not in set(documents.doc_id)
    raz = rows(store, "sentences").query("doc_id == 'verslag-raz-2023-10.txt'")
    assert raz.text.iloc[-1] == "Nederland steunt dit voorstel."
    assert raz.sentence.is_unique  # the old rows of the changed document are not seen any more


def test_a_new_pipeline_version_reanalyses_everything(
    letters: Path, tmp_path: Path, analyzer: nlp_report.Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    first = build_corpus(letters, store, analyzer=analyzer)
    monkeypatch.setattr(build_module, "pipeline_fingerprint", lambda _analyzer: "another-version")
    again = build_corpus(letters, store, analyzer=analyzer)
    assert again.analysed == first.analysed
    assert {e.pipeline for e in read_manifest(store).values()} == {"another-version"}
    parts = [p for p in (store / "parts" / "sentences").glob("*.parquet") if p.name != "_schema.parquet"]
    assert len(parts) == again.parts  # the replaced parts are deleted


def test_the_fingerprint_follows_the_pipeline(analyzer: nlp_report.Analyzer) -> None:
    assert build_module.pipeline_fingerprint(analyzer) == build_module.pipeline_fingerprint(nlp_report.load("blank"))
    nlp = nlp_report.load("blank").nlp
    nlp.remove_pipe("nlp_report_classifier")
    assert build_module.pipeline_fingerprint(nlp_report.Analyzer(nlp)) != build_module.pipeline_fingerprint(analyzer)


def test_a_file_that_cannot_be_read_is_a_failure_and_the_rest_is_built(
    letters: Path, tmp_path: Path, analyzer: nlp_report.Analyzer
) -> None:
    (letters / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a pdf")
    result = build_corpus(letters, tmp_path / "store", analyzer=analyzer)
    assert [f.path for f in result.failures] == [str(letters / "broken.pdf")]
    assert result.analysed == len(list(letters.glob("*.txt")))


def test_a_folder_that_is_not_a_store_is_not_overwritten(letters: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes"
    target.mkdir()
    (target / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(StoreError, match="neither empty nor a corpus store") as err:
        build_corpus(letters, target, model="blank")
    assert err.value.code == "E220"
    assert (target / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_a_store_being_built_is_locked(letters: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_corpus(letters, store, model="blank")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (store / ".lock").write_text(str(sleeper.pid))
        with pytest.raises(StoreLockedError) as err:
            build_corpus(letters, store, model="blank")
        assert err.value.code == "E222"
    finally:
        sleeper.kill()
        sleeper.wait()
    result = build_corpus(letters, store, model="blank")  # a lock of a dead process is taken over
    assert result.analysed == 0


def test_opening_a_missing_store_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFoundError, match="nlp-report corpus build") as err:
        CorpusStore(tmp_path / "nothing")
    assert err.value.code == "E221"


KILLED_BUILD = """
import sys
from nlp_report.store import build_corpus
build_corpus(sys.argv[1], sys.argv[2], model="blank", batch_size=2, flush_seconds=0.0)
"""


@pytest.mark.slow
def test_a_build_killed_halfway_loses_no_finished_document(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(8):
        for path in sorted(RAW.glob("*.txt")):
            (folder / f"{copy}-{path.name}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    total = len(list(folder.glob("*.txt")))
    store = tmp_path / "store"
    process = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(folder), str(store)])
    deadline = time.monotonic() + 120
    while (
        time.monotonic() < deadline and len(read_manifest(store) if (store / "manifest.parquet").exists() else {}) < 10
    ):
        time.sleep(0.05)
    process.kill()
    process.wait()
    finished = read_manifest(store)
    assert 10 <= len(finished) < total, "the build was not killed halfway"
    with CorpusStore(store) as opened:  # every finished document is whole
        held = opened.sql("SELECT doc_id, sentences FROM documents")
        counted = opened.sql("SELECT doc_id, count(*) AS n FROM sentences GROUP BY doc_id")
    assert set(held.doc_id) == set(finished)
    assert dict(zip(held.doc_id, held.sentences, strict=True)) == dict(zip(counted.doc_id, counted.n, strict=True))

    resumed = build_corpus(folder, store, model="blank")
    assert (resumed.analysed, resumed.unchanged) == (total - len(finished), len(finished))
    clean = tmp_path / "clean"
    build_corpus(folder, clean, model="blank")
    for table in TABLES:
        pd.testing.assert_frame_equal(rows(store, table), rows(clean, table))
    assert not list(store.rglob("*.part")) and not list(store.rglob("*.tmp"))
    assert not (store / ".lock").exists()
    assert os.listdir(store / "parts" / "documents")


@pytest.mark.slow
def test_a_build_keeps_the_throughput_of_analyze_files(tmp_path: Path, analyzer: nlp_report.Analyzer) -> None:
    """The store's own work (rows, Parquet, manifest) runs beside the analysis: a ratio, measured in one run."""
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(6):
        for path in sorted(RAW.glob("*.txt")):
            (folder / f"{copy}-{path.name}").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    files = sorted(folder.glob("*.txt"))
    list(analyzer.analyze_files(files[:3]))  # warm up
    ratios = []
    for attempt in range(3):  # the best of three, as the machine may be busy
        started = time.perf_counter()
        assert sum(1 for _ in analyzer.analyze_files(files)) == len(files)
        analyse = time.perf_counter() - started
        started = time.perf_counter()
        built = build_corpus(folder, tmp_path / f"store-{attempt}", analyzer=analyzer)
        build = time.perf_counter() - started
        assert built.analysed == len(files)
        ratios.append(build / analyse)
    assert min(ratios) < 1.25, ratios
