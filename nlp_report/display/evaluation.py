"""An evaluation as HTML tables (the ``_repr_html_`` of :class:`~nlp_report.evaluation.result.Evaluation`)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..colours import palette
from ..evaluation.table import fmt
from ..types import ENTITY_LABELS
from .html import count, css_key, esc, label_tag, styled, table

if TYPE_CHECKING:
    from ..evaluation.metrics import PRF, Accuracy, Scores
    from ..evaluation.result import Evaluation


def render_evaluation(evaluation: Evaluation) -> str:
    """The figures of an evaluation as HTML tables (what ``nlp-report evaluate`` prints, plus the confusion matrix)."""
    docs = evaluation.documents
    pipeline = evaluation.pipeline.scores
    n_sent = sum(d.sentences for d in docs)
    n_ent = sum(d.entities for d in docs)
    n_link = sum(d.motion_links for d in docs)
    parts = [
        f'<div class="nr-title">Evaluation of {esc(evaluation.model)}</div>',
        f'<p class="nr-meta">{count(len(docs), "gold document")}: {n_sent} sentences, '
        f"{n_ent} entities, {n_link} motion links. Rates without a denominator are shown as -.</p>",
        _summary_table(evaluation),
        _labels_table(evaluation),
    ]
    if evaluation.trained_on:
        parts.insert(
            2,
            f'<p class="nr-meta"><strong>{len(evaluation.trained_on)} of the {len(docs)} documents scored are in '
            "the training data of the pipeline's classifier</strong>: on them the label and actor figures check the "
            "pipeline, they are not accuracy (cross-validate for that).</p>",
        )
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
            f'<p class="nr-meta">{len(evaluation.errors)} errors of the pipeline ({esc(summary)}): '
            "<code>evaluation.to_frame(&quot;errors&quot;)</code> lists them.</p>"
        )
    return styled(f'<div class="nlp-report nlp-report-eval nr-eval">{"".join(parts)}</div>')


def _prf(prf: PRF | None) -> list[str]:
    if prf is None:
        return ["-", "-", "-"]
    return [fmt(prf.precision), fmt(prf.recall), fmt(prf.f1)]


def _acc(acc: Accuracy | None) -> str:
    if acc is None:
        return "-"
    return f"{fmt(acc.value)} ({acc.correct}/{acc.total})"


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
        "actor accuracy",
        "no-actor accuracy",
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
                fmt(s.boundaries.f1) if s.boundaries else "-",
                fmt(s.labels.macro_f1),
                _acc(s.labels.accuracy),
                _acc(s.actors),
                _acc(s.no_actor),
                _acc(s.motion_links),
            ]
        )
    return table("Summary", header, rows)


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
        macro += ["", "", fmt(system.scores.labels.macro_f1)]
    rows.append(macro)
    return table("Sentence labels: each gold sentence against the predicted sentence covering most of it", header, rows)


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
    return table("Entities (pipeline): exact span and label; kb_id on the correct spans", header, rows)


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
        cells = [label_tag(css_key(gold), gold)]
        for predicted, value in zip(confusion.predicted_labels, values, strict=True):
            share = value / total if total else 0.0
            alpha = f"{round(share * 200):02x}"
            weight = "font-weight:700;" if predicted == gold else ""
            cells.append(
                f'<span style="{weight}display:block;background:{colour}{alpha};padding:0 .3em"'
                f' title="{esc(gold)} predicted as {esc(predicted)}: {value} of {total}">{value}</span>'
            )
        cells.append(str(total))
        rows.append(cells)
    return table(
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
                fmt(ents.micro.f1) if ents else "-",
                fmt(ents.kb_id.value) if ents else "-",
                fmt(s.boundaries.f1) if s.boundaries else "-",
                fmt(s.labels.macro_f1),
                fmt(s.labels.accuracy.value),
                fmt(s.actors.value),
                fmt(s.motion_links.value) if s.motion_links else "-",
            ]
        )
    return table("Per document", header, rows)
