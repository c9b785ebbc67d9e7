"""Who holds a position or takes a decision: the actor of a sentence.

Two finders share one interface, ``find_actor(sentence) -> str | None``:

* :func:`rule_actor` works on tokens alone (the fallback pipeline): it finds
  the finite verb of the main clause (Dutch main clauses put it second),
  takes the noun phrase before it, or after it when the sentence opens
  with an adverbial (``Op 18 mei hebben Nederland en Denemarken ...``) or a
  fronted clause (``Net als andere bondgenoten, benadrukte ook Nederland``),
  reads the agent of a passive (``door alle bondgenoten ondertekend``),
  gives ``None`` for a passive without agent, and takes an attributed view
  (``Volgens SACEUR ...``). A subject that names no one who can hold a view
  (``Het is van belang``, ``Dit betekent``) gives ``None``.
* :func:`parse_actor` reads the dependency parse when a model has set one:
  the ``nsubj`` of the root, the agent of a passive, or ``volgens``;
  :func:`parse_or_rule_actor` falls back to the rules where it names none.

The actor is written as it appears, without a leading article or adverb
(``ook``) and without inserted ``waaronder ...`` phrases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import ENT_TYPE, LEMMA, POS
from spacy.tokens import Doc, Span

from ..resources import read_json
from .lexicon import Lexicon, default_lexicon

_PUNCT_SKIP = frozenset("\"'“”‘’«»(")
_JOINERS = frozenset({"-", "/", "–"})


@dataclass(frozen=True, slots=True)
class ActorWords:
    """The finder's clause words (``actor_words`` in ``data/classify/actor_rules.json``)."""

    clause_openers: frozenset[str]
    """Words that open a subordinate clause: a subject never runs across one."""
    norm_modals: frozenset[str]
    """Modal lemmas of a norm addressed to someone (``moeten``): the subject does not hold it."""
    passive_auxiliaries: frozenset[str]
    """Lemmas of the passive auxiliary (``worden``)."""
    perfect_passive_auxiliaries: frozenset[str]
    """Lemmas that make a passive with a participle and a ``door`` agent (``is ... gekozen door``)."""
    holder_suffix_min: int
    """A closed compound ending in a holder noun at least this long names a holder (``Eurolanden``)."""
    holder_prefix_min: int
    """... when the part before that noun is at least this long."""
    clause_breaks: frozenset[str]
    """Marks that end the main clause's own verbs (``;``)."""
    coordinators_after_comma: frozenset[str]
    """After a comma, words that start another clause (``, al werd ...``)."""
    weak_past_endings: tuple[str, ...]
    """Endings of a weak past tense, for a finite verb the verb list lacks (``herhaalde``)."""
    unlisted_present_endings: tuple[str, ...]
    """Endings of a present tense, for a finite verb the verb list lacks (``kwalificeert``)."""
    copulas: frozenset[str]
    """Lemmas after which a fronted ``voor X`` names the holder (``Voor Nederland is het van belang``)."""
    zijn_perfect_verbs: frozenset[str]
    """Lemmas whose perfect takes ``zijn`` (``is akkoord gegaan``); any other participle after
    ``zijn`` is a passive (``is ... gemeld``, ``is ingestemd door``)."""
    nominalisation_endings: tuple[str, ...]
    """A ``door`` after a noun with these endings belongs to it, not to a passive (``bemiddeling door``)."""
    agent_phrases: tuple[tuple[str, ...], ...]
    """Phrases besides the agent prepositions that name the agent of a passive (``van de kant van``)."""
    side_nouns: frozenset[str]
    """``van Duitse zijde``: after ``van`` and an adjective, nouns that make the pair the agent."""
    existential_verbs: frozenset[str]
    """Forms of ``zijn``/``bestaan`` after which ``er`` opens an existential clause (``Er is ...``)."""
    existential_prepositions: frozenset[str]
    """After a stance noun of an existential clause, the prepositions that name its holder (``steun onder``)."""
    existential_nouns: frozenset[str]
    """Stance nouns whose holder an existential clause names (``Er is brede steun onder lidstaten``)."""
    evaluated_predicates: frozenset[str]
    """After a copula alone, predicates that evaluate the subject (``Raden zijn belangrijk``): it holds no view."""
    quantifier_nouns: frozenset[str]
    """Holder nouns that count something (``aantal``, ``merendeel``): a holder only when what they
    count is one (``een aantal lidstaten``, not ``het merendeel van de aanbevelingen``)."""


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    """The packaged clause words (read once per process)."""
    data = read_json("classify/actor_rules.json")["actor_words"]
    return ActorWords(
        clause_openers=frozenset(data["clause_openers"]),
        norm_modals=frozenset(data["norm_modals"]),
        passive_auxiliaries=frozenset(data["passive_auxiliaries"]),
        perfect_passive_auxiliaries=frozenset(data["perfect_passive_auxiliaries"]),
        holder_suffix_min=int(data["holder_suffix_min"]),
        holder_prefix_min=int(data["holder_prefix_min"]),
        clause_breaks=frozenset(data["clause_breaks"]),
        coordinators_after_comma=frozenset(data["coordinators_after_comma"]),
        weak_past_endings=tuple(data["weak_past_endings"]),
        unlisted_present_endings=tuple(data["unlisted_present_endings"]),
        copulas=frozenset(data["copulas"]),
        zijn_perfect_verbs=frozenset(data["zijn_perfect_verbs"]),
        nominalisation_endings=tuple(data["nominalisation_endings"]),
        agent_phrases=tuple(tuple(phrase) for phrase in data["agent_phrases"]),
        side_nouns=frozenset(data["side_nouns"]),
        existential_verbs=frozenset(data["existential_verbs"]),
        existential_prepositions=frozenset(data["existential_prepositions"]),
        existential_nouns=frozenset(data["existential_nouns"]),
        evaluated_predicates=frozenset(data["evaluated_predicates"]),
        quantifier_nouns=frozenset(data["quantifier_nouns"]),
    )


