"""The lines of the input, their kinds, and the character classes every step shares.

A :class:`Line` is the visible content of one line of the input (white
space, invisible and control characters trimmed at both ends) with its
offsets. The steps of :func:`~nlp_report.layout.analyze_layout`
give each line a kind (a list ``kinds`` parallel to the lines: one of the
constants below, or ``None`` for a body line not yet segmented), and turn
runs of lines into a :class:`Piece`, a block to be.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_json, read_lines
from ..text import CONTROL, INVISIBLE, LINE_BREAK
from .model import BlockKind

LEAD = re.compile(rf"[\s{INVISIBLE}{CONTROL}]*")
STRIP = (
    "".join(re.findall(r"\s", "".join(map(chr, range(0x3001)))))
    + INVISIBLE
    + "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)]))
)
"""The characters of ``[\\s{INVISIBLE}{CONTROL}]`` (no white space lies above U+3000)."""


def trail_start(text: str, start: int, end: int) -> int:
    """Where the run of :data:`STRIP` characters that ends ``text[start:end]`` starts (``end`` if none).

    ``str.rstrip`` rather than a regex ``[...]+\\Z``: searching for that
    pattern tries every position of a long white-space run and consumes the
    rest of it each time, which is quadratic in the run's length.
    """
    return start + len(text[start:end].rstrip(STRIP))


# the kinds of line besides the block kinds of the body
BLANK = "blank"
FURNITURE = "furniture"
HEADER = "header"
SALUTATION = "salutation"
SIGNATURE = "signature"
FOOTNOTE = "footnote"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the input: its visible content and where it lies."""

    start: int
    """Offset of the first visible character."""
    end: int
    """Offset after the last visible character."""
    text: str
    """The visible content, white space inside it written as spaces (:data:`SPACES`)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A block to be: its kind and the lines ``first`` to ``last`` it spans."""

    kind: BlockKind
    first: int
    last: int
    skip: int = 0
    """Characters to leave out at the start of the first line (bullet, footnote number)."""
    number: int | None = None


def split_lines(text: str) -> list[Line]:
    """The lines of ``text``, split at every line break, with their visible content and offsets."""
    lines = []
    pos = 0
    for m in LINE_BREAK.finditer(text):
        lines.append(_make_line(text, pos, m.start()))
        pos = m.end()
    lines.append(_make_line(text, pos, len(text)))
    return lines


SPACES = {ord(c): " " for c in STRIP if c == "\t" or (c != " " and unicodedata.category(c) == "Zs")}
"""White space other than the space that can stand inside a line (tab, NBSP, U+2009...), each mapped to a space."""


def _make_line(text: str, start: int, end: int) -> Line:
    # str.strip with the characters of LEAD/TRAIL: the same stretch, without a regex scan per space
    raw = text[start:end]
    visible = raw.lstrip(STRIP)
    s = start + len(raw) - len(visible)
    visible = visible.rstrip(STRIP)
    # the line's rules (header, furniture, signature...) are written with spaces: a tab or an NBSP reads as one,
    # character for character, so offsets into the line stay offsets into the text
    return Line(s, s + len(visible), visible.translate(SPACES))


def visible_width(text: str) -> int:
    """The characters of ``text`` that take room on a line: combining marks (of NFD text) are left out."""
    if text.isascii():
        return len(text)
    return len(text) - sum(1 for c in text if unicodedata.combining(c))


def paragraph_runs(kinds: list[str | None], *, include: tuple[str | None, ...]) -> list[tuple[int, int]]:
    """Maximal runs ``[first, last]`` of consecutive lines whose kind is in ``include``."""
    runs = []
    i = 0
    n = len(kinds)
    while i < n:
        if kinds[i] in include:
            j = i
            while j + 1 < n and kinds[j + 1] in include:
                j += 1
            runs.append((i, j))
            i = j + 1
        else:
            i += 1
    return runs


# --- The layout rules, read from ``nlp_report/data/layout/`` and compiled once.


def _words(name: str) -> frozenset[str]:
    return frozenset(word for line in read_lines(name) for word in line.split())


