"""The majority-class and cue-words baselines, and the cue lexicon they read."""

from __future__ import annotations

import pytest

from nlp_report import Sentence
from nlp_report.errors import DataFileError
from nlp_report.evaluation import CueBaseline, CueLexicon, MajorityBaseline, default_cues
from nlp_report.evaluation.baselines import tokenize
from tests.unit.evaluation.helpers import gold_doc

# The "typical cues" column of corpora/ANNOTATION.md, in a sentence each.
CONTRACT_CUES = {
    "decision": [
        "Het besluit viel gisteren.",
        "De ministers hebben besloten het pakket te verlengen.",
        "Het voorstel werd aangenomen.",
        "De Raad nam het voorstel aan.",
        "Er is afgesproken de steun voort te zetten.",
        "De lidstaten zijn overeengekomen de middelen te verhogen.",
        "Het aanbod werd aanvaard.",
        "De begroting is vastgesteld.",
        "Het plan is goedgekeurd.",
        "Nederland heeft toegezegd een testlocatie te verzorgen.",
        "Hongarije stemde in met het pakket.",
    ],
    "position": [
        "Nederland onderstreepte het langetermijnperspectief.",
        "De minister benadrukte de eenheid.",
        "Frankrijk pleitte voor meer samenwerking.",
        "Bondgenoten riep op tot terughoudendheid.",
        "Bondgenoten waren van mening dat China een uitdaging vormt.",
        "Bondgenoten waren eensgezind in hun solidariteit.",
        "Zij veroordeelden de inval.",
        "Zij spraken hun afschuw uit over de misdrijven.",
        "Veel bondgenoten wezen op de noodzaak van samenwerking.",
        "Nederland hecht eraan vast te houden aan de afspraken.",
        "Het is van belang dat de NAVO niet direct betrokken raakt.",
        "De samenwerking moet naadloos zijn.",
        "Nederland steunt dit programma.",
    ],
    "context": [
        "De bijeenkomst vond plaats in Brussel.",
        "De minister nam deel aan de vergadering.",
        "De bijeenkomst bestond uit drie delen.",
        "De oorlog stond centraal.",
        "Bij de werksessie sloten ook partners aan.",
        "De ministers spraken over de steun.",
    ],
}


@pytest.mark.parametrize(("label", "sentence"), [(label, s) for label, items in CONTRACT_CUES.items() for s in items])
def test_each_typical_cue_of_the_contract_gives_its_label(label: str, sentence: str) -> None:
    assert default_cues().classify(sentence) == label


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Over de toekomst van de missie werd geen akkoord bereikt.", "context"),  # negated outcome
        ("Het pakket werd besproken maar nog niet aangenomen.", "context"),
        ("De Raad nam na lange discussie het voorstel aan.", "decision"),  # 'nam ... aan' with a gap
        ("Nederland en Denemarken sloten zich aan bij het initiatief.", "decision"),  # longest cue wins
        ("Nederland benadrukte dat het pakket werd aangenomen.", "position"),  # tie: the first cue
        ("Bent u bekend met het bericht dat de sancties worden omzeild?", "context"),  # a question
        ("Moet Nederland de sancties steunen?", "context"),
        ("De situatie is verder verslechterd.", "context"),  # no cue: the default
        ("Volgens de Commissie zal de groei dalen.", "position"),
        ("Daarnaast verzoeken deze leden de regering om een reactie.", "position"),
        ("In 2021 werd het Raadsbesluit aangenomen, en Nederland steunde dat en benadrukte het belang.", "position"),
    ],
)
def test_cue_rules(sentence: str, label: str) -> None:
    assert default_cues().classify(sentence) == label


def test_matches_give_offsets_for_features() -> None:
    text = "De Raad nam het voorstel\naan en Nederland onderstreepte dat."
    matches = default_cues().find(text)
    assert [(m.label, m.cue, text[m.start : m.end]) for m in matches] == [
        ("decision", "nam ... aan", "nam het voorstel\naan"),
        ("position", "onderstreepte", "onderstreepte"),
    ]
    assert default_cues().counts(text) == {"position": 1, "decision": 1, "context": 0}


