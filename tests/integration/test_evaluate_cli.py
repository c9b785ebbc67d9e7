"""``nlp-report evaluate`` and ``nlp_report.evaluate()`` on the corpus.

These run the real pipeline, whose entity rules and classifier are still
being built, so they check the plumbing (the table and the JSON agree, bad
data gives a clean error, every gold format is accepted), not the figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import nlp_report
from nlp_report.cli import main
from nlp_report.evaluation import write_docbin, write_prodigy
from nlp_report.evaluation.table import fmt
from tests.conftest import CORPORA

pytestmark = pytest.mark.slow  # evaluates the corpus through the command line

SEED = CORPORA / "gold" / "seed.jsonl"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["evaluate", *args, "--model", "blank"])
    out, err = capsys.readouterr()
    return code, out, err


def _section(table: str, heading: str) -> list[str]:
    lines = table.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start + 1 : end]


def _rate_cells(prf: dict[str, Any]) -> list[str]:
    return [
        str(prf["support"]),
        str(prf["predicted"]),
        str(prf["tp"]),
        str(prf["fp"]),
        str(prf["fn"]),
        fmt(prf["precision"]),
        fmt(prf["recall"]),
        fmt(prf["f1"]),
    ]


@pytest.fixture(scope="module")
def seed_outputs() -> tuple[str, dict[str, Any]]:
    table = subprocess.run(
        [sys.executable, "-m", "nlp_report", "evaluate", str(SEED), "--model", "blank"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = subprocess.run(
        [sys.executable, "-m", "nlp_report", "evaluate", str(SEED), "--model", "blank", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return table, json.loads(data)


def test_seed_table_and_json_give_the_same_numbers(seed_outputs: tuple[str, dict[str, Any]]) -> None:
    table, data = seed_outputs
    systems = data["systems"]
    pipeline = systems["pipeline"]["overall"]
    assert [d["id"] for d in data["documents"]] == ["seed-navo-fmm-2022-04"]
    assert list(systems) == ["pipeline", "majority", "cues"]

    rows = {line.split()[0]: line.split()[1:] for line in _section(table, "ENTITIES")[1:-1]}
    entities = pipeline["entities"]
    for label, prf in entities["per_label"].items():
        assert rows[label] == [*_rate_cells(prf), fmt(prf["kb_id"]["accuracy"])], label
    assert rows["micro"] == [*_rate_cells(entities["micro"]), fmt(entities["kb_id"]["accuracy"])]
    assert sum(int(rows[label][0]) for label in entities["per_label"]) == 84

    [boundaries] = _section(table, "SENTENCE BOUNDARIES")[1:]
    assert boundaries.split()[1:] == _rate_cells(pipeline["boundaries"])

    label_rows = {line.split()[0]: line for line in _section(table, "SENTENCE LABELS")[2:]}
    for label in ("position", "decision", "context"):
        name_gold, *parts = (part.split() for part in label_rows[label].split("|"))
        assert name_gold == [label, str(pipeline["labels"]["per_label"][label]["support"])]
        for name, cells in zip(systems, parts, strict=True):
            prf = systems[name]["overall"]["labels"]["per_label"][label]
            assert cells == [fmt(prf["precision"]), fmt(prf["recall"]), fmt(prf["f1"])], (name, label)
    macro = [part.split() for part in label_rows["macro-F1"].split("|")[1:]]
    assert macro == [[fmt(s["overall"]["labels"]["macro_f1"])] for s in systems.values()]
    accuracy = [part.split() for part in label_rows["accuracy"].split("|")[1:]]
    for cells, system in zip(accuracy, systems.values(), strict=True):
        acc = system["overall"]["labels"]["accuracy"]
        assert cells == [f"{acc['correct']}/{acc['total']}", fmt(acc["accuracy"])]

    confusion = _section(table, "CONFUSION")
    for index, system in enumerate(systems.values()):
        block = confusion[index * 4 : index * 4 + 4]
        matrix = system["overall"]["labels"]["confusion"]
        assert block[0].split()[1:] == matrix["predicted_labels"]
        assert [line.split()[1:] for line in block[1:]] == [[str(v) for v in row] for row in matrix["matrix"]]

    actors = {line.split()[0]: line.split()[1:] for line in _section(table, "ACTORS")[2:]}
    for name, system in systems.items():
        acc, none = system["overall"]["actors"], system["overall"]["no_actor"]
        assert actors[name] == [
            *(str(acc["correct"]), str(acc["total"]), fmt(acc["accuracy"])),
            *(str(none["correct"]), str(none["total"]), fmt(none["accuracy"])),
        ]
    links = {line.split()[0]: line.split()[1:] for line in _section(table, "MOTION LINKS")[1:]}
    acc = pipeline["motion_links"]
    assert links["pipeline"] == [str(acc["correct"]), str(acc["total"]), fmt(acc["accuracy"])]
    assert acc["total"] == 2


def test_seed_baselines_are_described(seed_outputs: tuple[str, dict[str, Any]]) -> None:
    table, data = seed_outputs
    assert "majority: every sentence 'position' (the most frequent gold label, 25 of 47" in table
    assert data["systems"]["majority"]["description"].startswith("every sentence 'position'")
    assert data["systems"]["cues"]["overall"]["boundaries"] is None


def test_errors_are_listed_with_text_and_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # the shipped classifier is trained on the seed, so make a gold copy the pipeline must disagree with
    record = json.loads(SEED.read_text(encoding="utf-8"))
    record["sentences"][0]["label"] = "decision"
    del record["entities"][0]
    gold = tmp_path / "seed-altered.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    code, table, _ = _run(capsys, str(gold), "--errors")
    assert code == 0
    code, out, _ = _run(capsys, str(gold), "--errors", "--format", "json")
    errors = json.loads(out)["errors"]
    listed = _section(table, "ERRORS of the pipeline")
    assert len(listed) == len(errors) + 1  # a header line
    for error, line in zip(errors, listed[1:], strict=True):
        assert line.startswith(f"{error['document']} {error['start']}-{error['end']} ")
        assert " ".join(error["text"].split()) in line
    pipeline = json.loads(out)["systems"]["pipeline"]["overall"]
    wrong_labels = [e for e in errors if e["task"] == "label"]
    assert len(wrong_labels) == 47 - pipeline["labels"]["accuracy"]["correct"]


def test_several_files_and_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    files = sorted(str(p) for p in (CORPORA / "gold").glob("*.jsonl"))
    out = tmp_path / "scores.json"
    code, stdout, _ = _run(capsys, *files, "--format", "json", "--per-document", "-o", str(out))
    assert code == 0 and stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documents"]) == len(files)
    assert set(data["systems"]["pipeline"]["documents"]) == {d["id"] for d in data["documents"]}
    total = sum(d["sentences"] for d in data["documents"])
    assert data["systems"]["pipeline"]["overall"]["labels"]["accuracy"]["total"] == total


def test_docbin_and_prodigy_gold_give_the_same_figures(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    docs = nlp_report.read_gold(SEED)
    write_docbin(docs, tmp_path / "seed.spacy")
    write_prodigy(docs, tmp_path / "seed-prodigy.jsonl")
    results = []
    for path in (SEED, tmp_path / "seed.spacy", tmp_path / "seed-prodigy.jsonl"):
        code, out, _ = _run(capsys, str(path), "--format", "json")
        assert code == 0
        results.append(json.loads(out)["systems"])
    assert results[0] == results[1] == results[2]


def test_no_baselines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(SEED), "--no-baselines", "--format", "json")
    assert code == 0 and list(json.loads(out)["systems"]) == ["pipeline"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "x", "text": "Tekst.", "entities": [], "sentences": []}\n{"id": "y"', ":2: invalid JSON"),
        (
            '{"id": "x", "text": "Tekst.", "entities": [], "sentences": [{"start": 0, "end": 9, "label": "context"}]}',
            ":1: sentences[0].end: 9 is past the end of the text",
        ),
        (
            '{"id": "x", "text": "Tekst.", "entities": [{"start": 0, "end": 5, "label": "THING"}], "sentences": []}',
            ":1: entities[0].label: unknown entity label",
        ),
        ("", "no gold documents to evaluate"),
    ],
)
def test_bad_gold_is_a_clean_error(
    content: str, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    code, out, err = _run(capsys, str(path))
    assert code == 1 and out == ""
    assert err.startswith("nlp-report: error: [E0") and message in err
    assert "Traceback" not in err


def test_bad_gold_in_a_subprocess_has_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "nlp_report", "evaluate", str(path), "--model", "blank"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"nlp-report: error: [E030] {path}:1: invalid JSON: Expecting value (column 1)"


def test_missing_file_and_duplicate_documents(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "no/such/gold.jsonl")
    assert code == 1 and "[E031] no/such/gold.jsonl: no such file" in err
    code, _, err = _run(capsys, str(SEED), str(SEED))
    assert code == 1 and "two gold documents have the id 'seed-navo-fmm-2022-04'" in err


@pytest.mark.parametrize("args", [[], ["x.jsonl", "--format", "csv"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["evaluate", *args])
    assert info.value.code == 2


def test_api_accepts_paths_and_documents(analyzer: nlp_report.Analyzer) -> None:
    from_path = nlp_report.evaluate(SEED, analyzer)
    docs = nlp_report.read_gold(SEED)
    from_docs = nlp_report.evaluate(docs, analyzer, baselines=False)
    assert from_path.documents[0].origin == str(SEED) and from_docs.documents[0].origin is None
    assert from_path.scores == from_docs.scores
    assert from_path.model == "blank:nl"
    with pytest.raises(TypeError, match="paths or GoldDocument"):
        nlp_report.evaluate([42], analyzer)  # type: ignore[list-item]