@dataclass(frozen=True, slots=True)
class Words:
    """The tokens of a sentence as plain lists (easy to build in tests)."""

    text: Sequence[str]
    space: Sequence[bool]
    """Whether white space follows each token."""
    entity: Sequence[bool]
    """Whether each token is part of a COUNTRY or ORG entity."""
    low: Sequence[str] | None = field(default=None, repr=False, compare=False)
    """The tokens in lower case, when already computed (see :meth:`lower`)."""
    lemma: Sequence[str] | None = field(default=None, repr=False, compare=False)
    """The model's lemma of each token, when a model set lemmas (``None`` on the fallback pipeline)."""
    pos: Sequence[str] | None = field(default=None, repr=False, compare=False)
    """The model's part-of-speech tag (UPOS) of each token, when a model set them."""

    @classmethod
    def from_span(cls, span: Span) -> Words:
        """The tokens of ``span``."""
        return cls.for_doc(span.doc).slice(span.start, span.end)

    @classmethod
    def for_doc(
        cls,
        doc: Doc,
        text: Sequence[str] | None = None,
        space: Sequence[bool] | None = None,
        *,
        read_model_annotation: bool = True,
    ) -> Words:
        """The whole Doc at once (cheap to :meth:`slice` per sentence).

        ``text`` and ``space``: the token texts and trailing-space flags when
        already read in bulk (``pipeline.doc.token_table``); else read here.
        ``read_model_annotation``: read the model's lemmas and tags when the Doc
        has them (``False``: :attr:`lemma` and :attr:`pos` stay ``None``).
        """
        if not len(doc):
            return cls([], [], [], [])
        if text is None or space is None:
            text, space = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
        strings = doc.vocab.strings
        kinds = doc.to_array(ENT_TYPE)
        flags: list[bool] = ((kinds == strings.add("COUNTRY")) | (kinds == strings.add("ORG"))).tolist()
        lemma = pos = None
        if read_model_annotation and doc.has_annotation("LEMMA") and doc.has_annotation("POS"):
            lemma, pos = model_annotation(doc)
        return cls(text, space, flags, [w.lower() for w in text], lemma, pos)

    def slice(self, start: int, end: int) -> Words:
        low = self.low[start:end] if self.low is not None else None
        lemma = self.lemma[start:end] if self.lemma is not None else None
        pos = self.pos[start:end] if self.pos is not None else None
        return Words(self.text[start:end], self.space[start:end], self.entity[start:end], low, lemma, pos)

    def lower(self) -> list[str]:
        """The tokens in lower case."""
        if self.low is not None:
            return list(self.low)
        return [w.lower() for w in self.text]

    def surface(self, start: int, end: int) -> str:
        if end <= start:
            return ""
        text, space = self.text, self.space
        out = [text[i] + " " if space[i] else text[i] for i in range(start, end - 1)]
        out.append(text[end - 1])
        return "".join(out)


def model_annotation(doc: Doc) -> tuple[list[str], list[str]]:
    """The lemma and UPOS tag of every token of ``doc``, read in bulk."""
    strings = doc.vocab.strings
    rows = doc.to_array([LEMMA, POS]).tolist()
    return [strings[lemma] for lemma, _ in rows], [strings[pos] for _, pos in rows]


