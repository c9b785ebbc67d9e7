"""A report as HTML: :func:`render` a full page, :func:`render_fragment` a ``<div>`` for a notebook.

How a report is drawn
---------------------
The page walks the ORIGINAL text (``report.text``) by offsets:

* headings (``report.sections``) are ``<h2>``; a table of contents lists them
  with the number of sentences of each label;
* body sentences are inline ``<span class="nr-s">`` elements tinted with their
  label's colour, starting with a visible tag (``position``, ``decision``,
  ``context``) and the actor; the element carries ``data-label``,
  ``data-actor``, ``data-section``, ``data-start`` and ``data-end``;
* sentences are grouped in paragraphs as the layout stage finds them;
* entities are displaCy-style ``<mark class="nr-e">`` elements with their label,
  and the ``kb_id`` (for a motion also its Kamerstuk) as a tooltip and in
  ``data-kb-id``;
* a footnote marker (``motie Van Haga1``) is a link to the footnote, listed
  at the end with a link back; the footnote lines are not repeated where
  they stand in the text (at a page foot);
* the motions and their Kamerstukken are listed at the end, linked to
  officielebekendmakingen.nl;
* text that is not a body sentence (header block, salutation, signature) is
  shown muted, line by line; page furniture (running headers, references
  repeated on every page) is left out unless ``furniture=True``;
* the hard line wraps of PDF text are shown as spaces, and a word hyphenated
  at a line end is joined (``NAVO-\\nministers`` -> ``NAVO-ministers``), as
  the layout stage does.

Everything taken from the report is escaped: the HTML has no script and
loads nothing (inline ``<style>``, system fonts); the only links leaving the
page go to the Kamerstukken.

The parts of the page: :mod:`.header` (title, counts, legend, contents),
:mod:`.body` (paragraphs, sentences) with :mod:`.inline` (entities,
footnote markers), :mod:`.backmatter` (footnotes, motions); :mod:`.view`
works out once what they share.
"""

from __future__ import annotations

import hashlib

from ..types import Report
from .backmatter import motions, notes
from .body import body
from .header import contents, header
from .html import attrs, esc
from .styles import styled, stylesheet
from .view import ReportView


def render_fragment(
    report: Report, *, furniture: bool = False, entity_labels: bool = True, id_prefix: str | None = None
) -> str:
    """The report as an HTML ``<div>`` with its own ``<style>`` (what a notebook shows).

    Element ids (``fn-1``, ``sec-2``, ``s-14``) get ``id_prefix``; by default
    one derived from the report, so several reports on one notebook page do
    not share ids.
    """
    prefix = _prefix(report) if id_prefix is None else id_prefix
    view = ReportView(report, prefix=prefix, furniture=furniture, entity_labels=entity_labels)
    return styled(_fragment(view, title_tag="div"))


def render(report: Report, *, furniture: bool = False, entity_labels: bool = True, id_prefix: str = "") -> str:
    """The report as a full, self-contained HTML5 page (``<!DOCTYPE html>...``).

    ``furniture``: show the page furniture (running headers, repeated
    references) muted where it stands instead of leaving it out.
    ``entity_labels``: write the label after each entity (displaCy-style);
    without, the label is in the tooltip and the colour only. Ids are
    ``fn-N`` (footnotes), ``fnref-N`` (their markers), ``sec-N`` (headings)
    and ``s-N`` (sentences), after ``id_prefix``.
    """
    view = ReportView(report, prefix=id_prefix, furniture=furniture, entity_labels=entity_labels)
    title = f"{report.source or 'Report'} · nlp_report"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="nlp_report">\n<title>{esc(title)}</title>\n'
        f"<style>{stylesheet()}\nbody{{margin:1.5rem auto;max-width:64rem}}</style>\n</head>\n<body>\n"
        f"{_fragment(view, title_tag='h1')}\n</body>\n</html>\n"
    )


def _fragment(view: ReportView, *, title_tag: str) -> str:
    parts = [f'<div class="nlp-report"{attrs(id=f"{view.prefix}report", lang="nl")}>']
    parts.append(header(view, title_tag))
    parts.append(contents(view))
    parts.append('<div class="nr-doc">')
    parts.extend(body(view))
    parts.append("</div>")
    parts.append(notes(view))
    parts.append(motions(view))
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def _prefix(report: Report) -> str:
    """An id prefix unique to the report, so several reports in one notebook keep their links apart."""
    digest = hashlib.blake2b(f"{report.source}\x00{report.text}".encode("utf-8", "replace"), digest_size=4)
    return f"nr{digest.hexdigest()}-"
