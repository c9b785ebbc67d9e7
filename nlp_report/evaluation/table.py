"""The text table of an :class:`~nlp_report.evaluation.result.Evaluation` (``nlp-report evaluate``)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..types import ENTITY_LABELS
from .metrics import PRF, Accuracy, Scores

if TYPE_CHECKING:
    from .error_analysis import ErrorCase
    from .result import Evaluation

DIGITS = 3


def fmt(value: float | None) -> str:
    """A rate with three decimals; ``-`` when it has no denominator."""
    return "-" if value is None else f"{value:.{DIGITS}f}"


def format_table(evaluation: Evaluation, *, errors: bool = False) -> str:
    """Every figure of ``evaluation`` as plain text; with ``errors``, the pipeline's errors too."""
    out: list[str] = []
    docs = evaluation.documents
    pipeline = evaluation.pipeline.scores
    n_sent = sum(d.sentences for d in docs)
    n_ent = sum(d.entities for d in docs)
    n_link = sum(d.motion_links for d in docs)
    out.append(
        f"Evaluation of the pipeline {evaluation.model} on {len(docs)} gold document{'s' if len(docs) != 1 else ''}: "
        f"{n_sent} sentences, {n_ent} entities, {n_link} motion links"
    )
    if evaluation.trained_on:
        out.append(
            f"NOTE: {len(evaluation.trained_on)} of the {len(docs)} documents scored "
            f"{'is' if len(evaluation.trained_on) == 1 else 'are'} in the training data of the pipeline's classifier: "
            "on them the label and actor figures check the pipeline, they are not accuracy "
            "(measure accuracy with nlp-report train FILES --cv)"
        )
    for d in docs:
        where = f"  ({d.origin})" if d.origin else ""
        out.append(f"  {d.id}: {d.sentences} sentences, {d.entities} entities, {d.motion_links} motion links{where}")
    out.append("")
    if pipeline.entities is not None:
        out += _entities(pipeline)
    if pipeline.boundaries is not None:
        out += _boundaries(pipeline.boundaries)
    out += _labels(evaluation)
    out += _confusion(evaluation)
    out += _actors(evaluation)
    if pipeline.motion_links is not None:
        out += _links(evaluation)
    if evaluation.baselines:
        out.append("Baselines (they label the pipeline's sentences; no actor, entities or motion links):")
        for system in evaluation.baselines:
            out.append(f"  {system.name}: {system.description}")
        out.append("")
    if len(docs) > 1:
        out += _per_document(evaluation)
    if errors:
        out += _errors(evaluation.errors)
    return "\n".join(out).rstrip("\n") + "\n"


def _prf_cells(prf: PRF) -> str:
    return (
        f"{prf.support:>6} {prf.predicted:>6} {prf.tp:>6} {prf.fp:>6} {prf.fn:>6}"
        f" {fmt(prf.precision):>9} {fmt(prf.recall):>7} {fmt(prf.f1):>7}"
    )


def _entities(scores: Scores) -> list[str]:
    ents = scores.entities
    assert ents is not None
    lines = [
        "ENTITIES: exact span and label (pipeline); kb_id: accuracy on the correctly found spans",
        f"{'label':<10} {'gold':>6} {'pred':>6} {'tp':>6} {'fp':>6} {'fn':>6} {'precision':>9} {'recall':>7} {'f1':>7}"
        f" {'kb_id':>7}",
    ]
    labels: list[str] = [label for label in ENTITY_LABELS if label in ents.per_label]
    labels += [label for label in ents.per_label if label not in labels]
    for label in labels:
        lines.append(f"{label:<10} {_prf_cells(ents.per_label[label])} {fmt(ents.kb_ids[label].value):>7}")
    lines.append(f"{'micro':<10} {_prf_cells(ents.micro)} {fmt(ents.kb_id.value):>7}")
    kb = ents.kb_id
    lines.append(f"kb_id: {kb.correct} of {kb.total} correct spans have the gold kb_id")
    return [*lines, ""]


def _boundaries(prf: PRF) -> list[str]:
    return [
        "SENTENCE BOUNDARIES: exact spans (pipeline)",
        f"{'':<10} {'gold':>6} {'pred':>6} {'tp':>6} {'fp':>6} {'fn':>6} {'precision':>9} {'recall':>7} {'f1':>7}",
        f"{'sentences':<10} {_prf_cells(prf)}",
        "",
    ]


def _labels(evaluation: Evaluation) -> list[str]:
    systems = evaluation.systems
    head = f"{'':<10} {'gold':>5}"
    sub = f"{'label':<10} {'':>5}"
    for system in systems:
        head += f" | {system.name:^23}"
        sub += f" | {'precision':>9} {'recall':>6} {'f1':>6}"
    lines = [
        "SENTENCE LABELS: each gold sentence against the predicted sentence covering most of it",
        head,
        sub,
    ]
    first = systems[0].scores.labels
    for label, prf in first.per_label.items():
        row = f"{label:<10} {prf.support:>5}"
        for system in systems:
            p = system.scores.labels.per_label[label]
            row += f" | {fmt(p.precision):>9} {fmt(p.recall):>6} {fmt(p.f1):>6}"
        lines.append(row)
    row = f"{'macro-F1':<10} {'':>5}"
    for system in systems:
        row += f" | {'':>9} {'':>6} {fmt(system.scores.labels.macro_f1):>6}"
    lines.append(row)
    row = f"{'accuracy':<10} {len(first.gold):>5}"
    for system in systems:
        acc = system.scores.labels.accuracy
        row += f" | {f'{acc.correct}/{acc.total}':>16} {fmt(acc.value):>6}"
    lines.append(row)
    for system in systems:
        labels = system.scores.labels
        if labels.unlabelled:
            matched = labels.unlabelled - labels.unmatched
            lines.append(
                f"{system.name}: {labels.unlabelled} of {len(labels.gold)} gold sentences got no label "
                f"({labels.unmatched} overlap no predicted sentence, {matched} matched a sentence without a label)"
            )
    return [*lines, ""]