def rule_actor(words: Words, lexicon: Lexicon | None = None) -> str | None:
    """The actor of a sentence from its tokens alone, or ``None``."""
    lex = lexicon or default_lexicon()
    low = words.lower()
    start = 0
    while start < len(low) and low[start] in _PUNCT_SKIP:
        start += 1
    actor = _clause_actor(words, low, start, len(low), lex)
    if actor is None:
        actor = _existential_holder(words, low, start, lex)
    if actor is None:
        # a stance in a coordinated main clause: "..., maar het kabinet acht ..."
        for i in range(start, len(low) - 1):
            if (low[i] == "," and low[i + 1] == "maar") or low[i] == ";":
                clause = i + (2 if low[i] == "," else 1)
                if low[i] == "," and clause < len(low) and lex.finite_at(low, clause):
                    clause -= 1  # ", maar werd de top uitgesteld door X": the verb first, its subject after it
                actor = _clause_actor(words, low, clause, len(low), lex)
                if actor is not None:
                    break
    return actor


def _existential_holder(words: Words, low: list[str], start: int, lex: Lexicon) -> str | None:
    """``Er is brede steun onder lidstaten ...``, ``Er bestaat bij het kabinet bereidheid ...``: the holder
    of a stance noun in an existential main clause (``er`` and a form of ``zijn``/``bestaan`` first)."""
    aw = actor_words()
    if len(low) < start + 4 or low[start] != "er" or low[start + 1] not in aw.existential_verbs:
        return None
    end = next((i for i in range(start + 2, len(low)) if low[i] in (",", ";") or low[i] in aw.clause_openers), len(low))
    nouns = [i for i in range(start + 2, end) if low[i] in aw.existential_nouns]
    if not nouns:
        return None
    # the holder stands in a prepositional phrase after the noun (``steun onder lidstaten``) or before it
    # (``bij het kabinet bereidheid``)
    noun_set = set(nouns)
    for i in range(start + 2, end - 1):
        right_after = i - 1 in noun_set  # "steun onder X", not "steun voor het voorstel van X"
        before = i < nouns[0] and low[i] != "van"  # "Er bestaat bij X twijfel"
        if low[i] in aw.existential_prepositions and (right_after or before):
            s, e = _np_after(words, low, i + 1, lex)
            e = min(e, end)
            if e > s and _is_holder(words, low, s, e, lex):
                return _clean(words, low, s, e, lex)
    return None


def _clause_actor(words: Words, low: list[str], start: int, end: int, lex: Lexicon) -> str | None:
    if start >= end:
        return None
    aw = actor_words()
    found = _main_verb(words, low, start, end, lex)
    attributed = _attribution(words, low, start, lex, lex.attribution)
    if attributed is not None and (
        low[start] != "voor" or (found is not None and _lemmas(low[found[1]], lex) <= aw.copulas)
    ):
        return attributed  # "Volgens SACEUR ..."; "Voor X" only with a copula, not "Voor X werd afgesproken"
    if found is None:
        return None
    np_start, verb, clause_first = found
    fronted = clause_first or (
        low[np_start] not in lex.determiners and (low[np_start] in lex.fronting_words or low[np_start].isdigit())
    )
    candidates: list[tuple[int, int]] = []
    after = _np_after(words, low, verb + 1, lex)
    if fronted:
        candidates.append(after)
    else:
        candidates += [(np_start, _cut_insertions(low, np_start, verb)), after]
    clause_end = _main_clause_end(low, verb, lex)
    own_end = _own_clause_end(low, verb, clause_end)
    finite = _lemmas(low[verb], lex)
    # the verb forms of the rest of its own clause (``low`` is lower case: the lexicon's keys as they are)
    verbs = lex.verbs
    own = [w for j, w in enumerate(low[verb + 1 : own_end], verb + 1) if w in verbs and low[j - 1] != "te"]
    rest = {f.lemma for w in own for f in verbs[w] if f.kind in ("infinitive", "finite")}
    participles = {lemma for w in own for lemma in lex.participle_lemmas.get(w, ())}
    passive = not finite.isdisjoint(aw.passive_auxiliaries) or (
        bool(participles) and not rest.isdisjoint(aw.passive_auxiliaries)
    )
    perfect_passive = (
        bool(participles)
        and not finite.isdisjoint(aw.perfect_passive_auxiliaries)
        and rest.isdisjoint(aw.zijn_perfect_verbs | {"hebben"})
        and participles.isdisjoint(aw.zijn_perfect_verbs)
    )
    if passive or perfect_passive:
        # the agent after the verb, else fronted ("Door de Raad werd besloten", "Van Duitse kant werd gewezen op")
        agent = _agent(words, low, verb + 1, lex) or _agent(words, low, np_start, lex)
        if agent is not None:
            return agent
    if verb + 1 < len(low) and low[verb + 1] == "voor":  # "... is voor Nederland niet aanvaardbaar"
        candidates.insert(1, _np_after(words, low, verb + 2, lex))
    attributed = _attribution_anywhere(words, low, np_start, clause_end, lex)
    if attributed is not None:  # "X moet volgens het kabinet ...": the view is the cabinet's
        return attributed
    if passive or perfect_passive:
        # the subject of a passive undergoes the act ("Niet langer zal Rusland ... worden benoemd"),
        # unless it is a national stance: "De Nederlandse inzet is gericht op ..."
        s, e = candidates[0]
        stance = [i for i in range(s, e) if low[i] in lex.holder_of_nouns]
        named = [j for j in range(s, stance[0]) if words.entity[j]] if stance else []
        return _clean(words, low, named[0], named[-1] + 1, lex) if named else None
    if not finite.isdisjoint(aw.norm_modals) or not rest.isdisjoint(aw.norm_modals):
        return None  # a norm addressed to someone: "De EU moet ...", "zullen de EU en de VS ... moeten ..."
    evaluated = (
        not finite.isdisjoint(aw.copulas)
        and not rest
        and not participles
        and not aw.evaluated_predicates.isdisjoint(low[verb + 1 : own_end])
    )
    subject = candidates[0]  # before the verb, or after it when a phrase or clause is fronted
    for s, e in candidates:
        if evaluated and (s, e) == subject:
            continue  # "Raden zijn belangrijk": the subject is what is evaluated, not who holds the view
        if any(low[i] in aw.clause_openers for i in range(s + 1, e)):
            continue  # the verb found stands in a subordinate clause: the subject is not this
        if e <= s or low[s] in lex.prepositions or low[s] in aw.clause_openers:
            continue  # "van bedrijven", "dat de OVSE": not a subject
        owner = _holder_of(words, low, s, e, lex)
        if owner is not None:
            return owner
        if _is_holder(words, low, s, e, lex) or (s == np_start and not fronted and _is_name(words, low, s, e, lex)):
            return _clean(words, low, s, e, lex)
    return None


