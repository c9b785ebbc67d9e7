"""The sentence component: body sentences inside layout blocks.

Every block starts a sentence, so no sentence crosses a heading, a
footnote or a list item. Inside paragraphs and list items a sentence ends
at ``.``, ``!``, ``?`` or ``…`` when the next word does not start in lower
case; :mod:`nlp_report.layout.sentences` has the rules for abbreviations
(``c.s.``, ``jl.``, ``dat.``) and glued footnote markers. A closing quote after the final punctuation stays
outside the sentence span, as the annotation guidelines ask. A stretch of
more than :data:`MAX_SENTENCE_TOKENS` tokens without a sentence end is cut.

A block with no sentence end at all (no ``.``, ``!``, ``?``, ``…``, ``:`` or
``;`` at its end, nor inside it; for a list item also no ``)``) is not a
body sentence: a form field of a letterhead (``Datum`` + ``- 12 mei 2005``),
a heading the layout could not tell, a reference line (``Kamerstuk 12 345,
nr. 6``). The exception is the item of a list that a lead-in ending in a
colon opens (``... uit drie delen:`` + ``1. een terugblik op ...``): such
items are sentences without final punctuation, and so is the next one; the
last block before a signature, a sentence that ends at its last character as
the annotation guidelines say; and a block that stops on a function word
(``... voor het``), a sentence that a blank line broke off.

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
_BLOCK_ENDS = _FINAL_CHARS | {":", ";"}
_ITEM_ENDS = _BLOCK_ENDS | {")"}
_MARKER_DIGITS = 3
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


def _last_mark(rules: LayoutRules, words: list[str], start: int, end: int) -> str:
    """The last character of ``words[start:end]`` that counts for punctuation: closing quotes and a marker skipped."""
    k = end - 1
    if (
        k > start
        and words[k].isdigit()
        and len(words[k]) <= _MARKER_DIGITS
        and words[k - 1][-1:] in _FINAL_CHARS
        and words[k - 1].lower() not in rules.number_abbreviations
    ):
        k -= 1  # "... verschenen.1" at the end of a block, but not "nr. 12"
    while k > start and (words[k].isspace() or words[k] in _QUOTES):
        k -= 1
    return words[k][-1:]


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
        found: list[tuple[str, list[tuple[int, int]]]] = []
        for kind, start, end in blocks:
            starts[start] = 1
            pieces: list[tuple[int, int]] = []
            if kind in SENTENCE_BLOCKS:
                pieces = (
                    self._parser_sentences(doc, start, end)
                    if parsed
                    else split_sentences(self.rules, words, table.space, start, end, item=kind == "list_item")
                )
            found.append((kind, pieces))
        for pieces in self._body_sentences(words, found):
            for s, e in _cap_length(words, pieces):
                starts[s] = 1
                sentences.append(self._trim(words, s, e))
        if not parsed:
            doc.from_array([SENT_START], cast(Any, starts.astype("uint64").reshape(-1, 1)))
        doc.spans[SENTENCES_KEY] = [Span(doc, s, e) for s, e in sentences if e > s]
        return doc

    def _body_sentences(
        self, words: list[str], found: list[tuple[str, list[tuple[int, int]]]]
    ) -> list[list[tuple[int, int]]]:
        """The sentences of each sentence block, without the blocks that have no sentence end at all.

        In a text that marks no sentence end anywhere (a list of words, a text
        without punctuation) every block is kept.
        """
        unended = []
        for kind, pieces in found:
            ends = _ITEM_ENDS if kind == "list_item" else _BLOCK_ENDS
            unended.append(len(pieces) == 1 and _last_mark(self.rules, words, *pieces[0]) not in ends)
        punctuated = any(pieces and not flag for (_, pieces), flag in zip(found, unended, strict=True))
        out = []
        open_list = False  # the last sentence ended in a colon, or was an item of the list it opened
        for index, (kind, pieces) in enumerate(found):
            if kind not in SENTENCE_BLOCKS or not pieces:
                if kind != "footnote":
                    open_list = False
                continue
            signed = index + 1 < len(found) and found[index + 1][0] == "signature"
            broken = unended[index] and self._broken_off(words, pieces[-1])
            if punctuated and unended[index] and not (open_list and kind == "list_item") and not signed and not broken:
                open_list = False
                continue  # a form field, a heading or a reference line: no sentence end in the whole block
            last = _last_mark(self.rules, words, *pieces[-1])
            open_list = last == ":" or (open_list and kind == "list_item" and (unended[index] or last in (";", ",")))
            out.append(pieces)
        return out

    def _broken_off(self, words: list[str], piece: tuple[int, int]) -> bool:
        """Whether the piece stops on a function word (``... voor het``), where no sentence nor heading can.

        A blank line broke the sentence there. (Not a comma: salutations and
        signature titles end in one.)
        """
        return words[piece[1] - 1].lower() in self.rules.function_words

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
