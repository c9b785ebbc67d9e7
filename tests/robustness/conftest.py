"""Texts shared by the robustness tests: the corpus letters and perturbed variants of them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.conftest import CORPORA

from .strategies import CONTROL, INVISIBLE, SPACES, wrap

_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every robustness test is ``slow``: property tests and corpus runs stay out of ``-m "not slow"``."""
    for item in items:
        if _HERE in item.path.resolve().parents:
            item.add_marker(pytest.mark.slow)


def variants(text: str, seed: int) -> list[str]:
    """``text`` as PDF extraction gives it (wrapped, CRLF) and with invisible and control characters."""
    rng = random.Random(seed)
    wrapped = wrap(text, rng.randint(55, 90), trailing=" ", hyphenate=True).replace("\n", "\r\n")
    chars = list(text)
    for _ in range(len(chars) // 200):
        i = rng.randrange(len(chars))
        chars.insert(i, rng.choice([*INVISIBLE, *CONTROL, *SPACES]))
    return [text, wrapped, "".join(chars)]


@pytest.fixture(scope="session")
def corpus_texts() -> list[str]:
    """Every raw corpus letter, as it is and in two perturbed variants."""
    texts = []
    for seed, path in enumerate(sorted((CORPORA / "raw").glob("*.txt"))):
        texts += variants(path.read_text(encoding="utf-8"), seed)
    return texts