@dataclass(frozen=True, slots=True)
class LayoutRules:
    """Compiled patterns and word lists of the layout stage."""

    furniture: re.Pattern[str]
    furniture_cluster: re.Pattern[str]
    header_strong: re.Pattern[str]
    header_top: re.Pattern[str]
    header_dossier: re.Pattern[str]
    header_caps: re.Pattern[str]
    header_paragraph: re.Pattern[str]
    salutation: re.Pattern[str]
    signature_title: re.Pattern[str]
    signature_continuation: re.Pattern[str]
    signature_name: re.Pattern[str]
    bullet: re.Pattern[str]
    enumerator: re.Pattern[str]
    footnote: re.Pattern[str]
    labels: re.Pattern[str]
    function_words: frozenset[str]
    abbreviations: frozenset[str]
    number_abbreviations: frozenset[str]
    final_abbreviations: frozenset[str]
    names_with_digits: frozenset[str]
    title_abbreviations: frozenset[str]
    sentence_openers: frozenset[str]
    inline_bullets: frozenset[str]
    speaker_particles: frozenset[str]
    footnote_heading: re.Pattern[str]
    header_notes: re.Pattern[str]


@lru_cache(maxsize=1)
def default_rules() -> LayoutRules:
    """The packaged rules (cached: compiled once per process)."""
    data = read_json("layout/patterns.json")

    def many(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in data[key]))

    return LayoutRules(
        furniture=many("furniture"),
        furniture_cluster=many("furniture_cluster_lines"),
        header_strong=many("header_strong"),
        header_top=many("header_top"),
        header_dossier=re.compile(data["header_dossier"]),
        header_caps=re.compile(data["header_caps_continuation"]),
        header_paragraph=re.compile(data["header_paragraph"]),
        salutation=re.compile(data["salutation"]),
        signature_title=many("signature_title"),
        signature_continuation=re.compile(data["signature_continuation"]),
        signature_name=re.compile(data["signature_name"]),
        bullet=re.compile(data["bullet"]),
        enumerator=re.compile(data["enumerator"]),
        footnote=re.compile(data["footnote"]),
        labels=many("labels"),
        function_words=_words("layout/function_words.txt"),
        abbreviations=_words("layout/abbreviations.txt"),
        number_abbreviations=_words("layout/number_abbreviations.txt"),
        final_abbreviations=_words("layout/final_abbreviations.txt"),
        names_with_digits=_words("layout/names_with_digits.txt"),
        title_abbreviations=_words("layout/title_abbreviations.txt"),
        sentence_openers=_words("layout/sentence_openers.txt"),
        inline_bullets=_words("layout/inline_bullets.txt"),
        speaker_particles=_words("layout/speaker_particles.txt"),
        footnote_heading=re.compile(data["footnote_heading"]),
        header_notes=re.compile("(?:" + "|".join(f"(?:{p})" for p in data["header_notes"]) + r")\s*"),
    )


# --- The page width, and telling a line wrap from a real line break.


@dataclass(frozen=True, slots=True)
class Geometry:
    """Whether the text is hard-wrapped, and the width of its lines (0 when there are too few to tell)."""

    wrapped: bool
    width: int

    @classmethod
    def measure(cls, lines: list[Line], kinds: list[str | None]) -> Geometry:
        """Wrapped text has many long lines that stop mid-sentence; their length gives the width."""
        followed = [lines[i].text for i in range(len(lines) - 1) if kinds[i] is None and kinds[i + 1] is None]
        mid_sentence = sorted(visible_width(t) for t in followed if visible_width(t) >= 40 and t[-1] not in ".!?:;")
        if len(mid_sentence) < 2 or len(mid_sentence) < 0.3 * len(followed):
            return cls(False, 0)
        width = mid_sentence[min(len(mid_sentence) - 1, int(len(mid_sentence) * 0.9))]
        return cls(width <= 200, width)

    def real_break(self, line: Line, following: Line, rules: LayoutRules) -> bool:
        """Whether the line ends on purpose rather than at a wrap.

        A line is wrapped when the next line starts in lower case, when it
        ends in a hyphen glued to the next word, or in a comma or a function
        word (``van``, ``de``); otherwise, in wrapped text, when the next
        word would not have fit on it.
        """
        text = line.text
        first = following.text[:1]
        if first.islower() or (text.endswith("-") and first.isalnum()):
            return False
        last_word = text.rsplit(None, 1)[-1]
        if last_word.endswith(",") or last_word.lower() in rules.function_words:
            return False
        if not self.wrapped:
            return True
        next_word = following.text.split(None, 1)[0] if following.text else ""
        return visible_width(text) + 1 + visible_width(next_word) <= 0.97 * self.width
