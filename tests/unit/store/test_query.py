"""Questions to a corpus store (nlp_report.store.CorpusStore) agree with the reports themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

import nlp_report
from nlp_report.errors import StoreQueryError
from nlp_report.explore import is_netherlands
from nlp_report.store import CorpusStore, build_corpus

from ...conftest import CORPORA


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> CorpusStore:
    path = tmp_path_factory.mktemp("store") / "corpus"
    build_corpus(CORPORA / "raw", path, model="blank")
    return CorpusStore(path)


@pytest.fixture(scope="module")
def reports() -> list[nlp_report.Report]:
    analyzer = nlp_report.load("blank")
    return [analyzer.analyze_file(p) for p in sorted((CORPORA / "raw").glob("*.txt"))]


def test_sentences_by_label_country_and_the_netherlands(store: CorpusStore, reports: list[nlp_report.Report]) -> None:
    found = store.sentences(label="position", country="UA", netherlands=True)
    expected = {
        (Path(str(r.source)).name, s.start)
        for r in reports
        for s in r.sentences
        if s.label == "position"
        and is_netherlands(s.actor)
        and any(e.kb_id == "UA" and s.start <= e.start and e.end <= s.end for e in r.entities)
    }
    assert expected
    assert set(zip(found.doc_id, found.start, strict=True)) == expected


def test_a_country_by_name_is_a_country_by_kb_id(store: CorpusStore) -> None:
    assert len(store.sentences(country="Oekraïne")) <= len(store.sentences(country="UA"))
    assert len(store.sentences(country="Oekraïne")) > 0


def test_a_date_range_keeps_the_documents_of_those_days(store: CorpusStore) -> None:
    found = store.sentences(since="2023-11-01", until="2023-12-31")
    assert len(found) > 0
    assert found.date.min().date().isoformat() >= "2023-11-01"
    assert found.date.max().date().isoformat() <= "2023-12-31"
    with pytest.raises(StoreQueryError, match="YYYY-MM-DD"):
        store.sentences(since="last week")


def test_positions_over_time_count_the_sentences(store: CorpusStore) -> None:
    per_year = store.positions_over_time("UA")
    total = len(store.sentences(label="position", country="UA", netherlands=True).dropna(subset=["date"]))
    assert per_year.positions.sum() == total
    assert list(per_year.period) == sorted(per_year.period)


def test_decisions_per_body_count_every_dated_decision_once(store: CorpusStore) -> None:
    table = store.decisions_per_body()
    dated = store.sentences(label="decision").dropna(subset=["date"])
    assert table.decisions.sum() == len(dated)
    assert "NATO" in set(table.body.dropna())


def test_motions_carry_their_kamerstuk_and_their_letters(store: CorpusStore, reports: list[nlp_report.Report]) -> None:
    table = store.motions()
    linked = {m.kamerstuk.kb_id for r in reports for m in r.motions if m.kamerstuk}
    assert linked <= set(table.kamerstuk.dropna())
    assert all(len(paths) == n for paths, n in zip(table.paths, table.documents, strict=True))


def test_bad_sql_is_a_coded_error(store: CorpusStore) -> None:
    with pytest.raises(StoreQueryError) as err:
        store.sql("SELECT nothing FROM nowhere")
    assert err.value.code == "E223"
