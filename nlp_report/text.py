"""The character classes and small text helpers that layout, tokenizer, entity rules, readers and display share.

Each fact about characters is written here once: what a line break is, which
characters are invisible, which hyphens join the parts of a word and which
a word wrapped at a line end keeps, the superscript digits of footnote
markers, a blank line, and a text put on one line.
"""

from __future__ import annotations

import re

LINE_BREAKS = r"\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""The characters that end a line (``str.splitlines``' set), as regex character-class content."""
LINE_BREAK = re.compile(rf"\r\n|[{LINE_BREAKS}]")
"""One line break (``\\r\\n`` counts as one)."""
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
"""A blank line between two lines (white space only), in text with ``\\n`` line breaks."""

BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Marks and embeddings that set the direction of text (``\\u202e`` before a name hid it from the rules)."""
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad" + BIDI_CONTROLS
"""Zero-width characters, the byte order mark, the soft hyphen and the bidirectional controls."""
CONTROL = "\x00-\x08\x0e-\x1f\x7f-\x9f"
"""Control characters, as character-class ranges: C0 and C1 except U+0009-U+000D (tab, line breaks)."""
SOFT_HYPHEN = "\u00ad"
SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: a ``str`` that holds one is not valid Unicode (it cannot be encoded or analysed)."""

HYPHENS = "-\u2010\u2011\u2013\u2014"
"""Hyphen-minus, hyphen, non-breaking hyphen, en and em dash: what joins the parts of a compound (``NAVO-top``)."""
WRAP_HYPHENS = "-\u2010"
"""The hyphens a word broken at a line end keeps when the wrap is undone (``NAVO-\\nministers``)."""

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)

_HYPHEN_WRAP = re.compile(rf"(?<=\w[{WRAP_HYPHENS}])\r?\n(?=\w)")


def one_space(text: str) -> str:
    """``text`` with every run of white space as one space, stripped."""
    return " ".join(text.split())


def one_line(text: str) -> str:
    """``text`` on one line: PDF line wraps undone (``NAVO-\\nministers`` joined), soft hyphens dropped."""
    return one_space(_HYPHEN_WRAP.sub("", text).replace(SOFT_HYPHEN, ""))
