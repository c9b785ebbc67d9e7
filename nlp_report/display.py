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
"""

from __future__ import annotations

import hashlib
import html
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from .errors import DataFileError
from .resources import read_json
from .types import ENTITY_LABELS, SENTENCE_LABELS, Entity, Footnote, Report, Sentence

if TYPE_CHECKING:
    from .evaluation.metrics import PRF, Accuracy, Scores
    from .evaluation.result import Evaluation
    from .layout import Layout

COLOURS_FILE = "display/colours.json"

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


class Html(str):
    """A string of HTML that Jupyter displays as HTML (``str`` otherwise: write it to a file, search it...)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:  # where HTML cannot be shown, do not print the whole page
        return f"<Html: {len(self)} characters>"


# --- colours ---------------------------------------------------------------------------

_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}\Z")


@dataclass(frozen=True, slots=True)
class LabelStyle:
    """How a label is drawn: ``colour`` for tags, borders and bars; ``background`` for tinted text."""

    name: str
    colour: str
    background: str
    description: str


@dataclass(frozen=True)
class Palette:
    """The colours of every label, read from ``nlp_report/data/display/colours.json``."""

    sentences: Mapping[str, LabelStyle]
    """Per sentence label (``position``, ``decision``, ``context``)."""
    unlabelled: LabelStyle
    """A sentence without label."""
    entities: Mapping[str, LabelStyle]
    """Per entity label; ``background`` is the colour of the highlight."""
    entity_default: str
    """The highlight of an entity label the file does not list."""

    def sentence(self, label: str | None) -> LabelStyle:
        """The style of a sentence label (:attr:`unlabelled` for ``None`` or an unknown label)."""
        return self.sentences.get(label or "", self.unlabelled)

    def entity(self, label: str) -> str:
        """The highlight colour of an entity label."""
        style = self.entities.get(label)
        return style.background if style else self.entity_default


@cache
def palette() -> Palette:
    """The project's colours (``nlp_report/data/display/colours.json``, checked when read)."""
    origin = f"nlp_report/data/{COLOURS_FILE}"
    data = read_json(COLOURS_FILE)
    if not isinstance(data, dict):
        raise DataFileError(origin, "expected a JSON object")

    def colour(value: Any, where: str) -> str:
        if not isinstance(value, str) or not _COLOUR.match(value):
            raise DataFileError(origin, f"{where}: expected a colour as #rgb or #rrggbb, got {value!r}")
        text = str(value).lower()
        if len(text) == 4:  # #rgb -> #rrggbb, so an alpha can be appended
            text = "#" + "".join(c * 2 for c in text[1:])
        return text

    def style(name: str, value: Any, where: str, *, entity: bool = False) -> LabelStyle:
        if not isinstance(value, dict):
            raise DataFileError(origin, f"{where}: expected an object")
        description = value.get("description", "")
        if not isinstance(description, str):
            raise DataFileError(origin, f"{where}.description: expected a string")
        main = colour(value.get("colour"), f"{where}.colour")
        background = main if entity else colour(value.get("background"), f"{where}.background")
        return LabelStyle(name, main, background, description)

    def table(key: str, labels: Sequence[str], *, entity: bool = False) -> dict[str, LabelStyle]:
        values = data.get(key)
        if not isinstance(values, dict):
            raise DataFileError(origin, f"{key!r}: expected an object with one entry per label")
        missing = [label for label in labels if label not in values]
        if missing:
            raise DataFileError(origin, f"{key!r}: no entry for {', '.join(missing)}")
        return {name: style(name, value, f"{key}.{name}", entity=entity) for name, value in values.items()}

    return Palette(
        sentences=table("sentence_labels", SENTENCE_LABELS),
        unlabelled=style("none", data.get("unlabelled"), "unlabelled"),
        entities=table("entity_labels", ENTITY_LABELS, entity=True),
        entity_default=colour(data.get("entity_default"), "entity_default"),
    )


def displacy_colors() -> dict[str, str]:
    """The colours spaCy's displaCy uses for the project's labels.

    Entity labels (``doc.ents``) and the sentence labels of the span group
    ``nlp_report_sentences`` (``displacy.render(doc, style="span",
    options={"spans_key": "nlp_report_sentences"})``; displaCy upper-cases
    labels). Registered as ``spacy.registry.displacy_colors`` and declared
    as the ``spacy_displacy_colors`` entry point, so displaCy picks them up
    without any option.
    """
    p = palette()
    colours = {label: p.entity(label) for label in p.entities}
    colours.update({label.upper(): s.background for label, s in p.sentences.items()})
    return colours


def stylesheet() -> str:
    """The CSS of the display, scoped to ``.nlp-report`` (and ``.nlp-report-eval``, ``.nlp-report-table``)."""
    return _stylesheet()


@cache
def _stylesheet() -> str:
    p = palette()
    rules = [_BASE_CSS]
    for label, s in [*p.sentences.items(), ("none", p.unlabelled)]:
        key = _css_key(label)
        rules.append(
            f".nlp-report .nr-s-{key}{{background:{s.background}}}"
            f".nlp-report .nr-tag-{key}{{background:{s.colour};border-color:{s.colour}}}"
            f".nlp-report .nr-actor-{key}{{color:{s.colour};border-color:{s.colour}}}"
            f".nlp-report .nr-chip-{key}{{background:{s.colour}}}"
        )
    rules.append(".nlp-report .nr-s-none{background:transparent;border-bottom:1px dashed #9ca3af}")
    for label in p.entities:
        rules.append(f".nlp-report .nr-e-{_css_key(label)}{{background:{p.entity(label)}}}")
    rules.append(f".nlp-report .nr-e-other{{background:{p.entity_default}}}")
    return "\n".join(rules)


