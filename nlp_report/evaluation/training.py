"""Training the sentence classifier on gold files, and measuring it honestly.

``train()`` fits a :class:`~nlp_report.classify.model.SentenceClassifier`
on every gold sentence of the given documents; the package's own model is
built with it from the project's corpus, the annotated real letters and the
project's stand-off labels of the pool letters (``nlp-report train
corpora/gold/*.jsonl ../shared/corpus/dev/*.jsonl corpora/pool_labels/*.jsonl
-o nlp_report/data/classify/model.json --model blank``). ``cross_validate()`` holds out whole
documents (one at a time, or ``GroupKFold`` folds), trains on the others
(plus documents trained on in every fold, such as the project's own corpus
beside the real letters), labels the held-out documents, and scores all
held-out predictions together with the evaluation module, beside the
majority-class and cue-words baselines.

The features come from the pipeline itself (layout, sentences, entities),
run with the classifier switched off, so training sees exactly what the
classifier sees at analysis time. A gold sentence is paired with the
pipeline sentence that covers most of its characters, as in scoring.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from ..classify.actors import Words
from ..classify.model import SentenceClassifier
from ..errors import EvaluationError
from ..pipeline.doc import SENTENCES_KEY
from ..pipeline.report import build_report
from ..types import Report, Sentence, SentenceLabel

if TYPE_CHECKING:
    from ..analyzer import Analyzer
    from . import Evaluation, GoldDocument
    from .run import GoldInput

CLASSIFIER_PIPE = "nlp_report_classifier"


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A gold document run through the pipeline without the classifier."""

    gold: GoldDocument
    report: Report
    """The pipeline's report, sentences without labels."""
    features: tuple[dict[str, float], ...]
    """Features of each pipeline sentence."""
    actors: tuple[str | None, ...]
    """The actor each pipeline sentence would get as a position or decision."""
    targets: tuple[tuple[int, SentenceLabel], ...]
    """(pipeline sentence, gold label) for each gold sentence that found a pipeline sentence."""
    words: tuple[Words, ...] = ()
    """The tokens of each pipeline sentence (for the decision whether it gets its actor)."""


def prepare(gold: GoldInput, analyzer: Analyzer | None = None) -> list[PreparedDocument]:
    """Run the pipeline (classifier off) on each gold document and collect features and targets."""
    from ..analyzer import load
    from ..classify.lexicon import default_lexicon
    from ..pipeline.classifier import ActorSource, SentenceClassifierComponent, candidate_actors, featurize
    from .run import load_documents
    from .scoring import match_sentences

    docs, _ = load_documents(gold)
    analyzer = analyzer or load("blank")
    nlp = analyzer.nlp
    disabled = [CLASSIFIER_PIPE] if CLASSIFIER_PIPE in nlp.pipe_names else []
    # the actors as the pipeline's classifier would find them (its actor_source)
    component = nlp.get_pipe(CLASSIFIER_PIPE) if disabled else None
    source: ActorSource = component.actor_source if isinstance(component, SentenceClassifierComponent) else "auto"
    lexicon = default_lexicon()
    prepared = []
    with nlp.select_pipes(disable=disabled):
        for doc_gold in docs:
            doc = nlp(doc_gold.text)
            spans = list(doc.spans[SENTENCES_KEY]) if SENTENCES_KEY in doc.spans else []
            found = featurize(doc, spans, lexicon)
            features, subjects = tuple(found.features), found.subjects
            actors = tuple(candidate_actors(doc, spans, subjects, source))
            report = build_report(doc, source=doc_gold.id, model=analyzer.model)
            matches = match_sentences(doc_gold.sentences, report.sentences)
            targets = tuple(
                (index, sentence.label)
                for sentence, index in zip(doc_gold.sentences, matches, strict=True)
                if index is not None
            )
            words = tuple(item.words for item in found.inputs)
            prepared.append(PreparedDocument(doc_gold, report, features, actors, targets, words))
    return prepared


def fit(prepared: Sequence[PreparedDocument], **settings: Any) -> SentenceClassifier:
    """A classifier fitted on every matched gold sentence of ``prepared``."""
    X = [doc.features[index] for doc in prepared for index, _ in doc.targets]
    y = [label for doc in prepared for _, label in doc.targets]
    if not X:
        raise EvaluationError("the gold documents hold no sentences to train on")
    return SentenceClassifier(**settings).fit(X, y)