def _confusion(evaluation: Evaluation) -> list[str]:
    lines = ["CONFUSION: rows gold, columns predicted ('none': no predicted label)"]
    for system in evaluation.systems:
        confusion = system.scores.labels.confusion
        lines.append(f"{system.name:<10} " + " ".join(f"{c:>9}" for c in confusion.predicted_labels))
        for label, row in zip(confusion.gold_labels, confusion.matrix, strict=True):
            lines.append(f"  {label:<8} " + " ".join(f"{v:>9}" for v in row))
    return [*lines, ""]


def _acc_row(name: str, acc: Accuracy) -> str:
    return f"{name:<10} {acc.correct:>6} {acc.total:>6} {fmt(acc.value):>9}"


def _actors(evaluation: Evaluation) -> list[str]:
    named = evaluation.pipeline.scores.actors.total
    unnamed = evaluation.pipeline.scores.no_actor.total
    lines = [
        f"ACTORS: actor accuracy on the {named} gold sentences that name one (found if the predicted actor "
        "shares a content word);",
        f"  no-actor accuracy on the {unnamed} that name none (right if no actor is predicted)",
        f"{'system':<10} {'found':>6} {'total':>6} {'actor acc':>9} {'right':>6} {'total':>6} {'no-actor acc':>12}",
    ]
    for system in evaluation.systems:
        found, right = system.scores.actors, system.scores.no_actor
        lines.append(f"{_acc_row(system.name, found)} {right.correct:>6} {right.total:>6} {fmt(right.value):>12}")
    return [*lines, ""]


def _links(evaluation: Evaluation) -> list[str]:
    acc = evaluation.pipeline.scores.motion_links
    assert acc is not None
    return [
        f"MOTION LINKS: the {acc.total} gold links; found if a predicted motion has the same span and Kamerstuk",
        f"{'system':<10} {'found':>6} {'total':>6} {'accuracy':>9}",
        _acc_row("pipeline", acc),
        "",
    ]


def _per_document(evaluation: Evaluation) -> list[str]:
    width = max(len("document"), *(len(d.id) for d in evaluation.documents))
    lines = [
        "PER DOCUMENT (pipeline; cue-words baseline macro-F1 for comparison)",
        f"{'document':<{width}} {'ent F1':>7} {'kb_id':>7} {'bound F1':>8} {'macro-F1':>8} {'accuracy':>8}"
        f" {'actors':>7} {'no-act':>7} {'links':>7} {'cues F1':>7}",
    ]
    cues = next((s for s in evaluation.baselines if s.name == "cues"), None)
    for d in evaluation.documents:
        s = evaluation.pipeline.documents[d.id]
        ents = s.entities
        cue_f1 = fmt(cues.documents[d.id].labels.macro_f1) if cues else "-"
        lines.append(
            f"{d.id:<{width}} {fmt(ents.micro.f1 if ents else None):>7} {fmt(ents.kb_id.value if ents else None):>7}"
            f" {fmt(s.boundaries.f1 if s.boundaries else None):>8} {fmt(s.labels.macro_f1):>8}"
            f" {fmt(s.labels.accuracy.value):>8} {fmt(s.actors.value):>7} {fmt(s.no_actor.value):>7}"
            f" {fmt(s.motion_links.value if s.motion_links else None):>7} {cue_f1:>7}"
        )
    return [*lines, ""]


def _errors(errors: tuple[ErrorCase, ...]) -> list[str]:
    counts = Counter(e.task for e in errors)
    summary = ", ".join(f"{task} {n}" for task, n in counts.items())
    lines = [f"ERRORS of the pipeline: {len(errors)}" + (f" ({summary})" if summary else "")]
    if not errors:
        return [*lines, ""]
    doc_w = max(len("document"), *(len(e.document) for e in errors))
    gold_w = max(len("gold"), *(len(_cell(e.gold)) for e in errors))
    pred_w = max(len("predicted"), *(len(_cell(e.predicted)) for e in errors))
    lines.append(
        f"{'document':<{doc_w}} {'span':<11} {'task':<11} {'kind':<14} {'gold':<{gold_w}} {'predicted':<{pred_w}} text"
    )
    for e in errors:
        text = " ".join(e.text.split())
        row = (
            f"{e.document:<{doc_w}} {f'{e.start}-{e.end}':<11} {e.task:<11} {e.kind:<14} "
            f"{_cell(e.gold):<{gold_w}} {_cell(e.predicted):<{pred_w}} {text}"
        )
        if e.note:
            row += f"  [{e.note}]"
        lines.append(row)
    return [*lines, ""]


def _cell(value: str | None) -> str:
    if value is None:
        return "-"
    return " ".join(value.split())
