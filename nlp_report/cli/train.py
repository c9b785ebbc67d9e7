"""``nlp-report train``: retrain the sentence classifier on gold files, or cross-validate it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXAMPLES = """\
examples:
  nlp-report train corpora/gold/*.jsonl -o my-classifier.json
  nlp-report train corpora/gold/*.jsonl my-annotations.jsonl -o my-classifier.json --C 0.5
  nlp-report train corpora/gold/*.jsonl --cv            # leave-one-document-out figures
  nlp-report train ../shared/corpus/dev/*.jsonl --cv --also-train corpora/gold/*.jsonl
                                   # real letters held out one at a time, own corpus in every fold
  nlp-report train ../shared/corpus/dev/*.jsonl --cv --folds 10   # GroupKFold by document
  nlp-report analyze letter.pdf --classifier my-classifier.json

The package's own model is built from the project's corpus and the real letters with:
  nlp-report train corpora/gold/*.jsonl ../shared/corpus/dev/*.jsonl \\
      -o nlp_report/data/classify/model.json --model blank
Exit codes: 0 done, 1 bad gold data or an unwritable output, 2 usage error.
"""


def add_parser(subparsers: Any) -> None:
    """Add the ``train`` subcommand to ``subparsers``."""
    parser = subparsers.add_parser(
        "train",
        help="train the position/decision/context classifier on gold files (--cv: cross-validate)",
        description=(
            "Train the sentence classifier on the sentences of gold files, with the features the pipeline "
            "computes (layout, entities, cue words, verbs, subject, section), and write it as JSON. With --cv, "
            "print cross-validated results grouped by document (leave-one-document-out, or --folds GroupKFold folds) "
            "beside the majority-class and cue-words baselines instead."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="GOLD", help="gold files (.jsonl or .spacy)")
    parser.add_argument("-o", "--output", type=Path, help="where to write the trained classifier (JSON)")
    parser.add_argument(
        "--cv", action="store_true", help="cross-validation grouped by document instead (no model is written)"
    )
    parser.add_argument(
        "--folds", type=int, default=None, help="--cv: GroupKFold with this many folds (default: one document a fold)"
    )
    parser.add_argument(
        "--also-train",
        nargs="+",
        type=Path,
        default=[],
        metavar="GOLD",
        help="--cv: gold files trained on in every fold and never scored (e.g. the own corpus beside real letters); "
        "without --cv they are simply trained on too",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table", help="--cv output format")
    parser.add_argument("--C", type=float, default=0.1, help="inverse regularisation strength (default: 0.1)")
    parser.add_argument("--min-count", type=int, default=2, help="drop features seen in fewer sentences (default: 2)")
    parser.add_argument(
        "--model", default=None, help="spaCy model name or path, or 'blank' (default: nl_core_news_sm if installed)"
    )
    parser.add_argument(
        "--actor-source",
        choices=("auto", "rules", "parse"),
        default=None,
        help="where the classifier takes the actors from: the parse else the rules (auto), the rules, the parse "
        "(default: the pipeline's own setting)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``nlp-report train``; returns the exit code."""
    from ..errors import EvaluationError
    from ..evaluation import load_documents
    from ..evaluation.training import CLASSIFIER_PIPE, cross_validate, fit, prepare
    from .common import load_analyzer

    if not args.cv and args.output is None:
        print("nlp-report train: error: give -o/--output for the trained classifier, or --cv", file=sys.stderr)
        return 2
    docs, _ = load_documents(args.paths)  # bad gold fails before the model loads
    extra_docs, _ = load_documents(args.also_train) if args.also_train else ([], [])
    analyzer = load_analyzer(args.model)
    if args.actor_source is not None and CLASSIFIER_PIPE in analyzer.nlp.pipe_names:
        setattr(analyzer.nlp.get_pipe(CLASSIFIER_PIPE), "actor_source", args.actor_source)  # noqa: B010
    prepared = prepare(docs, analyzer)
    extra = prepare(extra_docs, analyzer) if extra_docs else []
    settings = {"C": args.C, "min_count": args.min_count}
    if args.cv:
        try:
            evaluation = cross_validate(prepared, also_train=extra, n_splits=args.folds, **settings)
        except EvaluationError as err:
            print(f"nlp-report train: error: {err}", file=sys.stderr)
            return 1
        if args.format == "json":
            sys.stdout.write(json.dumps(evaluation.to_dict(per_document=True), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(evaluation.to_table())
        return 0
    prepared = prepared + extra
    model = fit(prepared, **settings)
    n_sentences = sum(len(doc.targets) for doc in prepared)
    try:
        model.save(
            args.output,
            metadata={
                "trained_on": [doc.gold.id for doc in prepared],
                "sentences": n_sentences,
                "pipeline": prepared[0].report.model,
            },
        )
    except OSError as err:
        print(f"nlp-report train: error: cannot write {args.output}: {err.strerror or err}", file=sys.stderr)
        return 1
    print(
        f"trained on {n_sentences} sentences of {len(prepared)} documents; "
        f"{len(model.vocabulary_)} features; written to {args.output}"
    )
    return 0