def train(gold: GoldInput, *, analyzer: Analyzer | None = None, **settings: Any) -> SentenceClassifier:
    """Train a sentence classifier on gold files (paths, or :class:`GoldDocument` objects).

    ``settings`` go to :class:`SentenceClassifier` (``C``, ``min_count``,
    ``class_weight``). Save the result with ``model.save(path)`` and use it
    with ``nlp.add_pipe("nlp_report_classifier", config={"model_path": path})``
    or ``nlp-report analyze --classifier path``.
    """
    return fit(prepare(gold, analyzer), **settings)


def label_report(doc: PreparedDocument, model: SentenceClassifier) -> Report:
    """The document's report with the labels and actors ``model`` gives."""
    from ..classify.actor_gate import emitted_actor
    from ..pipeline.classifier import predict_scores

    sentences = doc.report.sentences
    labels, scores = predict_scores(model, list(doc.features), [s.text for s in sentences])
    labelled: list[Sentence] = []
    for sentence, label, actor, probabilities, words in zip(
        sentences, labels, doc.actors, scores, doc.words, strict=True
    ):
        actor = emitted_actor(actor, label, probabilities, words)
        labelled.append(dataclasses.replace(sentence, label=label, actor=actor, scores=probabilities))
    return dataclasses.replace(doc.report, sentences=tuple(labelled))


def cross_validate(
    gold: GoldInput | Sequence[PreparedDocument],
    *,
    also_train: GoldInput | Sequence[PreparedDocument] = (),
    n_splits: int | None = None,
    analyzer: Analyzer | None = None,
    **settings: Any,
) -> Evaluation:
    """Cross-validation grouped by document, scored with the baselines beside it.

    The documents of ``gold`` are split into folds of whole documents:
    ``n_splits=None`` holds out one document at a time (leave-one-document-out),
    an integer uses scikit-learn's ``GroupKFold`` with that many folds. Each fold
    is labelled by a classifier trained on the other folds plus ``also_train``
    (documents that are trained on in every fold and never scored, e.g. the
    project's own corpus beside real letters); the held-out reports are then
    scored together as by ``nlp_report.evaluate``. No sentence is ever scored
    by a model trained on its own document.
    """
    from .run import evaluate_reports

    prepared = _prepared(gold, analyzer)
    extra = _prepared(also_train, analyzer) if also_train else []
    if len(prepared) < 2:
        raise EvaluationError("cross-validation needs at least two gold documents")
    tested = {doc.gold.id for doc in prepared}
    clash = sorted(tested & {doc.gold.id for doc in extra})
    if clash:
        raise EvaluationError(f"documents both scored and trained on in every fold: {', '.join(clash)}")
    folds = document_folds([doc.gold.id for doc in prepared], n_splits)
    reports: list[Report | None] = [None] * len(prepared)
    for held_out in folds:
        out = set(held_out)
        model = fit([doc for i, doc in enumerate(prepared) if i not in out] + extra, **settings)
        for i in held_out:
            reports[i] = label_report(prepared[i], model)
    scheme = (
        f"leave-one-document-out, {len(folds)} folds"
        if n_splits is None
        else f"GroupKFold by document, {len(folds)} folds over {len(prepared)} documents"
    )
    if extra:
        scheme += f"; {len(extra)} more documents in every training fold, never scored"
    return evaluate_reports(
        [doc.gold for doc in prepared],
        [report for report in reports if report is not None],
        model=f"{prepared[0].report.model} + classifier ({scheme})",
    )


def document_folds(ids: Sequence[str], n_splits: int | None = None) -> list[list[int]]:
    """The held-out indexes of each fold: one document each, or ``GroupKFold(n_splits)`` grouped by ``ids``."""
    if n_splits is None:
        return [[i] for i in range(len(ids))]
    if n_splits < 2 or n_splits > len(set(ids)):
        raise EvaluationError(
            f"n_splits must be between 2 and the number of documents ({len(set(ids))}), not {n_splits}"
        )
    from sklearn.model_selection import GroupKFold

    splitter = GroupKFold(n_splits=n_splits)
    return [sorted(int(i) for i in test) for _, test in splitter.split(list(range(len(ids))), groups=list(ids))]


def _prepared(gold: GoldInput | Sequence[PreparedDocument], analyzer: Analyzer | None) -> list[PreparedDocument]:
    if isinstance(gold, Sequence) and gold and all(isinstance(doc, PreparedDocument) for doc in gold):
        return [doc for doc in gold if isinstance(doc, PreparedDocument)]
    return prepare(cast("GoldInput", gold), analyzer)
