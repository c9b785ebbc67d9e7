"""The sentence classifier component: a label and an actor for every body sentence.

For each span of ``doc.spans["nlp_report_sentences"]`` it computes the
features of :mod:`nlp_report.classify.features`, predicts ``position``,
``decision`` or ``context`` with the trained
:class:`~nlp_report.classify.model.SentenceClassifier`, and sets
``span._.actor`` where the sentence names a holder: the finder's actor goes
to a position or decision, and to a sentence read as ``context`` with a
holder verb that the model is not sure of (see
:mod:`nlp_report.classify.actor_gate`). Questions are ``context`` by rule,
as the annotation guidelines say. The actor comes from the rule-based
subject finder; with ``actor_source="auto"`` and a parsed Doc (a model such
as ``nl_core_news_sm`` ran before) from the dependency parse, else the rules
(on the small UD model's parse the rules do better: docs/model.md).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from spacy.tokens import Doc, Span
from spacy.training import Example

from ..classify.actor_gate import HOLDER_LABELS as HOLDER_LABELS  # re-exported
from ..classify.actor_gate import emitted_actor
from ..classify.actors import Words, parse_actor, parse_or_rule_actor, rule_actor
from ..classify.features import SentenceInput, document_cues, sentence_features
from ..classify.lexicon import Lexicon, default_lexicon
from ..classify.model import SentenceClassifier
from ..classify.model_features import MODEL_FEATURE_PREFIXES
from ..errors import ConfigError
from ..resources import data_path
from ..types import SENTENCE_LABELS, SentenceLabel
from .doc import BLOCKS_KEY, SENTENCES_KEY, token_table

ActorSource = Literal["auto", "rules", "parse"]
PACKAGED_MODEL = "classify/model.json"

_cache: dict[str, SentenceClassifier] = {}


def load_model(path: str | Path | None = None) -> SentenceClassifier:
    """The classifier at ``path``, or the packaged one; loaded once per process and path."""
    key = str(path) if path is not None else ""
    if key not in _cache:
        if path is None:
            resource = data_path(PACKAGED_MODEL)
            with resource.open("r", encoding="utf-8") as handle:
                import json

                _cache[key] = SentenceClassifier.from_dict(
                    json.load(handle), origin=f"nlp_report/data/{PACKAGED_MODEL}"
                )
        else:
            _cache[key] = SentenceClassifier.load(path)
    return _cache[key]


class SentenceClassifierComponent:
    """Labels the body sentences of a Doc and finds their actors.

    ``model_path``: a classifier trained with ``nlp-report train`` (JSON);
    ``None`` for the packaged one. It is read on first use.
    ``actor_source``: ``"rules"`` (the default), ``"auto"`` (on a parsed Doc
    the parse's actor, or the rules' where the parse names none; else the
    rules) or ``"parse"`` (the parse alone).
    """

    def __init__(
        self,
        *,
        model: SentenceClassifier | None = None,
        model_path: str | None = None,
        actor_source: ActorSource = "rules",
    ) -> None:
        if actor_source not in ("auto", "rules", "parse"):
            raise ConfigError(f"actor_source must be 'auto', 'rules' or 'parse', not {actor_source!r}")
        self._model = model
        self.model_path = model_path
        self.actor_source = actor_source
        self.lexicon = default_lexicon()

    @property
    def model(self) -> SentenceClassifier:
        if self._model is None:
            self._model = load_model(self.model_path)
        return self._model

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """spaCy's scoring hook (``nlp.evaluate``): the figures of ``nlp-report evaluate``."""
        from ..evaluation.spacy_scores import score_labels

        return score_labels(examples, **kwargs)

    def __call__(self, doc: Doc) -> Doc:
        if SENTENCES_KEY not in doc.spans or not len(doc.spans[SENTENCES_KEY]):
            return doc
        spans = list(doc.spans[SENTENCES_KEY])
        # a classifier without weights for the model's lemmas and tags (the packaged one) is not given them
        found = featurize(
            doc, spans, self.lexicon, read_model_annotation=self.model.reads_prefix(MODEL_FEATURE_PREFIXES)
        )
        labels, scores = predict_scores(
            self.model, found.features, ["".join(item.words.text[-2:]) for item in found.inputs]
        )
        labelled = [Span(doc, s.start, s.end, label=label) for s, label in zip(spans, labels, strict=True)]
        doc.spans[SENTENCES_KEY] = labelled
        candidates = candidate_actors(doc, labelled, found.subjects, self.actor_source)
        rows = zip(labelled, found.inputs, candidates, labels, scores, strict=True)
        for span, item, candidate, label, probabilities in rows:
            extension = span._  # one accessor for both attributes
            extension.scores = probabilities
            extension.actor = emitted_actor(candidate, label, probabilities, item.words, lexicon=self.lexicon)
        return doc


