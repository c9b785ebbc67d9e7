"""``nlp-report bench``: throughput, cold start and memory, against the project's targets."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .common import positive

DESCRIPTION = """\
Measure how fast nlp_report runs and how much memory it takes, in one run:
words and documents per second of bare tokenisation with spacy.blank("nl"),
of the full fallback pipeline in one process and with --n-process worker
processes (in rounds, in rotating order; the best round counts, as other
processes can only slow a round down), of a statistical model
alone and with the project's components when one is installed; the cold
start (import + load) in a fresh interpreter; and the peak RSS of a fresh
process streaming documents, and ten times as many. The ratios are printed
with the targets they must meet.

The corpus repeats the documents of PATHS (files or folders, read as
'nlp-report analyze' reads them), or the shipped corpora/raw/ documents,
until it has --words words.
"""

EXAMPLES = """\
targets (fallback pipeline; a 2-core machine for the speedup):
  full pipeline throughput        >= 0.5 x bare tokenisation
  n_process=2 throughput          >= 1.6 x one process
  peak RSS, 10x more documents    grows by at most 50 MB
  cold start                      <= 2 s
  with a model installed: the components add at most 10% to the model's own time

examples:
  nlp-report bench                                # 1,000,000 words of the shipped documents
  nlp-report bench --json > bench.json
  nlp-report bench letters/ --words 200000 --n-process 4
  nlp-report bench --words 100000 --rounds 1 --check   # quick; exit 1 if a target is missed

Progress goes to standard error (--quiet to silence it). Exit codes: 0 the
bench ran (missed targets are shown), 1 with --check when a target is
missed, or when the documents cannot be read, 2 usage error.
"""


def add_parser(subparsers: Any) -> None:
    """Add the ``bench`` subcommand to ``subparsers``."""
    from ..bench import DEFAULT_MODEL_WORDS, DEFAULT_N_PROCESS, DEFAULT_ROUNDS, DEFAULT_RSS_DOCUMENTS, DEFAULT_WORDS

    parser = subparsers.add_parser(
        "bench",
        help="measure throughput, cold start and memory against the performance targets",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="documents to measure (default: corpora/raw/)"
    )
    parser.add_argument(
        "--words", type=positive, default=DEFAULT_WORDS, help=f"corpus size in words (default: {DEFAULT_WORDS:,})"
    )
    parser.add_argument(
        "--n-process",
        type=positive,
        default=DEFAULT_N_PROCESS,
        help=f"worker processes of the parallel run (default: {DEFAULT_N_PROCESS})",
    )
    parser.add_argument(
        "--rounds", type=positive, default=DEFAULT_ROUNDS, help=f"rounds per measurement (default: {DEFAULT_ROUNDS})"
    )
    parser.add_argument(
        "--model",
        default=None,
        help="statistical model to compare, a name or path (default: nl_core_news_sm if installed)",
    )
    parser.add_argument(
        "--model-words",
        type=positive,
        default=DEFAULT_MODEL_WORDS,
        help=f"words for the model comparison (default: {DEFAULT_MODEL_WORDS:,})",
    )
    parser.add_argument(
        "--rss-documents",
        type=positive,
        default=DEFAULT_RSS_DOCUMENTS,
        help=f"documents of the smaller memory run; the larger has 10x (default: {DEFAULT_RSS_DOCUMENTS})",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--check", action="store_true", help="exit with 1 when a target is missed")
    parser.add_argument("--quiet", action="store_true", help="no progress on standard error")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``nlp-report bench``; returns the exit code."""
    from ..bench import read_texts, run_bench

    texts = read_texts(args.paths) if args.paths else None

    def progress(message: str) -> None:
        print(f"nlp-report bench: {message}", file=sys.stderr, flush=True)

    result = run_bench(
        texts,
        words=args.words,
        rounds=args.rounds,
        n_process=args.n_process,
        model=args.model,
        model_words=args.model_words,
        rss_documents=args.rss_documents,
        progress=None if args.quiet else progress,
    )
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2) + "\n")
    else:
        sys.stdout.write(result.to_table())
    return 1 if args.check and not result.all_met else 0
