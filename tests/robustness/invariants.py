"""The invariants every input must keep, for the layout stage and for a whole report."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import pairwise

import nlp_report
from nlp_report.layout import Layout
from nlp_report.layout.lines import default_rules
from nlp_report.layout.model import SENTENCE_BLOCKS

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad") | frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidirectional controls
)
_CLOSING_QUOTES = frozenset("”’\"'»")
NON_BODY_BLOCKS = frozenset({"header", "salutation", "signature"})
"""Blocks outside the body where entities may stand (the letter's header block, salutation, signature)."""


def _droppable(char: str) -> bool:
    """Characters the layout stage may leave out of the cleaned text: white space, invisibles, controls."""
    return char.isspace() or char in _INVISIBLE or ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F


def check_layout(text: str, layout: Layout) -> None:
    """The layout stage: cleaned text, offset map and blocks agree with the text, and nothing is lost."""
    assert layout.text is text or layout.text == text
    clean = layout.clean_text
    offsets = layout.offsets
    n = len(text)
    # the offset map: contiguous segments; copied runs equal the text they come from, inserts are white space
    assert offsets.clean_starts[:1] in ([], [0])
    copied = [False] * n
    last_orig = 0
    for i, (cs, os_, length) in enumerate(zip(offsets.clean_starts, offsets.orig_starts, offsets.lengths, strict=True)):
        following = offsets.clean_starts[i + 1] if i + 1 < len(offsets.clean_starts) else len(clean)
        assert 0 <= os_ <= n, (i, os_)
        if length < 0:  # composed characters for a decomposed stretch of the text (NFC)
            assert following > cs and os_ - length <= n, (i, cs, following, length)
            assert clean[cs:following] == unicodedata.normalize("NFC", text[os_ : os_ - length]), (i, cs, os_)
            assert os_ >= last_orig, ("composed segments go back", i, os_, last_orig)
            last_orig = os_ - length
            copied[os_ : os_ - length] = [True] * -length
            continue
        assert following - cs == (length or 1), (i, cs, following, length)
        if length:
            assert clean[cs : cs + length] == text[os_ : os_ + length], (i, cs, os_, length)
            assert os_ >= last_orig, ("copied segments go back", i, os_, last_orig)
            last_orig = os_ + length
            copied[os_ : os_ + length] = [True] * length
        else:
            assert clean[cs].isspace(), (i, clean[cs])
    # every clean offset maps into the text, in order
    previous = 0
    for c in range(0, len(clean) + 1, max(1, len(clean) // 50)):
        start, end = offsets.span(c, min(c + 7, len(clean)))
        assert 0 <= start <= end <= n, (c, start, end)
        point = offsets.start(c) if c < len(clean) else offsets.end(c)
        assert point >= previous or offsets.lengths[offsets._segment(c)] <= 0, (c, point, previous)
        previous = point
    # the blocks: in order, not overlapping, mapped onto the text
    for block in layout.blocks:
        assert 0 <= block.clean_start <= block.clean_end <= len(clean), block
        assert 0 <= block.start <= block.end <= n, block
        assert (block.start, block.end) == offsets.span(block.clean_start, block.clean_end), block
        piece = clean[block.clean_start : block.clean_end]
        assert piece == piece.strip() and piece, block
        assert "\n" not in piece, block
        assert (block.number is not None) == (block.kind == "footnote"), block
    for a, b in pairwise(layout.blocks):
        assert a.clean_end <= b.clean_start and a.end <= b.start, (a, b)
        assert clean[a.clean_end : b.clean_start] == "\n\n", (a, b)
    for marker in layout.markers:
        assert 0 <= marker.start < marker.end <= n, marker
        assert int(text[marker.start : marker.end].translate(_SUPERSCRIPT)) == marker.number, marker
    for start, end in layout.furniture:
        assert 0 <= start <= end <= n
    # nothing visible is lost: a character is in the cleaned text, or a marker, furniture, a bullet or note number
    dropped = [False] * n
    for start, end in [*layout.furniture, *((m.start, m.end) for m in layout.markers)]:
        dropped[start:end] = [True] * (end - start)
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    for block in layout.blocks:
        line_start = line_starts[bisect_right(line_starts, block.start) - 1]
        dropped[line_start : block.start] = [True] * (block.start - line_start)  # "- ", "1. ", "3 "
    lost = [i for i in range(n) if not (copied[i] or dropped[i] or _droppable(text[i]))]
    assert not lost, ("characters lost", [(i, text[i]) for i in lost[:10]])


_CLOSERS = frozenset("”’\"'»)]")
"""What the splitter skips between a sentence end and a glued marker (``layout/sentences.py``)."""


def _glued_marker(clean: str, c: int) -> bool:
    """Whether ``clean[c]`` is a digit of a marker glued after a sentence end (``besloot.1 Verder``, ``.1Met``).

    The annotation guidelines put such a marker outside the sentence, also where the text lacks the
    footnote (an excerpt), so the layout cannot take it out.
    """
    start = c
    while start > 0 and clean[start - 1].isdigit():
        start -= 1
    end = c
    while end < len(clean) and clean[end].isdigit():
        end += 1
    before = start
    while before > 0 and (clean[before - 1] in _CLOSERS or (before < start and clean[before - 1].isspace())):
        before -= 1  # closing quotes and brackets between the end and the marker: ``?»1``, ``? ]1``
    return (
        clean[c].isdigit()
        and end - start <= 3
        and before > 0
        and clean[before - 1] in ".!?…"
        and (end == len(clean) or clean[end].isspace() or (clean[end].isupper() and clean[end + 1 : end + 2].islower()))
    )


def check_report(report: nlp_report.Report, text: str, layout: Layout) -> None:
    """A report: offsets, order, overlap, and every entity inside a sentence, section, footnote or letter part."""
    assert report.text == text
    n = len(text)
    for name in ("sentences", "entities", "motions", "sections", "footnotes", "model_entities"):
        for item in getattr(report, name):
            assert 0 <= item.start <= item.end <= n, (name, item)
            assert text[item.start : item.end] == item.text, (name, item)
            if name != "footnotes":
                assert item.text and item.text == item.text.strip(), (name, item)
    for note in report.footnotes:
        if note.marker_start is not None:
            assert note.marker_end is not None and 0 <= note.marker_start < note.marker_end <= note.start
    for name in ("sentences", "entities", "sections", "footnotes"):
        items = getattr(report, name)
        for a, b in pairwise(items):
            assert a.end <= b.start, (f"{name} out of order or overlapping", a, b)
    for sentence in report.sentences:
        assert sentence.label in nlp_report.SENTENCE_LABELS, sentence
        # an actor names someone; a context sentence may have one (classify/actor_gate.py), a question never
        assert sentence.actor is None or sentence.actor.strip() == sentence.actor != "", sentence
        assert sentence.actor is None or not sentence.text.rstrip().rstrip("\"'”’»").endswith("?"), sentence
        assert sentence.section is None or sentence.section in {s.title for s in report.sections}
    for entity in report.entities:
        assert entity.label in nlp_report.ENTITY_LABELS, entity
    # one Motion per motion, its mentions the MOTION entities (each mention belongs to one motion)
    mentions = [(x.start, x.end) for m in report.motions for x in m.mentions]
    assert len(mentions) == len(set(mentions))
    assert set(mentions) == {(e.start, e.end) for e in report.entities if e.label == "MOTION"}
    for motion in report.motions:
        assert (motion.start, motion.end) == (motion.mentions[0].start, motion.mentions[0].end), motion
        assert text[motion.start : motion.end] == motion.text, motion
    body = [(b.start, b.end) for b in layout.blocks if b.kind in SENTENCE_BLOCKS]
    for sentence in report.sentences:  # a sentence never crosses a block
        assert any(s <= sentence.start and sentence.end <= e for s, e in body), sentence
    # every word of the body is in a sentence (closing quotes after the final punctuation stay outside)
    covered = [False] * n
    for sentence in report.sentences:
        covered[sentence.start : sentence.end] = [True] * (sentence.end - sentence.start)
    markers = {i for m in layout.markers for i in range(m.start, m.end)}
    clean = layout.clean_text
    # Left out on purpose (nlp_report/pipeline/sentences.py, nlp_report/layout/sentences.py): a block with
    # no sentence in it (no sentence end anywhere: a form field, a reference line), marks without a letter
    # or digit (a bullet inside a line, a run of dots), and before a block's first sentence a salutation
    # or a speaker label ending in a colon.
    salutation = default_rules().salutation
    for block in layout.blocks:
        if block.kind not in SENTENCE_BLOCKS:
            continue
        inside = [x for x in report.sentences if block.start <= x.start and x.end <= block.end]
        if not inside:
            continue
        lead = text[block.start : inside[0].start].strip()
        lead_ok = bool(salutation.fullmatch(lead)) or lead.endswith(":")
        for c in range(block.clean_start, block.clean_end):
            if clean[c].isspace() or clean[c] in _CLOSING_QUOTES or not clean[c].isalnum():
                continue
            i = layout.offsets.start(c)
            if lead_ok and i < inside[0].start:
                continue
            assert covered[i] or i in markers or _glued_marker(clean, c), (
                "body text outside every sentence",
                block,
                c,
                clean[c],
            )
    assert [(s.start, s.end, s.text) for s in report.sections] == [
        (b.start, b.end, text[b.start : b.end]) for b in layout.blocks if b.kind == "heading"
    ]
    assert [(f.number, f.start, f.end) for f in report.footnotes] == [
        (b.number, b.start, b.end) for b in layout.blocks if b.kind == "footnote"
    ]
    containers = [
        *((s.start, s.end) for s in report.sentences),
        *((s.start, s.end) for s in report.sections),
        *((f.start, f.end) for f in report.footnotes),
        *((b.start, b.end) for b in layout.blocks if b.kind in NON_BODY_BLOCKS),
        *(  # a body block with no sentence end, left out of the sentences (a reference line)
            (b.start, b.end)
            for b in layout.blocks
            if b.kind in SENTENCE_BLOCKS and not any(b.start <= x.start < b.end for x in report.sentences)
        ),
    ]
    for entity in report.entities:
        assert any(s <= entity.start and entity.end <= e for s, e in containers), (
            "entity outside every sentence, section, footnote and letter part",
            entity,
        )