def candidate_actors(
    doc: Doc, spans: Sequence[Span], subjects: Sequence[str | None], source: ActorSource
) -> list[str | None]:
    """The actor each sentence would get as a position or decision, by ``source`` (the component's
    ``actor_source``): the rule-based ``subjects``, the parse alone, or on a parsed Doc the parse's
    actor else the rules'. The one choice of the component and of training."""
    if source == "parse":
        return [parse_actor(span) for span in spans]
    if source == "auto" and doc.has_annotation("DEP"):
        return [parse_or_rule_actor(span, subject) for span, subject in zip(spans, subjects, strict=True)]
    return list(subjects)


@dataclass(frozen=True, slots=True)
class Featurized:
    """What the classifier sees of each sentence: its inputs, its features, its rule-based subject."""

    inputs: list[SentenceInput]
    features: list[dict[str, float]]
    subjects: list[str | None]


def featurize(doc: Doc, spans: list[Span], lexicon: Lexicon, *, read_model_annotation: bool = True) -> Featurized:
    """The features of each sentence span of ``doc``: the one featurisation of the component and of training.

    ``read_model_annotation=False`` leaves out the features of a model's lemmas and tags
    (:data:`MODEL_FEATURE_PREFIXES`), for a classifier that has no weights for them (one trained
    on the fallback pipeline, such as the packaged one): it would drop them unread.
    """
    inputs = sentence_inputs(doc, spans, read_model_annotation=read_model_annotation)
    subjects = [rule_actor(item.words, lexicon) for item in inputs]
    features = [
        sentence_features(item, lexicon=lexicon, actor=subject) for item, subject in zip(inputs, subjects, strict=True)
    ]
    return Featurized(inputs, features, subjects)


def predict_labels(
    model: SentenceClassifier, features: list[dict[str, float]], texts: list[str]
) -> list[SentenceLabel]:
    """The model's labels, with the guidelines' rule that a question is ``context``."""
    return predict_scores(model, features, texts)[0]


def predict_scores(
    model: SentenceClassifier, features: list[dict[str, float]], texts: list[str]
) -> tuple[list[SentenceLabel], list[dict[str, float]]]:
    """The model's label and probability of each label per sentence (a question: ``context``, probability 1)."""
    unknown = set(model.classes_) - set(SENTENCE_LABELS)
    if unknown:
        raise ConfigError(f"the classifier predicts labels that are not sentence labels: {sorted(unknown)}")
    if not features:
        return [], []
    rows = model.predict_proba(features).tolist()
    labels: list[SentenceLabel] = []
    scores: list[dict[str, float]] = []
    question: dict[str, float] = {label: float(label == "context") for label in SENTENCE_LABELS}
    for text, row in zip(texts, rows, strict=True):
        if text.rstrip().rstrip("\"'”’»").endswith("?"):
            labels.append("context")
            scores.append(dict(question))
            continue
        by_label = dict(zip(model.classes_, row, strict=True))
        probabilities: dict[str, float] = {
            label: round(float(by_label.get(label, 0.0)), 4) for label in SENTENCE_LABELS
        }
        labels.append(cast("SentenceLabel", model.classes_[max(range(len(row)), key=row.__getitem__)]))
        scores.append(probabilities)
    return labels, scores


def sentence_inputs(doc: Doc, spans: list[Span], *, read_model_annotation: bool = True) -> list[SentenceInput]:
    """What the features need for each sentence: tokens, section title, list item, intro of a list.

    ``read_model_annotation``: read a model's lemmas and tags into the tokens
    (:class:`~nlp_report.classify.actors.Words`) when the Doc has them."""
    headings: list[tuple[int, str]] = []
    list_items: list[tuple[int, int]] = []
    if BLOCKS_KEY in doc.spans:
        for block in doc.spans[BLOCKS_KEY]:
            if block.label_ == "heading":
                headings.append((block.start, block.text))
            elif block.label_ == "list_item":
                list_items.append((block.start, block.end))
    heading_starts = [start for start, _ in headings]
    item_starts = [start for start, _ in list_items]
    inputs = []
    intro: Words | None = None
    table = token_table(doc)
    all_words = Words.for_doc(doc, table.text, table.space, read_model_annotation=read_model_annotation)
    bounds = [(span.start, span.end) for span in spans]
    cues = document_cues(table.doc_text, table.text, table.idx, bounds) if table.doc_text else None
    for position, span in enumerate(spans):
        index = bisect_right(heading_starts, span.start) - 1
        section = headings[index][1] if index >= 0 else None
        item = bisect_right(item_starts, span.start) - 1
        in_list = item >= 0 and list_items[item][0] <= span.start < list_items[item][1]
        words = all_words.slice(span.start, span.end)
        inputs.append(
            SentenceInput(
                words,
                section,
                in_list,
                position,
                cover_letter=bool(headings) and index < 0,
                intro=intro if in_list else None,
                cues=cues[position] if cues is not None else None,
            )
        )
        if not in_list:
            intro = words if words.text and words.text[-1] == ":" else None
    return inputs
