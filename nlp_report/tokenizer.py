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
one token.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH
from spacy.lang.char_classes import ALPHA
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex
from spacy.vocab import Vocab

from .errors import InputTypeError
from .extensions import register_extensions, set_layout
from .layout.analysis import analyze_layout
from .layout.rules import LayoutRules, default_rules

_HYPHENS = "-‐‑–—"
EXTRA_INFIXES: tuple[str, ...] = (
    rf"(?<=[{ALPHA}])[{_HYPHENS}](?=[{ALPHA}0-9])",
    rf"(?<=[0-9])[{_HYPHENS}](?=[{ALPHA}])",
    rf"(?<=[{ALPHA}0-9])/(?=[{ALPHA}])",
    rf"(?<=[{ALPHA}])/(?=[0-9])",
)


def customize_tokenizer(tokenizer: Tokenizer, rules: LayoutRules | None = None) -> Tokenizer:
    """Add the project's infixes and abbreviations to ``tokenizer`` (idempotent)."""
    rules = rules or default_rules()
    current = tokenizer.infix_finditer
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if pattern is None or EXTRA_INFIXES[0] not in pattern:
        parts = [*EXTRA_INFIXES] + ([pattern] if pattern else [])
        tokenizer.infix_finditer = compile_infix_regex(parts).finditer
    for abbreviation in rules.abbreviations:
        for form in {abbreviation, abbreviation[:1].upper() + abbreviation[1:]}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    return tokenizer


class LayoutTokenizer:
    """A tokenizer that runs :func:`nlp_report.layout.analyze_layout` first."""

    def __init__(self, tokenizer: Tokenizer, *, rules: LayoutRules | None = None) -> None:
        register_extensions()
        self.rules = rules or default_rules()
        self.tokenizer = customize_tokenizer(tokenizer, self.rules)

    @property
    def vocab(self) -> Vocab:
        vocab: Vocab = self.tokenizer.vocab
        return vocab

    def __call__(self, text: str) -> Doc:
        if not isinstance(text, str):
            raise InputTypeError.for_value(text)
        layout = analyze_layout(text, self.rules)
        doc: Doc = self.tokenizer(layout.clean_text)
        set_layout(doc, layout)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # serialisation: the wrapped tokenizer's data, re-customised on load

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        data: bytes = self.tokenizer.to_bytes(exclude=exclude)
        return data

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = tuple()) -> LayoutTokenizer:
        self.tokenizer.from_bytes(bytes_data, exclude=exclude)
        customize_tokenizer(self.tokenizer, self.rules)
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> LayoutTokenizer:
        self.tokenizer.from_disk(path, **kwargs)
        customize_tokenizer(self.tokenizer, self.rules)
        return self