def test_a_gap_has_a_limit() -> None:
    lexicon = CueLexicon.from_dict({"labels": {"decision": ["nam ... aan"]}, "gap": 2})
    assert lexicon.classify("Hij nam het voorstel aan.") == "decision"
    assert lexicon.classify("Hij nam het gewijzigde voorstel aan.") == "context"


def test_tokenize_keeps_hyphenated_words() -> None:
    assert [t[0] for t in tokenize("De NAVO-ministers' collega's, 2023.")] == [
        "de",
        "navo-ministers",
        "collega's",
        "2023",
    ]


def test_the_packaged_lexicon() -> None:
    lexicon = default_cues()
    assert lexicon.default == "context" and lexicon.question == "context"
    for label in ("decision", "position", "context"):
        assert len(lexicon.cues_for(label)) >= 30
    # every form of a stance verb
    assert {"onderstreept", "onderstreepte", "onderstreepten"} <= set(lexicon.cues_for("position"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "is a JSON object"),
        ({"labels": {}}, "'labels' must be an object"),
        ({"labels": {"opinion": ["vindt"]}}, "unknown label 'opinion'"),
        ({"labels": {"position": "vindt"}}, "must be a list of strings"),
        ({"labels": {"position": ["... vindt"]}}, "labels.position[0]: '... vindt' is not a cue"),
        ({"labels": {"position": ["vindt ... ... dat"]}}, "is not a cue"),
        ({"labels": {"position": ["vindt!"]}}, "is not a cue"),
        ({"labels": {"position": [3]}}, "must be a string"),
        ({"labels": {"position": ["steunt"], "decision": ["Steunt"]}}, "already a cue of 'position'"),
        ({"labels": {"position": ["x"]}, "default": "none"}, "'default' must be one of"),
        ({"labels": {"position": ["x"]}, "gap": -1}, "'gap' must be a whole number"),
        ({"labels": {"position": ["x"]}, "negation": {"words": ["nog niet"]}}, "single words"),
        ({"labels": {"position": ["x"]}, "negation": {"labels": ["none"]}}, "'negation.labels'"),
    ],
)
def test_a_bad_lexicon_is_a_data_file_error(data: object, message: str) -> None:
    with pytest.raises(DataFileError) as info:
        CueLexicon.from_dict(data, origin="cues.json")
    assert message in str(info.value) and "cues.json" in str(info.value)


def test_majority_is_learned_from_the_gold_scored() -> None:
    text = "Aa. Bb. Cc."
    docs = [
        gold_doc(text, [[0, 3, "position", None], [4, 7, "decision", None]], doc_id="a"),
        gold_doc(text, [[0, 3, "decision", None], [8, 11, "context", None]], doc_id="b"),
    ]
    baseline = MajorityBaseline.fit(docs)
    assert baseline.majority == "decision"
    assert "2 of 4" in baseline.description
    # a tie goes to the order of SENTENCE_LABELS: position, decision, context
    assert MajorityBaseline.fit(docs[:1]).majority == "position"
    assert MajorityBaseline.fit([]).majority == "context"
    with pytest.raises(ValueError):
        MajorityBaseline("none")  # type: ignore[arg-type]


def test_baselines_label_the_given_sentences_and_name_no_actor() -> None:
    text = "Het pakket werd aangenomen. De top vond plaats."
    sentences = [Sentence(0, 27, text[0:27], None, "x", "Kop"), Sentence(28, 47, text[28:47])]
    prediction = CueBaseline().predict(sentences)
    assert [(s.start, s.end, s.label, s.actor) for s in prediction.sentences] == [
        (0, 27, "decision", None),
        (28, 47, "context", None),
    ]
    assert prediction.entities is None and prediction.motion_links is None and prediction.boundaries is False
    majority = MajorityBaseline("position").predict(sentences)
    assert [s.label for s in majority.sentences] == ["position", "position"]
