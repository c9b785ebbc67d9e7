"""The tokens of a Doc as plain Python lists, read in bulk.

Iterating a Doc (``for t in doc``, ``doc[i]``) builds a spaCy ``Token`` object
per token, which costs more than the rules that look at the token. The
components read what they need here instead: :meth:`Doc.to_array` gives
offsets, lengths and trailing-space flags for all tokens at once, and the
token texts are slices of the Doc's text, which the layout tokenizer already
holds (the cleaned text), so ``doc.text`` is not rebuilt from the tokens.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc

from .extensions import known_text


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Per token: its text, whether white space follows, its character offset."""

    text: list[str]
    space: list[bool]
    idx: list[int]


def doc_text(doc: Doc) -> str:
    """``doc.text``, without rebuilding it from the tokens when the layout tokenizer made the Doc."""
    text = known_text(doc)
    if text is not None and len(doc):
        idx, length, space = (int(v) for v in doc.to_array([IDX, LENGTH, SPACY])[-1])
        if len(text) == idx + length + space:
            return text
    return doc.text


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
    table = TokenTable(list(map(text.__getitem__, map(slice, idx, ends))), space, idx)
    _tables[doc] = (arr, text, table)
    return table