def _lemmas(word: str, lex: Lexicon) -> set[str]:
    """The lemmas ``word`` has as a finite verb."""
    return {f.lemma for f in lex.forms(word) if f.kind == "finite"}


def _main_verb(words: Words, low: list[str], start: int, end: int, lex: Lexicon) -> tuple[int, int, bool] | None:
    """Where the subject may start, the main clause's finite verb, and whether a clause is fronted."""
    first = low[start]
    clause_first = first in lex.fronted_subordinators or any(
        tuple(low[start : start + len(phrase)]) == phrase for phrase in lex.fronted_phrases
    )
    if clause_first and first not in ("om", "zoals"):
        comma = _next(low, ",", start)
        if comma is not None:
            start = comma + 1
    np_start = start
    if low[start] in lex.focus_adverbs and start + 1 < end and not lex.is_finite(low[start + 1]):
        np_start = start + 1  # "Ook andere bondgenoten waren ..."
    verb = _main_finite_verb(words, low, np_start, lex, allow_first=clause_first)
    if verb is None or (verb == np_start and not clause_first):
        return None
    return np_start, verb, clause_first


@dataclass(frozen=True, slots=True)
class MainClause:
    """The verbs of a sentence's main clause, as :func:`main_clause` finds them."""

    lemmas: tuple[str, ...]
    """The lemmas of the finite verb, its participles and infinitives (``te`` ones too); a
    separable verb by the particle that follows first (``nam ... deel aan`` -> ``deelnemen``)."""
    words: tuple[str, ...]
    """The main clause's words from the finite verb on, lower case (for predicates: ``bereid``)."""
    complement: tuple[str, ...] = ()
    """The words after the clause's own verbs up to the main clause's end, lower case: an
    ``om``-phrase or infinitive complement (``verzocht om een brief``, ``... te delen``)."""


def main_clause(words: Words, lexicon: Lexicon | None = None) -> MainClause:
    """The main clause's verbs of a sentence (empty when no finite verb is found)."""
    lex = lexicon or default_lexicon()
    low = words.lower()
    start = 0
    while start < len(low) and low[start] in _PUNCT_SKIP:
        start += 1
    found = _main_verb(words, low, start, len(low), lex) if start < len(low) else None
    if found is None:
        return MainClause((), ())
    verb = found[1]
    main_end = _main_clause_end(low, verb, lex)
    end = _own_clause_end(low, verb, main_end)
    clause = low[verb:end]
    lemmas = _finite_lemmas(clause, lex)
    for k in range(1, len(clause)):
        before = clause[k - 1]
        if before in ("en", "maar", "of") and lex.is_finite(clause[k]):  # "schetste ... en riep op"
            lemmas += _finite_lemmas(clause[k:], lex)
            continue
        lemmas += _verb_lemmas_at(clause, k, lex)
    if end < len(low) and low[end] == "om":  # "is voornemens om ... deel te nemen": the predicate's verb
        lemmas += [
            lemma for k in range(end + 2, main_end) if low[k - 1] == "te" for lemma in _verb_lemmas_at(low, k, lex)
        ]
    return MainClause(tuple(dict.fromkeys(lemmas)), tuple(clause), tuple(low[end:main_end]))


