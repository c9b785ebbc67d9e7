"""The sentence component: body sentences inside layout blocks.

Every block starts a sentence, so no sentence crosses a heading, a
footnote or a list item. Inside paragraphs and list items a sentence ends
at ``.``, ``!``, ``?`` or ``…`` when the next word does not start in lower
case, and after an abbreviation (``c.s.``, ``jl.``) only when a capitalised
function word follows. A closing quote after the final punctuation stays
outside the sentence span, as the annotation guidelines ask.

Placed before a parser, the component fixes the sentence boundaries the
parser then respects. Placed after one, it keeps the parser's sentences and
only cuts them at block boundaries it cannot change, i.e. it clips them to
the body blocks.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from ..extensions import BLOCKS_KEY, SENTENCES_KEY, get_layout
from ..layout.model import SENTENCE_BLOCKS
from ..layout.rules import LayoutRules, default_rules

_FINAL_CHARS = frozenset(".!?…")
_CLOSING = frozenset({"”", "’", '"', "'", "»", ")", "]"})
_QUOTES = frozenset({"”", "’", '"', "'", "»"})


class SentenceSegmenter:
    """Splits the body blocks of a Doc into sentences."""

    def __init__(self, *, rules: LayoutRules | None = None) -> None:
        self.rules = rules or default_rules()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            doc.spans[SENTENCES_KEY] = []
            return doc
        blocks = self._block_spans(doc)
        parsed = doc.has_annotation("DEP")
        sentences: list[tuple[int, int]] = []
        starts = numpy.full(len(doc), -1, dtype="int64")
        for kind, start, end in blocks:
            starts[start] = 1
            if kind not in SENTENCE_BLOCKS:
                continue
            pieces = self._parser_sentences(doc, start, end) if parsed else self._rule_sentences(doc, start, end)
            for s, e in pieces:
                starts[s] = 1
                sentences.append(self._trim(doc, s, e))
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

    def _rule_sentences(self, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        pieces = []
        sent_start = start
        i = start
        while i < end:
            token = doc[i]
            text = token.text
            boundary = False
            if text and set(text) <= _FINAL_CHARS:
                nxt = self._after_closers(doc, i + 1, end)
                boundary = nxt >= end or not doc[nxt].text[:1].islower()
            elif len(text) > 1 and text.endswith("."):
                nxt = self._after_closers(doc, i + 1, end)
                boundary = nxt < end and self._starts_sentence_after_abbreviation(doc[nxt].text)
            else:
                i += 1
                continue
            if boundary:
                nxt = self._after_closers(doc, i + 1, end)
                pieces.append((sent_start, nxt))
                sent_start = nxt
                i = nxt
            else:
                i += 1
        if sent_start < end:
            pieces.append((sent_start, end))
        return [(s, e) for s, e in pieces if e > s and not doc[s].is_space]

    def _starts_sentence_after_abbreviation(self, word: str) -> bool:
        return word[:1].isupper() and word.lower() in self.rules.function_words

    @staticmethod
    def _after_closers(doc: Doc, i: int, end: int) -> int:
        while i < end and doc[i].text in _CLOSING:
            i += 1
        return i

    @staticmethod
    def _parser_sentences(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        pieces = []
        for sent in cast(Any, doc[start:end]).sents:
            s, e = max(sent.start, start), min(sent.end, end)
            if e > s:
                pieces.append((s, e))
        return pieces

    @staticmethod
    def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Leave closing quotes after the final punctuation, and white space, outside."""
        while end - 1 > start and (
            doc[end - 1].is_space or (doc[end - 1].text in _QUOTES and set(doc[end - 2].text) <= _FINAL_CHARS)
        ):
            end -= 1
        while start < end and doc[start].is_space:
            start += 1
        return start, end
