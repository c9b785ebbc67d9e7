"""The typed results of an analysis.

Every result is a frozen, slotted dataclass. Every object with ``start`` and
``end`` holds character offsets into :attr:`Report.text`, the text exactly as
it was passed in, so ``report.text[x.start:x.end] == x.text`` always holds,
whatever cleaning happened inside the pipeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal, get_args

from .errors import ArgumentError, ArgumentTypeError, ReportDataError
from .metadata.info import DocumentInfo

if TYPE_CHECKING:
    import pandas as pd
    from spacy.tokens import Doc

SentenceLabel = Literal["position", "decision", "context"]
"""What a body sentence mainly does (see ``corpora/ANNOTATION.md``)."""

EntityLabel = Literal["COUNTRY", "ORG", "MOTION", "KAMERSTUK"]
"""The entity types the rules tag."""

FrameKind = Literal["sentences", "entities", "motions"]

SENTENCE_LABELS: tuple[SentenceLabel, ...] = get_args(SentenceLabel)
ENTITY_LABELS: tuple[EntityLabel, ...] = get_args(EntityLabel)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A body sentence with its label, the actor holding it, and its section."""

    start: int
    end: int
    text: str
    label: SentenceLabel | None = None
    """``None`` only when the pipeline has no classifier."""
    actor: str | None = None
    """The holder of a position or decision as written, or ``None`` where the sentence names none.
    A sentence labelled ``context`` can have one when the classifier was not sure of that label
    and the main verb is a stance or outcome verb (``nlp_report/classify/actor_gate.py``)."""
    section: str | None = None
    """The title of the heading the sentence stands under, or ``None``."""
    scores: Mapping[str, float] | None = field(default=None, hash=False)
    """The classifier's probability of each label (``{"position": 0.71, "decision": 0.05, "context": 0.24}``,
    summing to 1), to rank and filter by confidence; ``None`` without a classifier. A question is
    ``context`` by rule and gets probability 1 for it."""

    def score(self, label: SentenceLabel) -> float | None:
        """The probability of ``label``, or ``None`` when the sentence has no scores."""
        return None if self.scores is None else self.scores.get(label)

    def _repr_html_(self) -> str:
        """Jupyter: the sentence on one line with its label tag and actor (``display.render_sentence``)."""
        from .display import render_sentence

        return render_sentence(self)


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention of a country, organisation, motion or Kamerstuk."""

    start: int
    end: int
    text: str
    label: EntityLabel
    kb_id: str | None = None
    """ISO 3166-1 alpha-2 code, organisation id, motion sponsors or Kamerstuk id."""

    def _repr_html_(self) -> str:
        """Jupyter: the entity highlighted with its label (``display.render_entity``)."""
        from .display import render_entity

        return render_entity(self)


@dataclass(frozen=True, slots=True)
class ModelEntity:
    """An entity of the statistical model that the rules do not cover (a person, a date, a city)."""

    start: int
    end: int
    text: str
    label: str
    """The model's label (``PERSON``, ``DATE``, ``GPE``, ...)."""


@dataclass(frozen=True, slots=True)
class KamerstukRef:
    """A parliamentary paper, identified by dossier and number."""

    dossier: str
    """Dossier number without spaces, with its suffix: ``28676``, ``21501-02``, ``36200-V``."""
    number: str
    """The paper's number in the dossier: ``394``, ``188b``."""
    kb_id: str
    """``DOSSIER-NUMBER``: ``28676-394``."""
    url: str
    """The paper on officielebekendmakingen.nl."""
    chamber: Literal["I", "II"] | None = None
    """``II`` for the Tweede Kamer, ``I`` for the Eerste Kamer, where written."""
    year: str | None = None
    """The parliamentary year where written, e.g. ``2021/22``."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a document cites a motion."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Motion:
    """A parliamentary motion the document cites, with its sponsors, its Kamerstuk and every mention.

    A motion cited more than once (in the body and in its footnote, or twice
    in the body) is one ``Motion``: ``start``, ``end`` and ``text`` are its
    first mention, :attr:`mentions` lists them all.
    """

    start: int
    end: int
    text: str
    sponsors: tuple[str, ...]
    """Sponsor names with their tussenvoegsels: ``("Van Haga",)``."""
    kamerstuk: KamerstukRef | None = None
    """The motion's Kamerstuk when the document gives it (footnote or parentheses)."""
    mentions: tuple[Mention, ...] = ()
    """Every mention of the motion in text order, the first included (by default just that one)."""

    def __post_init__(self) -> None:
        if not self.mentions:
            object.__setattr__(self, "mentions", (Mention(self.start, self.end, self.text),))


