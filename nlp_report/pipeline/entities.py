"""The entity component: COUNTRY, ORG, MOTION and KAMERSTUK, normalised and linked.

It writes ``doc.ents`` (with ``kb_id_``), ``span._.kamerstuk`` and
``span._.sponsors`` (see :mod:`nlp_report.pipeline.doc`), and keeps the
entities of a statistical model that the rules do not take over in
``doc.spans["nlp_report_model_ents"]``. The rules are in
:mod:`nlp_report.entities`; ``corpora/ANNOTATION.md`` says what they tag.

Entries of your own are pattern lines in the spaCy convention (``{"label":
"ORG", "pattern": "Ramstein-groep", "id": "UDCG"}``) or gazetteer lines
(``{"id", "names", "abbreviations"}``, ``{"code", "aliases",
"adjectives"}``), added as spaCy's ``EntityRuler`` takes them: with
:meth:`PolicyEntityRuler.add_patterns`, from a JSONL file with
``from_disk("my_entries.jsonl")``, or with ``nlp.initialize()`` and the
``patterns`` setting of ``[initialize.components.nlp_report_entities]``. They
win over the packaged data and are saved with the pipeline
(``nlp.to_disk``).
"""

# No "from __future__ import annotations" here: spaCy validates the settings of
# ``initialize`` with a model built from its signature, which needs real types.
import dataclasses
import json
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import SimpleFrozenList

from ..entities.gazetteer import Gazetteer, packaged_gazetteer
from ..entities.linking import link_motions
from ..entities.model import normalise
from ..entities.patterns import EntryFile, Pattern, packaged_exclusions, read_entry_file, split_records
from ..entities.rules import EntityRules, Mention, mentions_to_spans, resolve
from ..errors import ConfigError
from ..outputs import write_atomic
from ..types import ENTITY_LABELS, KamerstukRef
from .doc import BLOCKS_KEY, MODEL_ENTS_KEY, SENTENCES_KEY, get_layout

DEFAULT_MODEL_LABELS: tuple[str, ...] = ("GPE", "LOC", "NORP", "ORG")
"""Labels of a model's entities that are normalised when the gazetteer knows their text."""
USER_ENTRIES_FILE = "entries.jsonl"


