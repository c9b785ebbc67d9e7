"""The fast paths give what the plain ones gave: token tables, the tokenizer cache, cues, verb lists, zones."""

from __future__ import annotations

import random
import re

import pytest
import spacy
from spacy.language import Language

import nlp_report
from nlp_report.classify.actors import Words
from nlp_report.classify.cues import default_cues, lowered_text, tokenize
from nlp_report.classify.features import _cue_matches, document_cues
from nlp_report.classify.lexicon import default_lexicon
from nlp_report.entities.rules import Found, Mention, doc_text, resolve
from nlp_report.pipeline.doc import get_layout, token_table
from nlp_report.pipeline.tokenizer import customize_tokenizer
from tests.conftest import CORPORA

TEXTS = [path.read_text(encoding="utf-8") for path in sorted((CORPORA / "raw").glob("*.txt"))]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return nlp_report.load("blank").nlp


def test_token_table_is_what_the_tokens_say(nlp: Language) -> None:
    for text in [*TEXTS[:3], "", "  twee  spaties  ", "Eén\n\nregel. "]:
        doc = nlp(text)
        table = token_table(doc)
        assert table.text == [t.text for t in doc]
        assert table.space == [bool(t.whitespace_) for t in doc]
        assert table.idx == [t.idx for t in doc]
        assert doc_text(doc, get_layout(doc)) == doc.text
        assert table.doc_text == doc.text
    plain = spacy.blank("nl")("Een Doc zonder layout-tokenizer. ")
    assert token_table(plain).text == [t.text for t in plain] and doc_text(plain, get_layout(plain)) == plain.text


def test_token_table_follows_a_retokenized_doc(nlp: Language) -> None:
    doc = nlp("De NAVO-ministers kwamen bijeen.")
    before = token_table(doc)
    assert token_table(doc) is before  # kept while the tokens are the same
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[1:4])
    after = token_table(doc)
    assert after.text == [t.text for t in doc] == ["De", "NAVO-ministers", "kwamen", "bijeen", "."]


def test_words_for_doc_surface_and_lower(nlp: Language) -> None:
    doc = nlp(TEXTS[0])
    words = Words.for_doc(doc)
    assert list(words.text) == [t.text for t in doc]
    entity = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ in ("COUNTRY", "ORG"):
            entity[ent.start : ent.end] = [True] * len(ent)
    assert list(words.entity) == entity
    for span in list(doc.spans["nlp_report_sentences"])[:40]:
        piece = words.slice(span.start, span.end)
        assert piece.surface(0, len(piece.text)) == span.text
        assert piece.lower() == [t.lower_ for t in span]
    plain = Words(["Twee", "Woorden"], [True, False], [False, False])
    assert plain.lower() == ["twee", "woorden"] and plain.surface(0, 2) == "Twee Woorden" and plain.surface(1, 1) == ""


@pytest.mark.slow
def test_tokenizer_cache_filling_keeps_the_tokens(nlp: Language) -> None:
    plain = customize_tokenizer(spacy.blank("nl").tokenizer)
    layout_tokenizer = nlp.tokenizer
    for text in TEXTS:
        clean = layout_tokenizer(text).text
        assert [(t.text, t.whitespace_) for t in layout_tokenizer.tokenizer(clean)] == [
            (t.text, t.whitespace_) for t in plain(clean)
        ]
    assert 0 < len(layout_tokenizer._cached) <= layout_tokenizer.tokenizer.max_cache_size


def test_tokenizer_cache_filling_stops_at_the_cache_size() -> None:
    nlp = nlp_report.load("blank").nlp
    nlp.tokenizer.tokenizer.max_cache_size = 50
    nlp(TEXTS[0])
    nlp(TEXTS[1])
    assert len(nlp.tokenizer._cached) == 50


def test_the_layout_tokenizer_is_built_as_spacy_builds_it_plus_the_additions(nlp: Language) -> None:
    ours = nlp.tokenizer.tokenizer
    reference = customize_tokenizer(spacy.blank("nl").tokenizer)
    assert ours.rules == reference.rules
    for attr in ("prefix_search", "suffix_search", "infix_finditer"):
        assert getattr(ours, attr).__self__.pattern == getattr(reference, attr).__self__.pattern
    assert ours.url_match == reference.url_match and ours.token_match == reference.token_match


