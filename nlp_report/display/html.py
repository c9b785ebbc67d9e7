"""Small HTML helpers shared by the display: the ``Html`` string, escaping, attributes, counts, tables."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence


class Html(str):
    """A string of HTML that Jupyter displays as HTML (``str`` otherwise: write it to a file, search it...)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:  # where HTML cannot be shown, do not print the whole page
        return f"<Html: {len(self)} characters>"


# characters HTML does not allow as text (controls, lone surrogates, noncharacters) become U+FFFD
_INVALID = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def esc(text: str) -> str:
    """``text`` as HTML text or attribute value: escaped, with characters HTML forbids replaced."""
    return html.escape(_INVALID.sub("\ufffd", text), quote=True).replace("\x0c", " ")


def attrs(**values: str | int | None) -> str:
    """HTML attributes, escaped; ``None`` leaves an attribute out; ``data_x`` becomes ``data-x``."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        key = name.rstrip("_").replace("_", "-")
        parts.append(f' {key}="{esc(str(value))}"')
    return "".join(parts)


def one_space(text: str) -> str:
    """``text`` with every run of white space as one space (not escaped)."""
    return " ".join(text.split())


def count(n: int, singular: str, plural: str = "") -> str:
    """``1 sentence``, ``2 sentences``; ``plural`` where it is not ``singular + "s"``."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def table(
    caption: str,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric_from: int = 1,
    cls: str = "",
    raw: bool = False,
) -> str:
    """An HTML table; cells are escaped unless ``raw`` (then the caller escaped them).

    The columns from ``numeric_from`` on are numbers (right-aligned).
    """
    head = "".join(_cell("th", esc(h), i >= numeric_from) for i, h in enumerate(header))
    body = []
    for row in rows:
        cells = "".join(_cell("td", cell if raw else esc(cell), i >= numeric_from) for i, cell in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    klass = f' class="{cls}"' if cls else ""
    return (
        f"<table{klass}><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _cell(tag: str, content: str, numeric: bool) -> str:
    return f'<{tag} class="nr-num">{content}</{tag}>' if numeric else f"<{tag}>{content}</{tag}>"
