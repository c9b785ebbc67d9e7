"""What is measured in fresh interpreters: the cold start, and the peak memory (RSS) while streaming."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .defaults import DEFAULT_COLD_STARTS, DEFAULT_RSS_DOCUMENTS, SOURCE


@dataclass(frozen=True, slots=True)
class Memory:
    """Peak RSS of a fresh process streaming ``documents`` documents, and ten times as many."""

    documents: int
    documents_large: int
    peak_mb: float
    peak_large_mb: float
    measure: str
    """How the peak was read (``VmHWM`` after a reset, ``VmHWM``, ``ru_maxrss``)."""

    @property
    def growth_mb(self) -> float:
        return self.peak_large_mb - self.peak_mb

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "documents_large": self.documents_large,
            "peak_mb": round(self.peak_mb, 1),
            "peak_large_mb": round(self.peak_large_mb, 1),
            "growth_mb": round(self.growth_mb, 1),
            "measure": self.measure,
        }


def _run_fresh(code: str, *args: str) -> str:
    """Run ``code`` in a fresh interpreter that imports this nlp_report; the last line it printed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SOURCE) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env)
    return done.stdout.strip().splitlines()[-1]


_COLD_START = """\
import time
start = time.perf_counter()
import nlp_report
nlp_report.load("blank")
print(time.perf_counter() - start)
"""


def measure_cold_start(times: int = DEFAULT_COLD_STARTS) -> tuple[float, ...]:
    """Seconds for ``import nlp_report`` and ``load("blank")``, each in a fresh interpreter."""
    return tuple(float(_run_fresh(_COLD_START)) for _ in range(times))


def peak_rss_mb() -> tuple[float, str]:
    """The peak resident set size of this process so far, in MB, and how it was read."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024, "VmHWM"
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024), "ru_maxrss"


def reset_peak_rss() -> bool:
    """Reset the peak RSS to the current RSS (Linux: ``/proc/self/clear_refs``); ``False`` if not possible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


def stream_documents(texts: Sequence[str], documents: int) -> dict[str, Any]:
    """In this process: load the pipeline, stream ``documents`` documents (cycling ``texts``), report the peak RSS.

    The peak is reset after loading and analysing the first document, so it
    is the peak while streaming.
    """
    from itertools import cycle, islice

    from ..analyzer import load

    analyzer = load("blank")
    analyzer.analyze(texts[0])
    gc.collect()
    reset = reset_peak_rss()
    for _ in analyzer.analyze_many(islice(cycle(texts), documents)):
        pass
    peak, how = peak_rss_mb()
    return {"documents": documents, "peak_mb": peak, "measure": f"{how} after a reset" if reset else how}


_STREAM = """\
import json, sys
from nlp_report.bench import stream_documents
texts = json.load(open(sys.argv[1], encoding="utf-8"))
print(json.dumps(stream_documents(texts, int(sys.argv[2]))))
"""


def measure_memory(texts: Sequence[str], documents: int = DEFAULT_RSS_DOCUMENTS) -> Memory:
    """Peak RSS of a fresh process streaming ``documents`` documents, and of one streaming ten times as many."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "texts.json"
        path.write_text(json.dumps(list(texts), ensure_ascii=False), encoding="utf-8")
        small, large = (json.loads(_run_fresh(_STREAM, str(path), str(count))) for count in (documents, 10 * documents))
    return Memory(documents, 10 * documents, small["peak_mb"], large["peak_mb"], large["measure"])
