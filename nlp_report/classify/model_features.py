"""Features from a statistical model's lemmas and part-of-speech tags, when the pipeline has a model.

On the fallback pipeline the verb features come from word lists
(:mod:`nlp_report.classify.lexicon`); a model adds what it reads itself:
the lemma of every verb, auxiliary, noun and adjective of the main clause
(``lemma:benadrukken`` for ``benadrukte``, ``benadrukken``, ``benadrukt``)
and which parts of speech the main clause has (``upos:VERB``). A Doc without
a model's lemmas gives no such features.
"""

from __future__ import annotations

from collections.abc import Sequence

from .actors import Words

MODEL_FEATURE_PREFIXES = ("lemma:", "upos:")
"""The prefixes of the feature names of this module."""

LEMMA_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
"""Tags whose lemmas are features."""


def model_features(words: Words, mask: Sequence[bool]) -> dict[str, float]:
    """``lemma:`` and ``upos:`` features of the main-clause tokens (``mask``), or none without a model."""
    if words.lemma is None or words.pos is None:
        return {}
    features: dict[str, float] = {}
    for lemma, pos, keep in zip(words.lemma, words.pos, mask, strict=True):
        if not keep or pos == "SPACE":
            continue
        features[f"upos:{pos}"] = 1.0
        if pos in LEMMA_POS and lemma.isalpha():
            features[f"lemma:{lemma.lower()}"] = 1.0
    return features