def _verb_lemmas_at(clause: list[str], k: int, lex: Lexicon) -> list[str]:
    """The lemmas of ``clause[k]`` as a participle or an infinitive (``te`` ones too), ``k >= 1``.

    A separable verb's particle split off before it joins it: ``kennis genomen`` ->
    ``kennisnemen``, ``deel te nemen`` -> ``deelnemen``.
    """
    before = clause[k - 1]
    found = []
    for form in lex.forms(clause[k]):
        if form.kind == "participle" or (
            form.kind == "infinitive"  # not a plural noun: "de voorstellen", "geopperde voorstellen"
            and (
                before == "te"
                or (
                    before not in lex.determiners
                    and before not in lex.prepositions
                    and not (before.endswith("e") and before.isalpha() and before not in lex.holder_nouns)
                    and not before.isdigit()
                )
            )
        ):
            particle = clause[k - 2] if before == "te" and k >= 2 else before
            joined = particle + form.lemma
            found.append(joined if lex.particle_of(joined) == particle else form.lemma)
    return found


def _finite_lemmas(clause: list[str], lex: Lexicon) -> list[str]:
    """The lemmas of ``clause[0]``: of its separable readings the one whose particle comes first.

    A particle followed by an article is a preposition (``geef uitvoering aan de motie``).
    """
    forms = [f for f in lex.forms(clause[0]) if f.kind == "finite"]
    separable = [
        (k, f.lemma)
        for f in forms
        if f.particle
        for k in range(1, len(clause))
        if clause[k] == f.particle and not (k + 1 < len(clause) and clause[k + 1] in lex.determiners)
    ]
    if separable:
        return [min(separable)[1]]
    return [f.lemma for f in forms if not f.particle]


def _is_name(words: Words, low: list[str], s: int, e: int, lex: Lexicon) -> bool:
    """A subject of one to three capitalised words (``Reznikov``, ``Hongarije``), none of them a
    participle (``Besloten is dat ...`` has no subject before its verb)."""
    return 0 < e - s <= 3 and all(
        words.text[i][:1].isupper()
        and low[i] not in lex.determiners
        and low[i] not in lex.fronting_words
        and low[i] not in lex.participle_lemmas
        for i in range(s, e)
    )


def _next(low: list[str], token: str, start: int) -> int | None:
    for i in range(start, len(low)):
        if low[i] == token:
            return i
    return None


def _attribution(
    words: Words, low: list[str], start: int, lex: Lexicon, patterns: tuple[tuple[str, ...], ...]
) -> str | None:
    for pattern in patterns:
        k = len(pattern)
        if tuple(low[start : start + k]) != pattern:
            continue
        s, e = _np_after(words, low, start + k, lex)
        if e > s and _is_holder(words, low, s, e, lex):
            return _clean(words, low, s, e, lex)
    return None


def _main_clause_end(low: list[str], verb: int, lex: Lexicon) -> int:
    """Where a subordinate clause after the main verb starts (``..., aangezien ...``)."""
    for i in range(verb + 1, len(low) - 1):
        if low[i] == "," and low[i + 1] in lex.subordinators:
            return i
    return len(low)


def _own_clause_end(low: list[str], verb: int, end: int) -> int:
    """Where the main clause's own verbs end: at a complement or relative clause (``dat``,
    ``die``, ``om``), which :func:`_main_clause_end` lets run on when no comma precedes it."""
    aw = actor_words()
    for j in range(verb + 1, end):
        if low[j] in aw.clause_openers or low[j] == "om" or low[j] in aw.clause_breaks:
            return j
        if low[j] == "," and j + 1 < end and low[j + 1] in aw.coordinators_after_comma:
            return j
    return end


def _attribution_anywhere(words: Words, low: list[str], start: int, end: int, lex: Lexicon) -> str | None:
    """``... is volgens het kabinet ...``, ``... naar het oordeel van het kabinet ...``."""
    firsts = lex.attribution_firsts
    if firsts.isdisjoint(low[start:end]):
        return None
    for i in range(start, end):
        if low[i] not in firsts:
            continue
        found = _attribution(words, low, i, lex, lex.attribution_anywhere)
        if found is not None:
            return found
    return None


