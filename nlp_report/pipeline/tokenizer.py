"""The layout-aware tokenizer.

:class:`LayoutTokenizer` wraps a spaCy tokenizer: it runs the layout stage
on the raw text (PDF-extracted or not), tokenizes the cleaned text and
stores the layout on the ``Doc``. So ``nlp(raw_text)`` gives a Doc of the
cleaned text whose ``doc._.layout.offsets`` map every character back to
the raw text.

The wrapped tokenizer is adjusted for policy texts: hyphens and slashes
between letters are split (``NAVO-ministers`` -> ``NAVO``, ``-``,
``ministers``; ``Rusland/Oekraïne``) so names inside compounds are tokens of
their own, and the abbreviations of ``data/layout/abbreviations.txt`` stay
one token. For the entity rules (``corpora/ANNOTATION.md``) also: a hyphen
that ends a word is split off (``NAVO- en EU-initiatieven``); ``EU`` is split
off the acronyms of EU missions (``EUTM`` -> ``EU``, ``TM``; the list is
``data/entities/eu_mission_acronyms.txt``); and a country name that starts
the second part of a hyphenated compound is split off (``EU-Turkijerelatie``
-> ``EU``, ``-``, ``Turkije``, ``relatie``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH
from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex
from spacy.vocab import Vocab

from ..errors import check_text
from ..layout import analyze_layout
from ..layout.lines import LayoutRules, default_rules
from ..text import HYPHENS
from .doc import set_layout

_HYPHENS = HYPHENS
_GLUED_START = rf"[{ALPHA_UPPER}][{ALPHA_LOWER}]"
"""A capitalised word that starts a sentence glued to the full stop before it."""
EXTRA_INFIXES: tuple[str, ...] = (
    rf"(?<=[{ALPHA}])[{_HYPHENS}](?=[{ALPHA}0-9])",
    rf"(?<=[0-9])[{_HYPHENS}](?=[{ALPHA}])",
    rf"(?<=[{ALPHA}0-9])/(?=[{ALPHA}])",
    rf"(?<=[{ALPHA}])/(?=[0-9])",
    *(
        # a sentence end without the space after it: "(100,0).De", "de VN.Het", "(zie bijlage).1Met" (a marker between)
        rf"(?<=[{ALPHA}0-9])\)(?=\.(?:[0-9]{{1,3}})?{_GLUED_START})",
        rf"(?<=[)\]])\.(?=(?:[0-9]{{1,3}})?{_GLUED_START})",
        rf"(?<=[{ALPHA_LOWER}])\.(?=[0-9]{{1,3}}{_GLUED_START})",
        rf"(?<=[{ALPHA_UPPER}]{{2}})\.(?=(?:[0-9]{{1,3}})?{_GLUED_START})",
        rf"(?<=[)\]{ALPHA}]\.)[0-9]{{1,3}}(?={_GLUED_START})",
    ),
)


TRAILING_HYPHEN = rf"(?<=[{ALPHA}])[{_HYPHENS[:3]}]$"
"""``NAVO-`` in ``NAVO- en EU-initiatieven``: the hyphen is a token of its own."""

EXTRA_SUFFIXES: tuple[str, ...] = (
    r"(?<=[^\d\s][.?!])\d{1,3}$",
    r"(?<=[a-zà-öø-ÿ]{3})\d{1,2}$",
    r"(?<=[A-Z]{2})\.$",
    r"(?<=[A-Z]{2})['’]s$",
)
"""Suffixes for footnote markers left in the text (a footnote outside the excerpt): ``gepresenteerd.1``
-> ``gepresenteerd``, ``.``, ``1``; ``c.s.1`` -> ``c.s.``, ``1``; ``Brekelmans2`` -> ``Brekelmans``, ``2``;
the full stop after an acronym (``de VN.`` -> ``VN``, ``.``), and a plural or genitive ``'s`` after one
(``RBZ's`` -> ``RBZ``, ``'s``)."""


def entity_infixes() -> tuple[str, ...]:
    """Infixes for the entity rules: ``EU`` off mission acronyms, country names off compounds."""
    from ..entities.gazetteer import compound_prefix_names
    from ..resources import read_lines

    missions = sorted({line.split()[0][2:] for line in read_lines("entities/eu_mission_acronyms.txt")}, key=len)
    names = "|".join(compound_prefix_names())
    lower = "a-zà-öø-ÿ"
    return (
        rf"(?<=\bEU)(?=(?:{'|'.join(reversed(missions))})\b)",
        rf"(?<=[{_HYPHENS}])(?:{names})(?=[{lower}]{{3}})(?!(?:sche|sch|ische|isch|ers|ese|ees|er|se|s)\b)",
    )


def customize_tokenizer(
    tokenizer: Tokenizer,
    rules: LayoutRules | None = None,
    *,
    exceptions: Mapping[str, Any] | None = None,
) -> Tokenizer:
    """``tokenizer`` with the project's infixes, suffixes and abbreviations (idempotent).

    Returns ``tokenizer`` itself when it has them all, otherwise a new
    :class:`~spacy.tokenizer.Tokenizer` with the same vocabulary and settings
    plus the additions: built in one go, its special cases are loaded once
    (assigning each regex to a tokenizer reloads them every time).
    ``exceptions``: special cases to add under the tokenizer's own (the
    language's tokenizer exceptions, for a tokenizer built without them).
    """
    rules = rules or default_rules()
    infix = _pattern(tokenizer.infix_finditer)
    suffix = _pattern(tokenizer.suffix_search)
    missing = [p for p in (*EXTRA_INFIXES, *entity_infixes()) if infix is None or p not in infix]
    special: dict[str, list[dict[int, str]]] = {}
    for abbreviation in rules.abbreviations:
        for form in {abbreviation, abbreviation[:1].upper() + abbreviation[1:]}:
            special[form] = [{ORTH: form}]
            if form.endswith("."):  # "c.s.." where a footnote marker stood between "c.s." and "."
                special[form + "."] = [{ORTH: form}, {ORTH: "."}]
    own_rules: dict[str, Any] = dict(tokenizer.rules or {})
    current_rules: dict[str, Any] = {**(exceptions or {}), **own_rules}
    for key in [k for k in current_rules if _CAPS_WITH_STOP.fullmatch(k) and k.lower() not in rules.abbreviations]:
        del current_rules[key]  # "VN." is the acronym and a full stop (spaCy lists it as an abbreviation)
    new_special = {k: v for k, v in special.items() if k not in current_rules}
    new_suffixes = [p for p in (TRAILING_HYPHEN, *EXTRA_SUFFIXES) if suffix is None or p not in suffix]
    if not missing and not new_suffixes and not new_special and current_rules.keys() == own_rules.keys():
        return tokenizer
    infix_finditer = tokenizer.infix_finditer
    if missing:
        infix_finditer = compile_infix_regex(missing + ([infix] if infix else [])).finditer
    suffix_search = tokenizer.suffix_search
    if new_suffixes:
        suffix_search = compile_suffix_regex(new_suffixes + ([suffix] if suffix else [])).search
    return Tokenizer(
        tokenizer.vocab,
        rules={**current_rules, **new_special},
        prefix_search=tokenizer.prefix_search,
        suffix_search=suffix_search,
        infix_finditer=infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
        faster_heuristics=tokenizer.faster_heuristics,
        max_cache_size=tokenizer.max_cache_size,
    )


_CAPS_WITH_STOP = re.compile(r"[A-Z]{2,}\.")

LONG_RUN = 500
"""Runs without white space longer than this are tokenized in pieces of this length (no token is longer)."""
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def _cut_before_base(text: str, position: int, floor: int) -> int:
    """``position``, moved back so that the piece after it does not start with a combining mark or a joiner.

    ``floor`` is the previous cut; a stretch of nothing but combining marks since then is cut where it is.
    """
    cut = position
    while cut > floor + 1 and _joins(text[cut]):
        cut -= 1
    return position if _joins(text[cut]) else cut


def _joins(char: str) -> bool:
    return char == "\u200d" or unicodedata.category(char) in ("Mn", "Mc", "Me")


def _pattern(function: Any) -> str | None:
    pattern = getattr(getattr(function, "__self__", None), "pattern", None)
    return pattern if isinstance(pattern, str) else None


class LayoutTokenizer:
    """A tokenizer that runs :func:`nlp_report.layout.analyze_layout` first.

    It also keeps spaCy's tokenizer cache working. spaCy caches how each
    space-separated chunk of a text splits into tokens, but stops caching
    for the rest of a text as soon as one chunk is a special case (``\\n``,
    an abbreviation such as ``nr.``), which every letter has near its start;
    so almost every chunk was split with the affix rules again and again.
    Chunks not seen before are therefore first tokenized on their own, which
    caches them as spaCy intends (a chunk that involves a special case is
    still never cached), up to the tokenizer's ``max_cache_size``. The tokens
    are the same; only the time differs.
    """

    def __init__(
        self,
        tokenizer: Tokenizer,
        *,
        rules: LayoutRules | None = None,
        exceptions: Mapping[str, Any] | None = None,
    ) -> None:
        self.rules = rules or default_rules()
        self.tokenizer = customize_tokenizer(tokenizer, self.rules, exceptions=exceptions)
        self._cached_for: object = None
        self._cached: set[str] = set()

    @property
    def vocab(self) -> Vocab:
        vocab: Vocab = self.tokenizer.vocab
        return vocab

    def __call__(self, text: str) -> Doc:
        check_text(text)
        layout = analyze_layout(text, self.rules)
        chunks = layout.clean_text.split()  # the runs without white space (\S+, as _LONG_RUN sees them)
        if any(len(chunk) > LONG_RUN for chunk in chunks):
            doc = self._tokenize_long_runs(layout.clean_text)
        else:
            self._fill_cache(chunks)
            doc = self.tokenizer(layout.clean_text)
        set_layout(doc, layout)
        return doc

    def _tokenize_long_runs(self, text: str) -> Doc:
        """Tokenize ``text``, which has runs of more than :data:`LONG_RUN` characters without white space.

        spaCy splits the prefixes and suffixes off such a run one at a time,
        searching the rest of the run each time, which takes quadratic time
        (a run of 16,000 brackets or quotes took half a minute). The text is
        therefore tokenized in pieces cut every ``LONG_RUN`` characters inside
        those runs, and the pieces' Docs joined: no token is longer than
        ``LONG_RUN``, and the Doc's text is ``text``.
        """
        cuts = [0]
        for m in _LONG_RUN.finditer(text):
            position = m.start() + LONG_RUN
            while position < m.end():
                cuts.append(_cut_before_base(text, position, max(cuts[-1], m.start())))
                position = cuts[-1] + LONG_RUN
        cuts.append(len(text))
        docs = [self.tokenizer(text[a:b]) for a, b in pairwise(cuts)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def _fill_cache(self, chunks: list[str]) -> None:
        """Tokenize the chunks (``text.split()``) not seen before on their own, so spaCy caches them."""
        tokenizer = self.tokenizer
        if not isinstance(tokenizer, Tokenizer) or tokenizer.vocab.in_memory_zone:
            return  # spaCy caches nothing inside a memory zone (nlp_report.memory)
        if self._cached_for is not tokenizer:  # a new tokenizer (from_bytes, from_disk): a new cache
            self._cached_for = tokenizer
            self._cached = set()
        cached = self._cached
        room = tokenizer.max_cache_size - len(cached)
        if room <= 0:
            return
        new = set(chunks)
        new.difference_update(cached)
        for chunk in list(new)[:room] if len(new) > room else new:
            tokenizer(chunk)
            cached.add(chunk)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:  # noqa: ARG002 - spaCy's signature
        for text in texts:
            yield self(text)

    # serialisation: the wrapped tokenizer's data, re-customised on load

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        data: bytes = self.tokenizer.to_bytes(exclude=exclude)
        return data

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = tuple()) -> LayoutTokenizer:
        self.tokenizer.from_bytes(bytes_data, exclude=exclude)
        self.tokenizer = customize_tokenizer(self.tokenizer, self.rules)
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> LayoutTokenizer:
        self.tokenizer.from_disk(path, **kwargs)
        self.tokenizer = customize_tokenizer(self.tokenizer, self.rules)
        return self
