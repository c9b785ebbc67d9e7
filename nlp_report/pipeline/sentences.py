"""The sentence component: body sentences inside layout blocks.

Every block starts a sentence, so no sentence crosses a heading, a
footnote or a list item. Inside paragraphs and list items a sentence ends
at ``.``, ``!``, ``?`` or ``…`` when the next word does not start in lower
case; :mod:`nlp_report.layout.sentences` has the rules for abbreviations
(``c.s.``, ``jl.``, ``dat.``) and glued footnote markers. A closing quote after the final punctuation stays
outside the sentence span, as the annotation guidelines ask. A stretch of
more than :data:`MAX_SENTENCE_TOKENS` tokens without a sentence end is cut.

Placed before a parser, the component fixes the sentence boundaries the
parser then respects. Placed after one, it keeps the parser's sentences and
only cuts them at block boundaries it cannot change, i.e. it clips them to
the body blocks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span
from spacy.training import Example

from ..layout.lines import LayoutRules, default_rules
from ..layout.model import SENTENCE_BLOCKS
from ..layout.sentences import split_sentences
from .doc import BLOCKS_KEY, SENTENCES_KEY, get_layout, token_table

_FINAL_CHARS = frozenset(".!?…")
_QUOTES = frozenset({"”", "’", '"', "'", "»"})
_SOFT_ENDS = frozenset({";", ":", ","})
MAX_SENTENCE_TOKENS = 300
"""A stretch of more tokens without a sentence end (a table, a text without punctuation) is cut into
sentences of at most this many tokens, after the last ``;``, ``:`` or ``,`` in the second half where there
is one. Real sentences are far shorter; the cut keeps the per-sentence work of the classifier bounded."""


def _cap_length(words: list[str], pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``pieces`` with those longer than :data:`MAX_SENTENCE_TOKENS` tokens cut."""
    if all(e - s <= MAX_SENTENCE_TOKENS for s, e in pieces):
        return pieces
    out = []
    for s, e in pieces:
        while e - s > MAX_SENTENCE_TOKENS:
            limit = s + MAX_SENTENCE_TOKENS
            half = s + MAX_SENTENCE_TOKENS // 2
            cut = next((j + 1 for j in range(limit - 1, half, -1) if words[j] in _SOFT_ENDS), limit)
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


class SentenceSegmenter:
    """Splits the body blocks of a Doc into sentences."""

    def __init__(self, *, rules: LayoutRules | None = None) -> None:
        self.rules = rules or default_rules()

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """spaCy's scoring hook (``nlp.evaluate``): the figures of ``nlp-report evaluate``."""
        from ..evaluation.spacy_scores import score_sentences

        return score_sentences(examples, **kwargs)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            doc.spans[SENTENCES_KEY] = []
            return doc
        blocks = self._block_spans(doc)
        parsed = doc.has_annotation("DEP")
        table = token_table(doc)
        words = table.text
        sentences: list[tuple[int, int]] = []
        starts = numpy.full(len(doc), -1, dtype="int64")
        for kind, start, end in blocks:
            starts[start] = 1
            if kind not in SENTENCE_BLOCKS:
                continue
            pieces = (
                self._parser_sentences(doc, start, end)
                if parsed
                else split_sentences(self.rules, words, table.space, start, end)
            )
            for s, e in _cap_length(words, pieces):
                starts[s] = 1
                sentences.append(self._trim(words, s, e))
        if not parsed:
            doc.from_array([SENT_START], cast(Any, starts.astype("uint64").reshape(-1, 1)))
        doc.spans[SENTENCES_KEY] = [Span(doc, s, e) for s, e in sentences if e > s]
        return doc

    def _block_spans(self, doc: Doc) -> list[tuple[str, int, int]]:
        out: list[tuple[str, int, int]] = []
        if BLOCKS_KEY in doc.spans:
            group = doc.spans[BLOCKS_KEY]
            return [(span.label_, span.start, span.end) for span in group]
        for block in get_layout(doc).blocks:
            span = doc.char_span(block.clean_start, block.clean_end, alignment_mode="expand")
            if span is not None:
                out.append((block.kind, span.start, span.end))
        return out

    @staticmethod
    def _parser_sentences(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        pieces = []
        for sent in cast(Any, doc[start:end]).sents:
            s, e = max(sent.start, start), min(sent.end, end)
            if e > s:
                pieces.append((s, e))
        return pieces

    @staticmethod
    def _trim(words: list[str], start: int, end: int) -> tuple[int, int]:
        """Leave closing quotes after the final punctuation, and white space, outside."""
        while end - 1 > start and (
            words[end - 1].isspace() or (words[end - 1] in _QUOTES and set(words[end - 2]) <= _FINAL_CHARS)
        ):
            end -= 1
        while start < end and words[start].isspace():
            start += 1
        return start, end
