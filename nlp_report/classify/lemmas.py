"""Dutch lemmas without the statistical model, from spaCy's lookup tables.

The sentence features generalise from the lemmas of verbs, adjectives and
nouns, not from their surface forms: ``benadrukte``, ``benadrukten`` and
``benadrukt`` are all ``benadrukken``. The lemmas come from the Dutch tables
of ``spacy-lookups-data`` (the ones spaCy's own lookup and rule lemmatizers
use): the verb exceptions (irregular forms: ``nam`` -> ``nemen``), the lookup
table, and the verb suffix rules, whose guess is kept only when it is a known
verb lemma. A separable verb is joined with its particle when the particle
follows in the same clause (``nam ... aan`` -> ``aannemen``, ``zet zich ...
in`` -> ``inzetten``), again only when the joined form is a known verb.
The particles are data: ``data/classify/lemma_classes.json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from ..errors import LemmaTablesError
from ..resources import read_json

LANGUAGE = "nl"
CLASSES_FILE = "classify/lemma_classes.json"
RULE_MIN_LENGTH = 4
"""The suffix rules guess a verb lemma only for longer words (``en`` is no form of ``emmen``)."""


class Lemmatizer:
    """Lemmas of lower-case Dutch words from the ``spacy-lookups-data`` tables.

    Build it with :func:`default_lemmatizer` (the tables load once, in about a
    second). ``lemma(word)`` gives the lemma of any word (the word itself when
    the tables do not know it); ``verb_lemma(word)`` the verb lemma of a verb
    form, or ``None`` when the word is not a known verb form.
    """

    def __init__(
        self,
        lookup: Any,
        verb_exceptions: Any,
        verb_rules: Sequence[Sequence[str]],
        verb_index: frozenset[str],
        particles: frozenset[str],
        not_verbs: frozenset[str] = frozenset(),
    ) -> None:
        self._lookup = lookup
        self._verb_exceptions = verb_exceptions
        self._verb_rules = tuple((str(old), str(new)) for old, new in verb_rules)
        self.verb_index = verb_index
        """Every verb lemma the tables know."""
        self.particles = particles
        self.not_verbs = not_verbs
        """Words the tables read as a verb form that in these texts never are one (``het``, ``en``, ``belang``)."""
        self._lemmas: dict[str, str] = {}
        self._verbs: dict[str, str | None] = {}

    def lemma(self, word: str) -> str:
        """The lemma of ``word`` (lower case): a verb form's verb, else the lookup table's lemma, else ``word``."""
        cached = self._lemmas.get(word)
        if cached is None:
            verb = self.verb_lemma(word)
            cached = verb if verb is not None else str(self._lookup.get(word, word))
            self._lemmas[word] = cached
        return cached

    def verb_lemma(self, word: str) -> str | None:
        """The verb lemma of the verb form ``word`` (lower case), or ``None`` when it is not one."""
        if word in self._verbs:
            return self._verbs[word]
        found: str | None = None
        exceptions = self._verb_exceptions.get(word)
        if word in self.not_verbs:
            pass
        elif exceptions:
            found = str(exceptions[0])
        else:
            looked_up = self._lookup.get(word)
            if looked_up is not None and looked_up in self.verb_index:
                found = str(looked_up)
            elif word in self.verb_index:
                found = word
            elif word.isalpha() and len(word) > RULE_MIN_LENGTH:
                for old, new in self._verb_rules:
                    if word.endswith(old):
                        guess = word[: len(word) - len(old)] + new
                        if guess in self.verb_index:
                            found = guess
                            break
        self._verbs[word] = found
        return found

    def with_particle(self, lemma: str, following: Iterable[str]) -> str:
        """``lemma`` joined with the first particle of ``following`` that makes a known verb
        (``nemen`` + ``[..., "aan"]`` -> ``aannemen``); ``lemma`` itself when none does.
        ``following`` is read only up to that particle."""
        for word in following:
            if word in self.particles:
                joined = word + lemma
                if joined in self.verb_index:
                    return joined
        return lemma


@lru_cache(maxsize=1)
def default_lemmatizer() -> Lemmatizer:
    """The Dutch lemmatizer of the packaged tables (loaded once per process)."""
    try:
        from spacy.lookups import load_lookups

        lookups = load_lookups(LANGUAGE, ["lemma_lookup", "lemma_exc", "lemma_rules", "lemma_index"])
        exceptions = lookups.get_table("lemma_exc").get("verb", {})
        rules = lookups.get_table("lemma_rules").get("verb", [])
        index = lookups.get_table("lemma_index").get("verb", [])
        lookup = lookups.get_table("lemma_lookup")
    except (ImportError, ValueError, KeyError, OSError) as err:
        raise LemmaTablesError(
            f"cannot load the Dutch lemma tables of spacy-lookups-data ({err}); "
            "install them with: pip install spacy-lookups-data"
        ) from err
    classes = read_json(CLASSES_FILE)
    particles = frozenset(classes["particles"])
    not_verbs = frozenset(classes["not_verbs"])
    # the lemmas of irregular forms are verbs too, also where the index lacks them (``bestaan``, ``ontvangen``)
    known = frozenset(index) | {str(lemma) for lemmas in exceptions.values() for lemma in lemmas}
    return Lemmatizer(lookup, exceptions, rules, known, particles, not_verbs)
