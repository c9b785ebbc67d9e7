"""Where a sentence ends inside a block: the punctuation rules of the sentence component.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` when the next word does not
start in lower case. A word with a full stop that the tokenizer keeps as one
token is read by what it is:

* an abbreviation of ``data/layout/abbreviations.txt`` (``o.a.``, ``dhr.``)
  ends a sentence only before a capitalised function word (``... o.a. De
  Raad``), as the abbreviation is usually inside the sentence; those that
  often end one (``jl.``, ``c.s.``, ``enz.``,
  ``data/layout/final_abbreviations.txt``) before any capitalised word;
* any other lower-case word with a full stop (spaCy's tokenizer exceptions
  hold ``dat.``, ``dit.``, ``al.``, ``best.`` as abbreviations) is a word
  and its full stop: the sentence ends when the next word is capitalised
  (``Het kabinet betreurt dat. Nederland zal ...``).

A footnote marker glued to the end of a sentence (``... gepresenteerd.1
Tijdens``, ``... c.s.1 Duitsland``; the tokenizer splits the digits off) is
outside both sentences, as ``corpora/ANNOTATION.md`` asks; the footnote
itself may be missing from the text. After an abbreviation that takes a
number (``nr.1``, ``data/layout/number_abbreviations.txt``) the digits are
the number.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lines import LayoutRules

_FINAL_CHARS = frozenset(".!?…")
_CLOSING = frozenset({"”", "’", '"', "'", "»", ")", "]"})


def split_sentences(
    rules: LayoutRules, words: Sequence[str], space: Sequence[bool], start: int, end: int
) -> list[tuple[int, int]]:
    """The sentences of the tokens ``words[start:end]`` (token texts; ``space``: white space follows)."""
    pieces = []
    sent_start = start
    i = start
    while i < end:
        text = words[i]
        last = text[-1:]
        if last not in _FINAL_CHARS:  # no final punctuation, no abbreviation: the common case
            i += 1
            continue
        nxt = _after_closers(words, i + 1, end)
        marker = _glued_marker(rules, words, space, i, nxt, end)
        after = nxt + 1 if marker else nxt
        if set(text) <= _FINAL_CHARS:
            boundary = after >= end or not words[after][:1].islower()
        elif len(text) > 1 and last == ".":
            boundary = after < end and _starts_sentence_after(rules, text, words[after], marker=marker)
        else:
            i += 1
            continue
        if boundary:
            pieces.append((sent_start, nxt))
            sent_start = after
            i = after
        else:
            i += 1
    if sent_start < end:
        pieces.append((sent_start, end))
    return [(s, e) for s, e in pieces if e > s and not words[s].isspace()]


def _starts_sentence_after(rules: LayoutRules, word: str, following: str, *, marker: bool) -> bool:
    """Whether ``following`` starts a sentence after ``word``, a token that ends in a full stop."""
    if not following[:1].isupper():
        return False
    if word.lower() in rules.final_abbreviations:
        return True  # "... van 11 maart jl. Nederland zal ..."
    if marker or word.lower() not in rules.abbreviations:
        stem = word[:-1]
        if marker or (stem.isalpha() and stem.islower()):
            return True  # "dat. Nederland", "c.s.1 Duitsland"
    return following.lower() in rules.function_words


def _glued_marker(rules: LayoutRules, words: Sequence[str], space: Sequence[bool], i: int, j: int, end: int) -> bool:
    """Whether token ``j`` is a footnote marker glued to the sentence end ``words[i:j]``."""
    if j >= end or j == i or space[j - 1]:
        return False
    digits = words[j]
    if not (digits.isdigit() and len(digits) <= 3) or words[i].lower() in rules.number_abbreviations:
        return False
    return j + 1 >= end or space[j] or words[j + 1].isspace()


def _after_closers(words: Sequence[str], i: int, end: int) -> int:
    while i < end and words[i] in _CLOSING:
        i += 1
    return i
