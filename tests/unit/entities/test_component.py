"""The ``nlp_report_entities`` component: entries of your own, serialisation, the Doc annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import nlp_report
from nlp_report.analyzer import TOKENIZER
from nlp_report.errors import ConfigError, EntityPatternError, GazetteerError


def make_nlp() -> Language:
    nlp = spacy.blank("nl", config={"nlp": {"tokenizer": TOKENIZER}})
    nlp.add_pipe("nlp_report_sentences")
    nlp.add_pipe("nlp_report_entities")
    return nlp


@pytest.fixture
def nlp() -> Language:
    return make_nlp()


def ents(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents]


TEXT = "De Ramstein-groep en de Contactgroep Oekraïne overlegden; Nederland sprak met Atlantis."


def test_add_patterns_phrase_token_and_gazetteer_lines(nlp: Language) -> None:
    assert ents(nlp, TEXT) == [("Oekraïne", "COUNTRY", "UA"), ("Nederland", "COUNTRY", "NL")]
    component = nlp.get_pipe("nlp_report_entities")
    component.add_patterns(
        [
            {"label": "ORG", "pattern": "Ramstein-groep", "id": "UDCG"},
            {"label": "ORG", "pattern": [{"LOWER": "contactgroep"}, {"ORTH": "Oekraïne"}], "id": "UDCG"},
            {"id": "ATL", "names": ["Atlantis"], "abbreviations": []},
        ]
    )
    assert ents(nlp, TEXT) == [
        ("Ramstein-groep", "ORG", "UDCG"),
        ("Contactgroep Oekraïne", "ORG", "UDCG"),
        ("Nederland", "COUNTRY", "NL"),
        ("Atlantis", "ORG", "ATL"),
    ]
    assert component.patterns[0] == {"label": "ORG", "pattern": "Ramstein-groep", "id": "UDCG"}


def test_user_entries_win_over_the_packaged_data(nlp: Language) -> None:
    nlp.get_pipe("nlp_report_entities").add_patterns([{"id": "NATOALLIANCE", "abbreviations": ["NAVO"]}])
    assert ents(nlp, "De NAVO vergaderde.") == [("NAVO", "ORG", "NATOALLIANCE")]


def test_exclude_patterns_of_your_own(nlp: Language) -> None:
    assert ents(nlp, "Het Akkoord van Nederland en Oekraïne.") == [
        ("Nederland", "COUNTRY", "NL"),
        ("Oekraïne", "COUNTRY", "UA"),
    ]
    nlp.get_pipe("nlp_report_entities").add_patterns(
        [{"label": "EXCLUDE", "pattern": "Akkoord van Nederland en Oekraïne"}]
    )
    assert ents(nlp, "Het Akkoord van Nederland en Oekraïne.") == []


@pytest.mark.slow
def test_entries_from_a_jsonl_file_and_saved_with_the_pipeline(nlp: Language, tmp_path: Path) -> None:
    file = tmp_path / "mine.jsonl"
    lines = [
        {"label": "ORG", "pattern": "Ramstein-groep", "id": "UDCG"},
        {"code": "NL", "aliases": ["Holland"], "adjectives": []},
    ]
    file.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    nlp.get_pipe("nlp_report_entities").from_disk(file)
    expected = [("Ramstein-groep", "ORG", "UDCG"), ("Holland", "COUNTRY", "NL")]
    assert ents(nlp, "De Ramstein-groep vergaderde in Holland.") == expected
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "nlp_report_entities" / "entries.jsonl").exists()
    loaded = spacy.load(tmp_path / "pipeline")
    assert ents(loaded, "De Ramstein-groep vergaderde in Holland.") == expected
    restored = make_nlp()
    restored.get_pipe("nlp_report_entities").from_bytes(nlp.get_pipe("nlp_report_entities").to_bytes())
    assert ents(restored, "De Ramstein-groep vergaderde in Holland.") == expected


def test_entries_through_initialize(nlp: Language, tmp_path: Path) -> None:
    file = tmp_path / "mine.jsonl"
    file.write_text(json.dumps({"label": "ORG", "pattern": "Ramstein-groep", "id": "UDCG"}) + "\n", encoding="utf-8")
    nlp.config["initialize"]["components"]["nlp_report_entities"] = {"patterns": [str(file)]}
    nlp.initialize()
    assert ents(nlp, "De Ramstein-groep vergaderde.") == [("Ramstein-groep", "ORG", "UDCG")]


@pytest.mark.parametrize(
    ("line", "error", "message"),
    [
        ({"label": "PERSON", "pattern": "X", "id": "X"}, EntityPatternError, "'label' must be one of"),
        ({"label": "ORG", "pattern": "X"}, EntityPatternError, "needs 'id'"),
        ({"label": "COUNTRY", "pattern": "Atlantis", "id": "ATL"}, EntityPatternError, "alpha-2 code"),
        ({"label": "ORG", "pattern": 5, "id": "X"}, EntityPatternError, "a string or a list"),
        ({"label": "ORG", "pattern": [{"NOPE": "x"}], "id": "X"}, EntityPatternError, "not a valid spaCy pattern"),
        ({"label": "EXCLUDE", "pattern": "x", "labels": ["MOTION"]}, EntityPatternError, "'labels'"),
        ({"id": "X", "names": ["Atlantis"]}, GazetteerError, "'Atlantis' is listed for ORG X and for ORG Y"),
    ],
)
def test_bad_lines_are_reported(nlp: Language, line: dict[str, object], error: type[Exception], message: str) -> None:
    component = nlp.get_pipe("nlp_report_entities")
    lines = [line, {"id": "Y", "names": ["Atlantis"]}] if "names" in line else [line]
    with pytest.raises(error, match=message):
        component.add_patterns(lines)
    assert component.patterns == []  # nothing of a failed call is kept
    assert ents(nlp, "De NAVO.") == [("NAVO", "ORG", "NATO")]


def test_doc_annotations(nlp: Language) -> None:
    text = "Conform de motie Van Haga1 en de motie-Valstar.\n\n1 Kamerstuk 28 676, nr. 394"
    doc = nlp(text)
    motion, valstar, paper = doc.ents
    assert motion._.sponsors == ["Van Haga"]
    assert motion._.kamerstuk["kb_id"] == "28676-394"
    assert valstar._.sponsors == ["Valstar"] and valstar._.kamerstuk is None
    assert paper._.kamerstuk == {
        "dossier": "28676",
        "number": "394",
        "kb_id": "28676-394",
        "url": "https://zoek.officielebekendmakingen.nl/kst-28676-394.html",
        "chamber": None,
        "year": None,
    }
    assert list(doc.spans["nlp_report_model_ents"]) == []
    restored = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored.ents[0]._.kamerstuk["kb_id"] == "28676-394"


def test_running_twice_gives_the_same_entities(nlp: Language) -> None:
    doc = nlp("De NAVO, Rusland en de motie Van Haga.")
    first = [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]
    nlp.get_pipe("nlp_report_entities")(doc)
    assert [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents] == first
    assert list(doc.spans["nlp_report_model_ents"]) == []


def test_in_a_users_own_spacy_pipeline() -> None:
    """With spaCy's own tokenizer (no layout stage) the rules still work on plain text."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("nlp_report_entities")
    doc = nlp("De NAVO en de EU steunen Oekraïne, zie Kamerstuk 28 676, nr. 394.")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("NAVO", "ORG", "NATO"),
        ("EU", "ORG", "EU"),
        ("Oekraïne", "COUNTRY", "UA"),
        ("Kamerstuk 28 676, nr. 394", "KAMERSTUK", "28676-394"),
    ]


@pytest.mark.slow
def test_settings() -> None:
    nlp = spacy.blank("nl", config={"nlp": {"tokenizer": TOKENIZER}})
    nlp.add_pipe("nlp_report_entities", config={"define_abbreviations": False, "link_motions": False})
    doc = nlp("Het Agentschap voor Hernieuwbare Energie (AHE) en de motie Van Haga1.\n\n1 Kamerstuk 28 676, nr. 394")
    assert [e.label_ for e in doc.ents] == ["MOTION", "KAMERSTUK"]
    assert doc.ents[0]._.kamerstuk is None
    with pytest.raises(ConfigError, match="model_ents_key"):
        spacy.blank("nl").add_pipe("nlp_report_entities", config={"model_ents_key": ""})
    with pytest.raises(Exception, match="define_abbreviations"):
        spacy.blank("nl").add_pipe("nlp_report_entities", config={"define_abbreviations": "yes please"})


@pytest.mark.slow
def test_the_analyzer_has_the_component() -> None:
    analyzer = nlp_report.load("blank")
    names = analyzer.nlp.pipe_names
    assert names.index("nlp_report_sentences") < names.index("nlp_report_entities")
