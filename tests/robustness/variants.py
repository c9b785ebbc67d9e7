"""Generators for what the robustness suite missed (issue 14): the same letter written differently, and crowds.

* normalisation forms (NFC, NFD, NFKC, NFKD) of a letter;
* white-space variants: NBSP, tab or thin space for every space; CR-only
  or CRLF line ends;
* long runs (spaces, zero-width characters, superscripts, soft hyphens)
  next to a footnote marker;
* many parenthesised abbreviations defined on one line or on many;
* many footnotes with their markers.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable

from hypothesis import strategies as st

from .strategies import letters

NORMAL_FORMS = ("NFC", "NFD", "NFKC", "NFKD")

WHITESPACE_VARIANTS: dict[str, Callable[[str], str]] = {
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "tab": lambda t: t.replace(" ", "\t"),
    "thin_space": lambda t: t.replace(" ", "\u2009"),
    "cr_only": lambda t: t.replace("\r\n", "\n").replace("\n", "\r"),
    "crlf": lambda t: t.replace("\r\n", "\n").replace("\n", "\r\n"),
}

RUNS = [" ", "\u200b", "\u00a0", "\t", "\u00ad", "\u2060", "\u00b9"]


def plain_letters(max_parts: int = 8) -> st.SearchStrategy[str]:
    """Letter-like text as a PDF extraction or a text file gives it, before random perturbation."""
    return letters(max_parts=max_parts)


@st.composite
def in_normal_form(draw: st.DrawFn) -> tuple[str, str]:
    """``(form, text)``: a letter in one of the four normalisation forms."""
    form = draw(st.sampled_from(NORMAL_FORMS))
    return form, unicodedata.normalize(form, draw(plain_letters()))


@st.composite
def long_run_next_to_marker(draw: st.DrawFn) -> tuple[str, str]:
    """``(run character, text)``: a sentence with a footnote marker and a long run of one character beside it."""
    char = draw(st.sampled_from(RUNS))
    k = draw(st.integers(1, 3000))
    run = char * k
    # a superscript glued to a word is a marker (or part of the word): superscripts stand apart
    where = draw(st.sampled_from(["before_name"] if char == "\u00b9" else ["before_name", "after_marker", "line_end"]))
    if where == "before_name":
        body = f"De motie {run} Van Haga1 steunt de NAVO."
    elif where == "after_marker":
        body = f"De motie Van Haga1{run} steunt de NAVO."
    else:
        body = f"De motie Van Haga1 steunt de NAVO.{run}"
    return char, body + "\n\n1 Kamerstuk 28 676, nr. 394\n"


SHORT_FORMS = ["".join(p) for p in itertools.product("BCDFGHJKLMNPRSTVW", "QXZ")]
"""Pairs of letters no known organisation is abbreviated to (``CDA`` is a party, ``CQA`` nothing)."""


@st.composite
def many_abbreviations(draw: st.DrawFn) -> tuple[list[str], str]:
    """``(short forms, text)``: up to 50 organisations defined as ``long (SHORT)``, each used again later."""
    pairs = draw(st.lists(st.sampled_from(SHORT_FORMS), min_size=1, max_size=50, unique=True))
    shorts = [f"{a}{b}A" for a, b in pairs]
    definitions = [f"Het {s[0]}xx {s[1]}yy Agentschap ({s}) werkt mee." for s in shorts]
    uses = [f"Het {s} steunt Nederland." for s in shorts]
    separator = draw(st.sampled_from([" ", "\n", "\n\n"]))  # one long line (as PDF paragraphs), or many
    return shorts, separator.join(definitions) + "\n\n" + " ".join(uses)


@st.composite
def many_footnotes(draw: st.DrawFn) -> tuple[int, str]:
    """``(n, text)``: n markers glued to words (digits or superscripts) and the n footnotes at the end."""
    n = draw(st.integers(1, 150))
    superscript = draw(st.booleans())
    digits = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

    def marker(i: int) -> str:
        return str(i).translate(digits) if superscript else str(i)

    body = " ".join(f"De NAVO{marker(i)} steunt dit." for i in range(1, n + 1))
    notes = "\n".join(f"{i} Zie Kamerstuk 28 676, nr. {i}." for i in range(1, n + 1))
    return n, body + "\n\n" + notes
