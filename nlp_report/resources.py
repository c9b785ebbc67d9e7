"""Access to the data files shipped in ``nlp_report/data``.

All rule data (gazetteers, patterns, cue lists, the trained classifier) is
read through this module with :mod:`importlib.resources`, so it works from a
wheel, a zip or a source checkout alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import DataFileError

if TYPE_CHECKING:
    from importlib.abc import Traversable

PACKAGE = "nlp_report"


def data_path(name: str) -> Traversable:
    """The packaged data file ``nlp_report/data/<name>``."""
    path = resources.files(PACKAGE).joinpath("data")
    for part in name.split("/"):
        path = path.joinpath(part)
    return path


@cache
def read_text(name: str) -> str:
    """The text of a packaged data file."""
    text: str = data_path(name).read_text(encoding="utf-8")
    return text


def read_lines(name: str) -> list[str]:
    """Non-empty lines of a packaged text file, without ``#`` comments."""
    lines = []
    for line in read_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


@cache
def read_json(name: str) -> Any:
    """A packaged JSON file, parsed."""
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as err:
        raise DataFileError(f"nlp_report/data/{name}", err.msg, line=err.lineno) from err


def iter_jsonl(name: str) -> Iterator[dict[str, Any]]:
    """The objects of a packaged JSONL file, one per non-empty line."""
    yield from parse_jsonl(read_text(name), f"nlp_report/data/{name}")


def parse_jsonl(text: str, origin: str) -> Iterator[dict[str, Any]]:
    """Parse JSONL text; errors name ``origin`` and the line."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataFileError(origin, f"invalid JSON ({err.msg})", line=number) from err
        if not isinstance(value, dict):
            raise DataFileError(origin, "each line must be a JSON object", line=number)
        yield value
