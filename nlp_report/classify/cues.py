"""The cue words and phrases of each sentence label (``data/classify/cues.json``).

One lexicon serves the cue-words baseline of the evaluation and the cue
features of the trained classifier. A cue is a word or phrase, with
``...`` for a gap of up to ``gap`` words (``nam ... aan``); where cues
overlap the longest wins, then the tightest; outcome cues in the scope of
a negation (``geen besluiten genomen``) are dropped. The format is
described in ``data/classify/CUES.md``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from ..errors import DataFileError
from ..resources import read_json
from ..types import SENTENCE_LABELS, SentenceLabel

CUES_FILE = "classify/cues.json"
TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
"""A word: letters and digits, with inner hyphens and apostrophes (``NAVO-ministers``, ``collega's``)."""
GAP = "..."


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue: a word or phrase, possibly with gaps (``nam ... aan``)."""

    label: SentenceLabel
    text: str
    segments: tuple[tuple[str, ...], ...]
    """The words of each part between gaps, lower case."""


@dataclass(frozen=True, slots=True)
class CueMatch:
    """Where a cue occurs in a text."""

    label: SentenceLabel
    cue: str
    start: int
    """Character offset of the first matched word."""
    end: int
    """Character offset after the last matched word."""
    tokens: tuple[int, ...]
    """Indexes of the matched words in :func:`tokenize` output (gaps excluded)."""


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """``(lower-cased word, start, end)`` for each word of ``text`` (punctuation is skipped)."""
    return [(m.group().lower(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def lowered_text(text: str) -> str | None:
    """``text.lower()`` when its words, offsets included, are those of :func:`tokenize`; else ``None``.

    That holds when lower-casing maps each character to one character (not
    so for ``İ``) and does not depend on the context (it does for ``Σ``,
    final sigma): lower-casing keeps a character a word character or not.
    """
    lowered = text.lower()
    return lowered if len(lowered) == len(text) and "Σ" not in text else None


class CueLexicon:
    """Cue words and phrases per label, with the rules of ``data/classify/CUES.md``."""

    def __init__(
        self,
        cues: Iterable[Cue],
        *,
        default: SentenceLabel = "context",
        gap: int = 6,
        question: SentenceLabel | None = None,
        negation_words: Iterable[str] = (),
        negation_window: int = 3,
        negation_labels: Iterable[SentenceLabel] = (),
    ) -> None:
        self.cues = tuple(cues)
        self.default: SentenceLabel = default
        self.gap = gap
        self.question: SentenceLabel | None = question
        self.negation_words = frozenset(negation_words)
        self.negation_window = negation_window
        self.negation_labels = frozenset(negation_labels)
        self._by_first: dict[str, list[Cue]] = {}
        self._candidates: dict[str, list[tuple[str | None, Cue]]] = {}
        """First word -> (second word of the first segment or ``None``, cue), in file order."""
        for cue in self.cues:
            first = cue.segments[0]
            self._by_first.setdefault(first[0], []).append(cue)
            self._candidates.setdefault(first[0], []).append((first[1] if len(first) > 1 else None, cue))

    def __repr__(self) -> str:
        counts = Counter(c.label for c in self.cues)
        return f"CueLexicon({dict(counts)!r}, default={self.default!r})"

    def cues_for(self, label: SentenceLabel) -> tuple[str, ...]:
        """The cue strings of one label, as written in the file."""
        return tuple(c.text for c in self.cues if c.label == label)

    @classmethod
    def load(cls, name: str = CUES_FILE) -> CueLexicon:
        """The packaged lexicon ``nlp_report/data/<name>``."""
        return cls.from_dict(read_json(name), origin=f"nlp_report/data/{name}")

    @classmethod
    def from_dict(cls, data: Any, *, origin: str = "<cues>") -> CueLexicon:
        """Build and check a lexicon from the JSON structure of ``cues.json``."""

        def bad(message: str) -> DataFileError:
            return DataFileError(origin, message)

        if not isinstance(data, Mapping):
            raise bad("the cue lexicon is a JSON object")
        labels = data.get("labels")
        if not isinstance(labels, Mapping) or not labels:
            raise bad("'labels' must be an object: label -> list of cues")
        default = data.get("default", "context")
        question = data.get("question")
        for key, value in (("default", default), ("question", question)):
            if value is not None and value not in SENTENCE_LABELS:
                raise bad(f"{key!r} must be one of {', '.join(SENTENCE_LABELS)}, not {value!r}")
        gap = data.get("gap", 6)
        if isinstance(gap, bool) or not isinstance(gap, int) or gap < 0:
            raise bad(f"'gap' must be a whole number >= 0, not {gap!r}")
        negation = data.get("negation", {})
        if not isinstance(negation, Mapping):
            raise bad("'negation' must be an object")
        words = negation.get("words", [])
        window = negation.get("window", 3)
        neg_labels = negation.get("labels", [])
        if not isinstance(words, list) or not all(isinstance(w, str) and TOKEN.fullmatch(w) for w in words):
            raise bad("'negation.words' must be a list of single words")
        if isinstance(window, bool) or not isinstance(window, int) or window < 0:
            raise bad(f"'negation.window' must be a whole number >= 0, not {window!r}")
        if not isinstance(neg_labels, list) or any(label not in SENTENCE_LABELS for label in neg_labels):
            raise bad(f"'negation.labels' must be a list of labels ({', '.join(SENTENCE_LABELS)})")
        cues = []
        seen: dict[str, str] = {}
        for label, items in labels.items():
            if label not in SENTENCE_LABELS:
                raise bad(f"unknown label {label!r} in 'labels' (expected {', '.join(SENTENCE_LABELS)})")
            if not isinstance(items, list):
                raise bad(f"labels.{label} must be a list of strings")
            for index, text in enumerate(items):
                where = f"labels.{label}[{index}]"
                if not isinstance(text, str):
                    raise bad(f"{where}: must be a string, not {text!r}")
                segments = _parse_cue(text)
                if segments is None:
                    raise bad(f"{where}: {text!r} is not a cue (words, with '...' only between words)")
                key = " ".join(" ".join(s) for s in segments) + f" /{len(segments)}"
                if key in seen:
                    raise bad(f"{where}: {text!r} is already a cue of {seen[key]!r}")
                seen[key] = label
                cues.append(Cue(cast(SentenceLabel, label), text, segments))
        return cls(
            cues,
            default=default,
            gap=gap,
            question=question,
            negation_words=(w.lower() for w in words),
            negation_window=window,
            negation_labels=neg_labels,
        )

    def find(self, text: str) -> list[CueMatch]:
        """The cues in ``text``: longest first where they overlap, negated outcomes dropped, in text order."""
        lowered = lowered_text(text)
        if lowered is not None:
            return self.find_lowered(lowered)
        tokens = tokenize(text)
        kept = self._kept([t[0] for t in tokens])
        return [
            CueMatch(cue.label, cue.text, tokens[covered[0]][1], tokens[covered[-1]][2], covered)
            for cue, covered in kept
        ]

    def find_lowered(self, lowered: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
        """:meth:`find` on ``lowered[start:end]``, a stretch of a text that :func:`lowered_text` gave.

        The offsets are those of ``lowered``: a document lower-cased once can be read sentence by sentence.
        """
        end = len(lowered) if end is None else end
        kept = self._kept(TOKEN.findall(lowered, start, end))
        if not kept:
            return []
        # the offsets of the words the matches start and end with
        needed = {i for _, covered in kept for i in (covered[0], covered[-1])}
        last_needed = max(needed)
        spans: dict[int, tuple[int, int]] = {}
        for i, m in enumerate(TOKEN.finditer(lowered, start, end)):
            if i in needed:
                spans[i] = m.span()
            if i >= last_needed:
                break
        return [
            CueMatch(cue.label, cue.text, spans[covered[0]][0], spans[covered[-1]][1], covered) for cue, covered in kept
        ]

    def _kept(self, words: list[str]) -> list[tuple[Cue, tuple[int, ...]]]:
        """The cues among ``words`` (lower case) with the words they cover, after the rules; in text order."""
        by_first = self._candidates
        found: list[tuple[Cue, tuple[int, ...]]] = []
        last = len(words) - 1
        for position in [i for i, word in enumerate(words) if word in by_first]:
            following = words[position + 1] if position < last else None
            for second, cue in by_first[words[position]]:
                if second is not None and second != following:
                    continue  # cheap test of the second word first
                covered = self._match(cue, words, position)
                if covered is not None:
                    found.append((cue, covered))
        if not found:
            return []
        # longest first; of equally long ones the tightest (``nam deel`` before ``nam ... aan``), then the first
        found.sort(
            key=lambda item: (-len(item[1]), item[1][-1] - item[1][0], item[1][0], SENTENCE_LABELS.index(item[0].label))
        )
        taken: set[int] = set()
        kept: list[tuple[Cue, tuple[int, ...]]] = []
        for cue, covered in found:
            if taken.intersection(covered):
                continue
            taken.update(covered)
            if cue.label in self.negation_labels and self._negated(words, covered):
                continue
            kept.append((cue, covered))
        kept.sort(key=lambda item: item[1][0])
        return kept

    def counts(self, text: str) -> dict[SentenceLabel, int]:
        """How many cues of each label ``text`` holds (after :meth:`find`'s rules)."""
        counts = {label: 0 for label in SENTENCE_LABELS}
        for match in self.find(text):
            counts[match.label] += 1
        return counts

    def classify(self, text: str) -> SentenceLabel:
        """The label with the most cues; ties: the first cue; no cue: the default; a question: ``question``."""
        if self.question is not None and text.rstrip().rstrip("\"'”’»").endswith("?"):
            return self.question
        matches = self.find(text)
        if not matches:
            return self.default
        counts = Counter(m.label for m in matches)
        best = max(counts.values())
        return next(m.label for m in matches if counts[m.label] == best)

    def _match(self, cue: Cue, words: list[str], position: int) -> tuple[int, ...] | None:
        first = cue.segments[0]
        if tuple(words[position : position + len(first)]) != first:
            return None
        covered = list(range(position, position + len(first)))
        end = position + len(first)
        for segment in cue.segments[1:]:
            for j in range(end, min(end + self.gap, len(words) - len(segment)) + 1):
                if tuple(words[j : j + len(segment)]) == segment:
                    covered += range(j, j + len(segment))
                    end = j + len(segment)
                    break
            else:
                return None
        return tuple(covered)

    def _negated(self, words: list[str], covered: tuple[int, ...]) -> bool:
        start = max(0, covered[0] - self.negation_window)
        window = [i for i in range(start, covered[-1] + 1) if i not in covered]
        return any(words[i] in self.negation_words for i in window)


def _parse_cue(text: str) -> tuple[tuple[str, ...], ...] | None:
    parts = text.lower().split()
    if not parts or parts[0] == GAP or parts[-1] == GAP:
        return None
    segments: list[list[str]] = [[]]
    for part in parts:
        if part == GAP:
            if not segments[-1]:
                return None
            segments.append([])
        elif TOKEN.fullmatch(part):
            segments[-1].append(part)
        else:
            return None
    return tuple(tuple(s) for s in segments)


@lru_cache(maxsize=1)
def default_cues() -> CueLexicon:
    """The packaged cue lexicon, read once."""
    return CueLexicon.load()
