"""The layout rules, read from ``nlp_report/data/layout/`` and compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_json, read_lines


def _words(name: str) -> frozenset[str]:
    return frozenset(word for line in read_lines(name) for word in line.split())


@dataclass(frozen=True, slots=True)
class LayoutRules:
    """Compiled patterns and word lists of the layout stage."""

    furniture: re.Pattern[str]
    furniture_cluster: re.Pattern[str]
    header_strong: re.Pattern[str]
    header_dossier: re.Pattern[str]
    header_caps: re.Pattern[str]
    header_paragraph: re.Pattern[str]
    salutation: re.Pattern[str]
    signature_title: re.Pattern[str]
    signature_continuation: re.Pattern[str]
    signature_name: re.Pattern[str]
    bullet: re.Pattern[str]
    enumerator: re.Pattern[str]
    footnote: re.Pattern[str]
    function_words: frozenset[str]
    abbreviations: frozenset[str]
    names_with_digits: frozenset[str]

    @staticmethod
    def any_match(patterns: re.Pattern[str], line: str) -> bool:
        """Whether ``line`` matches one of the patterns of a list (compiled as one alternation)."""
        return patterns.search(line) is not None


@lru_cache(maxsize=1)
def default_rules() -> LayoutRules:
    """The packaged rules (cached: compiled once per process)."""
    data = read_json("layout/patterns.json")

    def many(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in data[key]))

    return LayoutRules(
        furniture=many("furniture"),
        furniture_cluster=many("furniture_cluster_lines"),
        header_strong=many("header_strong"),
        header_dossier=re.compile(data["header_dossier"]),
        header_caps=re.compile(data["header_caps_continuation"]),
        header_paragraph=re.compile(data["header_paragraph"]),
        salutation=re.compile(data["salutation"]),
        signature_title=many("signature_title"),
        signature_continuation=re.compile(data["signature_continuation"]),
        signature_name=re.compile(data["signature_name"]),
        bullet=re.compile(data["bullet"]),
        enumerator=re.compile(data["enumerator"]),
        footnote=re.compile(data["footnote"]),
        function_words=_words("layout/function_words.txt"),
        abbreviations=_words("layout/abbreviations.txt"),
        names_with_digits=_words("layout/names_with_digits.txt"),
    )
