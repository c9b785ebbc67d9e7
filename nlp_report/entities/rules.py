"""The entity rules: from a tokenized Doc to COUNTRY, ORG, MOTION and KAMERSTUK mentions.

:class:`EntityRules` holds the matchers, built once from the gazetteer, the
exclusion patterns and the user's patterns. :meth:`EntityRules.find` runs them
on a Doc:

1. the gazetteer's phrase matcher and the user's patterns give COUNTRY and ORG
   candidates; context rules drop those that name something else
   (``Frans Timmermans``, ``Latijns-Amerikaanse``, ``ER`` in an all-caps
   heading);
2. ``EXCLUDE`` patterns drop candidates inside names of treaties and
   documents and inside ministerial titles (``minister van Defensie``);
3. overlaps are resolved: the longest mention wins (``Noord-Atlantische
   Raad`` over ``Raad``; ``NAVO-Oekraïne Raad`` over ``NAVO`` + ``Oekraïne``);
4. abbreviations the text defines (``DIANA (Defence Innovation ...)``) link
   both forms to one ``kb_id``, and tag the short form wherever it occurs;
5. regular expressions over the text find KAMERSTUK and MOTION mentions
   (:mod:`.kamerstuk`, :mod:`.motions`); the letter's own dossier number
   and ``Nr.`` are left out.

Matching works on tokens (the layout tokenizer splits ``NAVO-ministers``
into ``NAVO``, ``-``, ``ministers``) and on the Doc text; no Python loop
runs over every token.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, pairwise
from operator import attrgetter
from typing import Any, ClassVar

import numpy
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..errors import EntityPatternError
from ..layout.lines import default_rules
from ..layout.model import Layout
from ..pipeline.doc import TokenTable, token_table
from ..resources import read_lines
from ..text import HYPHENS as _HYPHEN_CHARS
from ..types import KamerstukRef
from .abbreviations import (
    Parenthesis,
    candidate_long_form,
    ends_in,
    is_short_form,
    matches_short,
    parentheses,
    window_start,
)
from .context import bare_adjective_fits, names_something_else
from .gazetteer import Gazetteer
from .kamerstuk import KamerstukMatch, find_kamerstukken, make_ref
from .motions import find_motions
from .patterns import Pattern

Tokenize = Callable[[Iterable[str]], Iterable[Doc]]
"""Turns strings into Docs the way the pipeline's tokenizer does (``tokenizer.pipe``)."""

HYPHENS = frozenset(_HYPHEN_CHARS)
_HEADER_DOSSIER = re.compile(r"^(\d{2}\s?\d{3})(?:[-‐–]([A-Z0-9]{1,5}))?(?:\s|$)")
_HEADER_NUMBER = re.compile(r"^Nr\.\s?(\d+[a-z]?)\b")
_NON_ALNUM = re.compile(r"[^A-Z0-9]")


@dataclass(frozen=True, slots=True)
class RuleWords:
    """The word lists of ``data/entities/`` the rules read."""

    region_prefixes: frozenset[str]
    caps_ambiguous: frozenset[str]
    abbreviation_heads: frozenset[str]
    abbreviation_blockers: frozenset[str]
    motion_stopwords: frozenset[str]
    document_nouns: frozenset[str]

    def quoted_titles(self) -> Callable[[str], Iterator[tuple[int, int]]]:
        """A function giving the quoted titles after a document noun: ``het bericht ‘...’``."""
        nouns = "|".join(sorted(self.document_nouns, key=len, reverse=True))
        before = re.compile(rf"(?i:\b(?:{nouns}))\s+(?:(?i:getiteld|met\s+de\s+titel)\s+)?\Z")
        quote = re.compile(
            r"‘(?P<a>[^’\n]{3,300})’|“(?P<b>[^”\n]{3,300})”|„(?P<c>[^”“\n]{3,300})[”“]"
            r"|\"(?P<d>[^\"\n]{3,300})\"|'(?P<e>[^'\n]{3,300})'|«(?P<f>[^»\n]{3,300})»"
        )

        def titles(text: str) -> Iterator[tuple[int, int]]:
            for m in quote.finditer(text):
                if before.search(text[max(0, m.start() - 40) : m.start()]):
                    group = m.lastgroup or ""
                    yield m.start(group), m.end(group)

        return titles


