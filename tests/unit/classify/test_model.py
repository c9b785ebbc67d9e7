"""The SentenceClassifier estimator: scikit-learn conventions, JSON storage, determinism."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp_report.classify.model import SentenceClassifier
from nlp_report.errors import ConfigError, DataFileError

X = [
    {"cue:decision": 1.0, "passive": 1.0},
    {"cue:decision": 1.0},
    {"cue:position": 1.0, "subj:own": 1.0},
    {"cue:position": 1.0},
    {"verb:zijn": 1.0},
    {"verb:zijn": 1.0, "sec:none": 1.0},
] * 3
Y = ["decision", "decision", "position", "position", "context", "context"] * 3


@pytest.mark.slow
def test_init_only_stores_settings_and_fit_returns_self() -> None:
    model = SentenceClassifier(C=0.5, min_count=1)
    assert model.get_params() == {"C": 0.5, "min_count": 1, "class_weight": "balanced", "max_iter": 5000}
    assert not hasattr(model, "coef_")
    assert model.fit(X, Y) is model
    assert model.classes_ == ["context", "decision", "position"]
    assert model.coef_.shape == (3, len(model.vocabulary_))


def test_predicts_the_training_pattern() -> None:
    model = SentenceClassifier(min_count=1).fit(X, Y)
    assert model.predict([{"cue:decision": 1.0}, {"cue:position": 1.0}, {"verb:zijn": 1.0}]) == [
        "decision",
        "position",
        "context",
    ]
    proba = model.predict_proba([{"cue:position": 1.0}])
    assert proba.shape == (1, 3) and abs(proba.sum() - 1.0) < 1e-9


def test_rare_features_are_dropped() -> None:
    model = SentenceClassifier(min_count=4).fit([*X, {"rare": 1.0}], [*Y, "context"])
    assert "rare" not in model.vocabulary_ and "cue:decision" in model.vocabulary_


def test_json_round_trip_predicts_the_same(tmp_path: Path) -> None:
    model = SentenceClassifier(min_count=1).fit(X, Y)
    model.save(tmp_path / "model.json", metadata={"trained_on": ["x"]})
    loaded = SentenceClassifier.load(tmp_path / "model.json")
    probe = [{"cue:decision": 1.0, "verb:zijn": 1.0}, {}]
    assert loaded.predict(probe) == model.predict(probe)
    assert abs(loaded.predict_proba(probe) - model.predict_proba(probe)).max() < 1e-5


def test_reads_prefix_says_whether_a_feature_family_has_weights() -> None:
    model = SentenceClassifier(min_count=1).fit(X, Y)
    assert model.reads_prefix(("cue:",)) and model.reads_prefix(("lemma:", "sec:"))
    assert not model.reads_prefix(("lemma:", "upos:"))
    model.fit([*X, {"lemma:besluiten": 1.0}], [*Y, "decision"])  # a new vocabulary is read again
    assert model.reads_prefix(("lemma:", "upos:"))


def test_training_is_deterministic() -> None:
    a = SentenceClassifier(min_count=1).fit(X, Y)
    b = SentenceClassifier(min_count=1).fit(X, Y)
    assert a.to_dict() == b.to_dict()


def test_errors() -> None:
    with pytest.raises(ConfigError, match="not fitted"):
        SentenceClassifier().predict([{"x": 1.0}])
    with pytest.raises(ConfigError, match="two different labels"):
        SentenceClassifier().fit([{"a": 1.0}], ["context"])
    with pytest.raises(ConfigError, match="no setting 'alpha'"):
        SentenceClassifier().set_params(alpha=1)
    with pytest.raises(DataFileError, match="not a sentence classifier"):
        SentenceClassifier.from_dict({"format": "something else"})
