"""Sentence features: cues in main vs subordinate clauses, verbs, passives, subjects, sections."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import nlp_report.pipeline.factories  # noqa: F401
from nlp_report.classify.actors import Words
from nlp_report.classify.cues import default_cues
from nlp_report.classify.features import SentenceInput, main_clause_mask, sentence_features
from nlp_report.classify.lexicon import default_lexicon


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "nlp_report.LayoutTokenizer.v1"}}})


def features(nlp: Language, text: str, **kwargs: object) -> dict[str, float]:
    doc = nlp(text)
    words = Words([t.text for t in doc], [bool(t.whitespace_) for t in doc], [False] * len(doc))
    return sentence_features(SentenceInput(words, **kwargs))  # type: ignore[arg-type]


def test_main_clause_mask_marks_subordinate_clauses() -> None:
    low = ["nederland", "benadrukte", "dat", "het", "pakket", "werd", "aangenomen", "."]
    assert main_clause_mask(low, default_lexicon()) == [True, True, False, False, False, False, False, False]


def test_fronted_clause_is_subordinate() -> None:
    low = ["omdat", "de", "raad", "besloot", ",", "steunt", "nederland", "het", "pakket", "."]
    mask = main_clause_mask(low, default_lexicon())
    assert mask[:4] == [False] * 4 and all(mask[5:])


def test_cue_in_main_clause_versus_subordinate(nlp: Language) -> None:
    main = features(nlp, "Nederland benadrukte dat het pakket werd aangenomen.")
    assert main["cue:position"] >= 1 and "cue_sub:decision" in main and "cue:decision" not in main
    sub = features(nlp, "Het pakket, waar Nederland voor pleitte, werd aangenomen.")
    assert "cue:decision" in sub


def test_gapped_cue(nlp: Language) -> None:
    matches = default_cues().find("De Raad nam het pakket gisteren aan.")
    assert any(m.label == "decision" and m.cue == "nam ... aan" for m in matches)
    assert features(nlp, "De Raad nam het pakket gisteren aan.")["cue:decision"] == 1.0


def test_negated_outcome(nlp: Language) -> None:
    feats = features(nlp, "Er werden geen besluiten genomen.")
    assert "neg" in feats and "cue:decision" not in feats


def test_verbs_passive_and_modal(nlp: Language) -> None:
    feats = features(nlp, "Het pakket werd door de Raad aangenomen.")
    assert {"verb:worden", "part:aannemen", "passive"} <= feats.keys()
    assert "modal:moeten" in features(nlp, "De EU moet meer doen.")


def test_question_subject_and_section(nlp: Language) -> None:
    feats = features(nlp, "Bent u bereid dit te doen?", section="Vraag 3", position=4)
    assert feats["question"] == 1.0 and feats["sec:vraag"] == 1.0 and "cover_letter" not in feats
    own = features(nlp, "Het kabinet steunt het voorstel.", cover_letter=True)
    assert own["subj:own"] == 1.0 and own["cover_letter"] == 1.0
    assert features(nlp, "Het is van belang.")["subj:none"] == 1.0


def test_list_item_gets_the_cues_of_its_introduction(nlp: Language) -> None:
    intro_doc = nlp("De Raad nam de volgende besluiten:")
    intro = Words([t.text for t in intro_doc], [bool(t.whitespace_) for t in intro_doc], [False] * len(intro_doc))
    item_doc = nlp("een verlenging van het sanctieregime;")
    item = Words([t.text for t in item_doc], [bool(t.whitespace_) for t in item_doc], [False] * len(item_doc))
    feats = sentence_features(SentenceInput(item, list_item=True, intro=intro))
    assert feats["list_item"] == 1.0 and feats["intro_cue:decision"] == 1.0
