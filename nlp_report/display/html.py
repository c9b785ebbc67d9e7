"""Small HTML helpers shared by the display: the ``Html`` string, escaping, attributes, counts, tables."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from functools import cache

from ..colours import palette
from ..resources import read_text


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


# --- The CSS of the display (scoped to ``.nlp-report``) and the class names that tie labels to their colours.


FONT = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif'


def stylesheet() -> str:
    """The CSS of the display, scoped to ``.nlp-report`` (and ``.nlp-report-eval``, ``.nlp-report-table``)."""
    return _stylesheet()


def styled(html: str) -> str:
    """``html`` after a ``<style>`` element with the stylesheet (what a notebook shows)."""
    return f"<style>{stylesheet()}</style>\n{html}"


@cache
def _stylesheet() -> str:
    p = palette()
    rules = [_base_css()]
    for label, s in [*p.sentences.items(), ("none", p.unlabelled)]:
        key = css_key(label)
        rules.append(
            f".nlp-report .nr-s-{key}{{background:{s.background}}}"
            f".nlp-report .nr-tag-{key}{{background:{s.colour};border-color:{s.colour}}}"
            f".nlp-report .nr-actor-{key}{{color:{s.colour};border-color:{s.colour}}}"
            f".nlp-report .nr-chip-{key}{{background:{s.colour}}}"
        )
    rules.append(".nlp-report .nr-s-none{background:transparent;border-bottom:1px dashed #9ca3af}")
    for label in p.entities:
        rules.append(f".nlp-report .nr-e-{css_key(label)}{{background:{p.entity(label)}}}")
    rules.append(f".nlp-report .nr-e-other{{background:{p.entity_default}}}")
    return "\n".join(rules)


def _base_css() -> str:
    """``data/display/report.css`` as one line (its comment dropped)."""
    text = re.sub(r"/\*.*?\*/", "", read_text("display/report.css"), flags=re.S)
    return "".join(line.strip() for line in text.splitlines())


def css_key(label: str) -> str:
    """A label as part of a class name (labels are identifiers; anything else becomes ``other``)."""
    return label if re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", label) else "other"


def sentence_key(label: str | None) -> str:
    """The class key of a sentence label: ``none`` for no label or one the colours file does not list."""
    return css_key(label) if label and label in palette().sentences else "none"


def entity_key(label: str) -> str:
    """The class key of an entity label: ``other`` for one the colours file does not list."""
    return css_key(label) if label in palette().entities else "other"


def label_tag(key: str, name: str) -> str:
    """The coloured tag of a sentence label (``nr-tag-KEY``) reading ``name``."""
    return f'<span class="nr-tag nr-tag-{key}">{esc(name)}</span>'