@dataclass(frozen=True, slots=True)
class Section:
    """A heading; the sentences after it, up to the next heading, are its section."""

    start: int
    end: int
    text: str
    """The heading as it stands in the text (line wraps included)."""
    title: str
    """The heading on one line, white space normalised."""


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote, and where its marker stands in the body."""

    number: int
    start: int
    end: int
    text: str
    """The footnote text without its number."""
    marker_start: int | None = None
    """Offset of the marker (``1`` in ``motie Van Haga1``), ``None`` if not found."""
    marker_end: int | None = None


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A block the layout stage found: a heading, paragraph, list item, footnote, header line, signature..."""

    kind: str
    """The block's kind (``heading``, ``paragraph``, ``list_item``, ``footnote``, ``header``...)."""
    start: int
    end: int


_ITEM_TYPES: dict[str, type[Any]] = {
    "sentences": Sentence,
    "entities": Entity,
    "motions": Motion,
    "sections": Section,
    "footnotes": Footnote,
    "model_entities": ModelEntity,
}


@dataclass(frozen=True, slots=True)
class Report:
    """The analysis of one document."""

    text: str
    """The document text exactly as passed in; every offset indexes it."""
    source: str | None
    """Where the text comes from (a path or a name), if given."""
    model: str
    """The spaCy pipeline that produced the report, e.g. ``nl_core_news_sm-3.8.0``."""
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    motions: tuple[Motion, ...] = ()
    sections: tuple[Section, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    model_entities: tuple[ModelEntity, ...] = ()
    """Entities of the statistical model the rules did not take over (empty without a model)."""
    blocks: tuple[TextBlock, ...] = ()
    """The layout's blocks, in text order (what the display groups the text by)."""
    furniture: tuple[tuple[int, int], ...] = ()
    """``(start, end)`` of the page furniture (running headers and footers, page numbers) left out of the analysis."""
    info: DocumentInfo = field(default_factory=DocumentInfo)
    """What dates and identifies the document: kind, date, identity, signatories, meeting."""

    def _repr_html_(self) -> str:
        """Jupyter: the document with labelled sentences, entities, footnotes (``display.render_fragment``)."""
        from .display import render_fragment

        return render_fragment(self)

    def to_frame(self, kind: FrameKind = "sentences") -> pd.DataFrame:
        """One row per sentence, entity or motion, as a :class:`pandas.DataFrame`."""
        import pandas as pd

        if kind == "sentences":
            columns = ["start", "end", "text", "label", *SCORE_COLUMNS, "actor", "section"]
            rows: list[dict[str, Any]] = [{**_row(s), **score_columns(s)} for s in self.sentences]
        elif kind == "entities":
            columns = ["start", "end", "text", "label", "kb_id"]
            rows = [_row(e) for e in self.entities]
        elif kind == "motions":
            columns = ["start", "end", "text", "sponsors", "kamerstuk", "url", "mentions"]
            rows = [
                {
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "sponsors": list(m.sponsors),
                    "kamerstuk": m.kamerstuk.kb_id if m.kamerstuk else None,
                    "url": m.kamerstuk.url if m.kamerstuk else None,
                    "mentions": len(m.mentions),
                }
                for m in self.motions
            ]
        else:
            raise ArgumentError(f"kind must be 'sentences', 'entities' or 'motions', not {kind!r}")
        frame: pd.DataFrame = pd.DataFrame(rows, columns=columns)
        frame.insert(0, "source", self.source)
        return frame

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict; :meth:`from_dict` turns it back into an equal report."""
        data: dict[str, Any] = {"text": self.text, "source": self.source, "model": self.model}
        for name in _ITEM_TYPES:
            data[name] = [_row(item) for item in getattr(self, name)]
        data["blocks"] = [_row(block) for block in self.blocks]
        data["furniture"] = [list(span) for span in self.furniture]
        data["info"] = self.info.to_dict()
        return data

    @classmethod
    def from_doc(cls, doc: Doc, *, source: str | None = None, model: str = "") -> Report:
        """The report of a Doc that went through the nlp_report components (``nlp(text)``, ``nlp.pipe``).

        Every offset is mapped back to the text as passed to ``nlp`` (the Doc's
        own ``doc.text`` is the cleaned text of the layout tokenizer).
        """
        from .pipeline.report import build_report

        return build_report(doc, source=source, model=model)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report from :meth:`to_dict` output, checking every offset."""
        if not isinstance(data, dict):
            raise ReportDataError(f"expected a dict, got {type(data).__name__}")
        try:
            text = data["text"]
            model = data["model"]
        except KeyError as err:
            raise ReportDataError(f"missing key {err.args[0]!r}") from None
        if not isinstance(text, str):
            raise ReportDataError("'text' must be a string")
        values: dict[str, Any] = {"text": text, "source": data.get("source"), "model": model}
        for name, item_type in _ITEM_TYPES.items():
            items = []
            for index, item in enumerate(data.get(name, [])):
                try:
                    built = _build(item_type, item)
                except (TypeError, KeyError, ValueError) as err:
                    raise ReportDataError(f"{name}[{index}]: {err}") from None
                _check_label(name, index, built)
                for where, span in ((f"{name}[{index}]", built), *_mentions(built, f"{name}[{index}]")):
                    if text[span.start : span.end] != span.text:
                        raise ReportDataError(f"{where}: text[{span.start}:{span.end}] is not {span.text!r}")
                items.append(built)
            values[name] = tuple(items)
        values["blocks"] = tuple(
            _span_item("blocks", index, TextBlock, item, len(text)) for index, item in enumerate(data.get("blocks", []))
        )
        values["furniture"] = tuple(
            _span_item("furniture", index, None, item, len(text))
            for index, item in enumerate(data.get("furniture", []))
        )
        if data.get("info"):
            try:
                info = DocumentInfo.from_dict(data["info"])
            except (TypeError, KeyError, ValueError) as err:
                raise ReportDataError(f"info: {err}") from None
            for name, start, end, written in info.spans():
                if text[start:end] != written:
                    raise ReportDataError(f"info.{name}: text[{start}:{end}] is not {written!r}")
            values["info"] = info
        return cls(**values)


def _span_item(name: str, index: int, item_type: type[Any] | None, item: Any, n: int) -> Any:
    """A block (``item_type``) or a furniture ``[start, end]`` pair, its offsets checked against the text length."""
    try:
        if item_type is None:
            start, end = item
            built: Any = (start, end)
        else:
            built = _build(item_type, item)
            start, end = built.start, built.end
    except (TypeError, KeyError, ValueError) as err:
        raise ReportDataError(f"{name}[{index}]: {err}") from None
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n):
        raise ReportDataError(f"{name}[{index}]: ({start!r}, {end!r}) is not a range of the text")
    return built