def _main_finite_verb(
    words: Words, low: list[str], start: int, lex: Lexicon, *, allow_first: bool = False
) -> int | None:
    """The first finite verb outside subordinate clauses and brackets."""
    in_sub = False
    depth = 0
    finite = lex.finite_words
    for i in range(start, len(low)):
        word = low[i]
        if word == "(":
            depth += 1
        elif word == ")":
            depth = max(depth - 1, 0)
        elif word == ",":
            in_sub = i + 1 < len(low) and low[i + 1] in lex.subordinators
        elif (
            depth == 0
            and not in_sub
            and (i > start or allow_first)
            and (
                (word in finite and lex.finite_at(low, i) and not _noun_in_context(words, low, i, start, lex))
                or _unlisted_past(words, low, i, start, lex)
            )
        ):
            return i
    return None


def _noun_in_context(words: Words, low: list[str], i: int, start: int, lex: Lexicon) -> bool:
    """A noun homograph read as a noun: before ``van`` or after a name or a number
    (``het Gymnich overleg van``, ``192 stemmen``)."""
    if low[i] not in lex.noun_homographs:
        return False
    if i + 1 < len(low) and low[i + 1] == "van":
        return True
    before = i - 1
    return before > start and (
        low[before].isdigit() or (words.text[before][:1].isupper() and not lex.is_finite(low[before]))
    )


def _unlisted_past(words: Words, low: list[str], i: int, start: int, lex: Lexicon) -> bool:
    """A weak past tense or an ``-eert`` present the verb list lacks, right after a subject or a
    first adverb (``De minister herhaalde``, ``De ER herbevestigde``, ``Tegelijk waarschuwden``,
    ``De Rekenkamer kwalificeert``).

    Adjectives with these endings stand before their noun, after an article
    (``de komende maanden``), so only a word after a name, a holder noun, a
    pronoun or the first adverb counts.
    """
    word = low[i]
    aw = actor_words()
    past, present = word.endswith(aw.weak_past_endings), word.endswith(aw.unlisted_present_endings)
    if (
        i <= start
        or word != words.text[i]
        or not word.isalpha()
        or not (past or present)
        or word.endswith(("ende", "enden"))
        or (word.startswith("ge") and len(word) > 6)  # a participle as adjective: "geïnitieerde"
        or lex.forms(word)
        or word in lex.np_stop_words
        or word in lex.determiners
        or word in lex.prepositions
        or word in lex.holder_nouns
        or word in lex.fronting_words
    ):
        return False
    if not present and i + 1 < len(low) and (words.entity[i + 1] or low[i + 1] in lex.holder_nouns):
        return False  # an adjective before its noun: "een aantal gelijkgezinde lidstaten"
    before = i - 1
    return (
        words.entity[before]
        or low[before] in lex.holder_nouns
        or low[before] in lex.pronouns
        or (before > start and words.text[before][:1].isupper())
        or (before == start and low[before] in lex.fronting_words)
    )


def _cut_insertions(low: list[str], start: int, end: int) -> int:
    """End the subject before an insertion (``..., waaronder Polen, ...``, a bracket).

    A comma inside an enumeration (``Frankrijk, Oostenrijk en Polen``) stays.
    """
    for i in range(start, end):
        if low[i] == "(" or (low[i] == "," and (i + 1 >= end or not _enumeration_follows(low, i + 1, end))):
            return i
    return end


def _enumeration_follows(low: list[str], i: int, end: int) -> bool:
    """After a comma: more items and then ``en``/``of`` before the verb, no subordinate word."""
    rest = low[i:end]
    return ("en" in rest or "of" in rest) and not any(w in ("waaronder", "die", "dat", "zoals", "onder") for w in rest)


def _np_after(words: Words, low: list[str], start: int, lex: Lexicon) -> tuple[int, int]:
    """The noun phrase right after the finite verb (inverted subject)."""
    i = start
    while i < len(low) and low[i] in lex.strip_leading and low[i] not in lex.determiners:
        i += 1
    s = i
    if i < len(low) and low[i] in lex.pronouns:
        return s, i + 1  # "bied ik u", "informeren wij u als volgt": the pronoun alone
    evaluated = actor_words().evaluated_predicates
    seen_noun = False
    while i < len(low):
        word = low[i]
        if word in _JOINERS:
            i += 1
            continue
        if word == "(" and i > s and words.text[i - 1][:1].isupper():
            close = _party_label_end(words, low, i)
            if close is not None:  # "rapporteurs Bakker (VVD) en Smit (CDA)"
                i = close
                continue
        if not word[:1].isalnum():
            break
        if word == "van" and i > s and i + 1 < len(low) and low[i + 1] in evaluated:
            break  # "is voor Nederland van belang": the predicate, not "Nederland van belang"
        named = words.entity[i] or (words.text[i].isupper() and len(word) > 1)
        if word in lex.np_stop_words and not (word == "van" and i > s) and not named:
            break
        if (
            i > s
            and not named
            and (
                (words.entity[i - 1] and (low[s] not in lex.determiners or not words.text[i - 1].isupper()))
                or _ends_holder(words, low, i - 1, lex)
            )
            and word not in lex.holder_nouns
            and word[:1].isalpha()
            and word == words.text[i]
            and word not in ("van", "en", "of")
        ):
            break  # "heeft Oostenrijk aandacht gevraagd", "heeft de Raad uitleg gegeven", "bereikten de
            # ministers overeenstemming": a name or a holder, then the object (an acronym after an
            # article modifies what follows: "het EU noodtrustfonds")
        verb_like = lex.is_finite(word) or lex.is_participle(word)
        if (
            verb_like
            and not named
            and word not in lex.holder_nouns
            and not (word in lex.noun_homographs and not seen_noun)
        ):
            break
        if word in lex.determiners:
            nxt = i + 1 < len(low) and low[i + 1]
            noun_next = nxt and (
                words.entity[i + 1]
                or words.text[i + 1][:1].isupper()
                or low[i + 1] in lex.noun_homographs
                or not (low[i + 1] in lex.np_stop_words or lex.forms(low[i + 1]) or not low[i + 1][:1].isalnum())
            )
            if not noun_next:
                break  # "acht het van belang": a pronoun, not an article
            if seen_noun and low[i - 1] not in ("van", "en", "of"):
                break  # a second noun phrase starts: "de bondgenoten een passage"
        elif word not in ("van", "en", "of"):
            seen_noun = True
        i += 1
    return s, i