def _css_key(label: str) -> str:
    """A label as part of a class name (labels are identifiers; anything else becomes ``other``)."""
    return label if re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", label) else "other"


_FONT = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif'

_BASE_CSS = (
    f".nlp-report{{font-family:{_FONT};font-size:15px;line-height:1.9;color:#1f2937;background:#fff;"
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


# --- escaping --------------------------------------------------------------------------

# characters HTML does not allow as text (controls, lone surrogates, noncharacters) become U+FFFD
_INVALID = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _esc(text: str) -> str:
    """``text`` as HTML text or attribute value: escaped, with characters HTML forbids replaced."""
    return html.escape(_INVALID.sub("\ufffd", text), quote=True).replace("\x0c", " ")


def _attrs(**values: str | int | None) -> str:
    """HTML attributes, escaped; ``None`` leaves an attribute out; ``data_x`` becomes ``data-x``."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        key = name.rstrip("_").replace("_", "-")
        parts.append(f' {key}="{_esc(str(value))}"')
    return "".join(parts)


# --- the flow of the original text ------------------------------------------------------

_GAP = re.compile(r"[\s\u00ad\u200b]+")
_HYPHENS = "-\u2010"


class _Flow:
    """Renders ranges of the original text as it reads: line wraps as spaces, hyphen wraps joined.

    ``hidden`` ranges (footnote lines, page furniture) count as white space,
    so a sentence that runs on across a page foot reads on.
    """

    def __init__(self, text: str, hidden: Sequence[tuple[int, int]]) -> None:
        self.text = text
        runs: list[tuple[int, int]] = [m.span() for m in _GAP.finditer(text)]
        merged: list[list[int]] = []
        for start, end in sorted([*runs, *((s, e) for s, e in hidden if e > s)]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]
        self.replacements = [self._replacement(s, e) for s, e in merged]

    def _replacement(self, start: int, end: int) -> str:
        text = self.text
        gap = text[start:end]
        if not any(c.isspace() for c in gap):
            return ""  # soft hyphens and zero-width spaces inside a word
        after = text[end : end + 1]
        if "\n" in gap and after.isalnum():
            if "\u00ad" in gap:
                return ""
            glued = gap.startswith(("\n", "\r\n"))  # no space between the hyphen and the line break
            if glued and start >= 2 and text[start - 1] in _HYPHENS and text[start - 2].isalnum():
                return ""
        return " "

    def render(self, start: int, end: int) -> str:
        """``text[start:end]`` escaped, each gap as its replacement (a gap begun before ``start`` as nothing)."""
        out: list[str] = []
        pos = start
        i = max(bisect_right(self.starts, start) - 1, 0)
        while i < len(self.starts) and self.starts[i] < end:
            s, e = self.starts[i], self.ends[i]
            if e > pos:
                if s > pos:
                    out.append(_esc(self.text[pos:s]))
                if s >= start:
                    out.append(self.replacements[i])
                pos = min(e, end)
            i += 1
        if pos < end:
            out.append(_esc(self.text[pos:end]))
        return "".join(out)

    def hidden_or_blank(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is only white space and hidden text."""
        if start >= end:
            return True
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.ends[i] >= end

    def separator(self, start: int, end: int) -> str:
        """What stands between two elements at ``start`` and ``end`` (a space, nothing for a hyphen wrap)."""
        if start >= end:
            return ""
        i = bisect_left(self.starts, start)
        if i < len(self.starts) and self.starts[i] == start:
            return self.replacements[i]
        return " "

    def visible(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of ``[start, end)`` outside white space and hidden text."""
        out: list[tuple[int, int]] = []
        pos = start
        i = max(bisect_right(self.starts, start) - 1, 0)
        while i < len(self.starts) and self.starts[i] < end:
            s, e = self.starts[i], self.ends[i]
            if e > pos:
                if s > pos:
                    out.append((pos, s))
                pos = max(pos, min(e, end))
            i += 1
        if pos < end:
            out.append((pos, end))
        return out


# --- rendering a report -------------------------------------------------------------------

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LINE_KINDS = frozenset({"header", "salutation", "signature", "furniture"})


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    kind: str  # "sentence", "heading", "text", "ref"
    index: int = -1  # of the sentence, section or footnote


class _ReportRenderer:
    def __init__(self, report: Report, *, prefix: str, furniture: bool, entity_labels: bool) -> None:
        self.report = report
        self.text = report.text
        self.prefix = prefix
        self.entity_labels = entity_labels
        self.palette = palette()
        self.layout = _layout(report.text)
        self.furniture = list(self.layout.furniture) if self.layout else []
        self.furniture_spans = _Spans(self.furniture)
        blocks = sorted((b.start, b.end, b.kind) for b in self.layout.blocks) if self.layout else []
        self.block_starts = [b[0] for b in blocks]
        self.blocks = blocks
        self.show_furniture = furniture
        n = len(self.text)
        self.sentences = [s for s in report.sentences if 0 <= s.start < s.end <= n]
        self.sections = [s for s in report.sections if 0 <= s.start < s.end <= n]
        sentence_spans = _Spans((s.start, s.end) for s in self.sentences)
        # a heading that overlaps a sentence (a pipeline that took it for one) is shown as the sentence
        self.headings = [i for i, h in enumerate(self.sections) if not sentence_spans.overlaps(h.start, h.end)]
        self.entities = sorted(
            (e for e in report.entities if 0 <= e.start < e.end <= n), key=lambda e: (e.start, -e.end)
        )
        self.entity_starts = [e.start for e in self.entities]
        self.max_entity = max((e.end - e.start for e in self.entities), default=0)
        self._ids(report.footnotes)
        self.note_regions = [self._note_region(f) for f in report.footnotes if 0 <= f.start <= f.end <= n]
        hidden = self.note_regions + ([] if furniture else self.furniture)
        self.flow = _Flow(self.text, hidden)
        # footnote texts are read with the footnote lines shown (built only when there are footnotes)
        self.note_flow = _Flow(self.text, [] if furniture else self.furniture) if self.note_regions else self.flow
        self.motion_kamerstuk = {(m.start, m.end): m.kamerstuk.kb_id for m in report.motions if m.kamerstuk}

    # ids and footnote markers

    def _ids(self, footnotes: Sequence[Footnote]) -> None:
        self.note_ids: list[str] = []
        self.ref_ids: list[str | None] = []
        used: Counter[int] = Counter()
        refs: list[tuple[int, int, int]] = []
        for index, note in enumerate(footnotes):
            used[note.number] += 1
            suffix = f"{note.number}" if used[note.number] == 1 else f"{note.number}-{used[note.number]}"
            self.note_ids.append(f"{self.prefix}fn-{suffix}")
            ms, me = note.marker_start, note.marker_end
            if ms is not None and me is not None and 0 <= ms < me <= len(self.text):
                self.ref_ids.append(f"{self.prefix}fnref-{suffix}")
                refs.append((ms, me, index))
            else:
                self.ref_ids.append(None)
        refs.sort()
        self.refs = refs
        self.ref_starts = [r[0] for r in refs]

    def _note_region(self, note: Footnote) -> tuple[int, int]:
        """The footnote's lines in the text, with its number (``2 Kamerstuk ...``)."""
        line_start = self.text.rfind("\n", 0, note.start) + 1
        prefix = self.text[line_start : note.start].strip()
        if prefix.strip("0123456789¹²³⁴⁵⁶⁷⁸⁹⁰.)") == "":
            return line_start, note.end
        return note.start, note.end

    # the page

    def fragment(self, *, title_tag: str) -> str:
        parts = [f'<div class="nlp-report"{_attrs(id=f"{self.prefix}report", lang="nl")}>']
        parts.append(self._header(title_tag))
        parts.append(self._contents())
        parts.append('<div class="nr-doc">')
        parts.extend(self._body())
        parts.append("</div>")
        parts.append(self._notes())
        parts.append(self._motions())
        parts.append("</div>")
        return "\n".join(p for p in parts if p)

    def _header(self, title_tag: str) -> str:
        report = self.report
        title = report.source or "Report"
        labels: Counter[str | None] = Counter(s.label for s in report.sentences)
        entities: Counter[str] = Counter(e.label for e in report.entities)
        counts = [
            f"{len(report.sentences)} sentence{'s' if len(report.sentences) != 1 else ''}",
            f"{len(report.entities)} entit{'ies' if len(report.entities) != 1 else 'y'}",
            f"{len(report.motions)} motion{'s' if len(report.motions) != 1 else ''}",
            f"{len(report.sections)} section{'s' if len(report.sections) != 1 else ''}",
            f"{len(report.footnotes)} footnote{'s' if len(report.footnotes) != 1 else ''}",
        ]
        meta = f"analysed with {_esc(report.model)} · " + " · ".join(counts)
        legend = ['<div class="nr-legend">', '<span class="nr-legend-head">Sentences</span>']
        shown = [*SENTENCE_LABELS, *(["none"] if labels[None] else [])]
        for label in shown:
            style = self.palette.sentence(None if label == "none" else label)
            count = labels[None if label == "none" else label]
            key = _css_key(label)
            name = "no label" if label == "none" else label
            legend.append(
                f'<span class="nr-key"{_attrs(title=style.description)}>'
                f'<span class="nr-tag nr-tag-{key}">{_esc(name)}</span><span class="nr-count">{count}</span></span>'
            )
        legend.append('<span class="nr-legend-head">Entities</span>')
        others = sorted(set(entities) - set(self.palette.entities))
        for label in [*self.palette.entities, *others]:
            style_e = self.palette.entities.get(label)
            key = _css_key(label) if style_e else "other"
            legend.append(
                f'<span class="nr-key"{_attrs(title=style_e.description if style_e else None)}>'
                f'<span class="nr-key-e nr-e-{key}">{_esc(label)}</span>'
                f'<span class="nr-count">{entities[label]}</span></span>'
            )
        legend.append("</div>")
        return f'<{title_tag} class="nr-title">{_esc(title)}</{title_tag}>\n<p class="nr-meta">{meta}</p>\n' + "".join(
            legend
        )

    def _contents(self) -> str:
        if len(self.sections) < 2:
            return ""
        starts = [s.start for s in self.sections]
        per_section: list[Counter[str | None]] = [Counter() for _ in self.sections]
        for s in self.sentences:
            i = bisect_right(starts, s.start) - 1
            if i >= 0:
                per_section[i][s.label] += 1
        rows = ['<nav class="nr-toc" aria-label="Sections"><ol>']
        for index, (section, counts) in enumerate(zip(self.sections, per_section, strict=True)):
            chips = "".join(
                f'<span class="nr-chip nr-chip-{_css_key(label or "none")}"'
                f"{_attrs(title=str(counts[label]) + ' ' + (label or 'unlabelled'))}>{counts[label]}</span>"
                for label in (*SENTENCE_LABELS, None)
                if counts[label]
            )
            title = _esc(" ".join(section.title.split()) or " ".join(section.text.split()))
            if index in self.headings:
                title = f'<a href="#{_esc(self._section_id(index))}">{title}</a>'
            rows.append(f"<li>{title}{chips}</li>")
        rows.append("</ol></nav>")
        return "".join(rows)

    def _section_id(self, index: int) -> str:
        return f"{self.prefix}sec-{index + 1}"

    # the body: items -> blocks

    def _items(self) -> list[_Item]:
        items = [_Item(s.start, s.end, "sentence", i) for i, s in enumerate(self.sentences)]
        items += [_Item(self.sections[i].start, self.sections[i].end, "heading", i) for i in self.headings]
        covered = _Spans((it.start, it.end) for it in items)
        # footnote markers outside sentences and headings
        for ms, me, index in self.refs:
            if not covered.contains(ms, me):
                items.append(_Item(ms, me, "ref", index))
        # the rest of the text: one item per line piece outside every item
        pos = 0
        for start, end in [*sorted((it.start, it.end) for it in items), (len(self.text), len(self.text))]:
            if start > pos:
                items.extend(self._text_items(pos, start))
            pos = max(pos, end)
        items.sort(key=lambda it: (it.start, it.end))
        return items

    def _text_items(self, start: int, end: int) -> list[_Item]:
        out = []
        for s, e in self.flow.visible(start, end):
            # one item per line, so muted blocks can keep their lines
            pos = s
            for m in re.finditer(r"\n", self.text[s:e]):
                out.append(_Item(pos, s + m.start(), "text"))
                pos = s + m.end()
            out.append(_Item(pos, e, "text"))
        return [it for it in out if self.text[it.start : it.end].strip()]

    def _breaks(self) -> list[int]:
        """Offsets where a new block may start: the layout's blocks, else blank lines; shown furniture."""
        points: set[int] = set()
        blank_lines = [m.start() + 1 for m in _BLANK_LINE.finditer(self.text)]
        if self.layout is None:
            points.update(blank_lines)
        else:
            for block in self.layout.blocks:
                points.update((block.start, block.end))
            # blank lines inside a paragraph are page breaks it runs on across
            body = sorted((b.start, b.end) for b in self.layout.blocks if b.kind in ("paragraph", "list_item"))
            body_starts = [b[0] for b in body]
            for point in blank_lines:
                i = bisect_right(body_starts, point) - 1
                if i < 0 or point >= body[i][1]:
                    points.add(point)
        if self.show_furniture:
            for start, end in self.furniture:
                points.update((start, end))
        return sorted(points)

    def _body(self) -> list[str]:
        items = self._items()
        breaks = self._breaks()
        blocks: list[list[_Item]] = []
        for item in items:
            if blocks:
                last = blocks[-1][-1]
                headings = item.kind == "heading" or last.kind == "heading"
                broken = bisect_right(breaks, last.end - 1) < bisect_right(breaks, item.start)
                # a bullet and its item, a footnote marker after a full stop: on one line, one block
                same_line = "\n" not in self.text[last.end : item.start]
                if not headings and not (broken and not same_line):
                    blocks[-1].append(item)
                    continue
            blocks.append([item])
        return [self._block(block) for block in blocks]

    def _block(self, items: list[_Item]) -> str:
        first = items[0]
        if first.kind == "heading":
            section = self.sections[first.index]
            attrs = _attrs(id=self._section_id(first.index), data_start=section.start, data_end=section.end)
            return f'<h2 class="nr-h"{attrs}>{self._inline(section.start, section.end)}</h2>'
        sentences = [it for it in items if it.kind == "sentence"]
        if sentences:
            klass = "nr-p nr-li" if self._kind(sentences[0].start) == "list_item" else "nr-p"
            return f'<p class="{klass}">{self._join(items, lines=False, muted=True)}</p>'
        kind = self._kind(first.start)
        lines = kind in _LINE_KINDS
        title = "page furniture (left out of the analysis)" if kind == "furniture" else "not a body sentence"
        inner = self._join(items, lines=lines, muted=False)
        return f'<div class="nr-x"{_attrs(data_kind=kind, title=title)}>{inner}</div>'

    def _kind(self, offset: int) -> str:
        """What the layout stage took the text at ``offset`` for (``header``, ``signature``, ``furniture``...)."""
        if self.furniture_spans.contains(offset, offset + 1):
            return "furniture"
        i = bisect_right(self.block_starts, offset) - 1
        if i >= 0 and offset < self.blocks[i][1]:
            return self.blocks[i][2]
        return "text"

    def _join(self, items: list[_Item], *, lines: bool, muted: bool) -> str:
        out: list[str] = []
        previous: _Item | None = None
        for item in items:
            if previous is not None:
                if lines and "\n" in self.text[previous.end : item.start]:
                    out.append("<br>")
                else:
                    out.append(self.flow.separator(previous.end, item.start))
            out.append(self._item(item, muted=muted))
            previous = item
        return "".join(out)

    def _item(self, item: _Item, *, muted: bool) -> str:
        if item.kind == "sentence":
            return self._sentence(item.index)
        if item.kind == "ref":
            return self._ref(item.index, item.start, item.end)
        inner = self._inline(item.start, item.end)
        return f'<span class="nr-x">{inner}</span>' if muted else inner

    def _sentence(self, index: int) -> str:
        s = self.sentences[index]
        key = _css_key(s.label) if s.label and s.label in self.palette.sentences else "none"
        tooltip: str = s.label or "no label"
        if s.actor:
            tooltip += f" · actor: {' '.join(s.actor.split())}"
        if s.section:
            tooltip += f" · section: {' '.join(s.section.split())}"
        attrs = _attrs(
            id=f"{self.prefix}s-{index + 1}",
            data_label=s.label or "none",
            data_actor=s.actor,
            data_section=s.section,
            data_start=s.start,
            data_end=s.end,
            title=tooltip,
        )
        tag = f'<span class="nr-tag nr-tag-{key}">{_esc(s.label or "no label")}</span>'
        actor = f'<span class="nr-actor nr-actor-{key}">{_esc(" ".join(s.actor.split()))}</span>' if s.actor else ""
        return f'<span class="nr-s nr-s-{key}"{attrs}>{tag}{actor}{self._inline(s.start, s.end)}</span>'

    # inline text: entities, footnote markers

    def _inline(self, start: int, end: int, flow: _Flow | None = None) -> str:
        flow = flow or self.flow
        lo = bisect_left(self.entity_starts, start - self.max_entity)
        hi = bisect_left(self.entity_starts, end)
        inside = [
            (max(e.start, start), min(e.end, end), e) for e in self.entities[lo:hi] if e.end > start and e.start < end
        ]
        return self._marks(start, end, inside, flow)

    def _marks(self, start: int, end: int, entities: list[tuple[int, int, Entity]], flow: _Flow) -> str:
        out: list[str] = []
        pos = start
        i = 0
        while i < len(entities):
            s, t, entity = entities[i]
            s = max(s, pos)  # an entity crossing the one before keeps its part after it
            j = i + 1
            children = []
            while j < len(entities) and entities[j][0] < t:
                cs, ct, child = entities[j]
                children.append((cs, min(ct, t), child))
                j += 1
            if s < t and not flow.hidden_or_blank(s, t):
                out.append(self._plain(pos, s, flow))
                out.append(self._mark(s, t, entity, self._marks(s, t, children, flow)))
                pos = t
            i = j
        out.append(self._plain(pos, end, flow))
        return "".join(out)

    def _mark(self, start: int, end: int, entity: Entity, inner: str) -> str:
        label = entity.label
        key = _css_key(label) if label in self.palette.entities else "other"
        tooltip = label + (f" · {entity.kb_id}" if entity.kb_id else "")
        kamerstuk = self.motion_kamerstuk.get((entity.start, entity.end))
        if kamerstuk:
            tooltip += f" · Kamerstuk {kamerstuk}"
        whole = start == entity.start and end == entity.end
        classes = f"nr-e nr-e-{key}" + ("" if whole else " nr-e-part")
        attrs = _attrs(
            data_label=label,
            data_kb_id=entity.kb_id,
            data_start=entity.start,
            data_end=entity.end,
            title=tooltip,
        )
        suffix = f'<span class="nr-e-label">{_esc(label)}</span>' if self.entity_labels and end == entity.end else ""
        return f'<mark class="{classes}"{attrs}>{inner}{suffix}</mark>'

    def _plain(self, start: int, end: int, flow: _Flow) -> str:
        if start >= end:
            return ""
        out: list[str] = []
        pos = start
        i = bisect_left(self.ref_starts, start)
        while i < len(self.refs) and self.refs[i][0] < end:
            ms, me, index = self.refs[i]
            if ms >= pos and me <= end:
                out.append(flow.render(pos, ms))
                out.append(self._ref(index, ms, me))
                pos = me
            i += 1
        out.append(flow.render(pos, end))
        return "".join(out)

    def _ref(self, index: int, start: int, end: int) -> str:
        ref_id = self.ref_ids[index]
        note = self.report.footnotes[index]
        return (
            f'<sup class="nr-ref"><a{_attrs(href=f"#{self.note_ids[index]}", id=ref_id)}'
            f"{_attrs(title=f'footnote {note.number}', data_footnote=note.number)}>"
            f"{_esc(self.text[start:end])}</a></sup>"
        )

    # after the text

    def _notes(self) -> str:
        notes = self.report.footnotes
        if not notes:
            return ""
        rows = ['<h2 class="nr-end">Footnotes</h2>', '<ol class="nr-notes">']
        for index, note in enumerate(notes):
            back = ""
            if self.ref_ids[index]:
                back = (
                    f' <a class="nr-back"{_attrs(href=f"#{self.ref_ids[index]}")}'
                    f' title="back to the text" aria-label="back to the text">↩</a>'
                )
            text = self._inline(note.start, note.end, self.note_flow) if note.end > note.start else ""
            rows.append(
                f"<li{_attrs(id=self.note_ids[index], value=note.number, data_start=note.start, data_end=note.end)}>"
                f"{text}{back}</li>"
            )
        rows.append("</ol>")
        return "\n".join(rows)

    def _motions(self) -> str:
        motions = self.report.motions
        if not motions:
            return ""
        rows = [
            '<h2 class="nr-end">Motions</h2>',
            '<table class="nr-motions"><thead><tr><th>motion</th><th>sponsors</th><th>Kamerstuk</th></tr></thead>'
            "<tbody>",
        ]
        for m in motions:
            kst = m.kamerstuk
            if kst is None:
                cell = '<span class="nr-empty">not given</span>'
            else:
                detail = ", ".join(
                    x for x in (f"Kamerstukken {kst.chamber}" if kst.chamber else "", kst.year or "") if x
                )
                cell = f'<a class="nr-kst"{_attrs(href=kst.url)} rel="noopener noreferrer">{_esc(kst.kb_id)}</a>' + (
                    f" ({_esc(detail)})" if detail else ""
                )
            rows.append(
                f"<tr{_attrs(data_start=m.start, data_end=m.end)}><td>{_esc(' '.join(m.text.split()))}</td>"
                f"<td>{_esc(', '.join(m.sponsors))}</td><td>{cell}</td></tr>"
            )
        rows.append("</tbody></table>")
        return "\n".join(rows)


class _Spans:
    """Spans, asked in O(log n) whether one of them overlaps or contains a range."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_end: list[int] = []  # the largest end among the first i + 1 spans
        for _, end in ordered:
            self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the spans that start before ``end``
        return i > 0 and self.max_end[i - 1] > start

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)  # the spans that start at or before ``start``
        return i > 0 and self.max_end[i - 1] >= end


def _layout(text: str) -> Layout | None:
    """The layout of the text (blocks, page furniture); ``None`` if it cannot be found."""
    if not text.strip():
        return None
    from .layout import analyze_layout

    try:
        return analyze_layout(text)
    except Exception:  # the display must never fail on a text the layout stage cannot read
        return None


def _prefix(report: Report) -> str:
    """An id prefix unique to the report, so several reports in one notebook keep their links apart."""
    digest = hashlib.blake2b(f"{report.source}\x00{report.text}".encode("utf-8", "replace"), digest_size=4)
    return f"nr{digest.hexdigest()}-"


def render_fragment(
    report: Report, *, furniture: bool = False, entity_labels: bool = True, id_prefix: str | None = None
) -> str:
    """The report as an HTML ``<div>`` with its own ``<style>`` (what a notebook shows).

    Element ids (``fn-1``, ``sec-2``, ``s-14``) get ``id_prefix``; by default
    one derived from the report, so several reports on one notebook page do
    not share ids.
    """
    prefix = _prefix(report) if id_prefix is None else id_prefix
    renderer = _ReportRenderer(report, prefix=prefix, furniture=furniture, entity_labels=entity_labels)
    body = renderer.fragment(title_tag="div")
    return f"<style>{stylesheet()}</style>\n{body}"


def render(report: Report, *, furniture: bool = False, entity_labels: bool = True, id_prefix: str = "") -> str:
    """The report as a full, self-contained HTML5 page (``<!DOCTYPE html>...``).

    ``furniture``: show the page furniture (running headers, repeated
    references) muted where it stands instead of leaving it out.
    ``entity_labels``: write the label after each entity (displaCy-style);
    without, the label is in the tooltip and the colour only. Ids are
    ``fn-N`` (footnotes), ``fnref-N`` (their markers), ``sec-N`` (headings)
    and ``s-N`` (sentences), after ``id_prefix``.
    """
    renderer = _ReportRenderer(report, prefix=id_prefix, furniture=furniture, entity_labels=entity_labels)
    title = f"{report.source or 'Report'} · nlp_report"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="nlp_report">\n<title>{_esc(title)}</title>\n'
        f"<style>{stylesheet()}\nbody{{margin:1.5rem auto;max-width:64rem}}</style>\n</head>\n<body>\n"
        f"{renderer.fragment(title_tag='h1')}\n</body>\n</html>\n"
    )


# --- single objects ---------------------------------------------------------------------

_TAG_STYLE = (
    "display:inline-block;font-size:.7em;font-weight:700;line-height:1.5;padding:0 .4em;border:1px solid {colour};"
    "vertical-align:.1em;white-space:nowrap;"
)


def render_sentence(sentence: Sentence) -> str:
    """A sentence on one line: its label tag, its actor, its text, and its section (muted)."""
    p = palette()
    style = p.sentence(sentence.label)
    base = _TAG_STYLE.format(colour=style.colour)
    tag = (
        f'<span style="{base}background:{style.colour};color:#fff;text-transform:uppercase;border-radius:3px">'
        f"{_esc(sentence.label or 'no label')}</span>"
    )
    actor = ""
    if sentence.actor:
        actor = (
            f' <span style="{base}color:{style.colour};background:#fff;border-radius:3px">'
            f"{_esc(' '.join(sentence.actor.split()))}</span>"
        )
    section = (
        f' <span style="color:#6b7280;font-size:.85em">§ {_esc(" ".join(sentence.section.split()))}</span>'
        if sentence.section
        else ""
    )
    text = (
        f'<span style="background:{style.background};border-radius:3px;padding:.1em .2em">'
        f"{_esc(_one_line(sentence.text))}</span>"
    )
    attrs = _attrs(data_label=sentence.label or "none", data_actor=sentence.actor, data_start=sentence.start)
    return (
        f'<div class="nlp-report-sentence"{attrs} style="font-family:{_esc(_FONT)};line-height:1.8">'
        f"{tag}{actor} {text}{section}</div>"
    )


def render_entity(entity: Entity) -> str:
    """An entity displaCy-style: highlighted with its label and ``kb_id``."""
    colour = palette().entity(entity.label)
    label = entity.label + (f" · {entity.kb_id}" if entity.kb_id else "")
    return (
        f'<mark{_attrs(data_label=entity.label, data_kb_id=entity.kb_id)} style="background:{colour};'
        f'padding:.1em .35em;border-radius:.35em;line-height:1;color:inherit;font-family:{_esc(_FONT)}">'
        f"{_esc(_one_line(entity.text))}"
        f'<span style="font-size:.65em;font-weight:700;margin-left:.4em;vertical-align:.1em">{_esc(label)}</span>'
        "</mark>"
    )


def _one_line(text: str) -> str:
    from .explore import one_line

    return one_line(text)


# --- tables ---------------------------------------------------------------------------------


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _table(
    caption: str,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric_from: int = 1,
    cls: str = "",
    raw: bool = False,
) -> str:
    """An HTML table; cells are escaped unless ``raw`` (then the caller escaped them)."""
    head = "".join(
        f'<th class="nr-num">{_esc(h)}</th>' if i >= numeric_from else f"<th>{_esc(h)}</th>"
        for i, h in enumerate(header)
    )
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            content = cell if raw else _esc(cell)
            cells.append(f'<td class="nr-num">{content}</td>' if i >= numeric_from else f"<td>{content}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    klass = f' class="{cls}"' if cls else ""
    return (
        f"<table{klass}><caption>{_esc(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def reports_table(reports: Report | Iterable[Report]) -> Html:
    """A list of reports as one table: document, sentences per label (with a bar), entities per label, motions.

    ``nlp_report.reports_table(reports)`` in a notebook cell shows it; it is
    a ``str`` of HTML otherwise. The figures are those of
    :func:`nlp_report.explore.summary_frame`.
    """
    from .explore import NO_LABEL, summary_frame

    frame = summary_frame(reports)
    p = palette()
    labels = [*SENTENCE_LABELS, *([NO_LABEL] if frame[NO_LABEL].sum() else [])]
    header = ["document", "sentences", *labels, "labels", *ENTITY_LABELS, "countries", "organisations", "sections"]
    rows: list[list[str]] = []
    totals: Counter[str] = Counter()
    for record in frame.to_dict("records"):
        n = int(record["sentences"])
        bar = "".join(
            f'<span style="width:{100 * int(record[label]) / n:.1f}%;background:{p.sentence(label).colour}"'
            f' title="{_esc(label)}: {int(record[label])}"></span>'
            for label in labels
            if n and record[label]
        )
        name = _esc(str(record["document"]))
        if record["source"] and record["source"] != record["document"]:
            name = f'<span title="{_esc(str(record["source"]))}">{name}</span>'
        row = [name, str(n), *(str(int(record[label])) for label in labels), f'<span class="nr-bar">{bar}</span>']
        row += [str(int(record[label])) for label in ENTITY_LABELS]
        row += [str(int(record["countries"])), str(int(record["organisations"])), str(int(record["sections"]))]
        rows.append(row)
        for key in ("sentences", *labels, *ENTITY_LABELS, "sections"):
            totals[key] += int(record[key])
    if len(rows) > 1:
        rows.append(
            ["<b>total</b>", str(totals["sentences"]), *(str(totals[label]) for label in labels), ""]
            + [str(totals[label]) for label in ENTITY_LABELS]
            + ["", "", str(totals["sections"])]
        )
    caption = f"{len(frame)} document{'s' if len(frame) != 1 else ''}"
    table = _table(caption, header, rows, cls="nr-reports", raw=True)
    return Html(f'<style>{stylesheet()}</style>\n<div class="nlp-report nlp-report-table">{table}</div>')


def render_evaluation(evaluation: Evaluation) -> str:
    """The figures of an evaluation as HTML tables (what ``nlp-report evaluate`` prints, plus the confusion matrix)."""
    docs = evaluation.documents
    pipeline = evaluation.pipeline.scores
    n_sent = sum(d.sentences for d in docs)
    n_ent = sum(d.entities for d in docs)
    n_link = sum(d.motion_links for d in docs)
    parts = [
        f'<div class="nr-title">Evaluation of {_esc(evaluation.model)}</div>',
        f'<p class="nr-meta">{len(docs)} gold document{"s" if len(docs) != 1 else ""}: {n_sent} sentences, '
        f"{n_ent} entities, {n_link} motion links. Rates without a denominator are shown as -.</p>",
        _summary_table(evaluation),
        _labels_table(evaluation),
    ]
    if pipeline.entities is not None:
        parts.append(_entities_table(pipeline))
    parts.append(_confusion_table(evaluation))
    if len(docs) > 1:
        parts.append(
            "<details><summary>Per document (pipeline)</summary>" + _per_document_table(evaluation) + "</details>"
        )
    errors = Counter(e.task for e in evaluation.errors)
    if errors:
        summary = ", ".join(f"{task} {n}" for task, n in errors.items())
        parts.append(
            f'<p class="nr-meta">{len(evaluation.errors)} errors of the pipeline ({_esc(summary)}): '
            "<code>evaluation.to_frame(&quot;errors&quot;)</code> lists them.</p>"
        )
    return f'<style>{stylesheet()}</style>\n<div class="nlp-report nlp-report-eval nr-eval">{"".join(parts)}</div>'


def _prf(prf: PRF | None) -> list[str]:
    if prf is None:
        return ["-", "-", "-"]
    return [_num(prf.precision), _num(prf.recall), _num(prf.f1)]


def _acc(acc: Accuracy | None) -> str:
    if acc is None:
        return "-"
    return f"{_num(acc.value)} ({acc.correct}/{acc.total})"


def _summary_table(evaluation: Evaluation) -> str:
    header = [
        "system",
        "entity P",
        "entity R",
        "entity F1",
        "kb_id",
        "boundary F1",
        "label macro-F1",
        "label accuracy",
        "actors",
        "motion links",
    ]
    rows = []
    for system in evaluation.systems:
        s: Scores = system.scores
        ents = s.entities
        rows.append(
            [
                system.name,
                *_prf(ents.micro if ents else None),
                _acc(ents.kb_id) if ents else "-",
                _num(s.boundaries.f1) if s.boundaries else "-",
                _num(s.labels.macro_f1),
                _acc(s.labels.accuracy),
                _acc(s.actors),
                _acc(s.motion_links),
            ]
        )
    return _table("Summary", header, rows)


def _labels_table(evaluation: Evaluation) -> str:
    systems = evaluation.systems
    first = systems[0].scores.labels
    header = ["label", "gold"]
    for system in systems:
        header += [f"{system.name} P", f"{system.name} R", f"{system.name} F1"]
    rows = []
    for label, prf in first.per_label.items():
        row = [label, str(prf.support)]
        for system in systems:
            row += _prf(system.scores.labels.per_label.get(label))
        rows.append(row)
    macro = ["macro-F1", ""]
    for system in systems:
        macro += ["", "", _num(system.scores.labels.macro_f1)]
    rows.append(macro)
    return _table(
        "Sentence labels: each gold sentence against the predicted sentence covering most of it", header, rows
    )


def _entities_table(scores: Scores) -> str:
    ents = scores.entities
    assert ents is not None
    header = ["label", "gold", "predicted", "tp", "fp", "fn", "precision", "recall", "F1", "kb_id"]
    labels: list[str] = [label for label in ENTITY_LABELS if label in ents.per_label]
    labels += [label for label in ents.per_label if label not in labels]
    rows = []
    for label in labels:
        prf = ents.per_label[label]
        rows.append([label, *_counts(prf), *_prf(prf), _acc(ents.kb_ids.get(label))])
    rows.append(["micro", *_counts(ents.micro), *_prf(ents.micro), _acc(ents.kb_id)])
    return _table("Entities (pipeline): exact span and label; kb_id on the correct spans", header, rows)


def _counts(prf: PRF) -> list[str]:
    return [str(prf.support), str(prf.predicted), str(prf.tp), str(prf.fp), str(prf.fn)]


def _confusion_table(evaluation: Evaluation) -> str:
    confusion = evaluation.pipeline.scores.labels.confusion
    p = palette()
    header = ["gold \\ predicted", *confusion.predicted_labels, "total"]
    rows = []
    for gold, values in zip(confusion.gold_labels, confusion.matrix, strict=True):
        total = sum(values)
        colour = p.sentence(gold).colour
        cells = [f'<span class="nr-tag nr-tag-{_css_key(gold)}">{_esc(gold)}</span>']
        for predicted, value in zip(confusion.predicted_labels, values, strict=True):
            share = value / total if total else 0.0
            alpha = f"{round(share * 200):02x}"
            weight = "font-weight:700;" if predicted == gold else ""
            cells.append(
                f'<span style="{weight}display:block;background:{colour}{alpha};padding:0 .3em"'
                f' title="{_esc(gold)} predicted as {_esc(predicted)}: {value} of {total}">{value}</span>'
            )
        cells.append(str(total))
        rows.append(cells)
    return _table(
        "Confusion (pipeline): rows gold, columns predicted ('none': no predicted label)", header, rows, raw=True
    )


def _per_document_table(evaluation: Evaluation) -> str:
    header = ["document", "entity F1", "kb_id", "boundary F1", "label macro-F1", "label accuracy", "actors", "links"]
    rows = []
    for d in evaluation.documents:
        s = evaluation.pipeline.documents[d.id]
        ents = s.entities
        rows.append(
            [
                d.id,
                _num(ents.micro.f1) if ents else "-",
                _num(ents.kb_id.value) if ents else "-",
                _num(s.boundaries.f1) if s.boundaries else "-",
                _num(s.labels.macro_f1),
                _num(s.labels.accuracy.value),
                _num(s.actors.value),
                _num(s.motion_links.value) if s.motion_links else "-",
            ]
        )
    return _table("Per document", header, rows)
