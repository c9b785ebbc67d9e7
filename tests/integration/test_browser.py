"""The HTML page's filters, clicked in a real headless Chromium (skipped, with the reason, without one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import nlp_report
from tests.browser import Browser, Page, require_browser

VISIBLE = "[...document.querySelectorAll('.nr-doc .nr-s')].filter(s => s.offsetParent !== null)"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser(require_browser()) as running:
        yield running


@pytest.fixture
def page(browser: Browser, seed_report: nlp_report.Report, tmp_path: Path) -> Iterator[Page]:
    path = tmp_path / "seed.html"
    path.write_text(nlp_report.render(seed_report), encoding="utf-8")
    opened = browser.open(path)
    yield opened
    opened.close()


def _shown(page: Page) -> list[int]:
    starts: list[int] = page.evaluate(f"{VISIBLE}.map(s => Number(s.dataset.start))")
    return starts


def test_the_page_is_one_file_that_loads_nothing(page: Page) -> None:
    assert page.evaluate("performance.getEntriesByType('resource').length") == 0
    assert page.evaluate("document.querySelector('.nr-filter-count').textContent") == "47 of 47 sentences"


def test_filter_by_label(page: Page, seed_report: nlp_report.Report) -> None:
    page.click("input[name=label][value=context]")
    page.click("input[name=label][value=decision]")
    positions = [s.start for s in seed_report.sentences if s.label == "position"]
    assert _shown(page) == positions and len(positions) > 10
    assert (
        page.evaluate("document.querySelector('.nr-filter-count').textContent") == f"{len(positions)} of 47 sentences"
    )
    assert page.evaluate("[...document.querySelectorAll('.nr-x')].every(x => x.offsetParent === null)")
    page.click("button[type=reset]")
    assert len(_shown(page)) == 47


def test_filter_by_entity(page: Page, seed_report: nlp_report.Report) -> None:
    page.choose("select[name=entity]", "COUNTRY:NL")
    with_nl = [
        s.start
        for s in seed_report.sentences
        if any(e.kb_id == "NL" and e.start < s.end and e.end > s.start for e in seed_report.entities)
    ]
    assert _shown(page) == with_nl and 0 < len(with_nl) < 47
    page.click("input[name=label][value=position]")  # the filters combine
    assert _shown(page) == [s.start for s in seed_report.sentences if s.start in with_nl and s.label != "position"]


def test_filter_by_actor_and_section_hides_the_other_headings(page: Page, seed_report: nlp_report.Report) -> None:
    page.choose("select[name=actor]", "Nederland")
    assert _shown(page) == [s.start for s in seed_report.sentences if s.actor == "Nederland"]
    page.choose("select[name=actor]", "")
    section = seed_report.sections[1].title
    page.choose("select[name=section]", section)
    assert _shown(page) == [s.start for s in seed_report.sentences if s.section == section]
    headings = page.evaluate(
        "[...document.querySelectorAll('.nr-doc .nr-h')].filter(h => h.offsetParent !== null)"
        ".map(h => Number(h.dataset.start))"
    )
    assert headings == [seed_report.sections[1].start]


def test_only_the_page_has_the_filter_script(seed_report: nlp_report.Report) -> None:
    from nlp_report.display import render_fragment

    assert nlp_report.render(seed_report).count("<script>") == 1
    assert "<script" not in render_fragment(seed_report)  # notebooks do not run an output's scripts
