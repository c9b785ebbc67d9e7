"""``nlp-report analyze``: analyse documents and print or write the results."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any, TextIO

from ..types import Report

EXAMPLES = """\
examples:
  nlp-report analyze corpora/raw/navo-fmm-2022-04.txt
  nlp-report analyze letter.txt --format json -o letter.json
  nlp-report analyze letter.txt --model blank
"""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse documents: sentences with label, actor and section; entities",
        description="Analyse documents and print one row per sentence (label, actor, section, text).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="text files (UTF-8)")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    parser.add_argument(
        "--model", default=None, help="spaCy model name or path, or 'blank' (default: nl_core_news_sm if installed)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .. import load
    from ..readers import read_text_file

    analyzer = load(args.model)
    reports = [analyzer.analyze(read_text_file(path), source=str(path)) for path in args.paths]
    out: TextIO
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            _write(reports, args.format, out)
    else:
        _write(reports, args.format, sys.stdout)
    return 0


def _write(reports: list[Report], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        data = [r.to_dict() for r in reports]
        json.dump(data[0] if len(data) == 1 else data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    width = max(shutil.get_terminal_size((120, 24)).columns, 80)
    for report in reports:
        out.write(format_table(report, width=width))


def format_table(report: Report, *, width: int = 120) -> str:
    """A readable per-sentence table: label, actor, section, text."""
    lines = [
        f"{report.source or '<text>'}  ({report.model}; {len(report.sentences)} sentences, "
        f"{len(report.entities)} entities, {len(report.motions)} motions)",
    ]
    label_w, actor_w = 9, 22
    text_w = max(width - label_w - actor_w - 4, 30)
    header = f"{'LABEL':<{label_w}} {'ACTOR':<{actor_w}} TEXT"
    lines += [header, "-" * min(width, len(header) + text_w)]
    section: str | None = None
    for s in report.sentences:
        if s.section != section:
            section = s.section
            if section:
                lines.append(f"== {_one_line(section)}")
        text = textwrap.wrap(_one_line(s.text), text_w) or [""]
        actor = _one_line(s.actor or "")[:actor_w]
        lines.append(f"{s.label or '-':<{label_w}} {actor:<{actor_w}} {text[0]}")
        lines += [f"{'':<{label_w}} {'':<{actor_w}} {rest}" for rest in text[1:]]
    return "\n".join(lines) + "\n\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
