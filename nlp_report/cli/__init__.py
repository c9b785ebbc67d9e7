"""The ``nlp-report`` command line.

Each subcommand lives in its own module of this package and provides
``add_parser(subparsers)`` and ``run(args) -> int``. Exit codes: 0 success,
1 some input failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from ..errors import ModelOptionError, NlpReportError
from . import analyze, bench, corpus, evaluate, train
from .common import EXIT_FAILED, EXIT_USAGE

COMMANDS: tuple[ModuleType, ...] = (analyze, evaluate, train, bench, corpus)


def build_parser() -> argparse.ArgumentParser:
    """The ``nlp-report`` argument parser, with one subcommand per module of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="nlp-report",
        description="Structured data from Dutch government policy documents.",
        epilog="Run 'nlp-report COMMAND --help' for the options and examples of a command.",
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"nlp_report {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``nlp-report`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except ModelOptionError as err:
        print(f"nlp-report: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except NlpReportError as err:
        print(f"nlp-report: error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