def _ends_holder(words: Words, low: list[str], j: int, lex: Lexicon) -> bool:
    """Whether ``low[j]`` ends a holder's noun phrase: a plural holder noun (``ministers``), a
    capitalised one (``uw Kamer``) or a capitalised name that is no adjective (``president
    Poetin``), after which a bare lower-case word is the object or an adverb."""
    word = low[j]
    text = words.text[j]
    if word in lex.holder_nouns:  # plural, or capitalised as a name: "uw Kamer onlangs" ends at "Kamer"
        return not text.isupper() and (word.endswith(("s", "en")) or (j > 0 and text[:1].isupper()))
    return j > 0 and text[:1].isupper() and not text.isupper() and not word.endswith("e") and word.isalpha()


def _party_label_end(words: Words, low: list[str], i: int) -> int | None:
    """After a name, a bracket holding a party or title abbreviation (``(VVD)``, ``(GL-PvdA)``, ``(HV)``):
    the index after the closing bracket."""
    for j in range(i + 1, min(i + 5, len(low))):
        if low[j] == ")":
            inside = [words.text[k] for k in range(i + 1, j) if low[k] not in _JOINERS]
            ok = 0 < len(inside) <= 2 and all(w[:1].isupper() and sum(c.isupper() for c in w) >= 2 for w in inside)
            return j + 1 if ok else None
    return None


def _agent(words: Words, low: list[str], start: int, lex: Lexicon) -> str | None:
    """The agent of a passive: ``door X``, ``van de kant van X``, ``van Duitse zijde``."""
    aw = actor_words()
    for i in range(start, len(low)):
        if low[i] == ",":
            break
        if (
            low[i] == "van"
            and i + 2 < len(low)
            and low[i + 2] in aw.side_nouns
            and low[i + 1].endswith("e")
            and low[i + 1] not in lex.determiners
        ):
            return _clean(words, low, i + 1, i + 3, lex)  # "van Duitse zijde gemeld"
        phrase = next((p for p in aw.agent_phrases if tuple(low[i : i + len(p)]) == p), None)
        if low[i] in lex.agent_prepositions or phrase is not None:
            if phrase is None and i > start and low[i - 1].endswith(aw.nominalisation_endings):
                continue  # "de bemiddeling door ECOWAS": the agent of a noun, not of the verb
            s, e = _np_after(words, low, i + (len(phrase) if phrase else 1), lex)
            if e > s and _is_holder(words, low, s, e, lex):
                return _clean(words, low, s, e, lex)
    return None


def _holder_of(words: Words, low: list[str], s: int, e: int, lex: Lexicon) -> str | None:
    """``het besluit van NAVO-ministers`` -> ``NAVO-ministers``; a national stance
    (``De Duitse en Nederlandse insteek``) -> ``Duitse en Nederlandse``."""
    for i in range(s, e):
        if low[i] not in lex.holder_of_nouns:
            continue
        named = [j for j in range(s, i) if words.entity[j]]
        if named:
            return _clean(words, low, named[0], named[-1] + 1, lex)
        if i + 1 < e and low[i + 1] == "van":
            hs, he = _np_after(words, low, i + 2, lex)
            if he > hs and _is_holder(words, low, hs, he, lex):
                return _clean(words, low, hs, he, lex)
    return None


