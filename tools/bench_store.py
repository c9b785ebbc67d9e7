"""Throughput of ``build_corpus`` against ``Analyzer.analyze_files`` on the same files, same processes.

    python tools/bench_store.py FOLDER [--n-process N]

Prints documents per second of both and their ratio (build time / analyse time), then the time of
a second build of the unchanged folder (which analyses nothing). The store is written to a
temporary folder. To make a folder of 1,000 letters from the project's corpus and the shared
pool: ``python tools/bench_store.py --make-letters /tmp/letters1000``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import nlp_report
from nlp_report.batch import find_files
from nlp_report.store import build_corpus

ROOT = Path(__file__).resolve().parents[1]


def make_letters(folder: Path, count: int = 1000) -> None:
    """``count`` letters: corpora/raw and ../shared/corpus/pool (when present), repeated, outside the repo."""
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpora" / "raw").glob("*.txt"))]
    for part in sorted((ROOT.parent / "shared" / "corpus" / "pool").glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts.append((record["id"], record["text"]))
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        name, text = texts[index % len(texts)]
        (folder / f"{index:04d}-{name}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    """Run the comparison and print it."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--make-letters", action="store_true", help="fill FOLDER with 1,000 letters first")
    args = parser.parse_args()
    if args.make_letters:
        make_letters(args.folder)
    analyzer = nlp_report.load("blank")
    files = list(find_files(args.folder).files)
    started = time.perf_counter()
    count = sum(1 for _ in analyzer.analyze_files(files, n_process=args.n_process))
    analyse = time.perf_counter() - started
    store = Path(tempfile.mkdtemp(prefix="nlp-report-bench-")) / "store"
    try:
        started = time.perf_counter()
        first = build_corpus(args.folder, store, analyzer=analyzer, n_process=args.n_process)
        build = time.perf_counter() - started
        started = time.perf_counter()
        second = build_corpus(args.folder, store, analyzer=analyzer, n_process=args.n_process)
        again = time.perf_counter() - started
    finally:
        shutil.rmtree(store.parent, ignore_errors=True)
    print(f"n_process={args.n_process}, {count} documents")
    print(f"  analyze_files: {analyse:.1f} s ({count / analyse:.1f} docs/s)")
    rate = first.analysed / build
    print(f"  corpus build:  {build:.1f} s ({rate:.1f} docs/s); build / analyse = {build / analyse:.2f}")
    print(f"  second build:  {again:.2f} s, {second.summary()}")


if __name__ == "__main__":
    main()
