"""``nlp_report.CharHashEmbed.v1``: the word embedding of the Dutch base pipeline (``models/nl_nlp_report_ud``).

spaCy's two embeddings, side by side: :func:`spacy.ml.models.tok2vec.CharacterEmbed`
(the first and last ``n_chars`` UTF-8 bytes of the word, case kept, each
embedded in ``char_width`` dimensions) and
:func:`spacy.ml.models.tok2vec.MultiHashEmbed` (hash embeddings of lexical
attributes: NORM, PREFIX, SUFFIX, SHAPE). One Maxout layer mixes them to
``width``. With the small Dutch treebanks (about 70k training tokens) the
characters carry most of what an unseen word's tag and lemma depend on
(its ending, its capital), and the hash tables what the frequent words
need; ``docs/model.md`` gives the scores of each choice.
"""

from __future__ import annotations

from typing import cast

from spacy.ml import _character_embed
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d, Ragged

from ..errors import ConfigError


def char_hash_embed(
    width: int,
    attrs: list[str],
    rows: list[int],
    char_width: int,
    n_chars: int,
) -> Model[list[Doc], list[Floats2d]]:
    """Characters and hashed attributes of each word, mixed to ``width`` dimensions.

    ``attrs`` and ``rows``: the token attributes to hash-embed and their
    table sizes, as in ``spacy.MultiHashEmbed.v2`` (each table ``width``
    wide). ``char_width`` and ``n_chars``: as ``nM`` and ``nC`` of
    ``spacy.CharacterEmbed.v2`` (``n_chars`` bytes per word, half from its
    start and half from its end).
    """
    if len(rows) != len(attrs):
        raise ConfigError(
            f"nlp_report.CharHashEmbed.v1: {len(attrs)} attrs but {len(rows)} rows; give one row count per attribute"
        )
    chars: Model[list[Doc], Ragged] = chain(
        _character_embed.CharacterEmbed(nM=char_width, nC=n_chars),
        cast(Model[list[Floats2d], Ragged], list2ragged()),
    )
    tables: list[Model[Ints2d, Floats2d]] = [
        HashEmbed(width, n_rows, column=i, seed=8 + i, dropout=0.0) for i, n_rows in enumerate(rows)
    ]
    hashed: Model[list[Doc], Ragged] = chain(
        FeatureExtractor(attrs),
        cast(Model[list[Ints2d], Ragged], list2ragged()),
        with_array(concatenate(*tables)),
    )
    mix: Model[Ragged, Ragged] = with_array(
        Maxout(width, char_width * n_chars + width * len(attrs), nP=3, dropout=0.0, normalize=True)
    )
    model: Model[list[Doc], list[Floats2d]] = chain(concatenate(chars, hashed), mix, ragged2list())
    return model
