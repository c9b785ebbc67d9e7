"""Every spaCy factory and registered function of nlp_report, in one place.

The same names are declared as entry points (``spacy_factories``,
``spacy_tokenizers``, ``spacy_architectures``), so a pipeline saved with these components loads
with ``spacy.load`` without importing nlp_report first.

=============================  ==================================================
name                           what it does
=============================  ==================================================
``nlp_report.LayoutTokenizer.v1``  tokenizer: layout analysis, then tokenization
``nlp_report.CharHashEmbed.v1``    architecture: the word embedding of ``models/nl_nlp_report_ud``
``nlp_report_sentences``       body sentences inside layout blocks
``nlp_report_entities``        COUNTRY, ORG, MOTION, KAMERSTUK with ``kb_id``
``nlp_report_classifier``      position / decision / context and the actor per sentence
``nlp_report_colors``          displaCy colours of the entity and sentence labels
``nlp_report.entity_scorer.v1``    scores entities and ``kb_id`` (``nlp.evaluate``)
``nlp_report.sentence_scorer.v1``  scores sentence boundaries
``nlp_report.label_scorer.v1``     scores sentence labels and actors
=============================  ==================================================

The scorers (:mod:`nlp_report.evaluation.spacy_scores`) are what the
components' ``score`` methods call, so ``python -m spacy evaluate`` on a
saved pipeline reports the figures ``nlp-report evaluate`` gives.

The displaCy colours are declared as the ``spacy_displacy_colors`` entry
point, so ``spacy.displacy.render`` uses them whenever nlp_report is installed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from ..colours import displacy_colors
from .classifier import ActorSource, SentenceClassifierComponent
from .doc import MODEL_ENTS_KEY
from .embed import char_hash_embed
from .entities import DEFAULT_MODEL_LABELS, PolicyEntityRuler
from .sentences import SentenceSegmenter
from .tokenizer import LayoutTokenizer


def create_layout_tokenizer() -> Callable[[Language], LayoutTokenizer]:
    """The language's default tokenizer, wrapped by :class:`LayoutTokenizer`.

    The tokenizer is what spaCy's ``spacy.Tokenizer.v1`` builds, built once:
    its special cases (the language's tokenizer exceptions) are loaded
    together with the project's, not loaded, dropped and loaded again.
    """

    def make(nlp: Language) -> LayoutTokenizer:
        return LayoutTokenizer(default_tokenizer(nlp, rules=False), exceptions=nlp.Defaults.tokenizer_exceptions)

    return make


def default_tokenizer(nlp: Language, *, rules: bool = True) -> Tokenizer:
    """spaCy's default tokenizer of ``nlp``'s language (as ``spacy.Tokenizer.v1``), optionally without special cases."""
    defaults = nlp.Defaults
    prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
    return Tokenizer(
        nlp.vocab,
        rules=defaults.tokenizer_exceptions if rules else None,
        prefix_search=compile_prefix_regex(prefixes).search if prefixes else None,
        suffix_search=compile_suffix_regex(suffixes).search if suffixes else None,
        infix_finditer=compile_infix_regex(infixes).finditer if infixes else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


registry.tokenizers.register("nlp_report.LayoutTokenizer.v1", func=create_layout_tokenizer)


registry.architectures.register("nlp_report.CharHashEmbed.v1", func=char_hash_embed)


registry.displacy_colors.register("nlp_report_colors", func=displacy_colors)


def _scorer(name: str) -> Callable[[], Callable[..., dict[str, Any]]]:
    def make() -> Callable[..., dict[str, Any]]:
        from ..evaluation import spacy_scores

        scorer: Callable[..., dict[str, Any]] = getattr(spacy_scores, name)
        return scorer

    return make


registry.scorers.register("nlp_report.entity_scorer.v1", func=_scorer("score_entities"))
registry.scorers.register("nlp_report.sentence_scorer.v1", func=_scorer("score_sentences"))
registry.scorers.register("nlp_report.label_scorer.v1", func=_scorer("score_labels"))


@Language.factory(
    "nlp_report_sentences",
    default_config={},
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentences(nlp: Language, name: str) -> SentenceSegmenter:
    """Sentence boundaries by layout block and punctuation; body sentences as a span group."""
    return SentenceSegmenter()


@Language.factory(
    "nlp_report_entities",
    default_config={
        "define_abbreviations": True,
        "link_motions": True,
        "model_labels": list(DEFAULT_MODEL_LABELS),
        "model_ents_key": MODEL_ENTS_KEY,
    },
    assigns=["doc.ents", "span._.kamerstuk", "span._.sponsors"],
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "nlp_report_kb_acc": 0.5},
)
def make_entities(
    nlp: Language,
    name: str,
    *,
    define_abbreviations: bool,
    link_motions: bool,
    model_labels: list[str],
    model_ents_key: str,
) -> PolicyEntityRuler:
    """Countries, organisations, motions and Kamerstukken, normalised (``kb_id``) and linked.

    ``define_abbreviations``: tag abbreviations the text defines
    (``DIANA (Defence Innovation ...)``). ``link_motions``: link a MOTION to
    its Kamerstuk (``span._.kamerstuk``). ``model_labels``: labels of a
    statistical model's entities to normalise when the gazetteer knows them;
    the model's other entities go to ``doc.spans[model_ents_key]``.
    """
    return PolicyEntityRuler(
        nlp,
        name,
        define_abbreviations=define_abbreviations,
        link_motions=link_motions,
        model_labels=model_labels,
        model_ents_key=model_ents_key,
    )


@Language.factory(
    "nlp_report_classifier",
    default_config={"model_path": None, "actor_source": "rules"},
    assigns=["span._.actor"],
    requires=["doc.spans"],
    default_score_weights={"cats_score": 1.0, "nlp_report_actor_acc": 0.5},
)
def make_classifier(
    nlp: Language, name: str, *, model_path: str | None, actor_source: ActorSource
) -> SentenceClassifierComponent:
    """Label each body sentence position/decision/context and find its actor.

    ``model_path``: a classifier trained with ``nlp-report train``; ``None``
    for the packaged one. ``actor_source``: ``"auto"``, ``"rules"`` or ``"parse"``.
    """
    return SentenceClassifierComponent(model_path=model_path, actor_source=actor_source)