@lru_cache(maxsize=1)
def rule_words() -> RuleWords:
    """The packaged word lists (cached)."""

    def words(name: str) -> frozenset[str]:
        return frozenset(line.split()[0] for line in read_lines(f"entities/{name}"))

    return RuleWords(
        region_prefixes=frozenset(w.lower() for w in words("region_prefixes.txt")),
        caps_ambiguous=words("caps_ambiguous.txt"),
        abbreviation_heads=frozenset(w.lower() for w in words("abbreviation_heads.txt")),
        abbreviation_blockers=frozenset(w.lower() for w in words("abbreviation_blockers.txt")),
        motion_stopwords=words("motion_stopwords.txt"),
        document_nouns=frozenset(w.lower() for w in words("document_nouns.txt")),
    )


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity found by the rules, in token offsets of the Doc."""

    start: int
    end: int
    label: str
    kb_id: str
    source: str
    """``gazetteer``, ``pattern``, ``defined``, ``kamerstuk``, ``motion`` or ``model``."""

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class Found:
    """What :meth:`EntityRules.find` returns."""

    mentions: list[Mention] = field(default_factory=list)
    kamerstukken: dict[tuple[int, int], KamerstukRef] = field(default_factory=dict)
    """The parsed reference of each KAMERSTUK mention, by its token span."""
    sponsors: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)
    """The sponsors of each MOTION mention, by its token span."""
    zones: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    """Stretches (token spans) where the ``EXCLUDE`` patterns drop entities of the given labels."""
    defined: dict[str, str] = field(default_factory=dict)
    """Short forms the text defines, with their ``kb_id``."""
    _zone_index: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict, repr=False, compare=False)
    _indexed: tuple[int, int] = field(default=(0, 0), repr=False, compare=False)

    def inside_zone(self, start: int, end: int, label: str) -> bool:
        """Whether a zone dropping ``label`` covers the token span ``[start, end)``."""
        zones = self.zones
        if len(zones) < 16:
            return any(s <= start and end <= e and label in labels for s, e, labels in zones)
        if self._indexed != (id(zones), len(zones)):  # zones are only ever appended
            self._build_zone_index()
        index = self._zone_index.get(label)
        if index is None:
            return False
        starts, reach = index
        i = bisect_right(starts, start) - 1
        return i >= 0 and reach[i] >= end

    def _build_zone_index(self) -> None:
        """Per label: zone starts in order, and the furthest end of the zones starting so far."""
        by_label: dict[str, list[tuple[int, int]]] = {}
        for s, e, labels in self.zones:
            for label in labels:
                by_label.setdefault(label, []).append((s, e))
        self._zone_index = {}
        for label, spans in by_label.items():
            spans.sort()
            reach = list(accumulate((e for _, e in spans), max))
            self._zone_index[label] = ([s for s, _ in spans], reach)
        self._indexed = (id(self.zones), len(self.zones))


class EntityRules:
    """The matchers of the entity rules, built once for a vocabulary and a tokenizer."""

    def __init__(
        self,
        vocab: Vocab,
        tokenize: Tokenize,
        gazetteer: Gazetteer,
        patterns: Sequence[Pattern] = (),
        *,
        define_abbreviations: bool = True,
    ) -> None:
        self.vocab = vocab
        self.gazetteer = gazetteer
        self.words = rule_words()
        self.define_abbreviations = define_abbreviations
        self.function_words = default_rules().function_words
        self._quoted_titles = self.words.quoted_titles()
        self._known = frozenset(surface for surface, _ in gazetteer.variants())
        self._keys: dict[int, tuple[str, str, str]] = {}
        self.phrases = PhraseMatcher(vocab, attr="ORTH")
        self.tokens = TokenPatterns(vocab)
        grouped = gazetteer.surfaces_by_key()
        surfaces = [s for group in grouped.values() for s in group]
        docs = dict(zip(surfaces, tokenize(surfaces), strict=True))
        for key, group in grouped.items():
            label, kb_id, kind = key.split("\t")
            self._key(key, label, kb_id, kind)
            self.phrases.add(key, [docs[s] for s in group])
        phrase_patterns: dict[str, list[str]] = {}
        for pattern in patterns:
            kind = "exclude" if pattern.label == "EXCLUDE" else "pattern"
            key = f"{pattern.key}\t{kind}"
            self._key(key, pattern.label, pattern.kb_id or "|".join(pattern.labels), kind)
            if isinstance(pattern.pattern, str):
                phrase_patterns.setdefault(key, []).append(pattern.pattern)
                continue
            self.tokens.add(key, pattern.pattern, greedy=pattern.greedy)
        for key, phrases in phrase_patterns.items():
            self.phrases.add(key, list(tokenize(phrases)))

    def _key(self, key: str, label: str, kb_id: str, kind: str) -> int:
        match_id = self.vocab.strings.add(key)
        self._keys[match_id] = (label, kb_id, kind)
        return match_id

    # --- finding ------------------------------------------------------------------------

    def find(self, doc: Doc, layout: Layout) -> Found:
        """The mentions in ``doc`` (whose layout is ``layout``), non-overlapping and sorted, with what they refer to."""
        text = doc_text(doc, layout)
        tokens = token_table(doc)
        found = Found()
        candidates: list[Mention] = []
        matches = [*self.phrases(doc), *self.tokens(doc)]
        for match_id, start, end in matches:
            label, kb_id, kind = self._keys[match_id]
            if kind == "exclude":
                found.zones.append((start, end, tuple(kb_id.split("|"))))
            elif kind == "pattern":
                candidates.append(Mention(start, end, label, kb_id, "pattern"))
            elif self._fits_context(tokens, start, end, label, kind):
                candidates.append(Mention(start, end, label, kb_id, "gazetteer"))
        for start, end in self._quoted_titles(text):
            title = doc.char_span(start, end, alignment_mode="expand")
            if title is not None:
                found.zones.append((title.start, title.end, ("ORG", "COUNTRY")))
        candidates = [c for c in candidates if not found.inside_zone(c.start, c.end, c.label)]
        named = resolve(candidates)
        if self.define_abbreviations:
            found_parentheses = list(parentheses(text))
            line_starts = _line_starts(text) if found_parentheses else []
            redefined = self._redefined(tokens, text, named, found_parentheses, line_starts)
            if redefined:
                named = [m for m in named if m.source != "gazetteer" or doc[m.start : m.end].text not in redefined]
            named = resolve(named + self._defined(doc, tokens, text, named, found, found_parentheses, line_starts))
        papers = self._kamerstukken(doc, text, layout, found)
        motions = self._motions(doc, text, found)
        found.mentions = resolve(papers + motions + named)
        return found

    def _fits_context(self, tokens: TokenTable, start: int, end: int, label: str, kind: str) -> bool:
        words, space = tokens.text, tokens.space
        lists = self.words
        if names_something_else(words, space, start, end, label, self._known):
            return False
        if kind == "bare_adjective" and not bare_adjective_fits(words, space, end):
            if not _before_word_or_hyphen(words, space, end, self.function_words):
                return False
            # "in het Frans opgesteld" is the language; "het Frans-Duitse initiatief" is not
            after_het = start > 0 and words[start - 1].lower() in ("het", "'t", "’t")
            if after_het and words[end] not in HYPHENS:  # _before_word_or_hyphen: end < len(words)
                return False
        if (
            label == "COUNTRY"
            and start >= 2
            and words[start - 1] in HYPHENS
            and not space[start - 2]
            and not space[start - 1]
            and words[start - 2].lower() in lists.region_prefixes
        ):
            return False
        return not (end - start == 1 and words[start] in lists.caps_ambiguous and _in_capitals(words, space, start))

    def _defined(
        self,
        doc: Doc,
        tokens: TokenTable,
        text: str,
        named: list[Mention],
        found: Found,
        found_parentheses: list[Parenthesis],
        line_starts: list[int],
    ) -> list[Mention]:
        """Mentions from abbreviations the text defines (``long (SHORT)`` and ``SHORT (long)``).

        ``found_parentheses``: the :func:`.abbreviations.parentheses` of ``text``;
        ``line_starts``: its :func:`_line_starts`.
        """
        added: list[Mention] = []
        defined: dict[str, str] = {}
        found.defined = defined
        if not found_parentheses:
            return added
        starts = tokens.idx
        by_end = {_token_end(tokens, m.end - 1): m for m in named if m.label == "ORG"}
        by_span = {(starts[m.start], _token_end(tokens, m.end - 1)): m for m in named}
        for par in found_parentheses:
            before_end = _stripped_end(text, par.open)
            previous = by_end.get(before_end)
            inner_known = by_span.get((par.start, par.end))
            if is_short_form(par.inner) and inner_known is None:
                # long form (SHORT)
                if previous is not None:
                    long_text = text[starts[previous.start] : before_end]
                    if matches_short(par.inner, long_text):
                        defined[par.inner] = previous.kb_id
                    continue
                line_start = line_starts[bisect_right(line_starts, par.open) - 1]
                begin = window_start(par.inner, text, line_start, before_end)
                long = candidate_long_form(par.inner, text[begin:before_end])
                if long is None:
                    continue
                offset, long_text = long
                words = long_text.split()
                if not any(ends_in(w, self.words.abbreviation_heads) for w in words) or any(
                    ends_in(w, self.words.abbreviation_blockers) for w in words
                ):
                    continue
                span = doc.char_span(begin + offset, before_end)
                if span is None or found.inside_zone(span.start, span.end, "ORG"):
                    continue
                kb_id = _NON_ALNUM.sub("", par.inner.upper())
                defined[par.inner] = kb_id
                added.append(Mention(span.start, span.end, "ORG", kb_id, "defined"))
            elif inner_known is None and previous is not None and previous.length == 1:
                # SHORT (long form)
                short = tokens.text[previous.start]
                if is_short_form(short) and par.inner[:1].isupper() and matches_short(short, par.inner):
                    span = doc.char_span(par.start, par.end)
                    if span is not None and not found.inside_zone(span.start, span.end, "ORG"):
                        added.append(Mention(span.start, span.end, "ORG", previous.kb_id, "defined"))
        new = {short: kb_id for short, kb_id in defined.items() if self.gazetteer.get(short) is None}
        if new:
            taken = {(m.start, m.end) for m in named}
            shorts = "|".join(re.escape(short) for short in sorted(new, key=len, reverse=True))
            for m in re.finditer(rf"(?<![\w-])(?:{shorts})(?!\w)", text):
                span = doc.char_span(m.start(), m.end())
                if span is not None and (span.start, span.end) not in taken:
                    added.append(Mention(span.start, span.end, "ORG", new[m.group()], "defined"))
        return added

    def _redefined(
        self,
        tokens: TokenTable,
        text: str,
        named: list[Mention],
        found_parentheses: list[Parenthesis],
        line_starts: list[int],
    ) -> set[str]:
        """Gazetteer abbreviations the text defines as something that is no organisation.

        ``Stabiliteits- en Groeipact (SGP)``: here ``SGP`` is the pact, not the party.
        ``found_parentheses`` and ``line_starts`` as for :meth:`_defined`.
        """
        shorts = {tokens.text[m.start]: m for m in named if m.length == 1 and m.source == "gazetteer"}
        if not shorts or not found_parentheses:
            return set()
        ends = {_token_end(tokens, m.end - 1) for m in named}
        out = set()
        for par in found_parentheses:
            if par.inner not in shorts or not is_short_form(par.inner):
                continue
            before_end = _stripped_end(text, par.open, "'\"’”»")
            if before_end in ends:
                continue  # "Europese Unie (EU)", "'International Security Assistance Force' (ISAF)"
            line_start = line_starts[bisect_right(line_starts, par.open) - 1]
            begin = window_start(par.inner, text, line_start, before_end)
            long = candidate_long_form(par.inner, text[begin:before_end])
            if long is None or self.gazetteer.lookup(long[1]) is not None:
                continue
            if not any(ends_in(w, self.words.abbreviation_heads) for w in long[1].split()):
                out.add(par.inner)
        return out

    def _kamerstukken(self, doc: Doc, text: str, layout: Layout, found: Found) -> list[Mention]:
        own = own_kamerstukken(layout)
        out = []
        for match in find_kamerstukken(text):
            if match.ref.kb_id in own:
                continue
            span = _span(doc, match)
            if span is None:
                continue
            out.append(Mention(span.start, span.end, "KAMERSTUK", match.ref.kb_id, "kamerstuk"))
            found.kamerstukken[(span.start, span.end)] = match.ref
        return out

    def _motions(self, doc: Doc, text: str, found: Found) -> list[Mention]:
        stop = self.words.motion_stopwords
        gazetteer = self.gazetteer

        def not_a_name(word: str) -> bool:
            return word in stop or gazetteer.get(word) is not None

        out = []
        for match in find_motions(text, not_a_name):
            span = doc.char_span(match.start, match.end)
            if span is None:
                continue
            out.append(Mention(span.start, span.end, "MOTION", match.kb_id, "motion"))
            found.sponsors[(span.start, span.end)] = match.sponsors
        return out


class TokenPatterns:
    """spaCy's :class:`~spacy.matcher.Matcher`, run only where a pattern can start.

    The Matcher costs time for every token of a Doc and every pattern, even
    where no pattern can match. So the tokens where a pattern can start are
    found first, from :meth:`Doc.to_array`: each pattern's leading tokens that
    test one attribute against a value, a list of values or a flag
    (``{"LOWER": "minister"}``, ``{"LOWER": {"IN": ["van", "voor"]}}``,
    ``{"IS_UPPER": true}``) are checked, the first ones for all patterns and
    tokens at once, the others only where a first one holds. The Matcher then
    runs on a window of :attr:`WINDOW` tokens from each such token. A pattern
    whose first token cannot be checked this way makes the Matcher run on the
    whole Doc. The matches are the same for any match shorter than the window.
    """

    WINDOW = 16
    _VALUES: ClassVar[dict[str, str]] = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "NORM": "NORM"}
    _FLAGS = frozenset({"IS_UPPER", "IS_TITLE", "IS_LOWER", "IS_ALPHA", "IS_DIGIT", "IS_PUNCT", "LIKE_NUM"})

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab, validate=True)
        """All patterns (for Docs where a pattern cannot be located beforehand)."""
        self._located: list[tuple[list[tuple[str, tuple[int, ...]]], Matcher]] = []
        """Per pattern: the (attribute, allowed values) of its leading tokens, and a Matcher with that pattern only."""
        self._whole_doc = False

    def __len__(self) -> int:
        return len(self.matcher)

    def add(self, key: str, pattern: list[dict[str, Any]], *, greedy: str = "LONGEST") -> None:
        expanded = expand_first_token(pattern)
        try:
            self.matcher.add(key, expanded, greedy=greedy)
        except (ValueError, KeyError) as err:
            raise EntityPatternError(f"token pattern {pattern!r} is not a valid spaCy pattern: {err}") from err
        for item in expanded:
            prefix = []
            for token in item:
                test = self._test(token)
                if test is None:
                    break
                prefix.append(test)
            if not prefix:
                self._whole_doc = True
                continue
            single = Matcher(self.vocab)
            single.add(key, [item], greedy=greedy)
            self._located.append((prefix, single))

    def _test(self, token: dict[str, Any]) -> tuple[str, tuple[int, ...]] | None:
        if len(token) != 1:
            return None  # several attributes, or an operator
        ((attr, value),) = token.items()
        attr = attr.upper()
        if attr in self._VALUES:
            if isinstance(value, str):
                return self._VALUES[attr], (self.vocab.strings.add(value),)
            if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                return self._VALUES[attr], tuple(self.vocab.strings.add(v) for v in value["IN"])
        if attr in self._FLAGS and isinstance(value, bool):
            return attr, (int(value),)
        return None

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(self.matcher) or not len(doc):
            return []
        if self._whole_doc:
            return [(m, s, e) for m, s, e in self.matcher(doc)]
        attrs: list[int | str] = sorted({attr for prefix, _ in self._located for attr, _ in prefix})
        n = len(doc)
        array = doc.to_array(attrs).reshape(n, len(attrs))
        index = {attr: i for i, attr in enumerate(attrs)}
        # where the values of the first tokens occur, found for all patterns at once
        firsts: dict[str, set[int]] = {}
        for prefix, _ in self._located:
            attr, values = prefix[0]
            firsts.setdefault(attr, set()).update(values)
        occurs: dict[tuple[str, int], list[int]] = {}
        for attr, wanted in firsts.items():
            column = array[:, index[attr]]
            for value in wanted:
                occurs[(attr, value)] = numpy.flatnonzero(column == value).tolist()
        out: list[tuple[int, int, int]] = []
        for prefix, matcher in self._located:
            (attr, values), rest = prefix[0], prefix[1:]
            starts = (
                sorted({i for value in values for i in occurs[attr, value]})
                if len(values) > 1
                else occurs[attr, values[0]]
            )
            for i in starts:
                if i + len(rest) >= n or not all(
                    int(array[i + offset, index[a]]) in allowed for offset, (a, allowed) in enumerate(rest, 1)
                ):
                    continue
                window = doc[i : min(n, i + self.WINDOW)]
                out.extend((m, i + s, i + e) for m, s, e in matcher(window) if s == 0)
        return out


def expand_first_token(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """One pattern per value of an ``IN`` list on the first token.

    spaCy's Matcher tests the first token of a pattern on every token of the
    Doc; an exact value (``{"LOWER": "minister"}``) is compared in C, an
    ``IN`` list is a Python call per token. The patterns match the same.
    """
    first = pattern[0]
    if len(first) != 1:
        return [pattern]
    ((attr, value),) = first.items()
    if not isinstance(value, dict) or set(value) != {"IN"} or not all(isinstance(v, str) for v in value["IN"]):
        return [pattern]
    return [[{attr: v}, *pattern[1:]] for v in value["IN"]]


def _line_starts(text: str) -> list[int]:
    """The offsets where the lines of ``text`` start (for a bisection instead of ``rfind`` per parenthesis)."""
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _stripped_end(text: str, end: int, closers: str = "") -> int:
    """``len(text[:end].rstrip().rstrip(closers))`` without copying the text (that is quadratic per parenthesis)."""
    while end and text[end - 1].isspace():
        end -= 1
    while end and text[end - 1] in closers:
        end -= 1
    return end


def doc_text(doc: Doc, layout: Layout) -> str:
    """``doc.text`` without rebuilding it from the tokens: the layout's cleaned text is the Doc's text."""
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return layout.clean_text if len(layout.clean_text) == length else doc.text


def resolve(mentions: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the longest wins, then the earliest; sorted by position.

    Where no two mentions overlap (the usual case once the candidates are
    resolved), they all stay, and sorting them by position is all there is to do.
    """
    by_start = sorted(mentions, key=_START)
    if all(m.start < m.end for m in by_start) and all(a.end <= b.start for a, b in pairwise(by_start)):
        return by_start
    rank = _SOURCE_RANK
    order = sorted(by_start, key=lambda m: (m.start - m.end, rank.get(m.source, 9), m.start))
    if not order:
        return []
    taken: list[Mention] = []
    occupied = bytearray(max(m.end for m in order))
    for mention in order:
        start, end = mention.start, mention.end
        if occupied.find(1, start, end) < 0:
            taken.append(mention)
            occupied[start:end] = b"\x01" * (end - start)
    return sorted(taken, key=_START)