class PolicyEntityRuler:
    """Finds countries, organisations, motions and Kamerstukken; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = "nlp_report_entities",
        *,
        define_abbreviations: bool = True,
        link_motions: bool = True,
        model_labels: Sequence[str] = DEFAULT_MODEL_LABELS,
        model_ents_key: str = MODEL_ENTS_KEY,
    ) -> None:
        if not model_ents_key:
            raise ConfigError("model_ents_key must be a non-empty span group name")
        self.name = name
        self.vocab = nlp.vocab
        self._tokenize = _pattern_tokenizer(nlp)
        self.define_abbreviations = define_abbreviations
        self.link_motions = link_motions
        self.model_labels = frozenset(model_labels)
        self.model_ents_key = model_ents_key
        self.user_entries = EntryFile()
        self._rules: EntityRules | None = None
        self._build()

    # --- configuration --------------------------------------------------------------

    @property
    def rules(self) -> EntityRules:
        if self._rules is None:
            self._build()
        assert self._rules is not None
        return self._rules

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use: the packaged one with the user's entries."""
        return self.rules.gazetteer

    def _build(self, entries: EntryFile | None = None) -> None:
        """Build the rules with ``entries`` (default: the current ones); keep them only if that works."""
        entries = self.user_entries if entries is None else entries
        gazetteer = packaged_gazetteer()
        if entries.gazetteer:
            own = Gazetteer()
            own.add(entries.gazetteer, origin=f"{self.name}: your entries")  # no string for two ids
            gazetteer = gazetteer.copy()
            gazetteer.add(own, override=True)
        patterns: list[Pattern] = [*packaged_exclusions(), *entries.patterns]
        self._rules = EntityRules(
            self.vocab, self._tokenize, gazetteer, patterns, define_abbreviations=self.define_abbreviations
        )
        self.user_entries = entries

    def _add(self, more: EntryFile) -> None:
        entries = EntryFile(list(self.user_entries.gazetteer), list(self.user_entries.patterns))
        entries.extend(more)
        self._build(entries)

    def add_patterns(self, entries: Iterable[dict[str, Any]]) -> None:
        """Add pattern or gazetteer lines (dicts, as in a JSONL file); they win over the packaged data."""
        self._add(split_records(list(entries), f"{self.name}.add_patterns"))

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,  # noqa: ARG002 - spaCy's signature
        *,
        nlp: Language | None = None,  # noqa: ARG002 - spaCy's signature
        patterns: Sequence[str | Path] = (),
    ) -> None:
        """Read JSONL files of entries (``nlp.initialize()``; spaCy's ``[initialize.components]``)."""
        more = EntryFile()
        for path in patterns:
            more.extend(read_entry_file(path))
        self._add(more)

    @property
    def patterns(self) -> list[dict[str, Any]]:
        """The user's pattern lines (gazetteer lines added are in :attr:`gazetteer`)."""
        return [p.to_dict() for p in self.user_entries.patterns]

    # --- running --------------------------------------------------------------------

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """spaCy's scoring hook (``nlp.evaluate``): the figures of ``nlp-report evaluate``."""
        from ..evaluation.spacy_scores import score_entities

        return score_entities(examples, **kwargs)

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        layout = get_layout(doc)
        # the rules' own entities (from an earlier run) carry a kb_id; a model's ORG has none
        model_ents = [e for e in doc.ents if not (e.label_ in ENTITY_LABELS and e.kb_id_)]
        found = rules.find(doc, layout)
        rest: list[Span] = model_ents
        if model_ents:
            taken, rest = normalise(model_ents, found, rules.gazetteer, self.model_labels)
            if taken:
                found.mentions = resolve(found.mentions + taken)
        found.mentions = _within_sentences(doc, found.mentions)
        doc.set_ents(mentions_to_spans(doc, found.mentions), default="outside")  # as doc.ents = ..., spans made once
        doc.spans[self.model_ents_key] = [Span(doc, e.start, e.end, label=e.label_) for e in rest]
        for (start, end), ref in found.kamerstukken.items():
            doc[start:end]._.kamerstuk = _ref_dict(ref)
        for (start, end), sponsors in found.sponsors.items():
            span = doc[start:end]
            span._.sponsors = list(sponsors)
            span._.kamerstuk = None
        if self.link_motions:
            for link in link_motions(doc, found, layout):
                doc[link.motion.start : link.motion.end]._.kamerstuk = _ref_dict(link.kamerstuk)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:  # noqa: ARG002 - spaCy's signature
        for doc in docs:
            yield self(doc)

    # --- serialisation: the user's entries -------------------------------------------

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:  # noqa: ARG002 - spaCy's signature
        return self._entries_jsonl().encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> "PolicyEntityRuler":  # noqa: ARG002 - spaCy's signature
        self._load_entries(data.decode("utf-8"), f"{self.name} (bytes)")
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:  # noqa: ARG002 - spaCy's signature
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write_atomic(path / USER_ENTRIES_FILE, self._entries_jsonl())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> "PolicyEntityRuler":  # noqa: ARG002 - spaCy's signature
        """Load entries: from a JSONL file (added to the current ones) or a saved pipeline's folder."""
        path = Path(path)
        if path.suffix == ".jsonl" and not path.is_dir():
            self._add(read_entry_file(path))
            return self
        file = path / USER_ENTRIES_FILE
        if file.exists():
            self._load_entries(file.read_text(encoding="utf-8"), str(file))
        return self

    def _entries_jsonl(self) -> str:
        lines = [json.dumps(p.to_dict(), ensure_ascii=False) for p in self.user_entries.patterns]
        by_id: dict[str, dict[str, Any]] = {}
        for entry in self.user_entries.gazetteer:
            if entry.label == "ORG":
                record = by_id.setdefault(f"ORG {entry.kb_id}", {"id": entry.kb_id, "names": [], "abbreviations": []})
                record["abbreviations" if entry.kind == "abbreviation" else "names"].append(entry.text)
            else:
                record = by_id.setdefault(
                    f"COUNTRY {entry.kb_id}", {"code": entry.kb_id, "aliases": [], "adjectives": []}
                )
                record["adjectives" if "adjective" in entry.kind else "aliases"].append(entry.text)
        lines += [json.dumps(r, ensure_ascii=False) for r in by_id.values()]
        return "".join(line + "\n" for line in lines)

    def _load_entries(self, text: str, origin: str) -> None:
        from ..resources import parse_jsonl

        entries = split_records(parse_jsonl(text, origin), origin)
        if entries.gazetteer or entries.patterns:
            self._build(entries)


_REF_FIELDS = tuple(field.name for field in dataclasses.fields(KamerstukRef))


def _ref_dict(ref: KamerstukRef) -> dict[str, Any]:
    """``dataclasses.asdict(ref)`` without its deep copy: the fields are strings or ``None``."""
    return {name: getattr(ref, name) for name in _REF_FIELDS}


def _within_sentences(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without those that cross the boundary of a body sentence or a block.

    Every entity lies inside one sentence, heading, footnote or other block.
    A rule's match can still run over a sentence end the segmenter found
    (``36 410nr. 12``, where ``.`` ends a sentence); such a mention is left
    out rather than cut into something it does not refer to.
    """
    bounds: set[int] = set()
    for key in (SENTENCES_KEY, BLOCKS_KEY):
        if key in doc.spans:
            for span in doc.spans[key]:
                bounds.add(span.start)
                bounds.add(span.end)
    if not bounds or not mentions:
        return mentions
    ordered = sorted(bounds)
    kept = []
    for mention in mentions:
        i = bisect_right(ordered, mention.start)
        if i == len(ordered) or ordered[i] >= mention.end:
            kept.append(mention)
    return kept


def _pattern_tokenizer(nlp: Language) -> Callable[[Iterable[str]], Iterable[Doc]]:
    """Tokenize pattern strings as the pipeline tokenizes text, without the layout stage."""
    tokenizer: Callable[[str], Doc] = getattr(nlp.tokenizer, "tokenizer", nlp.tokenizer)
    if isinstance(tokenizer, Tokenizer):
        pipe: Callable[[Iterable[str]], Iterable[Doc]] = tokenizer.pipe
        return pipe
    return lambda texts: (tokenizer(text) for text in texts)


EntityRecognizer = PolicyEntityRuler
"""Deprecated alias of :class:`PolicyEntityRuler` (the old name clashed with spaCy's statistical NER); kept for 0.1."""
