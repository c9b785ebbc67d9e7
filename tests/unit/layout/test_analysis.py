"""The layout stage on small texts: one case per layout feature (tests/data/layout_cases.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nlp_report.layout import analyze_layout
from tests.conftest import DATA

CASES: list[dict[str, Any]] = json.loads((DATA / "layout_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_blocks(case: dict[str, Any]) -> None:
    layout = analyze_layout(case["text"])
    found = [[b.kind, case["text"][b.start : b.end]] for b in layout.blocks]
    assert found == case["blocks"]


@pytest.mark.parametrize("case", [c for c in CASES if "markers" in c], ids=lambda c: c["name"])
def test_footnote_markers(case: dict[str, Any]) -> None:
    text = case["text"]
    layout = analyze_layout(text)
    found = []
    for marker in layout.markers:
        before = text[: marker.start].split()[-1] if text[: marker.start].split() else ""
        found.append([marker.number, before])
    assert found == case["markers"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_clean_text_maps_back(case: dict[str, Any]) -> None:
    """Every block of the cleaned text maps back onto its original span."""
    text = case["text"]
    layout = analyze_layout(text)
    for block in layout.blocks:
        assert layout.offsets.span(block.clean_start, block.clean_end) == (block.start, block.end)
        clean = layout.clean_text[block.clean_start : block.clean_end]
        assert "\n" not in clean and "  " not in clean
        # the cleaned block holds the same words, wraps joined
        assert clean.replace(" ", "") == _squeeze(text[block.start : block.end], layout, block.start)


def _squeeze(original: str, layout: Any, offset: int) -> str:
    """Original text without white space and without the footnote markers."""
    chars = []
    marker_positions = {i for m in layout.markers for i in range(m.start, m.end)}
    for i, char in enumerate(original):
        if char.isspace() or offset + i in marker_positions:
            continue
        chars.append(char)
    return "".join(chars)
