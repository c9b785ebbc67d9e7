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

import numpy
from spacy.attrs import ENT_TYPE, LEMMA, POS
from spacy.tokens import Doc, Span

from .lexicon import Lexicon, default_lexicon

_PUNCT_SKIP = frozenset("\"'“”‘’«»(")
_JOINERS = frozenset({"-", "/", "–"})


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
    def for_doc(cls, doc: Doc, text: Sequence[str] | None = None, space: Sequence[bool] | None = None) -> Words:
        """The whole Doc at once (cheap to :meth:`slice` per sentence).

        ``text`` and ``space``: the token texts and trailing-space flags when
        already read in bulk (``pipeline.doc.token_table``); else read here.
        """
        if not len(doc):
            return cls([], [], [], [])
        if text is None or space is None:
            text, space = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
        strings = doc.vocab.strings
        labels = [strings.add(label) for label in ("COUNTRY", "ORG")]
        flags: list[bool] = numpy.isin(doc.to_array(ENT_TYPE), labels).tolist()
        lemma = pos = None
        if doc.has_annotation("LEMMA") and doc.has_annotation("POS"):
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
        # a stance in a coordinated main clause: "..., maar het kabinet acht ..."
        for i in range(start, len(low) - 1):
            if (low[i] == "," and low[i + 1] == "maar") or low[i] == ";":
                actor = _clause_actor(words, low, i + (2 if low[i] == "," else 1), len(low), lex)
                if actor is not None:
                    break
    return actor


def _clause_actor(words: Words, low: list[str], start: int, end: int, lex: Lexicon) -> str | None:
    if start >= end:
        return None
    attributed = _attribution(words, low, start, lex, lex.attribution)
    if attributed is not None:
        return attributed
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
    verb = _main_finite_verb(low, np_start, lex, allow_first=clause_first)
    if verb is None or (verb == np_start and not clause_first):
        return None
    fronted = clause_first or (
        low[np_start] not in lex.determiners and (low[np_start] in lex.fronting_words or low[np_start].isdigit())
    )
    candidates: list[tuple[int, int]] = []
    after = _np_after(words, low, verb + 1, lex)
    if fronted:
        candidates.append(after)
    else:
        candidates += [(np_start, _cut_insertions(low, np_start, verb)), after]
    if any(f.lemma == "worden" for f in lex.forms(low[verb])):
        agent = _agent(words, low, verb + 1, lex)
        if agent is not None:
            return agent
        candidates = candidates[:1]
    if verb + 1 < len(low) and low[verb + 1] == "voor":  # "... is voor Nederland niet aanvaardbaar"
        candidates.insert(1, _np_after(words, low, verb + 2, lex))
    attributed = _attribution_anywhere(words, low, np_start, _main_clause_end(low, verb, lex), lex)
    if attributed is not None:  # "X moet volgens het kabinet ...": the view is the cabinet's
        return attributed
    for s, e in candidates:
        if e <= s:
            continue
        owner = _holder_of(words, low, s, e, lex)
        if owner is not None:
            return owner
        if _is_holder(words, low, s, e, lex) or (s == np_start and not fronted and _is_name(words, low, s, e, lex)):
            return _clean(words, low, s, e, lex)
    return None


def _is_name(words: Words, low: list[str], s: int, e: int, lex: Lexicon) -> bool:
    """A subject of one to three capitalised words (``Reznikov``, ``Hongarije``)."""
    return 0 < e - s <= 3 and all(
        words.text[i][:1].isupper() and low[i] not in lex.determiners and low[i] not in lex.fronting_words
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


def _main_finite_verb(low: list[str], start: int, lex: Lexicon, *, allow_first: bool = False) -> int | None:
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
        elif depth == 0 and not in_sub and (i > start or allow_first) and word in finite and lex.finite_at(low, i):
            return i
    return None


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
    seen_noun = False
    while i < len(low):
        word = low[i]
        if word in _JOINERS:
            i += 1
            continue
        if not word[:1].isalnum():
            break
        named = words.entity[i] or (words.text[i].isupper() and len(word) > 1)
        if word in lex.np_stop_words and not (word == "van" and i > s) and not named:
            break
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


def _agent(words: Words, low: list[str], start: int, lex: Lexicon) -> str | None:
    for i in range(start, len(low)):
        if low[i] == ",":
            break
        if low[i] in lex.agent_prepositions:
            s, e = _np_after(words, low, i + 1, lex)
            if e > s and _is_holder(words, low, s, e, lex):
                return _clean(words, low, s, e, lex)
    return None


def _holder_of(words: Words, low: list[str], s: int, e: int, lex: Lexicon) -> str | None:
    """``het besluit van NAVO-ministers`` -> ``NAVO-ministers``."""
    for i in range(s, e - 1):
        if low[i] in lex.holder_of_nouns and low[i + 1] == "van":
            hs, he = _np_after(words, low, i + 2, lex)
            if he > hs and _is_holder(words, low, hs, he, lex):
                return _clean(words, low, hs, he, lex)
    return None


def _is_holder(words: Words, low: list[str], s: int, e: int, lex: Lexicon) -> bool:
    return any(words.entity[i] or low[i] in lex.holder_nouns or low[i] in lex.pronouns for i in range(s, e))


def _clean(words: Words, low: list[str], s: int, e: int, lex: Lexicon) -> str | None:
    while s < e and low[s] in lex.strip_leading:
        s += 1
    while e > s and not words.text[e - 1][:1].isalnum():
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
