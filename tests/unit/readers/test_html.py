"""The HTML and XML reader: content root, headings, lists, footnote markers and lists, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

import nlp_report
from nlp_report.readers.html import html_document


def text_of(markup: str, fmt: str = "html") -> str:
    return html_document(markup, source="x.html", fmt=fmt).text  # type: ignore[arg-type]


def test_site_chrome_is_left_out_and_main_is_read() -> None:
    page = """<html><head><title> Kamerbrief  over NAVO </title><style>p{}</style></head><body>
    <header><a href="/">Rijksoverheid</a><nav><ul><li>Home</li></ul></nav></header>
    <div class="breadcrumbs">U bent hier</div>
    <main><h1>Kamerbrief over de NAVO-top</h1>
    <p class="intro">Het kabinet   informeert de Kamer.</p><script>var x = "geen tekst";</script>
    <p>Nederland steunt <a href="/x">het voorstel</a>.<span class="visually-hidden">Link opent extern</span></p>
    <p hidden>Verborgen.</p></main>
    <footer><p>Dit is een website van de Rijksoverheid.</p></footer></body></html>"""
    doc = html_document(page, source="x.html")
    assert doc.text == (
        "Kamerbrief over de NAVO-top\n\nHet kabinet informeert de Kamer.\n\nNederland steunt het voorstel.\n"
    )
    assert doc.title == "Kamerbrief over NAVO"


def test_body_without_main_and_implicit_paragraph_ends() -> None:
    assert text_of("<body><p>Een<p>Twee<div>Drie</div>vier<br>vijf</body>") == "Een\n\nTwee\n\nDrie\n\nvier\nvijf\n"


def test_lists() -> None:
    markup = """<body><p>Inzet:</p><ul><li>steun aan Oekraïne;<li>sancties.</ul>
    <ol start="3"><li><p>derde</p><p>met uitleg</p></li><li>vierde<ul><li>genest</li></ul></li></ol></body>"""
    assert text_of(markup) == (
        "Inzet:\n\n- steun aan Oekraïne;\n- sancties.\n\n3. derde\n\nmet uitleg\n\n4. vierde\n- genest\n"
    )


def test_markers_and_a_footnote_list_with_backlinks() -> None:
    markup = """<body><main><p>De motie Van Haga<sup><a href="#fn1">1</a></sup> en het besluit uit 2022<sup>2</sup>.</p>
    <p>Oppervlakte in m<sup>e</sup>.</p></main>
    <div class="footnotes"><h2>Noten</h2><ol><li id="fn1">Kamerstuk 28 676, nr. 394 <a href="#r1">↩</a></li>
    <li id="fn2">Kamerstuk 21 501-20, nr. 1786</li></ol></div></body>"""
    assert text_of(markup) == (
        "De motie Van Haga1 en het besluit uit 2022².\n\nOppervlakte in me.\n\n"
        "1 Kamerstuk 28 676, nr. 394\n\n2 Kamerstuk 21 501-20, nr. 1786\n"
    )


@pytest.mark.parametrize(
    "notes",
    [
        '<div class="voet noot"><p><span class="nootnum">1</span> Kamerstuk 28 676, nr. 394</p></div>',
        '<div id="noten"><dl><dt><sup>1</sup></dt><dd>Kamerstuk 28 676, nr. 394</dd></dl></div>',
        '<aside role="doc-endnotes"><p><sup>1</sup>Kamerstuk 28 676, nr. 394</p></aside>',
    ],
)
def test_footnote_list_variants(notes: str) -> None:
    body = '<p>De motie Van Haga<a class="noot" href="#n1">1</a> is aangenomen.</p>'
    markup = f'<body><div id="broodtekst">{body}{notes}</div></body>'
    assert text_of(markup) == "De motie Van Haga1 is aangenomen.\n\n1 Kamerstuk 28 676, nr. 394\n"


def test_officielebekendmakingen_xml() -> None:
    xml = """<?xml version="1.0" encoding="UTF-8"?>
    <officiele-publicatie><metadata><meta name="DC.title" content="Raad Algemene Zaken; Brief regering"/></metadata>
    <kamerstuk><kamerstukkop><kamer nummer="2">Tweede Kamer der Staten-Generaal</kamer></kamerstukkop>
    <stuk><titel>BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN</titel>
    <algemeen><al>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</al></algemeen>
    <tussenkop>Inzet van het kabinet</tussenkop>
    <al>Het kabinet steunt de motie Van Haga<noot id="n1"><noot.nr>1</noot.nr>
    <noot.al>Kamerstuk 28 676, nr. 394</noot.al></noot>.
    Zie ook <nadruk type="cur">eerder</nadruk> de motie<nootref refid="n1"/> hierover.</al>
    <lijst type="ongemarkeerd"><li><li.nr>–</li.nr><al>steun aan Oekraïne;</al></li>
    <li><li.nr>–</li.nr><al>sancties.</al></li></lijst>
    <lijst type="expliciet"><li><li.nr>a.</li.nr><al>eerste</al></li></lijst>
    </stuk></kamerstuk></officiele-publicatie>"""
    doc = html_document(xml, source="kst.xml", fmt="xml")
    assert doc.format == "xml" and doc.title == "Raad Algemene Zaken; Brief regering"
    assert doc.text == (
        "Tweede Kamer der Staten-Generaal\n\n"
        "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Inzet van het kabinet\n\n"
        "Het kabinet steunt de motie Van Haga1. Zie ook eerder de motie1 hierover.\n\n"
        "- steun aan Oekraïne;\n- sancties.\n\n"
        "a. eerste\n\n"
        "1 Kamerstuk 28 676, nr. 394\n"
    )


def test_declared_charset_and_files(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Oekraïne – € 5 miljoen</p></body></html>'
    (tmp_path / "a.html").write_bytes(page.encode("cp1252"))
    doc = nlp_report.read(tmp_path / "a.html")
    assert doc.text == "Oekraïne – € 5 miljoen\n" and doc.encoding == "windows-1252"
    (tmp_path / "b.htm").write_bytes(page.replace("windows-1252", "utf-8").encode("utf-8"))
    assert nlp_report.read(tmp_path / "b.htm").encoding == "utf-8"


def test_a_wrong_charset_declaration_falls_back_to_detection(tmp_path: Path) -> None:
    page = '<meta charset="utf-8"><p>Oekraïne</p>'
    (tmp_path / "a.html").write_bytes(page.encode("cp1252"))
    assert nlp_report.read(tmp_path / "a.html").text == "Oekraïne\n"


def test_xml_saved_as_html_is_read_as_xml() -> None:
    doc = html_document("<?xml version='1.0'?><kamerstuk><al>Hallo</al><al>Daar</al></kamerstuk>", source="x.html")
    assert doc.format == "xml" and doc.text == "Hallo\n\nDaar\n"


def test_markup_nested_too_deeply_is_a_read_error() -> None:
    with pytest.raises(nlp_report.CorruptFileError, match="nested too deeply"):
        text_of("<div>" * 5000 + "tekst" + "</div>" * 5000)
