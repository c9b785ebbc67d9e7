"""Document metadata read from the text (nlp_report.metadata.extract_info)."""

from __future__ import annotations

import datetime as dt

import nlp_report
from nlp_report.metadata import DocumentInfo, extract_info

KAMERSTUK_LETTER = """Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2023–2024

21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken

Nr. 2790 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 2 februari 2024

Hierbij bied ik u het verslag aan van de Raad Buitenlandse Zaken van
22 januari 2024. Tevens ga ik in op het commissiedebat van 17 januari jl.

De minister van Buitenlandse Zaken,
H.G.J. Bruins Slot

VERSLAG RAAD BUITENLANDSE ZAKEN VAN 22 JANUARI 2024

Oekraïne
De Raad sprak over de steun aan Oekraïne.
"""

MINISTRY_LETTER = """> Retouradres Postbus 20701 2500 ES Den Haag

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Plein 2
2511 CR Den Haag

Onze referentie
BS2024001234

Datum 14 maart 2024
Betreft Geannoteerde agenda informele bijeenkomst EU-ministers van Defensie 20 en 21 maart 2024

Geachte voorzitter,

Hierbij zend ik u de geannoteerde agenda.

De minister van Defensie,

K.H. Ollongren
"""


def test_a_kamerstuk_letter() -> None:
    info = extract_info(KAMERSTUK_LETTER)
    assert info.kind == "meeting_report"
    assert info.date is not None and info.date.value == dt.date(2024, 2, 2)
    assert info.date.text == "2 februari 2024"
    assert info.identity is not None
    assert (info.identity.kb_id, info.identity.chamber, info.identity.year) == ("21501-02-2790", "II", "2023/24")
    assert info.addressee is not None and info.addressee.value.startswith("Aan de Voorzitter")
    signed = [(s.office, s.name) for s in info.signatories]
    assert signed == [("De minister van Buitenlandse Zaken", "H.G.J. Bruins Slot")]
    assert info.meeting is not None
    assert info.meeting.name == "Raad Buitenlandse Zaken"
    assert info.meeting.dates == (dt.date(2024, 1, 22),)
    assert info.title is not None and info.title.value == "VERSLAG RAAD BUITENLANDSE ZAKEN VAN 22 JANUARI 2024"
    for _name, start, end, written in info.spans():
        assert KAMERSTUK_LETTER[start:end] == written


def test_a_ministry_letterhead() -> None:
    info = extract_info(MINISTRY_LETTER)
    assert info.kind == "annotated_agenda"
    assert info.reference is not None and info.reference.value == "BS2024001234"
    assert info.date is not None and info.date.value == dt.date(2024, 3, 14)
    assert info.subject is not None and info.subject.value.startswith("Geannoteerde agenda informele bijeenkomst")
    assert info.meeting is not None
    assert info.meeting.name == "informele bijeenkomst EU-ministers van Defensie"
    assert info.meeting.dates == (dt.date(2024, 3, 20), dt.date(2024, 3, 21))
    assert [(s.office, s.name) for s in info.signatories] == [("De minister van Defensie", "K.H. Ollongren")]
    assert info.identity is None


def test_text_without_metadata_gives_none_everywhere() -> None:
    info = extract_info("Nederland steunt het voorstel.")
    assert info == DocumentInfo()


def test_the_report_of_the_seed(analyzer: nlp_report.Analyzer, seed_text: str) -> None:
    """The issue's example: no date in the text, the NATO foreign ministers' meeting of 6-7 April 2022."""
    info = analyzer.analyze(seed_text).info
    assert info.date is None
    assert info.kind == "meeting_report"
    assert info.reference is not None and info.reference.value == "BZDOC-142826276-26"
    assert [(s.office, s.name) for s in info.signatories] == [("De minister van Buitenlandse Zaken", "W.B. Hoekstra")]
    assert info.meeting is not None
    assert info.meeting.body == "NATO"
    assert info.meeting.dates == (dt.date(2022, 4, 6), dt.date(2022, 4, 7))


def test_a_letters_own_kamerstuk_is_its_identity_not_a_mention(analyzer: nlp_report.Analyzer) -> None:
    report = analyzer.analyze(KAMERSTUK_LETTER)
    assert report.info.identity is not None
    assert not [e for e in report.entities if e.label == "KAMERSTUK"]


def test_info_survives_to_dict_and_from_dict(analyzer: nlp_report.Analyzer) -> None:
    report = analyzer.analyze(KAMERSTUK_LETTER)
    again = nlp_report.Report.from_dict(report.to_dict())
    assert again.info == report.info
