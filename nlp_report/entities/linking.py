"""Linking a MOTION mention to the Kamerstuk of the motion.

A motion gets its Kamerstuk from, in this order:

1. its footnote: the footnote marker glued to the mention (``motie Van
   Haga1``; a comma or full stop may stand between) points to footnote 1,
   and the first KAMERSTUK mention in that footnote is the motion's paper;
2. a reference right after it in parentheses (``motie-Boswijk (21 501-28,
   nr. 212)``) or after a comma (``motie Van Haga, Kamerstuk 28 676, nr.
   394``);
3. the first reference after it in the same sentence, in parentheses, when
   only words about the motion stand between (``de motie van het lid Van
   Dam over het onderhoud van dijken (Kamerstuk 35 000-XII, nr. 42)``,
   ``de motie van het lid De Vries c.s. van 3 maart 2020 (Kamerstuk
   29 521, nr. 400)``): no other motion or reference, no sentence end and no
   document noun (``brief``, ``verslag``: the reference is then that
   document's) within :data:`SAME_SENTENCE_WINDOW` characters;
4. another mention of the same motion in the document: a mention without
   either takes the Kamerstuk of the mentions with the same sponsors, when
   they all give the same one (``de motie Van Haga1 ... De motie Van Haga
   kwam ook aan de orde``).

Offsets: mentions are in the Doc (cleaned text); footnote markers are in the
original text, so the mention's end is mapped back with the layout's offset
map.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..layout.model import Layout
from ..types import KamerstukRef
from .rules import Found, Mention, doc_text, rule_words

_MARKER_GAP = re.compile(r"[.,;:)\]”’\"']{0,2}")
_AFTER_MOTION = re.compile(r"\s*(?:\(\s*(?:zie\s+(?:ook\s+)?)?|,\s*)")
_OPEN = re.compile(r"\(\s*(?:zie\s+(?:ook\s+)?)?")
_SENTENCE_END = re.compile(r"[.!?;:]\s+[A-Z]|\n\s*\n|[()]")
_WORD = re.compile(r"[^\W\d_]+")
SAME_SENTENCE_WINDOW = 200
"""How far after a motion (in characters) its Kamerstuk may stand in the same sentence."""


@dataclass(frozen=True, slots=True)
class MotionLink:
    """A MOTION mention and the Kamerstuk it is linked to."""

    motion: Mention
    kamerstuk: KamerstukRef
    how: str
    """``footnote``, ``parentheses``, ``sentence`` or ``repeated``."""


def link_motions(doc: Doc, found: Found, layout: Layout) -> list[MotionLink]:
    """The Kamerstuk of each MOTION mention the document gives one for."""
    motions = [m for m in found.mentions if m.label == "MOTION"]
    papers = [m for m in found.mentions if m.label == "KAMERSTUK"]
    if not motions or not papers:
        return []
    starts = {doc[m.start].idx: m for m in papers}
    text = doc_text(doc, layout)
    links: dict[Mention, MotionLink] = {}
    for motion in motions:
        ref = _by_footnote(doc, motion, papers, found, layout)
        how = "footnote"
        if ref is None:
            ref = _after(doc, text, motion, starts, found)
            how = "parentheses"
        if ref is None:
            ref = _later_in_sentence(doc, text, motion, found)
            how = "sentence"
        if ref is not None:
            links[motion] = MotionLink(motion, ref, how)
    by_sponsors: dict[str, set[str]] = {}
    refs: dict[str, KamerstukRef] = {}
    for link in links.values():
        by_sponsors.setdefault(link.motion.kb_id, set()).add(link.kamerstuk.kb_id)
        refs[link.kamerstuk.kb_id] = link.kamerstuk
    for motion in motions:
        if motion in links:
            continue
        known = by_sponsors.get(motion.kb_id, set())
        if len(known) == 1:
            links[motion] = MotionLink(motion, refs[next(iter(known))], "repeated")
    return [links[m] for m in motions if m in links]


def _by_footnote(
    doc: Doc, motion: Mention, papers: Sequence[Mention], found: Found, layout: Layout
) -> KamerstukRef | None:
    if not layout.markers:
        return None
    end_char = doc[motion.end - 1].idx + len(doc[motion.end - 1])
    original_end = layout.offsets.end(end_char)
    text = layout.text
    marker = None
    for candidate in layout.markers:
        if candidate.start < original_end:
            continue
        gap = text[original_end : candidate.start]
        if _MARKER_GAP.fullmatch(gap):
            marker = candidate
        break
    if marker is None:
        return None
    block = next(
        (b for b in layout.blocks if b.kind == "footnote" and b.number == marker.number and b.start > marker.start),
        None,
    )
    if block is None:
        return None
    for paper in papers:
        start = doc[paper.start].idx
        if block.clean_start <= start < block.clean_end:
            return found.kamerstukken.get((paper.start, paper.end))
    return None


def _after(doc: Doc, text: str, motion: Mention, starts: dict[int, Mention], found: Found) -> KamerstukRef | None:
    end_char = doc[motion.end - 1].idx + len(doc[motion.end - 1])
    m = _AFTER_MOTION.match(text, end_char)
    if m is None or m.end() == end_char:
        return None
    paper = starts.get(m.end())
    if paper is None:
        return None
    return found.kamerstukken.get((paper.start, paper.end))


def _later_in_sentence(doc: Doc, text: str, motion: Mention, found: Found) -> KamerstukRef | None:
    """The reference in parentheses after the words about the motion (rule 3 of the module)."""
    end_char = doc[motion.end - 1].idx + len(doc[motion.end - 1])
    following = [m for m in found.mentions if m.start >= motion.end and m.label in ("MOTION", "KAMERSTUK")]
    if not following or following[0].label != "KAMERSTUK":
        return None
    paper = following[0]
    start = doc[paper.start].idx
    if start - end_char > SAME_SENTENCE_WINDOW:
        return None
    between = text[end_char:start]
    opening = between.rfind("(")
    if opening < 0 or not _OPEN.fullmatch(between[opening:]):
        return None
    words = between[:opening]
    if _SENTENCE_END.search(words) or any(w.lower() in rule_words().document_nouns for w in _WORD.findall(words)):
        return None
    return found.kamerstukken.get((paper.start, paper.end))
