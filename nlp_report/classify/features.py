"""Linguistic features of a sentence for the position/decision/context classifier.

The features are meant to generalise beyond one document: cue phrases of
each label (stance and speech verbs, adoption verbs, normative words) and
whether they stand in the main clause or in a subordinate one, the
lemma of the main clause's finite verb and participle, passive and perfect
constructions, modal verbs, negation, questions, who the subject is (from
the actor finder), an attributed view (``volgens ...``), list items, and
the words of the section heading. The lemma features of
:mod:`nlp_report.classify.constructions` add the verbs' lemmas and their
classes (``vc:outcome``, ``vc:stance``...) and the constructions they form
(a verb class with a passive, a negation, a modal, the subject). A bag of
the main clause's words adds what the lists miss; the trained model weighs
them all.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain
from operator import add

from ..errors import ArgumentError
from ..resources import read_json
from .actors import Words, rule_actor
from .constructions import combine, lemma_features
from .cues import CueLexicon, default_cues, lowered_text
from .lexicon import Lexicon, default_lexicon
from .model_features import model_features


@dataclass(frozen=True, slots=True)
class FeatureWords:
    """The word lists of ``data/classify/feature_words.json``."""

    modals: frozenset[str]
    negation: frozenset[str]
    expletive_starts: frozenset[tuple[str, ...]]
    own_side: frozenset[str]
    groups: frozenset[str]
    pronouns: frozenset[str]


@lru_cache(maxsize=1)
def feature_words() -> FeatureWords:
    """The packaged lists (read once per process)."""
    data = read_json("classify/feature_words.json")
    return FeatureWords(
        modals=frozenset(data["modals"]),
        negation=frozenset(data["negation"]),
        expletive_starts=frozenset(tuple(pair) for pair in data["expletive_starts"]),
        own_side=frozenset(data["subject_own_side"]),
        groups=frozenset(data["subject_groups"]),
        pronouns=frozenset(data["subject_pronouns"]),
    )


@dataclass(frozen=True, slots=True)
class SentenceInput:
    """What the features are computed from."""

    words: Words
    section: str | None = None
    list_item: bool = False
    position: int = 0
    """Index of the sentence in its document."""
    cover_letter: bool = False
    """Before the first heading of a document that has headings (the cover letter)."""
    intro: Words | None = None
    """For a list item: the sentence that introduces the list (ending in a colon)."""
    cues: Sequence[tuple[str, int]] | None = field(default=None, repr=False, compare=False)
    """``(label, token index)`` of each cue of the packaged lexicon in the sentence, when already found for
    the whole document (:func:`document_cues`); :func:`sentence_features` finds them otherwise."""


def main_clause_mask(low: Sequence[str], lex: Lexicon) -> list[bool]:
    """``True`` for tokens of the main clause, ``False`` inside subordinate clauses.

    A subordinate clause starts at a subordinating word after a comma or
    after the first word (``dat``, ``die``, ``waarin``, ``omdat``, ``om``)
    and runs to the next comma; a clause that opens the sentence
    (``Omdat ..., ``) runs to the first comma.
    """
    n = len(low)
    mask = [True] * n
    if n == 0:
        return mask
    i = 0
    if low[0] in lex.fronted_subordinators and "," in low:
        comma = low.index(",")
        for j in range(comma):
            mask[j] = False
        i = comma + 1
    subordinators = lex.subordinators
    for k in [k for k, word in enumerate(low) if word in subordinators]:
        if k < i or k == 0:  # inside a clause already marked, or the first word
            continue
        if low[k] in ("dat", "die") and k + 1 < n and lex.is_finite(low[k + 1]) and low[k - 1] == ",":
            continue
        j = k
        while j < n and low[j] != ",":
            mask[j] = False
            j += 1
        i = j + 1
    return mask


def _token_starts(words: Words) -> list[int]:
    """Offset of each token in ``words.surface(0, len(words.text))``."""
    if len(words.space) != len(words.text):
        raise ArgumentError("words.text and words.space differ in length")
    starts = list(accumulate(map(add, map(len, words.text), words.space), initial=0))
    starts.pop()
    return starts


def _cue_matches(words: Words, cues: CueLexicon) -> list[tuple[str, int]]:
    """``(label, token index)`` of each cue in the sentence."""
    found = cues.find(words.surface(0, len(words.text)))
    if not found:
        return []
    starts = _token_starts(words)
    return [(m.label, max(bisect_right(starts, m.start) - 1, 0)) for m in found]


def document_cues(
    text: str, tokens: Sequence[str], idx: Sequence[int], spans: Sequence[tuple[int, int]]
) -> list[list[tuple[str, int]]] | None:
    """The cues of each sentence of a document, as :func:`_cue_matches` finds them, with the text lower-cased once.

    ``tokens`` and ``idx``: the texts and character offsets of the document's tokens in ``text`` (so that
    ``text[idx[i]:]`` starts with ``tokens[i]`` and what separates two tokens is one space or nothing, as
    in a Doc); ``spans``: the token offsets ``(start, end)`` of each sentence. ``None`` when lower-casing
    ``text`` does not keep its words (:func:`~nlp_report.classify.cues.lowered_text`).
    """
    lowered = lowered_text(text)
    if lowered is None:
        return None
    cues = default_cues()
    out: list[list[tuple[str, int]]] = []
    for start, end in spans:
        if end <= start:
            out.append([])
            continue
        found = cues.find_lowered(lowered, idx[start], idx[end - 1] + len(tokens[end - 1]))
        out.append([(m.label, max(bisect_right(idx, m.start, start, end) - 1, start) - start) for m in found])
    return out


_UNSET = object()


def sentence_features(
    sentence: SentenceInput,
    *,
    lexicon: Lexicon | None = None,
    cues: CueLexicon | None = None,
    actor: str | object | None = _UNSET,
) -> dict[str, float]:
    """The feature dict of one sentence (names are stable; values 1.0 unless counted).

    ``actor``: the rule-based actor of the sentence when the caller has it
    already (it describes the subject); computed otherwise.
    """
    lex = lexicon or default_lexicon()
    cue_set = cues or default_cues()
    vocab = feature_words()
    words = sentence.words
    low = words.lower()
    mask = main_clause_mask(low, lex)
    features: dict[str, float] = {}

    first_main: tuple[int, str] | None = None
    matches = sentence.cues if sentence.cues is not None and cues is None else _cue_matches(words, cue_set)
    for label, index in matches:
        if mask[index]:
            features[f"cue:{label}"] = features.get(f"cue:{label}", 0.0) + 1.0
            if first_main is None or index < first_main[0]:
                first_main = (index, label)
        else:
            features[f"cue_sub:{label}"] = 1.0
    if first_main is not None:
        features[f"cue_first:{first_main[1]}"] = 1.0

    # the words of the main clause, each looked at in bulk (the order of the keys does not matter)
    passive = perfect = has_participle = False
    finite_words = lex.finite_words
    participles = lex.participle_lemmas
    main = [word for word, keep in zip(low, mask, strict=True) if keep]
    for i in [i for i, word in enumerate(low) if word in finite_words and mask[i]]:
        if lex.finite_at(low, i):
            for lemma in lex.verb_lemmas(low, i, mask):
                features[f"verb:{lemma}"] = 1.0
                if lemma in vocab.modals:
                    features[f"modal:{lemma}"] = 1.0
                passive = passive or lemma == "worden"
                perfect = perfect or lemma in ("hebben", "zijn")
    for word in [word for word in main if word in participles]:
        for lemma in participles[word]:
            features[f"part:{lemma}"] = 1.0
            has_participle = True
    if not vocab.negation.isdisjoint(main):
        features["neg"] = 1.0
    features.update(dict.fromkeys(["w:" + word for word in main if word.isalpha()], 1.0))
    features.update(model_features(words, mask))
    if passive and has_participle:
        features["passive"] = 1.0
    if perfect and has_participle:
        features["perfect"] = 1.0
    if low and low[-1] == "?":
        features["question"] = 1.0
    if tuple(low[:2]) in vocab.expletive_starts:
        features["expletive"] = 1.0

    subject = rule_actor(words, lex) if actor is _UNSET else actor
    subject_features = _subject_features(subject if isinstance(subject, str) else None)
    features.update(subject_features)
    firsts = lex.attribution_firsts
    if not firsts.isdisjoint(low) and any(
        tuple(low[i : i + len(p)]) == p
        for i, word in enumerate(low)
        if word in firsts
        for p in lex.attribution_anywhere
    ):
        features["attributed"] = 1.0
    if sentence.list_item:
        features["list_item"] = 1.0
        if sentence.intro is not None:
            intro_mask = main_clause_mask(sentence.intro.lower(), lex)
            for label, index in _cue_matches(sentence.intro, cue_set):
                if intro_mask[index]:
                    features[f"intro_cue:{label}"] = 1.0
    lemma_part = lemma_features(low, mask, lexicon=lex)
    features.update(lemma_part)
    if sentence.cover_letter:
        features["cover_letter"] = 1.0
    if sentence.section is not None:
        for word in sentence.section.lower().split():
            word = word.strip(".,:;()")
            if word.isalpha() and word not in lex.prepositions and word not in lex.determiners:
                features[f"sec:{word}"] = 1.0
    # the verb classes and the paired features are subject and lemma features: read only those names
    features.update(combine(features, chain(subject_features, lemma_part)))
    return features


def _subject_features(actor: str | None) -> dict[str, float]:
    vocab = feature_words()
    if actor is None:
        return {"subj:none": 1.0}
    words = set(actor.lower().replace("-", " ").split())
    out = {"subj:some": 1.0}
    if words & vocab.own_side:
        out["subj:own"] = 1.0
    elif words & vocab.groups:
        out["subj:group"] = 1.0
    elif words & vocab.pronouns:
        out["subj:pronoun"] = 1.0
    else:
        out["subj:other"] = 1.0
    return out
