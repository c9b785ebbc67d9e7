"""The gold tokens cut as nlp_report's tokenizer cuts them, so the pipeline learns the tokens it will see.

nlp_report's tokenizer splits hyphens and slashes inside words
(``NAVO-ministers`` -> ``NAVO``, ``-``, ``ministers``; ``Rusland/Oekraïne``),
a hyphen that ends a word (``spraak-``), ``EU`` off mission acronyms and
country names off compounds. The treebanks keep such words whole. A gold
token that nlp_report splits and spaCy's Dutch tokenizer does not is cut
into those pieces here, with this annotation (as UD treebanks that split
compounds, e.g. English-EWT, do):

* hyphen, no separator: the last word piece is the head and keeps the
  token's tag, features, head and relation; its lemma is the part of the
  token's lemma after the earlier pieces (``NAVO-minister`` -> ``minister``).
  Each earlier word piece is a ``compound`` of it (``PROPN`` when capitalised,
  ``NUM`` when a number, else ``NOUN``; lemma: its text, lower case unless a
  name); each hyphen is ``punct`` of it (``PUNCT``, tag ``LET``);
* a slash: the first word piece is the head (it keeps the token's
  annotation and its lemma's part before the slash); the later word pieces
  are ``conj`` of it with the token's POS and tag, each slash ``punct``;
* a hyphen that ends a word: the word keeps the annotation, the hyphen is
  ``punct`` of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import spacy
from spacy.tokens import Doc

from nlp_report.pipeline.factories import default_tokenizer
from nlp_report.pipeline.tokenizer import customize_tokenizer

Splitter = Callable[[str], list[str]]


def project_splitter() -> Splitter:
    """The pieces nlp_report's tokenizer makes of a gold token that spaCy's Dutch tokenizer keeps whole."""
    nlp = spacy.blank("nl")
    base = default_tokenizer(nlp)
    custom = customize_tokenizer(default_tokenizer(nlp))

    def split(text: str) -> list[str]:
        if len(base(text)) != 1:
            return [text]
        return [t.text for t in custom(text)]

    return split


@dataclass
class _Columns:
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    """Gold token index of the head for an unsplit token, or -1-(new index) for a piece's own head."""
    deps: list[str] = field(default_factory=list)

    def add(self, word: str, space: bool, tag: str, pos: str, morph: str, lemma: str, head: int, dep: str) -> None:
        self.words.append(word)
        self.spaces.append(space)
        self.tags.append(tag)
        self.pos.append(pos)
        self.morphs.append(morph)
        self.lemmas.append(lemma)
        self.heads.append(head)
        self.deps.append(dep)


def _is_word(piece: str) -> bool:
    return any(c.isalnum() for c in piece)


def _piece_pos(piece: str) -> tuple[str, str, str]:
    """POS, tag and lemma of a compound's non-head piece."""
    if piece.isdigit():
        return "NUM", "TW|hoofd|prenom|stan", piece
    if piece[:1].isupper():
        return "PROPN", "SPEC|deeleigen", piece
    return "NOUN", "N|soort|ev|basis|zijd|stan", piece.lower()


def _tail_lemma(lemma: str, pieces: list[str], head: int) -> str:
    """The part of ``lemma`` that belongs to ``pieces[head]`` (the pieces before it stripped off)."""
    rest = lemma
    for piece in pieces[:head]:
        if rest.lower().startswith(piece.lower()):
            rest = rest[len(piece) :]
        elif _is_word(piece):
            return pieces[head].lower() if pieces[head].islower() else pieces[head]
    return rest or pieces[head]


def retokenize(doc: Doc, split: Splitter) -> tuple[Doc, int]:
    """``doc`` with its tokens cut as ``split`` cuts them; also the number of gold tokens cut."""
    cols = _Columns()
    first: list[int] = []  # gold index -> new index of its head piece
    n_split = 0
    for token in doc:
        pieces = split(token.text)
        root = token.head.i == token.i
        gold_head = -1 if root else token.head.i
        dep = token.dep_
        if len(pieces) == 1:
            first.append(len(cols.words))
            space = bool(token.whitespace_)
            cols.add(token.text, space, token.tag_, token.pos_, str(token.morph), token.lemma_, gold_head, dep)
            continue
        n_split += 1
        start = len(cols.words)
        words = [i for i, p in enumerate(pieces) if _is_word(p)]
        slash = "/" in pieces
        head = words[0] if slash or not words else words[-1]
        first.append(start + head)
        for i, piece in enumerate(pieces):
            space = bool(token.whitespace_) if i == len(pieces) - 1 else False
            own = -1 - (start + head)
            if i == head:
                lemma = token.lemma_.split("/")[0] if slash else _tail_lemma(token.lemma_, pieces, head)
                if not _is_word(pieces[-1]):
                    lemma = lemma.rstrip(pieces[-1]) or piece
                cols.add(piece, space, token.tag_, token.pos_, str(token.morph), lemma, gold_head, dep)
            elif not _is_word(piece):
                cols.add(piece, space, "LET", "PUNCT", "", piece, own, "punct")
            elif slash:
                lemma = piece.lower() if token.pos_ != "PROPN" else piece
                cols.add(piece, space, token.tag_, token.pos_, "", lemma, own, "conj")
            else:
                pos, tag, lemma = _piece_pos(piece)
                cols.add(piece, space, tag, pos, "", lemma, own, "compound")
    heads = [(i if h == -1 else (-1 - h if h < -1 else first[h])) for i, h in enumerate(cols.heads)]
    new = Doc(
        doc.vocab,
        words=cols.words,
        spaces=cols.spaces,
        tags=cols.tags,
        pos=cols.pos,
        morphs=cols.morphs,
        lemmas=cols.lemmas,
        heads=heads,
        deps=cols.deps,
    )
    return new, n_split
