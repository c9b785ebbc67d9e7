"""Lemmas from the spacy-lookups-data tables, and the lemma features built on them."""

from __future__ import annotations

import pytest

from nlp_report.classify.constructions import combine, lemma_classes, lemma_features
from nlp_report.classify.features import main_clause_mask
from nlp_report.classify.lemmas import default_lemmatizer
from nlp_report.classify.lexicon import default_lexicon


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("nam", "nemen"),  # irregular: the verb exceptions
        ("werd", "worden"),
        ("benadrukten", "benadrukken"),  # the lookup table
        ("aangenomen", "aannemen"),  # a participle of a separable verb
        ("onderschreven", "onderschrijven"),
        ("bekritiseerden", "bekritiseren"),
    ],
)
def test_verb_forms_give_their_lemma(word: str, lemma: str) -> None:
    assert default_lemmatizer().verb_lemma(word) == lemma


def test_words_that_are_no_verb_form_have_no_verb_lemma_but_a_lemma() -> None:
    lemmatizer = default_lemmatizer()
    assert lemmatizer.verb_lemma("lidstaten") is None and lemmatizer.lemma("lidstaten") == "lidstaat"
    assert lemmatizer.lemma("belangrijke") == "belangrijk"
    assert lemmatizer.lemma("qwertyuiop") == "qwertyuiop"


def test_a_separable_verb_joins_its_particle_only_when_that_makes_a_verb() -> None:
    lemmatizer = default_lemmatizer()
    assert lemmatizer.with_particle("nemen", ["het", "pakket", "aan"]) == "aannemen"
    assert lemmatizer.with_particle("zetten", ["zich", "in"]) == "inzetten"
    assert lemmatizer.with_particle("nemen", ["deel", "aan"]) == "deelnemen"  # the first particle that fits
    assert lemmatizer.with_particle("zijn", ["het", "eens"]) == "zijn"


def _features(sentence: str) -> dict[str, float]:
    low = sentence.lower().replace(".", " .").replace(",", " ,").split()
    return lemma_features(low, main_clause_mask(low, default_lexicon()))


def test_unseen_forms_of_a_verb_share_its_lemma_and_class() -> None:
    sentences = ("De Raad nam het pakket aan .", "De ministers namen het plan aan .", "Het pakket werd aangenomen .")
    for sentence in sentences:
        features = _features(sentence)
        assert features["lv:aannemen"] == 1.0 and features["vc:outcome"] >= 1.0, sentence


def test_a_verb_in_a_subordinate_clause_counts_apart() -> None:
    features = _features("Nederland benadrukte , dat het pakket werd aangenomen .")
    assert "vc:stance" in features and "vc_sub:outcome" in features and "vc:outcome" not in features
    assert "vc:stance&vc_sub:outcome" in combine(features)


def test_stance_with_an_evaluative_word_and_no_verb_class() -> None:
    features = _features("Het is van groot belang .")
    assert "wc:evaluative" in features
    assert combine({"l:belang": 1.0}) == {"vc:none": 1.0}


def test_the_classes_are_data_and_name_real_lemmas() -> None:
    classes = lemma_classes()
    index = default_lemmatizer().verb_index
    unknown = sorted(lemma for lemma in classes.verbs if lemma not in index)
    assert not unknown, f"verb classes name lemmas the tables do not know: {unknown}"


def test_the_cached_word_names_give_the_features_other_classes_give() -> None:
    """The per-word name cache is kept per lemmatizer and classes: other classes are not served old names."""
    from nlp_report.classify.constructions import LemmaClasses

    low = ["de", "raad", "nam", "het", "besluit", "aan", ",", "zoals", "het", "kabinet", "wenste", "."]
    mask = main_clause_mask(low, default_lexicon())
    first = lemma_features(low, mask)
    assert lemma_features(low, mask) == first  # from the cache
    assert first["vc:outcome"] == 1.0 and "l:raad" in first
    classes = lemma_classes()
    other = LemmaClasses(dict(classes.verbs), {**classes.words, "raad": ("invented",)})
    changed = lemma_features(low, mask, classes=other)
    assert changed["wc:invented"] == 1.0
    assert "wc:invented" not in lemma_features(low, mask)
