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
  nlp-report analyze letter.pdf --classifier my-classifier.json

The package's own model is built with:
  nlp-report train corpora/gold/*.jsonl -o nlp_report/data/classify/model.json --model blank
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
            "print leave-one-document-out results beside the majority-class and cue-words baselines instead."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="GOLD", help="gold files (.jsonl or .spacy)")
    parser.add_argument("-o", "--output", type=Path, help="where to write the trained classifier (JSON)")
    parser.add_argument("--cv", action="store_true", help="leave-one-document-out cross-validation instead")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="--cv output format")
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength (default: 1.0)")
    parser.add_argument("--min-count", type=int, default=2, help="drop features seen in fewer sentences (default: 2)")
    parser.add_argument(
        "--model", default=None, help="spaCy model name or path, or 'blank' (default: nl_core_news_sm if installed)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``nlp-report train``; returns the exit code."""
    from ..evaluation import load_documents
    from ..evaluation.training import cross_validate, fit, prepare
    from .common import load_analyzer

    if not args.cv and args.output is None:
        print("nlp-report train: error: give -o/--output for the trained classifier, or --cv", file=sys.stderr)
        return 2
    docs, _ = load_documents(args.paths)  # bad gold fails before the model loads
    prepared = prepare(docs, load_analyzer(args.model))
    settings = {"C": args.C, "min_count": args.min_count}
    if args.cv:
        evaluation = cross_validate(prepared, **settings)
        if args.format == "json":
            sys.stdout.write(json.dumps(evaluation.to_dict(per_document=True), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(evaluation.to_table())
        return 0
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
