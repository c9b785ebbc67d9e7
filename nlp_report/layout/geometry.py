"""The page width, and telling a line wrap from a real line break.

Text extracted from a PDF is hard-wrapped at the width of the page; a
plain text file has one line per paragraph. In wrapped text, a line that
ends well before the width, although the next word would have fit, ends
there on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lines import Line
from .rules import LayoutRules


@dataclass(frozen=True, slots=True)
class Geometry:
    """Whether the text is hard-wrapped, and the width of its lines (0 when there are too few to tell)."""

    wrapped: bool
    width: int

    @classmethod
    def measure(cls, lines: list[Line], kinds: list[str | None]) -> Geometry:
        """Wrapped text has many long lines that stop mid-sentence; their length gives the width."""
        followed = [lines[i].text for i in range(len(lines) - 1) if kinds[i] is None and kinds[i + 1] is None]
        mid_sentence = sorted(len(t) for t in followed if len(t) >= 40 and t[-1] not in ".!?:;")
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
        return len(text) + 1 + len(next_word) <= 0.97 * self.width
