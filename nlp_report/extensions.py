"""Where nlp_report keeps its annotations on a spaCy ``Doc``.

* ``doc.user_data["nlp_report.layout"]``: the layout (original text,
  offset map, blocks, footnote markers) as plain data, so ``Doc.to_bytes``
  and ``DocBin`` keep it; ``doc._.layout`` gives it as a
  :class:`~nlp_report.layout.Layout`.
* ``doc.spans["nlp_report_blocks"]``: one span per block, labelled with its
  kind (``heading``, ``paragraph``, ``footnote``...).
* ``doc.spans["nlp_report_sentences"]``: the body sentences, labelled
  ``position``, ``decision`` or ``context`` once classified; ``span._.actor``
  holds the actor.
* ``doc.ents``: the entities of the rules (``COUNTRY``, ``ORG``, ``MOTION``,
  ``KAMERSTUK``) with ``kb_id_`` set.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .layout.model import Layout

LAYOUT_KEY = "nlp_report.layout"
BLOCKS_KEY = "nlp_report_blocks"
SENTENCES_KEY = "nlp_report_sentences"


def get_layout(doc: Doc) -> Layout:
    """The layout of ``doc``; a plain one (paragraphs, identity offsets) if none was set."""
    data = doc.user_data.get(LAYOUT_KEY)
    if data is None:
        return Layout.plain(doc.text)
    return Layout.from_data(data, doc.text)


def set_layout(doc: Doc, layout: Layout) -> None:
    """Store ``layout`` on ``doc`` and write its blocks as a span group."""
    doc.user_data[LAYOUT_KEY] = layout.to_data()
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
