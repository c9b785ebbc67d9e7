"""Where a sentence ends inside a block: the punctuation rules of the sentence component.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` when the next word does not
start in lower case nor with a comma, colon or semicolon (``I.a.a.:``). A
word with a full stop that the tokenizer keeps as one token is read by what
it is:

* an abbreviation of ``data/layout/abbreviations.txt`` (``o.a.``, ``dhr.``)
  ends a sentence only before a capitalised function word (``... o.a. De
  Raad``), as the abbreviation is usually inside the sentence; those that
  often end one (``jl.``, ``c.s.``, ``enz.``,
  ``data/layout/final_abbreviations.txt``) before any capitalised word;
  titles (``dhr.``, ``mr.``, ``data/layout/title_abbreviations.txt``) never,
  as a name follows them (``dhr. Van Rompuy``);
* any other lower-case word with a full stop (spaCy's tokenizer exceptions
  hold ``dat.``, ``dit.``, ``al.``, ``best.`` as abbreviations) is a word
  and its full stop: the sentence ends when the next word is capitalised
  (``Het kabinet betreurt dat. Nederland zal ...``).

A ``?`` or ``!`` inside a quotation in guillemets or curly quotes that closes
before the next full stop is part of a quoted title (``het advies «Waarom
nu? Een verkenning».``): the sentence goes on.

A footnote marker glued to the end of a sentence (``... gepresenteerd.1
Tijdens``, ``... c.s.1 Duitsland``, ``...).1Met``; the tokenizer splits the
digits off) is outside both sentences, as ``corpora/ANNOTATION.md`` asks,
also at the end of a block (``... van 3 mei jl.1``); the footnote itself
may be missing from the text. After an abbreviation that takes a number
(``nr.1``, ``data/layout/number_abbreviations.txt``) the digits are the
number.

A bullet mark inside a line after the colon of a lead-in or the semicolon
of an item (``... de volgende eenheden: . een schip; . een vliegtuig;``,
``data/layout/inline_bullets.txt``) ends the sentence before it and stays
outside the next one. A speaker label before a quotation (``Jansen: 'Wij
...``) is outside the sentence, which starts at the quote; so is a
salutation at the start of a block (``Dames en heren, goedemiddag.``), and a
piece with no letter or digit is no sentence at all. A list item in lower
case without punctuation ends before a capitalised sentence adverb
(``data/layout/sentence_openers.txt``): the line break after it was lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lines import LayoutRules

_FINAL_CHARS = frozenset(".!?…")
_CLOSING = frozenset({"”", "’", '"', "'", "»", ")", "]"})
_NOT_A_START = frozenset(",;:")
"""A sentence never starts with these: ``I.a.a.:`` is one piece."""
_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "”"}
_OPENING_QUOTES = frozenset({"'", "‘", '"', "“", "„", "«"})
_LIST_SEPARATORS = frozenset({":", ";"})
_MARKS = _FINAL_CHARS | set(_QUOTE_PAIRS) | set(_QUOTE_PAIRS.values()) | _LIST_SEPARATORS
"""The last characters of the tokens :func:`split_sentences` reads: the others are part of a sentence."""
_MAX_SPEAKER_WORDS = 4


def split_sentences(
    rules: LayoutRules, words: Sequence[str], space: Sequence[bool], start: int, end: int, *, item: bool = False
) -> list[tuple[int, int]]:
    """The sentences of the tokens ``words[start:end]`` (token texts; ``space``: white space follows).

    ``item``: the tokens are a list item (see :func:`_lost_item_end`).
    """
    pieces = []
    sent_start = start
    quotes: list[str] = []  # the closing quotes still expected, innermost last
    resume = start  # the tokens before it are read already (a sentence end and what follows it)
    # only a quote, a list separator or final punctuation changes anything: the other tokens are skipped
    for i in [k for k in range(start, end) if words[k][-1:] in _MARKS]:
        if i < resume:
            continue
        text = words[i]
        if text in _QUOTE_PAIRS:
            quotes.append(_QUOTE_PAIRS[text])
        elif quotes and text == quotes[-1]:
            quotes.pop()
        last = text[-1:]
        if text in _LIST_SEPARATORS and _inline_bullet(rules, words, space, i, end):
            pieces.append((sent_start, i + 1))
            sent_start = resume = i + 2
            continue
        if last not in _FINAL_CHARS:  # no final punctuation, no abbreviation
            continue
        nxt = _after_closers(words, i + 1, end)
        marker = _glued_marker(rules, words, space, i, nxt, end)
        after = nxt + 1 if marker else nxt
        if set(text) <= _FINAL_CHARS:
            boundary = after >= end or _may_start(words[after])
            if boundary and quotes and text in ("?", "!") and _quote_closes_first(words, i + 1, end, quotes[-1]):
                boundary = False  # "«Waarom nu? Een verkenning»."
        elif len(text) > 1 and last == ".":
            boundary = (marker and after >= end) or (
                after < end and _starts_sentence_after(rules, text, words[after], marker=marker)
            )
        else:
            continue
        if boundary:
            pieces.append((sent_start, nxt))
            sent_start = resume = after
            quotes.clear()
    if sent_start < end:
        pieces.append((sent_start, end))
    if item and pieces:
        cut = _lost_item_end(rules, words, *pieces[0])
        if cut is not None:
            pieces[:1] = [(pieces[0][0], cut), (cut, pieces[0][1])]
    out = []
    for s, e in pieces:
        s = _after_speaker_label(rules, words, s, e)
        if e <= s or words[s].isspace() or not any(c.isalnum() for w in words[s:e] for c in w):
            continue
        if s == start and rules.salutation.fullmatch(_joined(words, space, s, e)):
            continue  # "Dames en heren, goedemiddag." opening a speech
        out.append((s, e))
    return out


def _lost_item_end(rules: LayoutRules, words: Sequence[str], s: int, e: int) -> int | None:
    """Where a list item without punctuation ends when the line break after it was lost, or ``None``.

    The item starts in lower case, and a capitalised sentence adverb
    (``data/layout/sentence_openers.txt``) follows a lower-case word with no
    punctuation before it: ``de begroting van de Unie Daarnaast besprak ...``.
    """
    if not words[s][:1].islower():
        return None
    for k in range(s + 1, e):
        before, word = words[k - 1], words[k]
        if not (before[-1:].isalpha() or before in ("-", "‐")):
            return None  # punctuation (or a number) first: the rules above decide
        if word[:1].isupper() and word.lower() in rules.sentence_openers and before[:1].islower():
            return k
    return None


def _may_start(word: str) -> bool:
    return not word[:1].islower() and word[:1] not in _NOT_A_START


def _starts_sentence_after(rules: LayoutRules, word: str, following: str, *, marker: bool) -> bool:
    """Whether ``following`` starts a sentence after ``word``, a token that ends in a full stop."""
    if not following[:1].isupper():
        return False
    lower = word.lower()
    if lower in rules.final_abbreviations:
        return True  # "... van 11 maart jl. Nederland zal ..."
    if lower in rules.title_abbreviations and not marker:
        return False  # "dhr. Van Rompuy"
    if marker or lower not in rules.abbreviations:
        stem = word[:-1]
        if marker or (stem.isalpha() and stem.islower()):
            return True  # "dat. Nederland", "c.s.1 Duitsland"
    return following.lower() in rules.function_words


def _glued_marker(rules: LayoutRules, words: Sequence[str], space: Sequence[bool], i: int, j: int, end: int) -> bool:
    """Whether token ``j`` is a footnote marker glued to the sentence end ``words[i:j]``.

    The marker is followed by white space, the end of the block, or a
    capitalised word glued to it (``).1Met``: the space after it was lost).
    """
    if j >= end or j == i or space[j - 1]:
        return False
    digits = words[j]
    if not (digits.isdigit() and len(digits) <= 3) or words[i].lower() in rules.number_abbreviations:
        return False
    if j + 1 >= end or space[j] or words[j + 1].isspace():
        return True
    glued = words[j + 1]
    return glued[:1].isupper() and glued[1:2].islower()


def _after_closers(words: Sequence[str], i: int, end: int) -> int:
    while i < end and words[i] in _CLOSING:
        i += 1
    return i


def _quote_closes_first(words: Sequence[str], i: int, end: int, closing: str) -> bool:
    """Whether the quote closes (``closing``) before the next final punctuation mark, with words between.

    ``«Waarom nu? Een verkenning»``: a subtitle follows the ``?`` inside the
    quote; ``“Waarom nu?” Dat ...`` is read by the case of the next word.
    """
    if i >= end or words[i] == closing:
        return False
    for k in range(i, end):
        if words[k] == closing:
            return True
        if words[k][-1:] in _FINAL_CHARS:
            return False
    return False


def _inline_bullet(rules: LayoutRules, words: Sequence[str], space: Sequence[bool], i: int, end: int) -> bool:
    """Whether ``words[i]`` (``:`` or ``;``) is followed by a bullet mark and a word: ``...: • de Raad;``."""
    return (
        i + 2 < end
        and space[i]
        and words[i + 1] in rules.inline_bullets
        and space[i + 1]
        and words[i + 2][:1].isalpha()
    )


def _after_speaker_label(rules: LayoutRules, words: Sequence[str], s: int, e: int) -> int:
    """Where the sentence starts when it opens with a speaker label before a quote (``Jansen: 'Het ...``)."""
    limit = min(e - 2, s + _MAX_SPEAKER_WORDS + 1)
    for k in range(s + 1, limit + 1):
        if words[k] == ":":
            if words[k + 1] not in _OPENING_QUOTES:
                return s
            name = words[s:k]
            if name[0][:1].isupper() and all(
                w[:1].isupper() or w.lower() in rules.speaker_particles or w == "-" for w in name
            ):
                return k + 1
            return s
        if not words[k][:1].isalpha() and words[k] != "-":
            return s
    return s


def _joined(words: Sequence[str], space: Sequence[bool], s: int, e: int) -> str:
    return "".join([w + " " if after else w for w, after in zip(words[s:e], space[s:e], strict=True)]).strip()
