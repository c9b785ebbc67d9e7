"""The result types: JSON round trip, validation, DataFrames."""

from __future__ import annotations

import dataclasses
import json

import pytest

from nlp_report import Entity, KamerstukRef, Motion, Report, ReportDataError, Sentence

TEXT = "Nederland steunt de motie Van Haga1.\n\n1 Kamerstuk 28 676, nr. 394"


def make_report() -> Report:
    ref = KamerstukRef("28676", "394", "28676-394", "https://zoek.officielebekendmakingen.nl/kst-28676-394.html")
    return Report(
        text=TEXT,
        source="test.txt",
        model="blank:nl",
        sentences=(Sentence(0, 36, TEXT[0:36], "position", "Nederland", None),),
        entities=(Entity(0, 9, "Nederland", "COUNTRY", "NL"), Entity(20, 34, "motie Van Haga", "MOTION", "Van Haga")),
        motions=(Motion(20, 34, "motie Van Haga", ("Van Haga",), ref),),
    )


def test_to_dict_is_json_safe_and_round_trips() -> None:
    report = make_report()
    data = json.loads(json.dumps(report.to_dict()))
    assert Report.from_dict(data) == report


def test_results_are_frozen_and_slotted() -> None:
    sentence = make_report().sentences[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        sentence.label = "context"  # type: ignore[misc]
    assert not hasattr(sentence, "__dict__")


def test_from_dict_rejects_offsets_that_do_not_match() -> None:
    data = make_report().to_dict()
    data["entities"][0]["end"] = 8
    with pytest.raises(ReportDataError, match=r"entities\[0\]: text\[0:8\] is not 'Nederland'"):
        Report.from_dict(data)


def test_from_dict_names_the_missing_key() -> None:
    with pytest.raises(ReportDataError, match="missing key 'model'"):
        Report.from_dict({"text": "x"})


@pytest.mark.parametrize(
    ("kind", "columns"),
    [
        (
            "sentences",
            [
                "source",
                "start",
                "end",
                "text",
                "label",
                "score_position",
                "score_decision",
                "score_context",
                "actor",
                "section",
            ],
        ),
        ("entities", ["source", "start", "end", "text", "label", "kb_id"]),
        ("motions", ["source", "start", "end", "text", "sponsors", "kamerstuk", "url", "mentions"]),
    ],
)
def test_to_frame(kind: str, columns: list[str]) -> None:
    frame = make_report().to_frame(kind)  # type: ignore[arg-type]
    assert list(frame.columns) == columns
    assert len(frame) >= 1
    assert set(frame["source"]) == {"test.txt"}


def test_to_frame_motion_row() -> None:
    row = make_report().to_frame("motions").iloc[0]
    assert row["kamerstuk"] == "28676-394"
    assert row["sponsors"] == ["Van Haga"]


def test_to_frame_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="kind must be"):
        make_report().to_frame("paragraphs")  # type: ignore[arg-type]
