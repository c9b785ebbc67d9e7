"""The gazetteer: CLDR names through Babel, the data files' own rules, and their checks."""

from __future__ import annotations

from collections import Counter

import pytest
from babel import Locale

from nlp_report.entities.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    cldr_country_names,
    fold,
    packaged_gazetteer,
    parse_entries,
    sovereign_states,
)
from nlp_report.errors import GazetteerError
from nlp_report.resources import iter_jsonl

# the kb_id table of corpora/ANNOTATION.md: every id with every name it lists
CONTRACT_IDS = {
    "NATO": ["NAVO", "Navo", "NATO", "Noord-Atlantische Verdragsorganisatie"],
    "NAC": ["Noord-Atlantische Raad", "NAR"],
    "EU": ["EU", "Europese Unie"],
    "EUCO": ["Europese Raad", "ER"],
    "FAC": ["Raad Buitenlandse Zaken", "RBZ"],
    "GAC": ["Raad Algemene Zaken", "RAZ"],
    "GAERC": ["Raad Algemene Zaken en Externe Betrekkingen", "RAZEB"],
    "JHA": ["JBZ-Raad", "Raad Justitie en Binnenlandse Zaken"],
    "EC": ["Europese Commissie"],
    "EP": ["Europees Parlement", "EP"],
    "UN": ["VN", "Verenigde Naties"],
    "UNSC": ["VN-Veiligheidsraad", "Veiligheidsraad"],
    "OSCE": ["OVSE"],
    "COE": ["Raad van Europa"],
    "ICC": ["Internationaal Strafhof"],
    "TK": ["Tweede Kamer"],
    "EK": ["Eerste Kamer"],
    "MINBUZA": ["Ministerie van Buitenlandse Zaken"],
    "MINDEF": ["Ministerie van Defensie", "Defensie"],
    "BENELUX": ["Benelux"],
    "AU": ["Afrikaanse Unie"],
    "COUNCIL": ["Raad van de Europese Unie", "Raad van de EU"],
    "EUROGROUP": ["Eurogroep"],
    "ECOFIN": ["Ecofinraad", "Ecofin", "Begrotingsraad"],
    "ENVI": ["Milieuraad"],
    "AGRIFISH": ["Landbouw- en Visserijraad"],
    "EPSCO": ["Raad Werkgelegenheid en Sociaal Beleid, Volksgezondheid en Consumentenzaken", "Raad WSBVC"],
    "ESM": ["Europees Stabiliteitsmechanisme", "ESM"],
    "IAEA": ["IAEA"],
    "IMF": ["IMF"],
    "WTO": ["WTO"],
    "OECD": ["OESO"],
    "DIANA": ["DIANA", "Defence Innovation Accelerator for the North Atlantic"],
}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return packaged_gazetteer()


def test_every_sovereign_state_is_a_country(gazetteer: Gazetteer) -> None:
    states = sovereign_states()
    assert len(states) == len(set(states)) == 197
    assert gazetteer.ids("COUNTRY") == set(states)


def test_country_names_come_from_cldr(gazetteer: Gazetteer) -> None:
    """Every CLDR name is used, unless the data file skips it; the data file does not repeat CLDR."""
    territories = Locale.parse("nl").territories
    skipped = {name for record in iter_jsonl("countries/names.jsonl") for name in record.get("skip_cldr", [])}
    assert skipped == {"Palestijnse gebieden"}
    for code in sovereign_states():
        for name in cldr_country_names()[code]:
            if name in skipped:
                assert gazetteer.get(name) is None
            else:
                entry = gazetteer.get(name)
                assert entry is not None and entry.kb_id == code, name
        assert territories[code]
    for record in iter_jsonl("countries/names.jsonl"):
        assert not set(record["aliases"]) & set(cldr_country_names()[record["code"]]), record["code"]
    assert cldr_country_names()["MM"] == ("Myanmar", "Birma")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("VS", "US"),
        ("VK", "GB"),
        ("Verenigd Koninkrijk", "GB"),
        ("Bosnië-Herzegovina", "BA"),
        ("Zuid-Korea", "KR"),
        ("Noord-Korea", "KP"),
        ("Tsjechië", "CZ"),
        ("Belarus", "BY"),
        ("Wit-Rusland", "BY"),
        ("Russische", "RU"),
        ("Russisch", "RU"),
        ("Oekraïense", "UA"),
        ("Oekraïens", "UA"),
        ("Chinese", "CN"),
        ("Chinees", "CN"),
        ("Amerikaanse", "US"),
        ("Britse", "GB"),
        ("Franse", "FR"),
        ("Duitse", "DE"),
        ("Nederlandse", "NL"),
        ("Kosovo", "XK"),
    ],
)
def test_short_forms_aliases_and_adjectives(gazetteer: Gazetteer, text: str, code: str) -> None:
    entry = gazetteer.get(text)
    assert entry is not None and (entry.label, entry.kb_id) == ("COUNTRY", code)


def test_most_states_have_adjectives(gazetteer: Gazetteer) -> None:
    with_adjective = {e.kb_id for e in gazetteer if e.kind in ("adjective", "bare_adjective")}
    assert len(with_adjective) >= 180
    kinds = Counter(e.kind for e in gazetteer if e.label == "COUNTRY")
    assert kinds["adjective"] >= 180 and kinds["bare_adjective"] >= 180


