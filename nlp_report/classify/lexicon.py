"""Word lists of the classifier and the actor finder, read once from ``data/classify/``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import iter_jsonl, read_json


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One form of a verb in the lexicon: its lemma, its kind and its separable particle."""

    lemma: str
    kind: str
    """``finite``, ``participle`` or ``infinitive``."""
    particle: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Verb forms and the actor finder's word lists."""

    verbs: dict[str, tuple[VerbForm, ...]]
    """Word form (lower case) -> the verb forms it can be."""
    particles: frozenset[str]
    separable: dict[str, str]
    """Separable verb lemma -> its particle (``aannemen`` -> ``aan``)."""
    holder_nouns: frozenset[str]
    pronouns: frozenset[str]
    strip_leading: frozenset[str]
    subordinators: frozenset[str]
    fronted_subordinators: frozenset[str]
    attribution: tuple[tuple[str, ...], ...]
    agent_prepositions: frozenset[str]
    holder_of_nouns: frozenset[str]
    np_stop_words: frozenset[str]
    determiners: frozenset[str]
    fronting_words: frozenset[str]
    noun_homographs: frozenset[str]
    adjective_endings: tuple[str, ...]
    fronted_phrases: tuple[tuple[str, ...], ...]
    never_verbs: frozenset[str]
    prepositions: frozenset[str]
    focus_adverbs: frozenset[str]
    attribution_anywhere: tuple[tuple[str, ...], ...]
    verbless_phrases: tuple[tuple[str, ...], ...] = ()
    """Word sequences whose last word is no finite verb there (``wat betreft``)."""
    # derived once from the lists above, for the lookups made for every token
    finite_words: frozenset[str] = field(init=False, repr=False, compare=False)
    """Lower-case words that can be a finite verb (:meth:`is_finite`)."""
    participle_lemmas: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    """Lower-case participle -> the lemmas it is the participle of, in the order of :meth:`forms`."""
    attribution_firsts: frozenset[str] = field(init=False, repr=False, compare=False)
    """The first words of :attr:`attribution_anywhere`."""
    verbless_lasts: frozenset[str] = field(init=False, repr=False, compare=False)
    """The last words of :attr:`verbless_phrases`."""

    def __post_init__(self) -> None:
        finite = {w for w, forms in self.verbs.items() if any(f.kind == "finite" for f in forms)}
        participles = {
            w: tuple(f.lemma for f in forms if f.kind == "participle")
            for w, forms in self.verbs.items()
            if any(f.kind == "participle" for f in forms)
        }
        object.__setattr__(self, "finite_words", frozenset(finite - self.never_verbs))
        object.__setattr__(self, "participle_lemmas", participles)
        object.__setattr__(self, "attribution_firsts", frozenset(p[0] for p in self.attribution_anywhere))
        object.__setattr__(self, "verbless_lasts", frozenset(p[-1] for p in self.verbless_phrases))

    def forms(self, word: str) -> tuple[VerbForm, ...]:
        return self.verbs.get(word.lower(), ())

    def is_finite(self, word: str) -> bool:
        """Whether ``word`` can be a finite verb (particles such as ``uit`` never are)."""
        return word.lower() in self.finite_words

    def finite_at(self, low: list[str], i: int) -> bool:
        """Whether ``low[i]`` is a finite verb in context: a noun homograph after an
        article, a preposition or an adjective is a noun (``het besluit``, ``op verzoek``,
        ``Nederlands voorstel``), and so is the end of a verbless phrase (``wat betreft``)."""
        word = low[i]
        if not self.is_finite(word):
            return False
        if i > 0 and word in self.noun_homographs:
            before = low[i - 1]
            if (
                before in self.determiners
                or before in self.prepositions
                or (before.endswith(self.adjective_endings) and before not in self.holder_nouns)
            ):
                return False
        if word in self.verbless_lasts and any(
            i + 1 >= len(p) and tuple(low[i + 1 - len(p) : i + 1]) == p for p in self.verbless_phrases
        ):
            return False  # "Voor wat betreft X wil het kabinet": "betreft" is no verb there
        return not (i > 0 and low[i - 1] == "te")

    def verb_lemmas(self, low: list[str], i: int, clause: list[bool]) -> list[str]:
        """The lemmas of the finite verb ``low[i]``; a separable verb only when its particle
        follows in the same clause (``nam ... aan`` -> ``aannemen``, not ``deelnemen``)."""
        lemmas = []
        rest: set[str] | None = None
        for form in self.forms(low[i]):
            if form.kind != "finite":
                continue
            if form.particle is not None:
                if rest is None:
                    rest = {low[j] for j in range(i + 1, len(low)) if clause[j] == clause[i]}
                if form.particle not in rest:
                    continue
            lemmas.append(form.lemma)
        separable = [lemma for lemma in lemmas if self.particle_of(lemma)]
        return separable or lemmas

    def particle_of(self, lemma: str) -> str | None:
        """The particle of a separable verb (``aannemen`` -> ``aan``), else ``None``."""
        return self.separable.get(lemma)

    def is_participle(self, word: str) -> bool:
        return word.lower() in self.participle_lemmas


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon (built once per process)."""
    verbs: dict[str, list[VerbForm]] = {}

    def add(form: str, entry: VerbForm) -> None:
        verbs.setdefault(form, []).append(entry)

    particles = set()
    separable: dict[str, str] = {}
    for row in iter_jsonl("classify/verbs.jsonl"):
        lemma, particle = row["lemma"], row.get("particle")
        for form in row["finite"]:
            add(form, VerbForm(lemma, "finite", particle))
            if particle:  # subordinate clauses join the particle: "dat de Raad het pakket aannam"
                add(particle + form, VerbForm(lemma, "finite", None))
        if row.get("participle"):
            add(row["participle"], VerbForm(lemma, "participle", None))
        add(lemma, VerbForm(lemma, "infinitive", None))
        if particle:
            particles.add(particle)
            separable[lemma] = particle
    rules = read_json("classify/actor_rules.json")
    return Lexicon(
        verbs={form: tuple(entries) for form, entries in verbs.items()},
        particles=frozenset(particles),
        separable=separable,
        holder_nouns=number_variants(rules["holder_nouns"]),
        pronouns=frozenset(rules["pronouns"]),
        strip_leading=frozenset(rules["strip_leading"]),
        subordinators=frozenset(rules["subordinators"]),
        fronted_subordinators=frozenset(rules["fronted_subordinators"]),
        attribution=tuple(tuple(words) for words in rules["attribution"]),
        agent_prepositions=frozenset(rules["agent_prepositions"]),
        holder_of_nouns=frozenset(rules["holder_of_nouns"]),
        np_stop_words=frozenset(rules["np_stop_words"]),
        determiners=frozenset(rules["determiners"]),
        fronting_words=frozenset(rules["fronting_words"]),
        noun_homographs=frozenset(rules["noun_homographs"]),
        adjective_endings=tuple(rules["adjective_endings"]),
        fronted_phrases=tuple(tuple(p) for p in rules["fronted_phrases"]),
        never_verbs=frozenset(rules["never_verbs"]),
        prepositions=frozenset(rules["prepositions"]),
        focus_adverbs=frozenset(rules["focus_adverbs"]),
        attribution_anywhere=tuple(tuple(words) for words in rules["attribution_anywhere"]),
        verbless_phrases=tuple(tuple(words) for words in rules["actor_words"]["verbless_phrases"]),
    )


def number_variants(nouns: Iterable[str]) -> frozenset[str]:
    """The nouns with their other number: a list that names ``woordvoerder`` or ``staatshoofden``
    also knows ``woordvoerders`` and ``staatshoofd`` (plural ``-s``, ``-en``, ``'s``; a form that
    is no Dutch word only never matches)."""
    out: set[str] = set()
    for noun in nouns:
        out.add(noun)
        if noun.endswith("'s") or (noun.endswith("en") and len(noun) > 4):
            out.add(noun[:-2])
        elif noun.endswith("s") and len(noun) > 3:
            out.add(noun[:-1])
        else:
            out.update((noun + "s", noun + "en", noun + "'s"))
    return frozenset(out)
