"""Rich display of results: HTML for notebooks and web pages, and the project's colours.

* :func:`render` gives a report as a full, self-contained HTML page
  (``nlp-report analyze FILE --format html``); :func:`render_fragment` the same
  as a ``<div>`` for a notebook (``Report._repr_html_``).
* :func:`render_sentence`, :func:`render_entity` and :func:`render_evaluation`
  back the ``_repr_html_`` of :class:`~nlp_report.types.Sentence`,
  :class:`~nlp_report.types.Entity` and
  :class:`~nlp_report.evaluation.result.Evaluation`.
* :func:`reports_table` shows a list of reports as a table (a plain list
  cannot have a ``_repr_html_`` of its own).
* :func:`palette` and :func:`displacy_colors`: the colours of the labels, from
  ``nlp_report/data/display/colours.json``; spaCy's displaCy uses the same
  (the ``spacy_displacy_colors`` entry point).

``document.py`` draws a report (header, body, inline marks, footnotes and
motions); ``items.py`` one sentence, one entity and a list of reports;
``evaluation.py`` an evaluation; ``html.py`` escaping, tables and the CSS
(``data/display/report.css``). The colours are in :mod:`nlp_report.colours`.
"""

from __future__ import annotations

from ..colours import LabelStyle, Palette, displacy_colors, palette
from .document import render, render_fragment
from .evaluation import render_evaluation
from .html import Html, stylesheet
from .items import render_entity, render_sentence, reports_table

__all__ = [
    "Html",
    "LabelStyle",
    "Palette",
    "displacy_colors",
    "palette",
    "render",
    "render_entity",
    "render_evaluation",
    "render_fragment",
    "render_sentence",
    "reports_table",
    "stylesheet",
]
