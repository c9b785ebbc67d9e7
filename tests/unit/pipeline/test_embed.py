"""``nlp_report.CharHashEmbed.v1``: the word embedding of the Dutch base pipeline."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.util import registry
from thinc.api import Model

from nlp_report.errors import ConfigError
from nlp_report.pipeline.embed import char_hash_embed

SETTINGS = {"width": 16, "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [50, 20, 20, 10]}


def _model(**changes: object) -> Model:  # type: ignore[type-arg]
    return char_hash_embed(**{**SETTINGS, "char_width": 8, "n_chars": 4, **changes})  # type: ignore[arg-type]


def test_registered_under_its_name() -> None:
    assert registry.architectures.get("nlp_report.CharHashEmbed.v1") is char_hash_embed


def test_one_vector_of_width_per_token() -> None:
    nlp = spacy.blank("nl")
    docs = [nlp("De Raad nam het besluit aan."), nlp("Nederland steunt dit.")]
    model = _model()
    model.initialize(X=docs)
    vectors = model.predict(docs)
    assert [v.shape for v in vectors] == [(7, 16), (4, 16)]


def test_the_characters_tell_unseen_words_apart() -> None:
    """Two words with the same hash-table rows (one NORM) differ by their characters once these are learnt."""
    nlp = spacy.blank("nl")
    docs = [nlp("besluit Besluit")]
    model = _model(attrs=["NORM"], rows=[50])
    model.initialize(X=docs)
    chars = next(node for node in model.walk() if node.name == "charembed")
    table = chars.get_param("E")  # spaCy starts it at zeros; training fills it
    assert not table.any()
    lower, upper = model.predict(docs)[0]
    assert numpy.allclose(lower, upper)
    chars.set_param("E", numpy.random.default_rng(0).normal(size=table.shape).astype("float32"))
    lower, upper = model.predict(docs)[0]
    assert not numpy.allclose(lower, upper)


def test_rows_must_match_attrs() -> None:
    with pytest.raises(ConfigError, match="4 attrs but 2 rows"):
        _model(rows=[50, 20])


def test_a_config_builds_it_by_name() -> None:
    nlp = spacy.blank("nl")
    tok2vec = nlp.add_pipe(
        "tok2vec",
        config={
            "model": {
                "@architectures": "spacy.Tok2Vec.v2",
                "embed": {"@architectures": "nlp_report.CharHashEmbed.v1", **SETTINGS, "char_width": 8, "n_chars": 4},
                "encode": {
                    "@architectures": "spacy.MaxoutWindowEncoder.v2",
                    "width": 16,
                    "depth": 1,
                    "window_size": 1,
                    "maxout_pieces": 2,
                },
            }
        },
    )
    nlp.initialize()
    doc = nlp("Het kabinet steunt het voorstel.")
    assert tok2vec is nlp.get_pipe("tok2vec")
    assert doc.tensor.shape == (6, 16)