def _is_holder(words: Words, low: list[str], s: int, e: int, lex: Lexicon) -> bool:
    """Whether the head of the noun phrase ``s:e`` can hold a view.

    The head is the part before a preposition (``het lidmaatschap van de
    Veiligheidsraad`` is not a holder; ``de voorzitter van het Parlement``
    is). It holds a view when it has a holder noun (also as the end of a
    closed compound, ``Eurolanden``) or a pronoun, or when it ends in a
    name (``EU``, ``premier Davutoglu``); a name that only modifies a
    common noun (``het EU noodtrustfonds``) does not make one.
    """
    head_end = next((i for i in range(s + 1, e) if low[i] in lex.prepositions), e)
    quantifiers = actor_words().quantifier_nouns
    for i in range(s, head_end):
        if low[i] in quantifiers:
            return _counts_holders(words, low, i + 1, e, lex)
        if _holder_word(low[i], lex):
            return True
    last = head_end - 1
    while last > s and not low[last][:1].isalnum():
        last -= 1
    return words.entity[last] or (words.text[last][:1].isupper() and any(words.entity[i] for i in range(s, head_end)))


def _counts_holders(words: Words, low: list[str], s: int, e: int, lex: Lexicon) -> bool:
    """After a quantifier noun (``aantal``, ``merendeel``): whether what it counts, ``s:e``, holds a
    view: a holder noun, a pronoun or a name in it, or nothing at all (``de meerderheid``)."""
    rest = [i for i in range(s, e) if low[i].isalpha() and low[i] != "van" and low[i] not in lex.determiners]
    return not rest or any(_holder_word(low[i], lex) or words.entity[i] for i in rest)


def _holder_word(word: str, lex: Lexicon) -> bool:
    """A holder noun (``lidstaten``), also closing a compound (``Eurolanden``), or a pronoun (``wij``)."""
    return word in lex.holder_nouns or word in lex.pronouns or _holder_compound(word, lex)


def _holder_compound(word: str, lex: Lexicon) -> bool:
    """``eurolanden``, ``navo-bondgenoten``: a compound whose last part is a holder noun."""
    aw = actor_words()
    if "-" in word:
        return word.rsplit("-", 1)[1] in lex.holder_nouns
    for size in range(len(word) - aw.holder_prefix_min, aw.holder_suffix_min - 1, -1):
        if word[-size:] in lex.holder_nouns:
            return True
    return False


def _clean(words: Words, low: list[str], s: int, e: int, lex: Lexicon) -> str | None:
    while s < e and low[s] in lex.strip_leading:
        s += 1
    while e > s and not words.text[e - 1][:1].isalnum():
        if words.text[e - 1] == ")" and "(" in words.text[s : e - 1]:
            break  # a party label closes the actor: "Smit (CDA)"
        e -= 1
    if e <= s:
        return None
    return words.surface(s, e)


def parse_actor(span: Span) -> str | None:
    """The actor from a dependency parse (UD labels, as nl_core_news_sm sets them)."""
    root = span.root
    for child in root.children:
        if child.dep_ == "obl" and any(c.dep_ == "case" and c.lower_ == "volgens" for c in child.children):
            return _subtree_text(child, skip_case=True)
    passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in root.children)
    for child in root.children:
        if (passive and child.dep_ in ("obl:agent",)) or (
            passive and child.dep_ == "obl" and any(c.lower_ == "door" for c in child.children if c.dep_ == "case")
        ):
            return _subtree_text(child, skip_case=True)
    if passive:
        return None
    for child in root.children:
        if child.dep_ == "nsubj":
            if child.lower_ in ("het", "dit", "dat", "er"):
                return None
            return _subtree_text(child, skip_case=False)
    return None


def parse_or_rule_actor(span: Span, subject: str | None) -> str | None:
    """The actor the parse names, else ``subject`` (what :func:`rule_actor` found).

    What ``actor_source="auto"`` gives on a parsed Doc: on the real letters
    the two finders miss different sentences (a small parser takes an
    inverted subject for an object: ``In 2004 heeft de Raad ...``), so each
    covers the other's misses; see docs/model.md for the figures.
    """
    actor = parse_actor(span)
    return actor if actor is not None else subject


def _subtree_text(token: object, *, skip_case: bool) -> str | None:
    from spacy.tokens import Token

    assert isinstance(token, Token)
    tokens = [
        t
        for t in token.subtree
        if not (skip_case and t.dep_ == "case" and t.head == token)
        and t.dep_ not in ("acl:relcl", "punct", "appos")
        and not any(a.dep_ in ("acl:relcl", "appos") and a.head == token for a in t.ancestors if a != token)
    ]
    while tokens and tokens[0].lower_ in ("de", "het", "een", "ook"):
        tokens = tokens[1:]
    if not tokens:
        return None
    doc = token.doc
    return doc[tokens[0].i : tokens[-1].i + 1].text
