"""Defects a newcomer met (issue 15, ``../shared/reviews/newcomer.md``), each pinned by a test named after it."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
import spacy

import nlp_report
from nlp_report import analyzer as analyzer_module

ROOT = Path(__file__).resolve().parents[2]


def _fallback_warnings(call: object) -> list[warnings.WarningMessage]:
    if spacy.util.is_package("nl_core_news_sm"):
        pytest.skip("nl_core_news_sm is installed, so there is no fallback to warn about")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()  # type: ignore[operator]
    return [w for w in caught if issubclass(w.category, nlp_report.ModelFallbackWarning)]


def test_fallback_warning_of_load_points_at_the_callers_line() -> None:
    (warning,) = _fallback_warnings(lambda: nlp_report.load())
    assert warning.filename == __file__


def test_fallback_warning_of_analyze_points_at_the_callers_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analyzer_module, "_default", None)
    (warning,) = _fallback_warnings(lambda: nlp_report.analyze("Nederland steunt het voorstel."))
    assert warning.filename == __file__


def test_fallback_message_names_no_direct_url_extra() -> None:
    message = analyzer_module.FALLBACK_MESSAGE
    assert "[model]" not in message and "python -m spacy download nl_core_news_sm" in message


def _extras() -> dict[str, list[str]]:
    """The optional dependencies of pyproject.toml (read as text: tomllib needs Python 3.11)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = text.split("[project.optional-dependencies]", 1)[1].split("\n[", 1)[0]
    extras: dict[str, list[str]] = {}
    for name, body in re.findall(r"^([a-z]+) = \[(.*?)\]$", block, flags=re.M | re.S):
        extras[name] = re.findall(r'"([^"]+)"', body)
    return extras


def test_packaging_has_a_license_and_no_placeholder_or_direct_url() -> None:
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    extras = _extras()
    assert "model" not in extras and {"pdf", "docx", "xlsx", "dev"} <= set(extras)
    for extra, requirements in extras.items():
        assert not [r for r in requirements if "@" in r], extra  # package indexes refuse direct URLs
    assert "example.org" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_readme_install_is_one_type_checkers_see_and_jupyter_lab_comes_with_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install -e ".[dev]" --config-settings editable_mode=compat' in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet -e ".[dev]" --config-settings editable_mode=compat' in ci
    extras = _extras()
    assert [r for r in extras["dev"] if r.startswith("jupyterlab")]
    assert [r for r in extras["notebook"] if r.startswith("jupyterlab")]
    if "jupyter lab" in readme:
        pytest.importorskip("jupyterlab", reason="jupyterlab is not installed: install the README's way")
