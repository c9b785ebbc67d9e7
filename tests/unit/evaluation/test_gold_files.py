"""A folder given to ``evaluate()`` / ``nlp-report evaluate`` counts as its gold files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nlp_report.errors import GoldFileError
from nlp_report.evaluation import gold_files, load_documents
from tests.conftest import CORPORA


def test_a_folder_gives_its_jsonl_and_spacy_files_sorted(tmp_path: Path) -> None:
    for name in ("b.jsonl", "a.spacy", "notes.txt", "c.jsonl"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "sub.jsonl").mkdir()
    assert [p.name for p in gold_files(tmp_path)] == ["a.spacy", "b.jsonl", "c.jsonl"]


def test_a_file_is_itself(tmp_path: Path) -> None:
    assert gold_files(tmp_path / "x.jsonl") == [tmp_path / "x.jsonl"]


def test_a_folder_without_gold_files_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("nothing", encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"E031.*a folder without gold files"):
        load_documents(tmp_path)


def test_the_documents_of_a_folder_are_those_of_its_files(tmp_path: Path) -> None:
    sources = sorted((CORPORA / "gold").glob("*.jsonl"))[:3]
    for path in sources:
        shutil.copy(path, tmp_path / path.name)
    folder_docs, origins = load_documents(tmp_path)
    file_docs, _ = load_documents(sources)
    assert [d.id for d in folder_docs] == [d.id for d in file_docs]
    assert origins[0] == str(tmp_path / sources[0].name)
