"""Compare the reports of every corpus document before and after a change (a one-off check).

Analyses every text in ``corpora/raw/`` and every document in
``../shared/corpus/{dev,pool}/*.jsonl`` (read from there, never copied) with
``nlp_report.load("blank")``, and writes for each document the report's
``to_dict()`` and a hash of its HTML rendering::

    python tools/compare_reports.py save /tmp/before    # on the old code
    python tools/compare_reports.py compare /tmp/before # on the new code

A third argument names the pipeline (default ``blank``), e.g.
``models/nl_nlp_report_ud`` for the model path.

``compare`` prints every document whose report differs (fields the old
report did not have are ignored: a report may gain fields) and exits 1 if any
does. The saved output stays outside the repository (it holds corpus text).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/corpus")


def documents() -> Iterator[tuple[str, str]]:
    """Yield ``(name, text)`` for every document of both corpora."""
    for path in sorted((ROOT / "corpora" / "raw").glob("*.txt")):
        yield f"corpora/{path.name}", path.read_text(encoding="utf-8")
    for part in ("dev", "pool"):
        for path in sorted((SHARED / part).glob("*.jsonl")):
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        doc = json.loads(line)
                        yield f"{part}/{path.stem}/{doc['id']}", doc["text"]


def outputs(model: str = "blank") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield each document's report by ``model``'s pipeline as data, with a hash of its HTML page."""
    import nlp_report
    from nlp_report.display import render

    analyzer = nlp_report.load(model)
    for name, text in documents():
        report = analyzer.analyze(text, source=name)
        html = render(report)
        yield name, {"report": report.to_dict(), "html": hashlib.sha256(html.encode("utf-8")).hexdigest()}


def _safe(name: str) -> str:
    return name.replace("/", "__") + ".json"


def _subset(old: Any, new: Any) -> bool:
    """Whether ``new`` equals ``old`` on every key ``old`` has (new keys are allowed)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return all(k in new and _subset(v, new[k]) for k, v in old.items())
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_subset(a, b) for a, b in zip(old, new, strict=True))
    return bool(old == new)


def main(argv: list[str]) -> int:
    """Run ``save DIR [MODEL]`` or ``compare DIR [MODEL]``."""
    mode, folder = argv[0], Path(argv[1])
    model = argv[2] if len(argv) > 2 else "blank"
    if mode == "save":
        folder.mkdir(parents=True, exist_ok=True)
        n = 0
        for name, out in outputs(model):
            (folder / _safe(name)).write_text(json.dumps(out, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            n += 1
        print(f"saved {n} documents to {folder}")
        return 0
    differ, html_differ, n = [], [], 0
    seen = set()
    for name, out in outputs(model):
        n += 1
        seen.add(_safe(name))
        path = folder / _safe(name)
        if not path.exists():
            differ.append(f"{name}: no saved report")
            continue
        old = json.loads(path.read_text(encoding="utf-8"))
        if not _subset(old["report"], out["report"]):
            differ.append(name)
        if old["html"] != out["html"]:
            html_differ.append(name)
    missing = sorted({p.name for p in folder.glob("*.json")} - seen)
    print(
        f"{n} documents compared: {len(differ)} reports differ, {len(html_differ)} HTML pages differ, "
        f"{len(missing)} saved documents missing"
    )
    for name in differ:
        print("  report differs:", name)
    for name in html_differ:
        print("  html differs:", name)
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
