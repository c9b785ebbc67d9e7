"""Baselines scored beside the pipeline: the majority class and cue words.

Both only label sentences, and they label the **pipeline's** sentences (not
the gold ones): a baseline stands in for the pipeline's classifier on the
same segmentation, so the difference between the pipeline's figures and a
baseline's is what the classifier adds. Their actor is always ``None``, and
they are not scored on entities, boundaries or motion links.

* :class:`MajorityBaseline` gives every sentence the most frequent label of
  the gold being scored (learned from that same gold, so it is an
  optimistic baseline).
* :class:`CueBaseline` looks up the cue words and phrases of
  ``data/classify/cues.json`` (see ``data/classify/CUES.md``): the label
  with the most cues in a sentence wins, ties go to the cue that comes
  first, a sentence without cues gets the default label (``context``: facts
  without a stance or outcome), a question gets ``context``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Sequence

from ..classify.cues import Cue, CueLexicon, CueMatch, default_cues, tokenize
from ..errors import ArgumentError
from ..types import SENTENCE_LABELS, Sentence, SentenceLabel
from .gold import GoldDocument
from .scoring import Prediction

__all__ = [
    "Baseline",
    "Cue",
    "CueBaseline",
    "CueLexicon",
    "CueMatch",
    "MajorityBaseline",
    "default_baselines",
    "default_cues",
    "tokenize",
]


class Baseline(ABC):
    """Labels sentences from their text alone."""

    name: str
    description: str

    @abstractmethod
    def label(self, text: str) -> SentenceLabel:
        """The label of one sentence."""

    def predict(self, sentences: Iterable[Sentence]) -> Prediction:
        """Label the given (pipeline) sentences; no actor, no entities, no motion links."""
        labelled = [Sentence(s.start, s.end, s.text, self.label(s.text), None, s.section) for s in sentences]
        return Prediction(sentences=labelled, boundaries=False)


class MajorityBaseline(Baseline):
    """Every sentence gets the same label."""

    name = "majority"

    def __init__(self, label: SentenceLabel, *, origin: str = "") -> None:
        if label not in SENTENCE_LABELS:
            raise ArgumentError(f"label must be one of {', '.join(SENTENCE_LABELS)}, not {label!r}")
        self.majority: SentenceLabel = label
        self.description = f"every sentence {label!r}" + (f" ({origin})" if origin else "")

    def __repr__(self) -> str:
        return f"MajorityBaseline({self.majority!r})"

    @classmethod
    def fit(cls, docs: Iterable[GoldDocument]) -> MajorityBaseline:
        """The most frequent label of the gold sentences of ``docs`` (ties: the order of ``SENTENCE_LABELS``)."""
        counts = Counter(s.label for doc in docs for s in doc.sentences)
        if not counts:
            return cls("context", origin="no gold sentences; the default")
        best = max(SENTENCE_LABELS, key=lambda label: (counts[label], -SENTENCE_LABELS.index(label)))
        total = sum(counts.values())
        return cls(best, origin=f"the most frequent gold label, {counts[best]} of {total}, of the gold scored")

    def label(self, text: str) -> SentenceLabel:  # noqa: ARG002 - the Baseline signature
        return self.majority


class CueBaseline(Baseline):
    """The label with the most cue words (``data/classify/cues.json``); no cue: ``context``."""

    name = "cues"

    def __init__(self, lexicon: CueLexicon | None = None) -> None:
        self.lexicon = lexicon or default_cues()
        self.description = (
            f"cue words of data/classify/cues.json ({len(self.lexicon.cues)} cues); "
            f"the label with the most cues, {self.lexicon.default!r} without any"
        )

    def __repr__(self) -> str:
        return f"CueBaseline({self.lexicon!r})"

    def label(self, text: str) -> SentenceLabel:
        return self.lexicon.classify(text)


def default_baselines(docs: Sequence[GoldDocument]) -> list[Baseline]:
    """The baselines of an evaluation of ``docs``: majority class (of ``docs``) and cue words."""
    return [MajorityBaseline.fit(docs), CueBaseline()]
