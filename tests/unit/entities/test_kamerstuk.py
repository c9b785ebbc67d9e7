"""Kamerstuk references: every form of the issue, parsed into KamerstukRef."""

from __future__ import annotations

import pytest

from nlp_report import KamerstukRef
from nlp_report.entities import find_kamerstukken, parse_kamerstuk
from nlp_report.errors import KamerstukError

URL = "https://zoek.officielebekendmakingen.nl/kst-{}.html"


@pytest.mark.parametrize(
    ("text", "dossier", "number", "chamber", "year"),
    [
        ("Kamerstuk 28 676, nr. 394", "28676", "394", None, None),
        ("Kamerstuk 28 676 nr. 397", "28676", "397", None, None),
        ("Kamerstukken II 2021/22, 21 501-02, nr. 2440", "21501-02", "2440", "II", "2021/22"),
        ("Kamerstukken II 2021-2022, 21 501-02, nr. 2440", "21501-02", "2440", "II", "2021/22"),
        ("Kamerstuk 36 200-V, nr. 12", "36200-V", "12", None, None),
        ("Kamerstukken II 2023/24, 36 410 V, nr. 45", "36410-V", "45", "II", "2023/24"),
        ("(28 676, nr. 42)", "28676", "42", None, None),
        ("Kamerstuk 28676-500", "28676", "500", None, None),
        ("kst-28676-394", "28676", "394", None, None),
        ("kst-21501-02-2781", "21501-02", "2781", None, None),
        ("kst-36200-X-12", "36200-X", "12", None, None),
        ("Kamerstukken I 2021/22, 35 925, nr. 3", "35925", "3", "I", "2021/22"),
        ("Kamerstukken I 2020/21, 35 570, A", "35570", "A", "I", "2020/21"),
        ("36 200 X, nr. 188b", "36200-X", "188b", None, None),
        ("Kamerstuk 21 501-02, nr.\n2612", "21501-02", "2612", None, None),
    ],
)
def test_forms(text: str, dossier: str, number: str, chamber: str | None, year: str | None) -> None:
    ref = parse_kamerstuk(text)
    kb_id = f"{dossier}-{number}"
    assert ref == KamerstukRef(dossier, number, kb_id, URL.format(kb_id), chamber, year)  # type: ignore[arg-type]


def test_kb_ids_of_the_issue() -> None:
    assert parse_kamerstuk("Kamerstuk 28 676, nr. 394").kb_id == "28676-394"
    assert parse_kamerstuk("Kamerstukken II 2021/22, 21 501-02, nr. 2440").kb_id == "21501-02-2440"
    assert parse_kamerstuk("Kamerstuk 36 200-V, nr. 12").kb_id == "36200-V-12"
    assert parse_kamerstuk("kst-28676-394").url == "https://zoek.officielebekendmakingen.nl/kst-28676-394.html"


@pytest.mark.parametrize(
    "text",
    ["Handelingen II 2022/23, nr. 52, item 9", "EUCO 19/17", "zaak C-769/22", "Kamerstuk 36 045", "BS2023014872", ""],
)
def test_not_a_reference(text: str) -> None:
    assert list(find_kamerstukken(text)) == []
    with pytest.raises(KamerstukError, match="E023"):
        parse_kamerstuk(text)


def test_two_references_are_not_one() -> None:
    with pytest.raises(KamerstukError):
        parse_kamerstuk("Kamerstuk 28 676, nr. 394 en Kamerstuk 28 676, nr. 397")


def test_spans_in_running_text() -> None:
    text = "Zie (Kamerstuk 28 676, nr. 394) en 32 623, nr. 321; ook kst-28676-397.html en nrs. 5 en 6."
    found = [(text[m.start : m.end], m.ref.kb_id) for m in find_kamerstukken(text)]
    assert found == [
        ("Kamerstuk 28 676, nr. 394", "28676-394"),
        ("32 623, nr. 321", "32623-321"),
        ("kst-28676-397", "28676-397"),
    ]


def test_several_numbers_give_several_references() -> None:
    text = "Kamerstuk 36 045, nrs. 126, 127 en 131."
    found = [(text[m.start : m.end], m.ref.kb_id) for m in find_kamerstukken(text)]
    assert found == [
        ("Kamerstuk 36 045, nrs. 126", "36045-126"),
        ("127", "36045-127"),
        ("131", "36045-131"),
    ]


def test_a_dossier_inside_a_word_or_code_is_no_reference() -> None:
    assert list(find_kamerstukken("BZDOC-28 676, nr. 3")) == []
    assert list(find_kamerstukken("xkst-28676-394")) == []
