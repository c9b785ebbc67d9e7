"""Tables over a set of reports, for exploring them (in a notebook, the display and the plots).

Every function takes one :class:`~nlp_report.types.Report` or any iterable of
them and returns a :class:`pandas.DataFrame`, so the plots in
:mod:`nlp_report.plots` only draw what these tables hold and the figures can
be checked as data:

* :func:`summary_frame`: one row per document (sentences per label, entities
  per label, distinct countries and organisations, motions, sections, footnotes);
* :func:`label_counts`: sentences per label, per section or per document;
* :func:`entity_counts`: mentions of each country (or organisation...) per document;
* :func:`netherlands_sentences`: the sentences whose actor is the Netherlands
  (:func:`is_netherlands`), e.g. the Dutch positions over a set of documents.

Documents are named by :func:`document_names`: the file name without suffix
of ``report.source`` (``navo-fmm-2022-04``), ``document N`` without a source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Literal

from .errors import ArgumentError, ArgumentTypeError, DataFileError
from .resources import read_json
from .text import one_line
from .types import ENTITY_LABELS, SENTENCE_LABELS, Report, Sentence

if TYPE_CHECKING:
    import pandas as pd

NETHERLANDS_FILE = "display/netherlands.json"
NO_SECTION = "(no heading)"
"""The section name of sentences before the first heading (the cover letter)."""
NO_LABEL = "none"
"""The label column of sentences without a label (a pipeline without classifier)."""

Reports = Report | Iterable[Report]
GroupBy = Literal["section", "document"]


def as_reports(reports: Reports) -> list[Report]:
    """``reports`` as a list: one report, or the reports of any iterable (a list, a generator, a BatchRun)."""
    if isinstance(reports, Report):
        return [reports]
    items = list(reports)
    for index, item in enumerate(items):
        if not isinstance(item, Report):
            raise ArgumentTypeError(f"expected Report objects, got {type(item).__name__} at index {index}")
    return items


def document_names(reports: Reports) -> list[str]:
    """A short unique name per report: the file name of its source without suffix, else ``document N``."""
    names: list[str] = []
    seen: Counter[str] = Counter()
    for index, report in enumerate(as_reports(reports)):
        name = _stem(report.source) if report.source else ""
        name = name or f"document {index + 1}"
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


def _stem(source: str) -> str:
    name = PurePath(source.replace("\\", "/")).name
    stem = PurePath(name).stem if "." in name.strip(".") else name
    return stem.strip()


# --- per document ---------------------------------------------------------------------


def summary_frame(reports: Reports) -> pd.DataFrame:
    """One row per document: what the analysis found in it.

    Columns: ``document`` (see :func:`document_names`), ``source``, ``model``,
    ``sentences``, one column per sentence label (``position``, ``decision``,
    ``context``, and ``none`` for unlabelled ones), ``entities``, one column
    per entity label (mentions), ``countries`` and ``organisations``
    (distinct ``kb_id``), ``motions``, ``sections``, ``footnotes``, ``characters``.
    """
    import pandas as pd

    items = as_reports(reports)
    rows: list[dict[str, Any]] = []
    for name, report in zip(document_names(items), items, strict=True):
        labels = Counter(s.label or NO_LABEL for s in report.sentences)
        entities = Counter(e.label for e in report.entities)
        row: dict[str, Any] = {
            "document": name,
            "source": report.source,
            "model": report.model,
            "sentences": len(report.sentences),
        }
        row.update({label: labels[label] for label in (*SENTENCE_LABELS, NO_LABEL)})
        row["entities"] = len(report.entities)
        row.update({label: entities[label] for label in ENTITY_LABELS})
        row["countries"] = len({e.kb_id or e.text for e in report.entities if e.label == "COUNTRY"})
        row["organisations"] = len({e.kb_id or e.text for e in report.entities if e.label == "ORG"})
        row["motions"] = len(report.motions)
        row["sections"] = len(report.sections)
        row["footnotes"] = len(report.footnotes)
        row["characters"] = len(report.text)
        rows.append(row)
    columns = [
        "document",
        "source",
        "model",
        "sentences",
        *SENTENCE_LABELS,
        NO_LABEL,
        "entities",
        *ENTITY_LABELS,
        "countries",
        "organisations",
        "motions",
        "sections",
        "footnotes",
        "characters",
    ]
    frame: pd.DataFrame = pd.DataFrame(rows, columns=columns)
    return frame


def label_counts(reports: Reports, *, by: GroupBy = "section") -> pd.DataFrame:
    """How many sentences of each label, per section (of each document) or per document.

    ``by="section"``: the index has the levels ``document`` and ``section``
    (the heading's title; :data:`NO_SECTION` before the first heading), in
    the order of the documents and of the sections in them. ``by="document"``:
    one row per document. Columns: ``position``, ``decision``, ``context``,
    and ``none`` when some sentence has no label.
    """
    import pandas as pd

    if by not in ("section", "document"):
        raise ArgumentError(f"by must be 'section' or 'document', not {by!r}")
    items = as_reports(reports)
    counts: dict[tuple[str, ...], Counter[str]] = {}
    for name, report in zip(document_names(items), items, strict=True):
        if by == "document":
            counts.setdefault((name,), Counter())
        for s in report.sentences:
            key = (name,) if by == "document" else (name, _section(s))
            counts.setdefault(key, Counter())[s.label or NO_LABEL] += 1
    labels: list[str] = list(SENTENCE_LABELS)
    if any(c[NO_LABEL] for c in counts.values()):
        labels.append(NO_LABEL)
    names = ["document"] if by == "document" else ["document", "section"]
    if by == "document":
        index: pd.Index[Any] = pd.Index([key[0] for key in counts], name="document")
    else:
        index = pd.MultiIndex.from_tuples(list(counts), names=names)
    frame: pd.DataFrame = pd.DataFrame(
        [[c[label] for label in labels] for c in counts.values()], index=index, columns=labels, dtype="int64"
    )
    return frame


def _section(sentence: Sentence) -> str:
    return one_line(sentence.section) if sentence.section else NO_SECTION


def entity_counts(reports: Reports, label: str = "COUNTRY", *, top: int | None = None) -> pd.DataFrame:
    """Mentions of each entity of ``label`` per document: documents as rows, entities (``kb_id``) as columns.

    An entity without ``kb_id`` is counted under its text. Columns are sorted
    by their total, the most mentioned first; ``top`` keeps that many.
    :func:`entity_names` gives a readable name per column.
    """
    import pandas as pd

    items = as_reports(reports)
    names = document_names(items)
    counts = [Counter(e.kb_id or one_line(e.text) for e in r.entities if e.label == label) for r in items]
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c)
    keys = [key for key, _ in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))]
    if top is not None:
        keys = keys[: max(top, 0)]
    frame: pd.DataFrame = pd.DataFrame(
        [[c[k] for k in keys] for c in counts],
        index=pd.Index(names, name="document"),
        columns=pd.Index(keys, name=label),
        dtype="int64",
    )
    return frame


def entity_names(reports: Reports, label: str | None = None) -> dict[str, str]:
    """A readable name per ``kb_id`` (or text): ``{"UA": "Oekraïne", "DE": "Duitsland", "NATO": "NAVO"}``.

    A country is named by its Dutch name (CLDR, through Babel), whatever
    form the text uses (``Duitse``); anything else by the form the documents
    write most often.
    """
    forms: dict[str, Counter[str]] = {}
    countries: set[str] = set()
    for report in as_reports(reports):
        for e in report.entities:
            if label is None or e.label == label:
                key = e.kb_id or one_line(e.text)
                forms.setdefault(key, Counter())[one_line(e.text)] += 1
                if e.label == "COUNTRY" and e.kb_id:
                    countries.add(key)
    names = {key: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for key, c in forms.items()}
    territories = _dutch_territory_names() if countries else {}
    names.update({key: territories[key] for key in countries if key in territories})
    return names


@cache
def _dutch_territory_names() -> dict[str, str]:
    from babel import Locale

    return {str(code): str(name) for code, name in Locale("nl").territories.items()}


# --- the Netherlands --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _DutchActorWords:
    names: frozenset[str]
    first_person: frozenset[str]
    leading: frozenset[str]
    government: frozenset[str]
    portfolio: frozenset[str]
    not_government: frozenset[str]


@cache
def _dutch_actor_words() -> _DutchActorWords:
    data = read_json(NETHERLANDS_FILE)
    origin = f"nlp_report/data/{NETHERLANDS_FILE}"
    if not isinstance(data, dict):
        raise DataFileError(origin, "expected a JSON object")
    lists: dict[str, frozenset[str]] = {}
    for key in ("names", "first_person", "leading", "government", "portfolio", "not_government"):
        words = data.get(key)
        if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower().strip() for w in words):
            raise DataFileError(origin, f"{key!r} must be a list of lower-case strings")
        lists[key] = frozenset(words)
    return _DutchActorWords(**lists)


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def is_netherlands(actor: str | None) -> bool:
    """Whether ``actor`` (as the pipeline writes it) is the Netherlands: the Dutch government speaking.

    A heuristic on the words of the actor (``nlp_report/data/display/netherlands.json``):

    * no word of the parliament (``Kamer``, ``parlement``, ``fractie``, ``leden``): those are not the government;
    * then yes when a word is ``Nederland``/``Nederlandse`` (also ``Nederland en Denemarken``),
      when the actor is ``ik``/``wij``, or when it starts (after ``de``/``het``) with a government noun (``kabinet``,
      ``regering``, ``minister``, ``Defensie``) and no other capitalised word follows
      except a portfolio (``minister van Buitenlandse Zaken`` yes, ``regering van Maduro`` no).
    """
    if not actor:
        return False
    words = _dutch_actor_words()
    tokens = _WORD.findall(actor)
    lower = [t.lower() for t in tokens]
    if not tokens or any(w in words.not_government for w in lower):
        return False
    if any(w in words.names for w in lower):
        return True
    if " ".join(lower) in words.first_person:
        return True
    while len(tokens) > 1 and lower[0] in words.leading:  # "het kabinet", "ons land"
        tokens, lower = tokens[1:], lower[1:]
    if lower[0] not in words.government:
        return False
    return all(not t[:1].isupper() or t.lower() in words.portfolio for t in tokens[1:])


def netherlands_sentences(
    reports: Reports,
    labels: Iterable[str] = ("position",),
    *,
    match: Callable[[str | None], bool] | None = None,
) -> pd.DataFrame:
    """The sentences of ``labels`` whose actor is the Netherlands, over all ``reports``.

    ``match`` decides which actors count (default :func:`is_netherlands`;
    e.g. ``lambda a: a == "Nederland"`` for a stricter choice). Columns:
    ``document``, ``source``, ``section``, ``label``, ``actor``, ``text`` (on
    one line), ``start``, ``end`` (offsets in the report's text).
    """
    import pandas as pd

    chosen = set(labels)
    unknown = chosen - set(SENTENCE_LABELS)
    if unknown:
        raise ArgumentError(f"unknown labels {sorted(unknown)}; the labels are {', '.join(SENTENCE_LABELS)}")
    test = match or is_netherlands
    items = as_reports(reports)
    rows = [
        {
            "document": name,
            "source": report.source,
            "section": _section(s),
            "label": s.label,
            "actor": s.actor,
            "text": one_line(s.text),
            "start": s.start,
            "end": s.end,
        }
        for name, report in zip(document_names(items), items, strict=True)
        for s in report.sentences
        if s.label in chosen and test(s.actor)
    ]
    columns = ["document", "source", "section", "label", "actor", "text", "start", "end"]
    frame: pd.DataFrame = pd.DataFrame(rows, columns=columns)
    return frame
