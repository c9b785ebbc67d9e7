"""The HTML display: structure of the seed page, escaping, self-containment, the small displays, displaCy colours."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from importlib.metadata import entry_points
from typing import Any

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlp_report
from nlp_report import colours, display
from nlp_report.errors import DataFileError
from nlp_report.explore import one_line
from nlp_report.types import Entity, Footnote, Report, Section, Sentence
from tests.conftest import CORPORA

SCRIPT = "<script>alert(1)</script>"


def parse(page: str) -> Any:
    return lxml.html.document_fromstring(page)


def strict_parse(page: str) -> None:
    """Parse with html5lib in strict mode: any HTML5 parse error raises."""
    html5lib = pytest.importorskip("html5lib")
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def sentence_elements(doc: Any) -> list[Any]:
    return list(doc.xpath('//span[contains(concat(" ", @class, " "), " nr-s ")]'))


def own_text(element: Any) -> str:
    """The text of a sentence element without its tag, actor and entity labels."""
    copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode", with_tail=False))
    for extra in copy.xpath(
        './/span[contains(@class, "nr-tag") or contains(@class, "nr-actor") or @class="nr-e-label"]'
    ):
        extra.drop_tree()
    return str(copy.text_content())


@pytest.fixture(scope="module")
def seed_page(seed_report: Report) -> str:
    return nlp_report.render(seed_report)


@pytest.fixture(scope="module")
def seed_doc(seed_page: str) -> Any:
    return parse(seed_page)


# --- the seed page ---------------------------------------------------------------------


def test_the_page_is_a_valid_self_contained_html5_document(seed_page: str, seed_doc: Any) -> None:
    assert seed_page.startswith("<!DOCTYPE html>\n<html")
    strict_parse(seed_page)
    assert seed_doc.xpath("/html/@lang") == ["nl"]
    assert seed_doc.xpath("//head/meta/@charset") == ["utf-8"]
    assert seed_doc.xpath("//title/text()") == ["navo-fmm-2022-04.txt · nlp_report"]
    assert len(seed_doc.xpath("//style")) == 1 and not seed_doc.xpath("//body//style")
    # nothing is loaded: no external script, style sheet, image, frame or font; the one inline script is the
    # packaged filter bar
    from nlp_report.display.document import filter_script

    assert [s.text.strip() for s in seed_doc.xpath("//script")] == [filter_script().strip()]
    assert not seed_doc.xpath("//link | //img | //iframe | //object | //embed")
    assert not seed_doc.xpath("//@src") and not seed_doc.xpath("//@*[starts-with(name(), 'on')]")
    css = seed_doc.xpath("//style/text()")[0]
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    # links stay on the page, except those to the Kamerstukken
    for href in seed_doc.xpath("//a/@href"):
        assert href.startswith("#") or href.startswith("https://zoek.officielebekendmakingen.nl/"), href


def test_every_sentence_is_there_once_with_its_label_tag_and_actor(seed_report: Report, seed_doc: Any) -> None:
    elements = sentence_elements(seed_doc)
    assert len(elements) == len(seed_report.sentences)
    for element, sentence in zip(elements, seed_report.sentences, strict=True):
        assert (int(element.get("data-start")), int(element.get("data-end"))) == (sentence.start, sentence.end)
        assert element.get("data-label") == sentence.label
        assert f"nr-s-{sentence.label}" in element.get("class").split()
        tags = element.xpath('./span[contains(@class, "nr-tag")]')
        assert [t.text_content() for t in tags] == [sentence.label]
        assert element.get("data-actor") == sentence.actor
        actors = [a.text_content() for a in element.xpath('./span[contains(@class, "nr-actor")]')]
        assert actors == ([sentence.actor] if sentence.actor else [])
        assert element.get("data-section") == sentence.section
        assert own_text(element) == one_line(sentence.text)
    # no sentence text shows up twice anywhere in the document
    body = own_text(seed_doc.xpath('//div[@class="nr-doc"]')[0])
    for sentence in seed_report.sentences:
        assert body.count(one_line(sentence.text)) == 1, sentence


def test_every_entity_is_marked_with_its_label_and_kb_id(seed_report: Report, seed_doc: Any) -> None:
    marks = {(int(m.get("data-start")), int(m.get("data-end"))): m for m in seed_doc.xpath("//mark[@data-start]")}
    assert len(seed_doc.xpath("//mark[@data-start]")) == len(seed_report.entities)
    for entity in seed_report.entities:
        mark = marks[(entity.start, entity.end)]
        assert mark.get("data-label") == entity.label
        assert mark.get("data-kb-id") == entity.kb_id
        assert f"nr-e-{entity.label}" in mark.get("class").split()
        assert entity.label in mark.get("title") and (entity.kb_id or "") in mark.get("title")
        assert mark.xpath('./span[@class="nr-e-label"]')[0].text_content() == entity.label
        assert own_text(mark) == one_line(entity.text)


def test_a_motion_shows_its_kamerstuk(seed_report: Report, seed_doc: Any) -> None:
    for motion in seed_report.motions:
        assert motion.kamerstuk is not None
        mark = seed_doc.xpath(f'//mark[@data-start="{motion.start}"]')[0]
        assert f"Kamerstuk {motion.kamerstuk.kb_id}" in mark.get("title")
    links = seed_doc.xpath('//table[@class="nr-motions"]//a/@href')
    assert links == [m.kamerstuk.url for m in seed_report.motions if m.kamerstuk]


def test_headings_and_the_contents(seed_report: Report, seed_doc: Any) -> None:
    headings = seed_doc.xpath('//h2[@class="nr-h"]')
    assert [one_line(h.text_content()).replace("ORG", "").replace("COUNTRY", "") for h in headings] == [
        s.title for s in seed_report.sections
    ]
    assert [h.get("id") for h in headings] == [f"sec-{i}" for i in range(1, len(headings) + 1)]
    assert seed_doc.xpath('//nav[@class="nr-toc"]//a/@href') == [f"#sec-{i}" for i in range(1, len(headings) + 1)]


def test_footnote_markers_link_to_the_footnotes_and_back(seed_report: Report, seed_doc: Any) -> None:
    ids = Counter(seed_doc.xpath("//@id"))
    assert all(n == 1 for n in ids.values()), "ids are unique"
    for href in seed_doc.xpath("//a/@href"):
        if href.startswith("#"):
            assert href[1:] in ids, href
    notes = seed_doc.xpath('//ol[@class="nr-notes"]/li')
    assert [li.get("id") for li in notes] == [f"fn-{f.number}" for f in seed_report.footnotes]
    for note, footnote in zip(notes, seed_report.footnotes, strict=True):
        assert note.text_content().startswith(one_line(footnote.text))
        assert note.xpath('./a[@class="nr-back"]/@href') == [f"#fnref-{footnote.number}"]
        ref = seed_doc.xpath(f'//a[@id="fnref-{footnote.number}"]')[0]
        assert ref.get("href") == f"#fn-{footnote.number}"
        assert ref.text_content() == seed_report.text[footnote.marker_start : footnote.marker_end]
        # the marker stands in the sentence it belongs to
        sentence = ref.xpath('ancestor::span[contains(@class, "nr-s ")]')[0]
        assert int(sentence.get("data-start")) <= footnote.marker_start < int(sentence.get("data-end"))
    # the footnote lines are not repeated in the text where they stand (at a page foot)
    body = seed_doc.xpath('//div[@class="nr-doc"]')[0].text_content()
    assert "Kamerstuk 28 676, nr. 394" not in body


def test_line_wraps_read_as_spaces_and_hyphen_wraps_are_joined(seed_doc: Any) -> None:
    body = seed_doc.xpath('//div[@class="nr-doc"]')[0].text_content()
    assert "\n" not in "".join(e.text_content() for e in sentence_elements(seed_doc))
    assert "-ministers van Buitenlandse Zaken plaats in Brussel" in body  # NAVO-\nministers
    assert "Nieuw-Zeeland" in body and "non-proliferatie" in body
    assert "crisis management" in body  # crisis\nmanagement


def test_text_outside_sentences_is_muted_and_furniture_left_out(seed_report: Report, seed_doc: Any) -> None:
    kinds = Counter(div.get("data-kind") for div in seed_doc.xpath('//div[contains(@class, "nr-x")]'))
    assert kinds == {"salutation": 1, "signature": 2}
    body = seed_doc.xpath('//div[@class="nr-doc"]')[0].text_content()
    assert "[Afzender]" not in body and "BZDOC-142826276-26" not in body
    shown = parse(nlp_report.render(seed_report, furniture=True))
    furniture = shown.xpath('//div[@data-kind="furniture"]')
    assert "[Afzender]" in " ".join(div.text_content() for div in furniture)
    assert len(sentence_elements(shown)) == len(seed_report.sentences)


def test_the_legend_counts_labels_and_entities(seed_report: Report, seed_doc: Any) -> None:
    keys = {
        key.xpath("./span[1]")[0].text_content(): int(key.xpath('./span[@class="nr-count"]')[0].text_content())
        for key in seed_doc.xpath('//div[@class="nr-legend"]/span[@class="nr-key"]')
    }
    labels = Counter(s.label for s in seed_report.sentences)
    entities = Counter(e.label for e in seed_report.entities)
    assert keys == {
        **{k: labels[k] for k in nlp_report.SENTENCE_LABELS},
        **{k: entities[k] for k in nlp_report.ENTITY_LABELS},
    }


def test_entity_labels_can_be_left_to_the_tooltip(seed_report: Report) -> None:
    doc = parse(nlp_report.render(seed_report, entity_labels=False))
    assert not doc.xpath('//span[@class="nr-e-label"]')
    assert len(doc.xpath("//mark[@data-start]")) == len(seed_report.entities)


# --- escaping and odd reports -------------------------------------------------------------


def test_text_with_markup_stays_text(analyzer: nlp_report.Analyzer) -> None:
    text = f'Nederland steunt het voorstel {SCRIPT} van de NAVO.\n\nHet kabinet besluit "x" & <b>y</b> te doen.'
    report = analyzer.analyze(text, source=f"{SCRIPT}.txt")
    sentence = report.sentences[0]
    report = Report(
        report.text,
        report.source,
        f"model {SCRIPT}",
        (
            Sentence(sentence.start, sentence.end, sentence.text, "position", f'actor "{SCRIPT}', f"<i>{SCRIPT}</i>"),
            *report.sentences[1:],
        ),
        tuple(Entity(e.start, e.end, e.text, e.label, f'"><script>{e.kb_id}') for e in report.entities),
    )
    full_page = nlp_report.render(report)
    for page in (full_page, display.render_fragment(report), report.sentences[0]._repr_html_()):
        assert SCRIPT not in page and "<b>" not in page and "<i>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        scripts = 1 if page is full_page else 0  # the page's own filter script, nothing from the report
        assert len(parse(page).xpath("//script")) == scripts and not parse(page).xpath("//b | //i")
    doc = parse(nlp_report.render(report))
    assert SCRIPT in doc.xpath("//title/text()")[0]
    element = sentence_elements(doc)[0]
    assert element.get("data-actor") == f'actor "{SCRIPT}'
    assert SCRIPT in own_text(element)
    assert doc.xpath("//mark/@data-kb-id")[0] == report.entities[0].kb_id
    strict_parse(nlp_report.render(report))


def test_characters_html_forbids_are_replaced() -> None:
    text = "Nederland\x00 steunt\x07 het\ud800 voorstel.\x0c"
    report = Report(text, None, "m", (Sentence(0, len(text) - 1, text[:-1], "position", "Nederland"),))
    page = nlp_report.render(report)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", page)
    page.encode("utf-8")  # writable
    strict_parse(page)


def test_an_empty_report_and_one_without_labels() -> None:
    assert sentence_elements(parse(nlp_report.render(Report("", None, "m")))) == []
    text = "Kop\n\nNederland steunt het voorstel. Het kabinet besluit."
    report = Report(
        text,
        "x.txt",
        "m",
        (Sentence(5, 35, text[5:35]), Sentence(36, len(text), text[36:])),
        sections=(Section(0, 3, "Kop", "Kop"),),
    )
    doc = parse(nlp_report.render(report))
    assert [e.get("data-label") for e in sentence_elements(doc)] == ["none", "none"]
    assert [t.text_content() for t in doc.xpath('//span[contains(@class, "nr-tag-none")]')][-2:] == ["no label"] * 2


def test_crossing_and_nested_entities_and_repeated_footnote_numbers() -> None:
    text = "De NAVO en de EU steunen Oekraïne. Tweede zin.\n\n1 eerste noot\n1 tweede noot"
    at = text.index
    entities = (
        Entity(at("NAVO"), at("EU") + 2, "NAVO en de EU", "ORG"),
        Entity(at("NAVO"), at("NAVO") + 4, "NAVO", "ORG", "NATO"),
        Entity(at("Oekraïne"), at("Tweede") + 6, text[at("Oekraïne") : at("Tweede") + 6], "COUNTRY", "UA"),
    )
    sentences = (Sentence(0, at("Tweede") - 1, text[: at("Tweede") - 1]), Sentence(at("Tweede"), at("zin.") + 4, "x"))
    notes = (
        Footnote(1, at("eerste"), at("eerste") + 11, "eerste noot", at("EU") + 1, at("EU") + 2),
        Footnote(1, at("tweede"), at("tweede") + 11, "tweede noot"),
    )
    report = Report(text, None, "m", sentences, entities, footnotes=notes)
    page = nlp_report.render(report)
    strict_parse(page)
    doc = parse(page)
    assert Counter(m.get("data-start") for m in doc.xpath("//mark")) == {"3": 2, str(at("Oekraïne")): 2}
    assert len(doc.xpath('//mark[contains(@class, "nr-e-part")]')) == 2  # the entity across two sentences
    assert doc.xpath("//li/@id") == ["fn-1", "fn-1-2"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'-\n\u00ad\r1é")), min_size=0, max_size=60),
    cuts=st.lists(st.integers(min_value=0, max_value=60), max_size=8),
    others=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6),
)
def test_any_report_renders_to_valid_html(text: str, cuts: list[int], others: list[tuple[int, int]]) -> None:
    """Whatever the spans (overlapping, crossing, on white space), the page is valid and complete."""
    points = sorted({c for c in cuts if c <= len(text)})
    spans = [(a, b) for a, b in zip(points[::2], points[1::2], strict=False) if b > a]
    extra = [(min(a, b), max(a, b)) for a, b in others if max(a, b) <= len(text) and a != b]
    sentences = tuple(Sentence(a, b, text[a:b], "context") for a, b in spans)
    entities = tuple(Entity(a, b, text[a:b], "ORG") for a, b in [*spans[:2], *extra[:3]])
    sections = tuple(Section(a, b, text[a:b], text[a:b]) for a, b in extra[3:5])
    notes = tuple(Footnote(i + 1, a, b, text[a:b], a, a + 1) for i, (a, b) in enumerate(extra[5:]))
    report = Report(text, text[:5] or None, "m", sentences, entities, (), sections, notes)
    page = nlp_report.render(report)
    strict_parse(page)
    doc = parse(page)
    assert len(sentence_elements(doc)) == len(sentences)
    ids = Counter(doc.xpath("//@id"))
    assert all(n == 1 for n in ids.values())
    assert all(h[1:] in ids for h in doc.xpath("//a/@href") if h.startswith("#"))


# --- fragments and the small displays -----------------------------------------------------


def test_the_notebook_display_is_a_fragment_with_ids_of_its_own(
    seed_report: Report, analyzer: nlp_report.Analyzer
) -> None:
    fragment = seed_report._repr_html_()
    assert fragment == display.render_fragment(seed_report)
    assert fragment.startswith("<style>") and "<!DOCTYPE" not in fragment and "<html" not in fragment
    doc = lxml.html.fragment_fromstring(fragment, create_parent="div")
    prefix = doc.xpath('//div[@class="nlp-report"]/@id')[0].removesuffix("report")
    assert prefix.startswith("nr") and prefix.endswith("-")
    assert doc.xpath('//ol[@class="nr-notes"]/li/@id') == [f"{prefix}fn-1", f"{prefix}fn-2"]
    assert all(h[1:].startswith(prefix) for h in doc.xpath("//a/@href") if h.startswith("#"))
    other = analyzer.analyze("Nederland steunt het voorstel.", source="ander.txt")
    assert display.render_fragment(other) != fragment and prefix not in display.render_fragment(other)
    assert display.render_fragment(seed_report, id_prefix="") == fragment.replace(prefix, "")


def test_sentence_and_entity_displays(seed_report: Report) -> None:
    sentence = next(s for s in seed_report.sentences if s.actor)
    doc = lxml.html.fragment_fromstring(sentence._repr_html_())
    assert doc.get("data-label") == sentence.label and doc.get("data-actor") == sentence.actor
    assert doc.text_content() == f"{sentence.label} {sentence.actor} {one_line(sentence.text)} § {sentence.section}"
    assert palette_colour(sentence.label) in sentence._repr_html_()
    entity = seed_report.entities[0]
    mark = lxml.html.fragment_fromstring(entity._repr_html_())
    assert mark.tag == "mark" and mark.get("data-kb-id") == entity.kb_id
    assert mark.text_content() == f"{entity.text}{entity.label} · {entity.kb_id}"
    assert display.palette().entity(entity.label) in entity._repr_html_()


def palette_colour(label: str | None) -> str:
    return display.palette().sentence(label).colour


def test_reports_table(seed_report: Report, analyzer: nlp_report.Analyzer) -> None:
    other = analyzer.analyze("Nederland steunt het voorstel van de NAVO.", source="b/kort.txt")
    table = nlp_report.reports_table([seed_report, other])
    assert isinstance(table, str) and table._repr_html_() == str(table)
    doc = lxml.html.fragment_fromstring(table, create_parent="div")
    header = [th.text_content() for th in doc.xpath("//thead//th")]
    rows = [[td.text_content() for td in tr.xpath("./td")] for tr in doc.xpath("//tbody/tr")]
    assert [r[0] for r in rows] == ["navo-fmm-2022-04", "kort", "total"]
    column = dict(zip(header, zip(*rows, strict=True), strict=True))
    labels = Counter(s.label for s in seed_report.sentences)
    assert column["position"][0] == str(labels["position"]) and column["sentences"][1] == "1"
    assert column["sentences"][2] == str(len(seed_report.sentences) + 1)
    assert column["ORG"][1] == "1"
    assert doc.xpath("//caption/text()") == ["2 documents"]
    assert nlp_report.reports_table(seed_report).count("<tr>") == 2  # one report: header and its row


def test_the_evaluation_display(analyzer: nlp_report.Analyzer) -> None:
    evaluation = nlp_report.evaluate(CORPORA / "gold" / "seed.jsonl", analyzer=analyzer)
    page = evaluation._repr_html_()
    doc = lxml.html.fragment_fromstring(page, create_parent="div")
    captions = [c.text_content() for c in doc.xpath("//caption")]
    assert captions[0] == "Summary" and captions[1].startswith("Sentence labels") and captions[2].startswith("Entities")
    assert captions[3].startswith("Confusion")
    summary = doc.xpath("//table[1]/tbody/tr")
    assert [tr.xpath("./td[1]")[0].text_content() for tr in summary] == [s.name for s in evaluation.systems]
    confusion = evaluation.scores.labels.confusion
    table = doc.xpath("//table[caption[starts-with(., 'Confusion')]]")[0]
    assert [th.text_content() for th in table.xpath(".//thead//th")][1:-1] == list(confusion.predicted_labels)
    for row, values in zip(table.xpath("./tbody/tr"), confusion.matrix, strict=True):
        cells = [td.text_content() for td in row.xpath("./td")]
        assert cells[1:-1] == [str(v) for v in values] and cells[-1] == str(sum(values))
    f1 = evaluation.scores.labels.macro_f1
    assert f"{f1:.3f}" in page
    strict_parse(f"<!DOCTYPE html><html lang=en><head><title>t</title></head><body>{page}</body></html>")


# --- colours --------------------------------------------------------------------------------


def test_the_palette_comes_from_the_data_file() -> None:
    data = json.loads(_colours())
    p = display.palette()
    for label, style in data["sentence_labels"].items():
        assert p.sentence(label).colour == style["colour"].lower()
    assert p.sentence(None) == p.unlabelled and p.sentence("unknown") == p.unlabelled
    assert p.entity("COUNTRY") == data["entity_labels"]["COUNTRY"]["colour"]
    assert p.entity("PERSON") == data["entity_default"]
    css = display.stylesheet()
    assert all(style.colour in css for style in p.sentences.values())


def _colours() -> str:
    from nlp_report.resources import read_text

    return read_text("display/colours.json")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a JSON object"),
        ({"sentence_labels": {}}, "no entry for position"),
        ("bad colour", "expected a colour"),
    ],
)
def test_a_bad_colours_file_is_a_data_file_error(data: Any, message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if data == "bad colour":
        data = json.loads(_colours())
        data["entity_labels"]["ORG"]["colour"] = "red; background: url(x)"
    monkeypatch.setattr(colours, "read_json", lambda name: data)
    display.palette.cache_clear()
    try:
        with pytest.raises(DataFileError, match=message):
            display.palette()
    finally:
        monkeypatch.undo()
        display.palette.cache_clear()


def test_displacy_uses_the_project_colours(analyzer: nlp_report.Analyzer) -> None:
    from spacy import displacy

    doc = analyzer.nlp("Nederland steunt Oekraïne en de NAVO. Het kabinet besluit mee te doen.")
    assert {e.label_ for e in doc.ents} == {"COUNTRY", "ORG"}
    colours = display.displacy_colors()
    page = displacy.render(doc, style="ent")
    assert f"background: {colours['COUNTRY']}" in page and f"background: {colours['ORG']}" in page
    spans = displacy.render(doc, style="span", options={"spans_key": "nlp_report_sentences"})
    assert colours["POSITION"] in spans and colours["DECISION"] in spans


@pytest.mark.slow
def test_the_colours_are_an_entry_point_spacy_loads_by_itself() -> None:
    points = [p for p in entry_points(group="spacy_displacy_colors") if p.name == "nlp_report_colors"]
    if not points:
        pytest.skip("the package metadata predates the entry point (reinstall with pip install -e .)")
    assert points[0].load()() == display.displacy_colors()
    code = (
        "import spacy\n"
        "from spacy import displacy\n"
        "from spacy.tokens import Span\n"
        "doc = spacy.blank('nl')('Nederland steunt Oekraïne')\n"
        "doc.ents = [Span(doc, 2, 3, 'COUNTRY')]\n"
        "print(displacy.render(doc, style='ent'))\n"
    )
    # a fresh interpreter that never imports nlp_report itself: spaCy finds the colours by the entry point
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert f"background: {display.displacy_colors()['COUNTRY']}" in out