_START = attrgetter("start")
_SOURCE_RANK = {"kamerstuk": 0, "motion": 1, "pattern": 2, "gazetteer": 3, "defined": 4, "model": 5}


def own_kamerstukken(layout: Layout) -> set[str]:
    """The ``kb_id`` of the letter itself, from its header (``21 501-02 ...`` + ``Nr. 2789``) and page furniture."""
    own: set[str] = set()
    dossier: tuple[str, str | None] | None = None
    number: str | None = None
    clean = layout.clean_text
    for block in layout.blocks:
        if block.kind != "header":
            continue
        line = clean[block.clean_start : block.clean_end]
        m = _HEADER_DOSSIER.match(line)
        if m and dossier is None:
            dossier = (m.group(1), m.group(2))
        n = _HEADER_NUMBER.match(line)
        if n and number is None:
            number = n.group(1)
    if dossier is not None and number is not None:
        own.add(make_ref(dossier[0], dossier[1], number).kb_id)
    for start, end in layout.furniture:
        own.update(m.ref.kb_id for m in find_kamerstukken(layout.text[start:end]))
    return own


def _span(doc: Doc, match: KamerstukMatch) -> Span | None:
    return doc.char_span(match.start, match.end) or doc.char_span(match.start, match.end, alignment_mode="expand")