@pytest.mark.parametrize("text", ["Congo", "Koreaanse", "Palestijnse", "Amerika", "Europa", "Holland", "Engeland"])
def test_ambiguous_strings_and_regions_are_left_out(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.get(text) is None


def test_the_contracts_kb_ids(gazetteer: Gazetteer) -> None:
    for kb_id, names in CONTRACT_IDS.items():
        for name in names:
            entry = gazetteer.get(name)
            assert entry is not None and (entry.label, entry.kb_id) == ("ORG", kb_id), name


def test_organisation_file() -> None:
    records = list(iter_jsonl("organisations.jsonl"))
    assert len(records) >= 150
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    strings = [s for r in records for s in r["names"] + r["abbreviations"]]
    assert len(strings) == len(set(strings))
    for required in ("NATO", "EU", "EUCO", "COUNCIL", "EC", "EP", "EEAS", "UN", "UNSC", "OSCE", "COE", "IAEA", "IMF"):
        assert required in ids
    for required in ("WORLDBANK", "WTO", "OECD", "G7", "G20", "TK", "EK", "ICC"):
        assert required in ids


def test_no_string_is_both_a_country_and_an_organisation() -> None:
    countries = {name for names in cldr_country_names().values() for name in names}
    for record in iter_jsonl("countries/names.jsonl"):
        countries.update(record["aliases"], record["adjectives"])
    organisations = {s for r in iter_jsonl("organisations.jsonl") for s in r["names"] + r["abbreviations"]}
    assert len(countries) > 600 and len(organisations) > 600
    assert countries.isdisjoint(organisations)


def test_names_match_in_capitals_and_without_diacritics(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("EUROPESE RAAD") == gazetteer.get("Europese Raad")
    assert gazetteer.lookup("OEKRAÏNE") == gazetteer.get("Oekraïne")
    assert gazetteer.lookup("Oekraine") == gazetteer.get("Oekraïne")
    assert gazetteer.lookup("Rbz") is None  # abbreviations only as written
    assert fold("Bosnië-Herzegovina") == "Bosnie-Herzegovina"


def test_a_string_for_two_ids_is_an_error() -> None:
    gazetteer = Gazetteer([GazetteerEntry("NAVO", "ORG", "NATO", "abbreviation")])
    with pytest.raises(GazetteerError, match=r"E021.*'NAVO' is listed for ORG NATO and for ORG OTHER"):
        gazetteer.add([GazetteerEntry("NAVO", "ORG", "OTHER", "abbreviation")], origin="mine.jsonl")
    gazetteer.add([GazetteerEntry("NAVO", "ORG", "OTHER", "abbreviation")], override=True)
    assert gazetteer.get("NAVO") == GazetteerEntry("NAVO", "ORG", "OTHER", "abbreviation")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"code": "ZZ", "aliases": ["Nergensland"]}, "is not a code of countries/sovereign_states.txt"),
        ({"id": "nato", "names": ["NAVO"]}, "capitals and digits"),
        ({"id": "X Y", "names": ["NAVO"]}, "capitals and digits"),
        ({"id": "GL--PVDA", "names": ["GroenLinks-PvdA"]}, "joined by single hyphens"),
        ({"id": "-NATO", "names": ["NAVO"]}, "joined by single hyphens"),
        ({"id": "NATO", "names": "NAVO"}, "must be a list of non-empty strings"),
        ({"id": "NATO", "names": [" NAVO"]}, "without outer spaces"),
        ({"name": "NAVO"}, "needs 'code'"),
    ],
)
def test_malformed_records(record: dict[str, object], message: str) -> None:
    with pytest.raises(GazetteerError, match=message):
        list(parse_entries([record], "mine.jsonl"))


def test_kb_id_with_hyphens_is_accepted() -> None:
    """The real letters' conventions use ids such as ``SPACE-COUNCIL`` (``../shared/corpus/CONVENTIONS.md``)."""
    entries = list(parse_entries([{"id": "SPACE-COUNCIL", "names": ["EU-ESA Ruimteraad"]}], "x"))
    assert [(e.text, e.kb_id) for e in entries] == [("EU-ESA Ruimteraad", "SPACE-COUNCIL")]


def test_adjective_kinds() -> None:
    entries = list(parse_entries([{"code": "FR", "aliases": ["FRA"], "adjectives": ["Franse", "Frans"]}], "x"))
    assert [(e.text, e.kind) for e in entries] == [
        ("FRA", "abbreviation"),
        ("Franse", "adjective"),
        ("Frans", "bare_adjective"),
    ]


def test_data_readme_documents_every_file() -> None:
    from nlp_report.resources import read_text

    readme = read_text("README.md")
    for name in (
        "countries/sovereign_states.txt",
        "countries/names.jsonl",
        "organisations.jsonl",
        "entities/exclusions.jsonl",
        "entities/eu_mission_acronyms.txt",
        "entities/region_prefixes.txt",
        "entities/caps_ambiguous.txt",
        "entities/abbreviation_heads.txt",
        "entities/abbreviation_blockers.txt",
        "entities/document_nouns.txt",
        "entities/motion_stopwords.txt",
    ):
        assert f"`{name}`" in readme, name
