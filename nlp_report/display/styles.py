"""The CSS of the display (scoped to ``.nlp-report``) and the class names that tie labels to their colours.

A sentence label ``position`` is drawn with the classes ``nr-s-position``
(the tinted sentence), ``nr-tag-position`` (its tag), ``nr-actor-position``
and ``nr-chip-position`` (counts in the table of contents); an entity label
``ORG`` with ``nr-e-ORG``. The colours come from :func:`.colours.palette`.
"""

from __future__ import annotations

import re
from functools import cache

from .colours import palette
from .html import esc

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
