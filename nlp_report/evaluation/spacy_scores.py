"""The components' scorers: what ``nlp.evaluate`` and ``python -m spacy evaluate`` report.

spaCy scores a component by calling its ``score(examples)``. The
nlp_report components score the way ``nlp-report evaluate`` does, with the
same code (:func:`~nlp_report.evaluation.evaluate_reports`), so both give
the same figures: each example's reference Doc is read as a gold document
(:func:`~nlp_report.evaluation.convert.doc_to_gold`: ``doc.ents`` with
``kb_id_``, the labelled sentence spans of ``doc.spans["nlp_report_sentences"]``
with ``span._.actor``, the motion links of the user data), and the predicted
Doc becomes a report (:func:`nlp_report.Report.from_doc`), whose offsets index
the original text. Token alignment is not used: the layout tokenizer leaves
footnote markers and page furniture out of ``doc.text``, so the two Docs'
tokens need not align, but their original texts are the same.

=============================  ===================================================================
scorer                         keys
=============================  ===================================================================
``nlp_report.entity_scorer.v1``  ``ents_p``, ``ents_r``, ``ents_f``, ``ents_per_type`` (exact span and
                               label); ``nlp_report_kb_acc`` and ``nlp_report_kb_per_type``
                               (``kb_id`` on the correctly found spans); ``nlp_report_motion_links_acc``
``nlp_report.sentence_scorer.v1``  ``sents_p``, ``sents_r``, ``sents_f`` (exact sentence spans)
``nlp_report.label_scorer.v1``   ``cats_score`` (macro-F1 of position/decision/context), ``cats_f_per_type``,
                               ``nlp_report_label_acc``, ``nlp_report_actor_acc``
=============================  ===================================================================

A rate with nothing to count is ``None`` at the top level (spaCy prints
``-``) and ``0.0`` inside the per-type tables, as spaCy's own scorers do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.training import Example

from .metrics import PRF, Accuracy, Scores


def score_examples(examples: Iterable[Example]) -> Scores:
    """The pipeline's figures on ``examples`` (predicted Docs against reference Docs), as ``nlp-report evaluate``."""
    from ..types import Report
    from .convert import doc_to_gold
    from .run import evaluate_reports

    examples = list(examples)
    gold = [doc_to_gold(eg.reference, index=i) for i, eg in enumerate(examples, 1)]
    reports = [Report.from_doc(eg.predicted, source=g.source) for eg, g in zip(examples, gold, strict=True)]
    return evaluate_reports(gold, reports, baselines=False).scores


def score_entities(examples: Iterable[Example], **_cfg: Any) -> dict[str, Any]:
    """Entities with their ``kb_id`` (and motion links); see the module docstring."""
    scores = score_examples(examples)
    entities = scores.entities
    assert entities is not None
    micro = entities.micro
    kb_total = Accuracy()
    for accuracy in entities.kb_ids.values():
        kb_total = kb_total + accuracy
    return {
        "ents_p": micro.precision,
        "ents_r": micro.recall,
        "ents_f": micro.f1,
        "ents_per_type": {label: _prf(prf) for label, prf in entities.per_label.items() if _seen(prf)},
        "nlp_report_kb_acc": kb_total.value,
        "nlp_report_kb_per_type": {label: acc.value for label, acc in entities.kb_ids.items() if acc.total},
        "nlp_report_motion_links_acc": scores.motion_links.value if scores.motion_links else None,
    }


def score_sentences(examples: Iterable[Example], **_cfg: Any) -> dict[str, Any]:
    """Sentence boundaries as exact spans."""
    boundaries = score_examples(examples).boundaries
    assert boundaries is not None
    return {"sents_p": boundaries.precision, "sents_r": boundaries.recall, "sents_f": boundaries.f1}


def score_labels(examples: Iterable[Example], **_cfg: Any) -> dict[str, Any]:
    """Sentence labels (each gold sentence against its matched predicted sentence) and actors."""
    scores = score_examples(examples)
    labels = scores.labels
    return {
        "cats_score": labels.macro_f1,
        "cats_score_desc": "macro F",
        "cats_macro_f": labels.macro_f1,
        "cats_f_per_type": {label: _prf(prf) for label, prf in labels.per_label.items()},
        "nlp_report_label_acc": labels.accuracy.value,
        "nlp_report_actor_acc": scores.actors.value,
    }


def _seen(prf: PRF) -> bool:
    return bool(prf.tp or prf.fp or prf.fn)


def _prf(prf: PRF) -> dict[str, float]:
    return {"p": prf.precision or 0.0, "r": prf.recall or 0.0, "f": prf.f1 or 0.0}