_LABELS: dict[str, tuple[str | None, ...]] = {"sentences": (*SENTENCE_LABELS, None), "entities": ENTITY_LABELS}


def _check_label(name: str, index: int, item: Any) -> None:
    """An unknown sentence or entity label is an error (a report only ever holds the contract's labels)."""
    allowed = _LABELS.get(name)
    if allowed is not None and item.label not in allowed:
        choices = ", ".join(repr(label) for label in allowed)
        raise ReportDataError(f"{name}[{index}]: label {item.label!r} is not one of {choices}")


def _mentions(item: Any, where: str) -> list[tuple[str, Mention]]:
    if not isinstance(item, Motion):
        return []
    return [(f"{where}.mentions[{i}]", mention) for i, mention in enumerate(item.mentions)]


SCORE_COLUMNS: tuple[str, ...] = tuple(f"score_{label}" for label in SENTENCE_LABELS)
"""The flat columns of tables and exports that hold :attr:`Sentence.scores` (``score_position``...)."""


def score_columns(sentence: Sentence) -> dict[str, float | None]:
    """``{"score_position": ..., "score_decision": ..., "score_context": ...}`` of ``sentence``.

    The values are ``None`` when the sentence has no scores."""
    return {column: sentence.score(label) for column, label in zip(SCORE_COLUMNS, SENTENCE_LABELS, strict=True)}


def _row(item: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(item):
        value = getattr(item, f.name)
        if isinstance(value, tuple):
            value = [_row(v) if isinstance(v, Mention) else v for v in value]
        elif isinstance(value, KamerstukRef):
            value = _row(value)
        elif isinstance(value, Mapping):
            value = dict(value)
        out[f.name] = value
    return out


def _build(item_type: type[Any], item: dict[str, Any]) -> Any:
    if not isinstance(item, dict):
        raise ArgumentTypeError(f"expected an object, got {type(item).__name__}")
    values = dict(item)
    if item_type is Motion:
        values["sponsors"] = tuple(values.get("sponsors", ()))
        if values.get("kamerstuk") is not None:
            values["kamerstuk"] = KamerstukRef(**values["kamerstuk"])
        # written before motions kept their mentions: the motion is its one mention (see Motion.__post_init__)
        values["mentions"] = tuple(_build(Mention, m) for m in values.get("mentions") or ())
    return item_type(**values)
