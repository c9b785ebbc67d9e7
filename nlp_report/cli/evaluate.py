"""``nlp-report evaluate``: score the pipeline and the baselines against gold files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXAMPLES = """\
examples:
  nlp-report evaluate corpora/gold/seed.jsonl
  nlp-report evaluate corpora/gold/*.jsonl --errors
  nlp-report evaluate ../shared/corpus/dev      (a folder: its .jsonl and .spacy files)
  nlp-report evaluate corpora/gold/seed.jsonl --format json -o seed-scores.json
  nlp-report evaluate annotations.spacy prodigy-export.jsonl --model blank
  nlp-report evaluate --metadata corpora/metadata/gold.jsonl --errors

Gold files are gold JSONL (corpora/ANNOTATION.md), Prodigy-style JSONL
(recognised by its "spans") or spaCy DocBin files (.spacy). Exit codes:
0 scored, 1 bad gold data or a file that cannot be read, 2 usage error.
"""


def add_parser(subparsers: Any) -> None:
    """Add the ``evaluate`` subcommand to ``subparsers``."""
    parser = subparsers.add_parser(
        "evaluate",
        help="score the pipeline against annotated gold files, beside two baselines",
        description=(
            "Analyse the text of every gold document and score the result: entities (per label and micro; "
            "kb_id on correct spans), sentence boundaries, sentence labels (per label, macro-F1, accuracy, "
            "confusion matrix), actors and motion links, with the majority-class and cue-words baselines."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="GOLD", help="gold files (.jsonl or .spacy), or folders of them"
    )
    parser.add_argument(
        "--metadata", type=Path, metavar="FILE", help="score document metadata against this stand-off gold instead"
    )
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list every false positive, false negative and wrong label of the pipeline",
    )
    parser.add_argument("--per-document", action="store_true", help="json: also give the figures of each document")
    parser.add_argument("--no-baselines", action="store_true", help="score the pipeline only")
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    parser.add_argument(
        "--model", default=None, help="spaCy model name or path, or 'blank' (default: nl_core_news_sm if installed)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``nlp-report evaluate``; returns the exit code."""
    from ..evaluation import evaluate_reports, load_documents
    from ..evaluation.run import classifier_training_documents
    from .common import load_analyzer

    if args.metadata is not None:
        return run_metadata(args)
    if not args.paths:  # as argparse does for a missing argument
        print(
            "nlp-report evaluate: error: the following arguments are required: GOLD (or --metadata FILE)",
            file=sys.stderr,
        )
        raise SystemExit(2)

    # evaluate() in two steps, so that bad gold data fails before the model is loaded
    docs, origins = load_documents(args.paths)
    analyzer = load_analyzer(args.model)
    reports = [analyzer.analyze(doc.text, source=doc.source or doc.id) for doc in docs]
    evaluation = evaluate_reports(
        docs,
        reports,
        model=analyzer.model,
        baselines=not args.no_baselines,
        origins=origins,
        trained_on=classifier_training_documents(analyzer),
    )
    if args.format == "json":
        data = evaluation.to_dict(per_document=args.per_document, errors=args.errors)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = evaluation.to_table(errors=args.errors)
    _emit(text, args.output)
    return 0


def run_metadata(args: argparse.Namespace) -> int:
    """``--metadata FILE``: document metadata (kind, date, identity, reference, meeting, signatories)."""
    from .. import load
    from ..evaluation.metadata import evaluate_metadata, read_metadata_gold

    docs, skipped = read_metadata_gold(args.metadata)
    evaluation = evaluate_metadata(docs, load(args.model))
    evaluation.skipped = skipped
    if args.format == "json":
        text = json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = evaluation.to_table(errors=args.errors)
    _emit(text, args.output)
    return 0


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from ..errors import GoldFileError, OutputError
    from ..outputs import write_atomic

    try:
        write_atomic(output, text)  # complete or not at all
    except OutputError as err:
        raise GoldFileError(f"{output}: cannot write ({err.reason})") from None
