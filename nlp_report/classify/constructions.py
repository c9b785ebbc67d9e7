"""Lemma features of a sentence: verb lemmas, their classes, and the constructions they make.

The surface cue phrases of :mod:`nlp_report.classify.cues` name forms
(``nam ... aan``, ``werd aangenomen``); these features name lemmas, so an
unseen form of a known verb counts the same (``aanvaardden``,
``onderschreven``, ``bekritiseerden``). For each verb form of the main
clause (separable verbs joined with their particle, :mod:`.lemmas`) the
features give its lemma (``lv:aannemen``) and its class in
``data/classify/lemma_classes.json`` (``vc:outcome``, ``vc:stance``,
``vc:speech``, ``vc:request``, ``vc:intention``, ``vc:procedure``); the
classes of the words of the main clause (``wc:evaluative``, ``wc:norm``,
``wc:outcome_noun``...); the same classes inside subordinate clauses
(``vc_sub:``, ``wc_sub:``), and the main clause's words as lemmas
(``l:belangrijk``). :func:`combine` adds the pairs a linear model cannot
form itself: a verb class with a passive, a negation, a modal, the kind of
subject, a question, or an outcome noun (``bereikte`` + ``akkoord``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_json
from .lemmas import CLASSES_FILE, Lemmatizer, default_lemmatizer
from .lexicon import Lexicon, default_lexicon

CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")", "–", "-"})


@dataclass(frozen=True, slots=True)
class LemmaClasses:
    """The classes of ``data/classify/lemma_classes.json``: lemma -> class names."""

    verbs: Mapping[str, tuple[str, ...]]
    words: Mapping[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def lemma_classes() -> LemmaClasses:
    """The packaged classes (read once per process)."""
    data = read_json(CLASSES_FILE)

    def invert(groups: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for name, lemmas in groups.items():
            for lemma in lemmas:
                if name not in out.setdefault(lemma, []):
                    out[lemma].append(name)
        return {lemma: tuple(names) for lemma, names in out.items()}

    return LemmaClasses(invert(data["verb_classes"]), invert(data["word_classes"]))


def _clause_rest(low: Sequence[str], mask: Sequence[bool], i: int) -> Iterator[str]:
    """The words after ``low[i]`` up to the end of its clause (same mask, no clause punctuation)."""
    clause = mask[i]
    for j in range(i + 1, len(low)):
        if mask[j] != clause or low[j] in CLAUSE_ENDS:
            return
        yield low[j]


WordNames = tuple[str | None, tuple[str, ...], tuple[str, ...]]
"""Of one word: its verb lemma (or ``None``), its feature names in a main clause, in a subordinate one."""

CACHE_LIMIT = 200_000
"""Words whose feature names are kept per lemmatizer and classes (the cache is emptied past this)."""

_word_cache: dict[tuple[int, int], tuple[Lemmatizer, LemmaClasses, dict[str, WordNames]]] = {}


def _names_of(lemmatizer: Lemmatizer, classes: LemmaClasses) -> dict[str, WordNames]:
    """The cache of word feature names for this lemmatizer and these classes."""
    key = (id(lemmatizer), id(classes))
    entry = _word_cache.get(key)
    if entry is None or entry[0] is not lemmatizer or entry[1] is not classes:
        entry = (lemmatizer, classes, {})
        _word_cache[key] = entry
    if len(entry[2]) > CACHE_LIMIT:
        entry[2].clear()
    return entry[2]


def _word_names(word: str, lemmatizer: Lemmatizer, classes: LemmaClasses) -> WordNames:
    lemma = lemmatizer.lemma(word)
    word_classes = classes.words.get(lemma, ())
    main = tuple(f"wc:{name}" for name in word_classes)
    if word.isalpha():
        main += (f"l:{lemma}",)
    return lemmatizer.verb_lemma(word), main, tuple(f"wc_sub:{name}" for name in word_classes)


def lemma_features(
    low: Sequence[str],
    mask: Sequence[bool],
    *,
    lemmatizer: Lemmatizer | None = None,
    classes: LemmaClasses | None = None,
    lexicon: Lexicon | None = None,
) -> dict[str, float]:
    """The lemma features of one sentence: ``low`` its lower-case tokens, ``mask`` its main clause.

    A word after an article or a preposition is not read as a verb (``het besluit``, ``van belang``).
    The feature names of each word are computed once per process (:data:`CACHE_LIMIT`)."""
    lemmatizer = lemmatizer or default_lemmatizer()
    classes = classes or lemma_classes()
    lex = lexicon or default_lexicon()
    cache = _names_of(lemmatizer, classes)
    determiners, prepositions, verb_classes = lex.determiners, lex.prepositions, classes.verbs
    features: dict[str, float] = {}
    for i, word in enumerate(low):
        names = cache.get(word)
        if names is None:
            names = cache[word] = _word_names(word, lemmatizer, classes)
        verb, main_names, sub_names = names
        main = mask[i]
        if verb is not None:
            before = low[i - 1] if i > 0 else ""
            if before != "te" and before not in determiners and before not in prepositions:
                verb = lemmatizer.with_particle(verb, _clause_rest(low, mask, i))
                if main:
                    features[f"lv:{verb}"] = 1.0
                for name in verb_classes.get(verb, ()):
                    key = f"vc:{name}" if main else f"vc_sub:{name}"
                    features[key] = features.get(key, 0.0) + 1.0
        for name in main_names if main else sub_names:
            features[name] = 1.0
    return features


COMBINED_WITH = (
    "passive",
    "neg",
    "question",
    "perfect",
    "expletive",
    "attributed",
    "cover_letter",
    "list_item",
    "modal:willen",
    "modal:zullen",
    "modal:moeten",
    "wc_sub:complement",
    "wc_sub:evaluative",
    "wc_sub:norm",
    "vc_sub:outcome",
    "vc_sub:stance",
)


_PAIRED_PREFIXES = ("subj:", "wc:outcome_noun", "wc:evaluative")
"""Features paired with each verb class by name prefix (the subject's kind, outcome nouns, evaluative words)."""


def combine(features: Mapping[str, float], names: Iterable[str] | None = None) -> dict[str, float]:
    """Pairs of a main-clause verb class with the sentence's other traits (see the module docstring).

    ``names``: where to read the verb classes (``vc:``) and the paired features
    (``subj:``, ``wc:outcome_noun``, ``wc:evaluative``) from, when the caller
    knows which of ``features`` they can be (the subject and lemma features);
    by default every name of ``features``. The traits of :data:`COMBINED_WITH`
    are looked up in ``features`` either way.
    """
    verb_classes: list[str] = []
    named: list[str] = []
    for name in features if names is None else names:  # one pass over the names
        if name.startswith("vc:"):
            verb_classes.append(name[3:])
        elif name.startswith(_PAIRED_PREFIXES):
            named.append(name)
    if not verb_classes:
        return {"vc:none": 1.0}
    traits = [name for name in COMBINED_WITH if name in features]
    traits += named
    return {f"vc:{verb_class}&{trait}": 1.0 for verb_class in verb_classes for trait in traits}
