"""Assertions shared by the tests."""

from __future__ import annotations

import nlp_report


def assert_offsets(report: nlp_report.Report) -> None:
    """The offset invariant: every object's text is the text at its offsets."""
    text = report.text
    for name in ("sentences", "entities", "motions", "sections", "footnotes"):
        for item in getattr(report, name):
            assert 0 <= item.start <= item.end <= len(text), (name, item)
            assert text[item.start : item.end] == item.text, (name, item)
    for name, start, end, written in report.info.spans():
        assert 0 <= start <= end <= len(text), ("info", name)
        assert text[start:end] == written, ("info", name)
    for motion in report.motions:
        assert motion.mentions and (motion.mentions[0].start, motion.mentions[0].end) == (motion.start, motion.end)
        for mention in motion.mentions:
            assert text[mention.start : mention.end] == mention.text, motion
    for note in report.footnotes:
        if note.marker_start is not None:
            assert note.marker_end is not None
            assert (
                text[note.marker_start : note.marker_end] == str(note.number)
                or text[note.marker_start : note.marker_end] in "¹²³⁴⁵⁶⁷⁸⁹"
            )