def _token_end(tokens: TokenTable, i: int) -> int:
    """The character offset where token ``i`` ends."""
    return tokens.idx[i] + len(tokens.text[i])


def _before_word_or_hyphen(
    words: Sequence[str], space: Sequence[bool], end: int, function_words: frozenset[str]
) -> bool:
    """``Frans voorzitterschap``, ``Duits-Nederlandse``: a lower-case content word or a glued hyphen follows.

    Not before a capitalised word (``Frans Timmermans``) or a function word
    (``in het Nederlands en ...``: the language).
    """
    if end >= len(words):
        return False
    nxt = words[end]
    if nxt in HYPHENS and not space[end - 1]:
        return end + 1 < len(words) and words[end + 1].isalpha() and not space[end]
    return nxt.isalpha() and nxt[0].islower() and nxt not in function_words


def _in_capitals(words: Sequence[str], space: Sequence[bool], i: int) -> bool:
    """Whether the word before or after token ``i`` (same line) is a word in capitals."""
    for step in (-1, 1):
        j = i + step
        seen = 0
        while 0 <= j < len(words) and seen < 3:
            word = words[j]
            if "\n" in word:
                break
            if word in HYPHENS and not space[j] and not space[j - 1]:
                break  # "EU-AU top": a compound, not a run of capitals
            if word.isalpha():
                if len(word) > 1 and word.isupper():
                    return True
                break
            j += step
            seen += 1
    return False


def mentions_to_spans(doc: Doc, mentions: Sequence[Mention]) -> list[Span]:
    """spaCy spans with label and ``kb_id``."""
    return [Span(doc, m.start, m.end, label=m.label, kb_id=m.kb_id) for m in mentions]
