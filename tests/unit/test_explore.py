"""The tables over many reports that the notebook, the display and the plots use."""

from __future__ import annotations

from collections import Counter

import pytest

import nlp_report
from nlp_report import explore
from nlp_report.types import Entity, Report, Sentence


def make_report(source: str | None, sentences: list[tuple[str, str | None, str | None, str | None]]) -> Report:
    """A report of sentences given as (text, label, actor, section), joined by spaces."""
    text = ""
    items = []
    for sentence, label, actor, section in sentences:
        start = len(text)
        text += sentence + " "
        items.append(Sentence(start, start + len(sentence), sentence, label, actor, section))  # type: ignore[arg-type]
    return Report(text, source, "m", tuple(items))


@pytest.fixture
def two() -> list[Report]:
    a = make_report(
        "brieven/a.txt",
        [
            ("Inleiding.", "context", None, None),
            ("Nederland steunt dit.", "position", "Nederland", "Oekraïne"),
            ("De Raad besloot.", "decision", "Raad", "Oekraïne"),
            ("Het kabinet besluit.", "decision", "kabinet", "Oekraïne"),
            ("Iran.", "context", None, "Midden-\nOosten"),
        ],
    )
    b = make_report(None, [("Ik vind dat.", "position", "Ik", None), ("Zonder label.", None, None, None)])
    return [a, b]


def test_document_names() -> None:
    reports = [Report("", s, "m") for s in ("a/b/brief.txt", "C:\\x\\nota.pdf", None, "brief.docx", "naam")]
    assert explore.document_names(reports) == ["brief", "nota", "document 3", "brief (2)", "naam"]


def test_as_reports_takes_one_report_or_any_iterable(two: list[Report]) -> None:
    assert explore.as_reports(two[0]) == [two[0]]
    assert explore.as_reports(iter(two)) == two
    with pytest.raises(TypeError, match="expected Report objects, got str at index 1"):
        explore.as_reports([two[0], "x"])  # type: ignore[list-item]


def test_summary_frame(two: list[Report], seed_report: Report) -> None:
    frame = explore.summary_frame([*two, seed_report])
    assert frame["document"].tolist() == ["a", "document 2", "navo-fmm-2022-04"]
    assert frame[["sentences", "position", "decision", "context", "none"]].values.tolist()[:2] == [
        [5, 1, 2, 2, 0],
        [2, 1, 0, 0, 1],
    ]
    seed = frame.iloc[2]
    entities = Counter(e.label for e in seed_report.entities)
    assert seed["entities"] == len(seed_report.entities) and seed["COUNTRY"] == entities["COUNTRY"]
    assert seed["countries"] == len({e.kb_id for e in seed_report.entities if e.label == "COUNTRY"})
    assert (seed["motions"], seed["sections"], seed["footnotes"]) == (2, 4, 2)


def test_label_counts_per_section_and_per_document(two: list[Report]) -> None:
    per_section = explore.label_counts(two)
    assert per_section.index.names == ["document", "section"]
    assert per_section.index.tolist() == [
        ("a", explore.NO_SECTION),
        ("a", "Oekraïne"),
        ("a", "Midden-Oosten"),
        ("document 2", explore.NO_SECTION),
    ]
    assert per_section.columns.tolist() == ["position", "decision", "context", "none"]
    assert per_section.loc[("a", "Oekraïne")].tolist() == [1, 2, 0, 0]
    per_document = explore.label_counts(two, by="document")
    assert per_document.to_dict("index") == {
        "a": {"position": 1, "decision": 2, "context": 2, "none": 0},
        "document 2": {"position": 1, "decision": 0, "context": 0, "none": 1},
    }
    assert "none" not in explore.label_counts(two[0]).columns
    with pytest.raises(ValueError, match="by must be"):
        explore.label_counts(two, by="actor")  # type: ignore[arg-type]


def test_entity_counts_and_names(seed_report: Report) -> None:
    frame = explore.entity_counts(seed_report, "COUNTRY", top=3)
    mentions = Counter(e.kb_id for e in seed_report.entities if e.label == "COUNTRY")
    assert frame.columns.tolist() == [k for k, _ in sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))][:3]
    assert frame.iloc[0].tolist() == [mentions[k] for k in frame.columns]
    names = explore.entity_names(seed_report)
    assert names["UA"] == "Oekraïne" and names["NATO"] == "NAVO" and names["NZ"] == "Nieuw-Zeeland"
    text = "Duitse en Duitse bedrijven; de VS."
    report = Report(
        text, None, "m", entities=(Entity(0, 6, "Duitse", "COUNTRY", "DE"), Entity(31, 33, "VS", "COUNTRY", "US"))
    )
    assert explore.entity_names(report) == {"DE": "Duitsland", "US": "Verenigde Staten"}


@pytest.mark.parametrize(
    ("actor", "dutch"),
    [
        ("Nederland", True),
        ("kabinet", True),
        ("Het kabinet", True),
        ("Ik", True),
        ("wij", True),
        ("minister van Buitenlandse Zaken", True),
        ("Defensie", True),
        ("Nederland en andere bondgenoten", True),
        ("Nederlandse regering", True),
        ("kabinet per 1 september", True),
        ("Bondgenoten", False),
        ("Raad", False),
        ("NAVO", False),
        ("Armeense regering", False),
        ("regering van Nicolás Maduro", False),
        ("Nederlandse parlement", False),
        ("Uw Kamer", False),
        ("leden van de VVD-fractie", False),
        ("Duitse minister", False),
        ("", False),
        (None, False),
    ],
)
def test_is_netherlands(actor: str | None, dutch: bool) -> None:
    assert explore.is_netherlands(actor) is dutch


def test_netherlands_sentences(two: list[Report]) -> None:
    frame = explore.netherlands_sentences(two)
    assert frame[["document", "label", "actor", "text"]].values.tolist() == [
        ["a", "position", "Nederland", "Nederland steunt dit."],
        ["document 2", "position", "Ik", "Ik vind dat."],
    ]
    both = explore.netherlands_sentences(two, ("position", "decision"))
    assert both["actor"].tolist() == ["Nederland", "kabinet", "Ik"]
    strict = explore.netherlands_sentences(two, ("position", "decision"), match=lambda a: a == "Nederland")
    assert strict["actor"].tolist() == ["Nederland"]
    first = both.iloc[0]
    assert two[0].text[first["start"] : first["end"]] == first["text"]
    assert explore.netherlands_sentences([]).columns.tolist()[:3] == ["document", "source", "section"]
    with pytest.raises(ValueError, match="unknown labels"):
        explore.netherlands_sentences(two, ("positions",))


def test_one_line() -> None:
    assert explore.one_line("de \nNAVO-\nministers en Nieuw-\r\nZeeland; crisis\nmanagement") == (
        "de NAVO-ministers en Nieuw-Zeeland; crisis management"
    )


def test_seed_netherlands_positions(seed_report: Report) -> None:
    frame = explore.netherlands_sentences(seed_report)
    assert set(frame["actor"]) <= {"Nederland", "kabinet", "Ik", "ik"}
    assert len(frame) == sum(1 for s in seed_report.sentences if s.label == "position" and s.actor == "Nederland")
    assert nlp_report.explore is explore
