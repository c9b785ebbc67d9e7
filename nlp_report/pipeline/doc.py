"""Where nlp_report keeps its annotations on a spaCy ``Doc``.

* ``doc.user_data["nlp_report.layout"]``: the layout (original text,
  offset map, blocks, footnote markers) as plain data, so ``Doc.to_bytes``
  and ``DocBin`` keep it; ``doc._.layout`` gives it as a
  :class:`~nlp_report.layout.Layout`.
* ``doc.spans["nlp_report_blocks"]``: one span per block, labelled with its
  kind (``heading``, ``paragraph``, ``footnote``...).
* ``doc.spans["nlp_report_sentences"]``: the body sentences, labelled
  ``position``, ``decision`` or ``context`` once classified; ``span._.actor``
  holds the actor and ``span._.scores`` the probability of each label (a dict).
* ``doc.ents``: the entities of the rules (``COUNTRY``, ``ORG``, ``MOTION``,
  ``KAMERSTUK``) with ``kb_id_`` set. On a KAMERSTUK span ``span._.kamerstuk``
  holds the parsed reference (a dict of the fields of
  :class:`~nlp_report.types.KamerstukRef`); on a MOTION span
  ``span._.sponsors`` holds the sponsor names and ``span._.kamerstuk`` the
  motion's Kamerstuk when the document gives it (``None`` otherwise).
* ``doc.spans["nlp_report_model_ents"]``: entities of a statistical model that
  the rules did not take over (people, dates, places that are not states).

The tokens of a Doc are read in bulk by :func:`token_table`: iterating a Doc
(``for t in doc``, ``doc[i]``) builds a spaCy ``Token`` object per token, which
costs more than the rules that look at the token. :meth:`Doc.to_array` gives
offsets, lengths and trailing-space flags for all tokens at once, and the token
texts are slices of the cleaned text the layout tokenizer already holds.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc, Span

from ..layout.model import Layout

LAYOUT_KEY = "nlp_report.layout"
BLOCKS_KEY = "nlp_report_blocks"
SENTENCES_KEY = "nlp_report_sentences"
MODEL_ENTS_KEY = "nlp_report_model_ents"


_layouts: weakref.WeakKeyDictionary[Doc, Layout] = weakref.WeakKeyDictionary()
"""Layouts already built for a Doc (the tokenizer puts its own here), so none is rebuilt."""


def get_layout(doc: Doc) -> Layout:
    """The layout of ``doc``; a plain one (paragraphs, identity offsets) if none was set."""
    layout = _layouts.get(doc)
    if layout is None:
        data = doc.user_data.get(LAYOUT_KEY)
        layout = Layout.plain(doc.text) if data is None else Layout.from_data(data, doc.text)
        _layouts[doc] = layout
    return layout


def known_text(doc: Doc) -> str | None:
    """The text the layout tokenizer tokenized into ``doc`` (its cleaned text), if it made ``doc``."""
    layout = _layouts.get(doc)
    return None if layout is None else layout.clean_text


def set_layout(doc: Doc, layout: Layout) -> None:
    """Store ``layout`` on ``doc`` and write its blocks as a span group."""
    doc.user_data[LAYOUT_KEY] = layout.to_data()
    _layouts[doc] = layout
    spans = []
    for block in layout.blocks:
        span = doc.char_span(block.clean_start, block.clean_end, label=block.kind, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[BLOCKS_KEY] = spans


def register_extensions() -> None:
    """Register the ``._`` attributes (idempotent)."""
    if not Doc.has_extension("layout"):
        Doc.set_extension("layout", getter=get_layout)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", default=None)
    if not Span.has_extension("scores"):
        Span.set_extension("scores", default=None)
    if not Span.has_extension("kamerstuk"):
        Span.set_extension("kamerstuk", default=None)
    if not Span.has_extension("sponsors"):
        Span.set_extension("sponsors", default=None)


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Per token: its text, whether white space follows, its character offset."""

    text: list[str]
    space: list[bool]
    idx: list[int]
    doc_text: str = ""
    """The text of the Doc, of which the tokens are slices."""


_tables: weakref.WeakKeyDictionary[Doc, tuple[Any, str, TokenTable]] = weakref.WeakKeyDictionary()
"""The last table of each Doc, with the array and text it was read from (components share it)."""


def token_table(doc: Doc) -> TokenTable:
    """The texts, trailing-space flags and offsets of the tokens of ``doc``.

    The table is kept for the Doc and given again while its tokens are the
    same (same offsets, lengths and white space, and the same text); treat
    its lists as read-only.
    """
    if not len(doc):
        return TokenTable([], [], [])
    arr = doc.to_array([IDX, LENGTH, SPACY])
    text = known_text(doc)
    if text is None or len(text) != int(arr[-1, 0]) + int(arr[-1, 1]) + int(arr[-1, 2]):
        text = doc.text
    kept = _tables.get(doc)
    if kept is not None and kept[1] is text and numpy.array_equal(kept[0], arr):
        return kept[2]
    idx: list[int] = arr[:, 0].tolist()
    ends: list[int] = (arr[:, 0] + arr[:, 1]).tolist()
    space: list[bool] = arr[:, 2].astype(bool).tolist()
    table = TokenTable(list(map(text.__getitem__, map(slice, idx, ends))), space, idx, text)
    _tables[doc] = (arr, text, table)
    return table


register_extensions()
