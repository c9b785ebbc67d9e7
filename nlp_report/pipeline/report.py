"""Build the typed :class:`~nlp_report.types.Report` from an annotated ``Doc``.

This is the only place where offsets of the Doc (cleaned text) are turned
into offsets of the text as the user passed it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import cast

from spacy.tokens import Doc

from ..layout.model import Layout
from ..metadata import extract_info
from ..motion_groups import group_motions
from ..types import (
    ENTITY_LABELS,
    SENTENCE_LABELS,
    Entity,
    Footnote,
    KamerstukRef,
    Mention,
    ModelEntity,
    Motion,
    Report,
    Section,
    Sentence,
    SentenceLabel,
    TextBlock,
)
from .doc import MODEL_ENTS_KEY, SENTENCES_KEY, get_layout


def build_report(doc: Doc, *, source: str | None = None, model: str = "") -> Report:
    """The report of ``doc``: every span mapped back to the original text."""
    layout = get_layout(doc)
    text = layout.text
    offsets = layout.offsets
    sections, heading_starts = _sections(layout)
    titles = [s.title for s in sections]

    sentences = []
    if SENTENCES_KEY in doc.spans:
        for span in doc.spans[SENTENCES_KEY]:
            extension = span._  # one accessor for both attributes
            scores = extension.scores
            start, end = offsets.span(span.start_char, span.end_char)
            index = bisect_right(heading_starts, span.start_char) - 1
            label = span.label_ if span.label_ in SENTENCE_LABELS else None
            sentences.append(
                Sentence(
                    start,
                    end,
                    text[start:end],
                    cast("SentenceLabel | None", label),
                    extension.actor,
                    titles[index] if index >= 0 else None,
                    dict(scores) if scores is not None else None,
                )
            )

    entities = []
    motions = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = offsets.span(ent.start_char, ent.end_char)
        entities.append(Entity(start, end, text[start:end], ent.label_, ent.kb_id_ or None))
        if ent.label_ == "MOTION":
            sponsors = ent._.sponsors
            if sponsors is None:  # a MOTION set by other means: its kb_id holds the sponsors
                sponsors = [name for name in ent.kb_id_.split(", ") if name]
            linked = ent._.kamerstuk
            kamerstuk = KamerstukRef(**linked) if isinstance(linked, dict) else None
            mention = Mention(start, end, text[start:end])
            motions.append(Motion(start, end, mention.text, tuple(sponsors), kamerstuk, (mention,)))

    model_entities = []
    for span in doc.spans.get(MODEL_ENTS_KEY, ()):
        start, end = offsets.span(span.start_char, span.end_char)
        model_entities.append(ModelEntity(start, end, text[start:end], span.label_))
    entities_found = tuple(entities)
    return Report(
        text=text,
        source=source,
        model=model,
        sentences=tuple(sentences),
        entities=entities_found,
        motions=group_motions(motions),
        sections=tuple(sections),
        footnotes=_footnotes(layout),
        model_entities=tuple(model_entities),
        blocks=tuple(TextBlock(block.kind, block.start, block.end) for block in layout.blocks),
        furniture=tuple((start, end) for start, end in layout.furniture),
        info=extract_info(text, entities_found),
    )


def _sections(layout: Layout) -> tuple[list[Section], list[int]]:
    sections = []
    starts = []
    for block in layout.blocks:
        if block.kind != "heading":
            continue
        title = layout.clean_text[block.clean_start : block.clean_end]
        sections.append(Section(block.start, block.end, layout.text[block.start : block.end], title))
        starts.append(block.clean_start)
    return sections, starts


def _footnotes(layout: Layout) -> tuple[Footnote, ...]:
    markers = list(layout.markers)
    notes = []
    for block in layout.blocks:
        if block.kind != "footnote" or block.number is None:
            continue
        marker = next((m for m in markers if m.number == block.number and m.start < block.start), None)
        if marker is not None:
            markers.remove(marker)
        notes.append(
            Footnote(
                block.number,
                block.start,
                block.end,
                layout.text[block.start : block.end],
                marker.start if marker else None,
                marker.end if marker else None,
            )
        )
    return tuple(notes)