@pytest.mark.parametrize(
    "text",
    [
        "De NAVO-ministers namen het pakket aan, zei ’s avonds de collega's.",
        "ÉÉN Ĳsland ǅemal Straße ΑΘΗΝΑ",
        "İstanbul en Σ en ΟΔΟΣ.",
        "",
    ],
)
def test_lowered_words_are_the_words_of_tokenize(text: str) -> None:
    lowered = lowered_text(text)
    if lowered is None:
        assert "İ" in text or "Σ" in text
        return
    assert re.findall(r"\w+(?:['’-]\w+)*", lowered) == [w for w, _, _ in tokenize(text)]
    assert [m.span() for m in re.finditer(r"\w+(?:['’-]\w+)*", lowered)] == [(s, e) for _, s, e in tokenize(text)]


def test_cues_found_on_both_paths_are_the_same() -> None:
    cues = default_cues()
    sentences = [s for text in TEXTS[:4] for s in re.split(r"(?<=[.?!])\s+", text)]
    for sentence in sentences:
        fast = cues.find(sentence)
        slow = cues.find(sentence + " Σ")  # the slow path: the same words, and one more
        assert fast == slow


def test_cues_of_a_document_are_those_of_its_sentences(nlp: Language) -> None:
    for text in [*TEXTS[:4], "Eén zin. Σ en nog een: het kabinet steunt het voorstel."]:
        doc = nlp(text)
        table = token_table(doc)
        spans = [(span.start, span.end) for span in doc.spans["nlp_report_sentences"]]
        by_sentence = [_cue_matches(Words.for_doc(doc).slice(start, end), default_cues()) for start, end in spans]
        found = document_cues(table.doc_text, table.text, table.idx, [*spans, (0, 0)])
        if "Σ" in text:
            assert found is None
        else:
            assert found == [*by_sentence, []]
            assert any(by_sentence)


def test_lexicon_lookups_match_the_verb_forms() -> None:
    lex = default_lexicon()
    for word, forms in lex.verbs.items():
        finite = word not in lex.never_verbs and any(f.kind == "finite" for f in forms)
        assert lex.is_finite(word) is finite
        assert lex.is_participle(word) is any(f.kind == "participle" for f in forms)
        assert lex.participle_lemmas.get(word, ()) == tuple(f.lemma for f in forms if f.kind == "participle")
    assert lex.attribution_firsts == {pattern[0] for pattern in lex.attribution_anywhere}


def test_zone_index_answers_as_the_plain_search() -> None:
    rng = random.Random(7)
    for _ in range(30):
        found = Found()
        for _ in range(rng.randrange(0, 60)):
            s = rng.randrange(0, 200)
            labels = tuple(rng.sample(["ORG", "COUNTRY", "MOTION"], rng.randrange(1, 3)))
            found.zones.append((s, s + rng.randrange(0, 30), labels))
        for _ in range(50):
            start = rng.randrange(0, 220)
            end = start + rng.randrange(0, 10)
            label = rng.choice(["ORG", "COUNTRY", "KAMERSTUK"])
            plain = any(s <= start and end <= e and label in labels for s, e, labels in found.zones)
            assert found.inside_zone(start, end, label) is plain


def test_resolve_keeps_the_longest_then_the_earliest() -> None:
    rng = random.Random(3)
    sources = ["kamerstuk", "motion", "pattern", "gazetteer", "defined", "model", "other"]
    rank = {"kamerstuk": 0, "motion": 1, "pattern": 2, "gazetteer": 3, "defined": 4, "model": 5}
    for _ in range(50):
        mentions = []
        for _ in range(rng.randrange(0, 40)):
            s = rng.randrange(0, 100)
            mentions.append(Mention(s, s + rng.randrange(0, 6), "ORG", "X", rng.choice(sources)))
        order = sorted(mentions, key=lambda m: (-m.length, rank.get(m.source, 9), m.start))
        taken: list[Mention] = []
        occupied: set[int] = set()
        for m in order:
            if occupied.isdisjoint(range(m.start, m.end)):
                taken.append(m)
                occupied.update(range(m.start, m.end))
        assert resolve(mentions) == sorted(taken, key=lambda m: m.start)
