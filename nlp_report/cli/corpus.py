"""``nlp-report corpus``: build a corpus store from folders of letters, and query it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXAMPLES = """\
examples:
  nlp-report corpus build letters/ -o letters.store                 # analyse every file once
  nlp-report corpus build letters/ -o letters.store                 # again: only new or changed files
  nlp-report corpus build letters/ -o letters.store --n-process 2
  nlp-report corpus build letters/ -o letters.store --dask tcp://scheduler:8786 --model blank
  nlp-report corpus query letters.store "SELECT kind, count(*) FROM documents GROUP BY kind"
  nlp-report corpus query letters.store --motions
  nlp-report corpus info letters.store

Views: documents, sentences, entities, motions, mentions (sentence x entity), manifest.
Exit codes: 0 done, 1 some file failed or a bad store/query, 2 usage error.
"""


def add_parser(subparsers: Any) -> None:
    """Add ``corpus build``, ``corpus query`` and ``corpus info``."""
    parser = subparsers.add_parser(
        "corpus",
        help="build a corpus store (Parquet + DuckDB) from folders of letters, and query it",
        description="Analyse many letters once into a store, update it incrementally, and query it with SQL.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    build = actions.add_parser("build", help="analyse the files of folders into a store (only what changed)")
    build.add_argument("inputs", nargs="+", type=Path, metavar="FOLDER", help="folders or files to analyse")
    build.add_argument("-o", "--output", type=Path, required=True, metavar="STORE", help="the store folder")
    build.add_argument("--pattern", help="glob of the files to take (default: every file nlp_report reads)")
    build.add_argument("--model", default=None, help="spaCy model name or path, or 'blank'")
    build.add_argument("--n-process", type=int, default=1, help="worker processes (default: 1)")
    build.add_argument("--batch-size", type=int, default=32, help="documents per written part (default: 32)")
    build.add_argument("--dask", metavar="ADDRESS", help="analyse on a Dask cluster (scheduler address)")
    build.set_defaults(run=run_build)

    query = actions.add_parser("query", help="run SQL over a store, or one of the common questions")
    query.add_argument("store", type=Path, metavar="STORE")
    query.add_argument("sql", nargs="?", help="an SQL query over the views")
    query.add_argument("--motions", action="store_true", help="motions and the letters that report on them")
    query.add_argument("--decisions", action="store_true", help="decisions per body per year")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.set_defaults(run=run_query)

    info = actions.add_parser("info", help="what a store holds")
    info.add_argument("store", type=Path, metavar="STORE")
    info.set_defaults(run=run_info)


def run_build(args: argparse.Namespace) -> int:
    """``corpus build``: exit 1 when a file failed."""
    from ..store import build_corpus

    client = None
    if args.dask:
        from distributed import Client

        client = Client(args.dask)  # type: ignore[no-untyped-call]
    try:
        result = build_corpus(
            args.inputs,
            args.output,
            model=args.model,
            pattern=args.pattern,
            n_process=args.n_process,
            batch_size=args.batch_size,
            client=client,
        )
    finally:
        if client is not None:
            client.close()  # type: ignore[no-untyped-call]
    for failure in result.failures:
        print(f"nlp-report: {failure}", file=sys.stderr)
    print(f"{args.output}: {result.summary()}", file=sys.stderr)
    return 1 if result.failures else 0


def run_query(args: argparse.Namespace) -> int:
    """``corpus query``: SQL, ``--motions`` or ``--decisions`` as a table, CSV or JSON."""
    from ..store import CorpusStore

    with CorpusStore(args.store) as store:
        if args.motions:
            frame = store.motions()
        elif args.decisions:
            frame = store.decisions_per_body()
        elif args.sql:
            frame = store.sql(args.sql)
        else:
            print("nlp-report corpus query: error: give SQL, --motions or --decisions", file=sys.stderr)
            return 2
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", 200, "display.max_columns", 20, "display.width", 160):
            print(frame.to_string(index=False))
    return 0


def run_info(args: argparse.Namespace) -> int:
    """``corpus info``: how many documents, sentences, entities, motions; documents per kind."""
    from ..store import CorpusStore

    with CorpusStore(args.store) as store:
        counts = store.sql(
            "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM sentences) AS sentences, "
            "(SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM motions) AS motions"
        ).iloc[0]
        kinds = store.sql(
            "SELECT coalesce(kind, '(unknown)') AS kind, count(*) AS n FROM documents GROUP BY 1 ORDER BY 2 DESC"
        )
    print(f"{args.store}: " + ", ".join(f"{int(counts[c])} {c}" for c in counts.index))
    for row in kinds.itertuples():
        print(f"  {row.kind}: {row.n}")
    return 0
