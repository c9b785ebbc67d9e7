"""Small HTML helpers shared by the display: the ``Html`` string, escaping, attributes, counts, tables."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from functools import cache

from ..colours import palette


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
    rules = [_BASE_CSS]
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


_BASE_CSS = (
    f".nlp-report{{font-family:{FONT};font-size:15px;line-height:1.9;color:#1f2937;background:#fff;"
    "max-width:62rem;padding:.25rem .75rem;text-align:left}"
    ".nlp-report *{box-sizing:border-box}"
    ".nlp-report .nr-title{font-size:1.4em;font-weight:700;line-height:1.3;margin:.3em 0 .1em}"
    ".nlp-report .nr-meta{color:#6b7280;font-size:.85em;margin:0 0 .5em;line-height:1.5}"
    ".nlp-report .nr-legend{display:flex;flex-wrap:wrap;align-items:center;gap:.35em .6em;font-size:.8em;"
    "line-height:1.6;padding:.4em .6em;margin:0 0 .8em;border:1px solid #e5e7eb;border-radius:6px;background:#fafafa}"
    ".nlp-report .nr-legend-head{font-weight:700;color:#374151;margin-left:.4em}"
    ".nlp-report .nr-legend-head:first-child{margin-left:0}"
    ".nlp-report .nr-key{white-space:nowrap}"
    ".nlp-report .nr-key-e{padding:.05em .4em;border-radius:.3em;font-weight:700;font-size:.9em}"
    ".nlp-report .nr-count{color:#6b7280;margin-left:.25em}"
    ".nlp-report .nr-toc{font-size:.85em;line-height:1.6;margin:0 0 1em;padding:.4em .8em;"
    "border-left:3px solid #e5e7eb}"
    ".nlp-report .nr-toc ol{margin:0;padding-left:1.2em}"
    ".nlp-report .nr-toc a{color:#1f2937;text-decoration:none}"
    ".nlp-report .nr-toc a:hover{text-decoration:underline}"
    ".nlp-report .nr-chip{display:inline-block;min-width:1.5em;margin-left:.25em;padding:0 .3em;border-radius:.7em;"
    "color:#fff;font-size:.8em;font-weight:700;text-align:center;line-height:1.5}"
    ".nlp-report h2.nr-h{font-size:1.12em;line-height:1.4;margin:1.3em 0 .5em;padding-bottom:.15em;"
    "border-bottom:1px solid #e5e7eb}"
    ".nlp-report h2.nr-end{font-size:1em;margin:1.6em 0 .4em;color:#374151}"
    ".nlp-report p.nr-p{margin:0 0 .9em}"
    ".nlp-report p.nr-li{margin:0 0 .5em 1.4em}"
    ".nlp-report .nr-s{border-radius:4px;padding:.15em .2em;-webkit-box-decoration-break:clone;"
    "box-decoration-break:clone}"
    ".nlp-report .nr-tag,.nlp-report .nr-actor{display:inline-block;font-size:.66em;font-weight:700;line-height:1.45;"
    "letter-spacing:.03em;padding:0 .4em;border:1px solid;vertical-align:.15em;white-space:nowrap}"
    ".nlp-report .nr-tag{color:#fff;text-transform:uppercase;border-radius:3px;margin-right:.3em}"
    ".nlp-report .nr-tag+.nr-actor{margin-left:-.3em;border-radius:0 3px 3px 0;margin-right:.3em;background:#fff}"
    ".nlp-report .nr-s .nr-tag:not(:last-child){border-radius:3px 0 0 3px}"
    ".nlp-report mark.nr-e{color:inherit;padding:.08em .3em;margin:0 .05em;border-radius:.35em;line-height:1;"
    "-webkit-box-decoration-break:clone;box-decoration-break:clone}"
    ".nlp-report mark.nr-e-part{border-radius:0}"
    ".nlp-report .nr-e-label{font-size:.6em;font-weight:700;letter-spacing:.02em;margin-left:.35em;"
    "vertical-align:.15em;opacity:.7}"
    ".nlp-report .nr-x{color:#9ca3af}"
    ".nlp-report div.nr-x{font-size:.88em;line-height:1.5;margin:0 0 .7em}"
    ".nlp-report div.nr-x mark.nr-e{opacity:.75}"
    ".nlp-report sup.nr-ref{line-height:0;font-size:.75em}"
    ".nlp-report sup.nr-ref a,.nlp-report a.nr-back{color:#1d4ed8;text-decoration:none;font-weight:700;padding:0 .1em}"
    ".nlp-report .nr-notes{font-size:.9em;line-height:1.7;margin:0;padding-left:2em}"
    ".nlp-report .nr-notes li:target,.nlp-report .nr-s:target,.nlp-report h2.nr-h:target{outline:2px solid #1d4ed8;"
    "outline-offset:2px}"
    ".nlp-report table{border-collapse:collapse;font-size:.85em;line-height:1.5;margin:.3em 0 1em}"
    ".nlp-report th,.nlp-report td{border-bottom:1px solid #e5e7eb;padding:.2em .6em;text-align:left;"
    "vertical-align:top}"
    ".nlp-report th{background:#f9fafb;font-weight:600}"
    ".nlp-report td.nr-num,.nlp-report th.nr-num{text-align:right;font-variant-numeric:tabular-nums}"
    ".nlp-report td.nr-num,.nlp-report tbody td:first-child{white-space:nowrap}"
    ".nlp-report.nlp-report-table,.nlp-report.nlp-report-eval{max-width:none}"
    ".nlp-report a.nr-kst{color:#1d4ed8}"
    ".nlp-report .nr-empty{color:#6b7280;font-style:italic}"
    ".nlp-report .nr-bar{display:inline-flex;width:9em;height:.8em;vertical-align:-.05em;border-radius:2px;"
    "overflow:hidden;background:#f3f4f6}"
    ".nlp-report .nr-bar span{display:block;height:100%}"
    ".nlp-report caption{text-align:left;font-weight:700;padding:.2em 0;color:#374151}"
    ".nlp-report .nr-eval td.nr-best{font-weight:700}"
    ".nlp-report details{margin:.2em 0 1em}"
    ".nlp-report summary{cursor:pointer;font-weight:600;color:#374151}"
)
