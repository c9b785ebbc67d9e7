"""How fast nlp_report is, and how much memory it takes: the measurements of ``nlp-report bench``.

:func:`run_bench` builds a corpus of at least ``words`` words by repeating
the given documents (by default the shipped ones, ``corpora/raw/``), then
measures, in one run:

* **throughput**, in words and documents per second, of bare tokenisation
  with ``spacy.blank("nl")`` (the baseline), of the full fallback pipeline
  (layout, sentences, entities, classifier, report) in one process, and of
  the same with ``n_process`` worker processes. The three run in rounds,
  one after the other and in a rotating order, and each figure is the best
  of its rounds (the fastest; the median is given too): other processes
  only ever slow a run down, so on a machine that is busy now and then the
  best round is the one least disturbed, and the ratios hold;
* with a statistical model installed (``nl_core_news_sm`` or ``model``):
  the model alone (the layout tokenizer and the model's own components on
  each Doc) against the full pipeline (``nlp_report.load(model)``), on the
  same tokens, on a slice of the corpus;
* **cold start**: ``import nlp_report`` plus ``nlp_report.load("blank")`` in
  a fresh interpreter (the median of a few);
* **peak memory** (RSS) of a fresh process streaming documents through
  ``analyze_many``: ``rss_documents`` documents, then ten times as many in
  another process; the difference is the growth.

The result (:class:`BenchResult`) says which of the targets of
:data:`TARGETS` are met. It also records how much CPU other processes used
while the throughput was measured: on a two-core machine where another
process keeps one core busy, two worker processes cannot run twice as fast.

Where things live
-----------------
One module, in sections (``# ---`` headings), in the order :func:`run_bench` uses them:
the defaults and the shipped documents; :class:`Corpus`, reading the documents and
repeating them; the machine (:class:`CpuMeter`, the CPU other processes used meanwhile);
:class:`Throughput` and its timed rounds; :class:`ModelComparison`, the model alone and
with the components; cold start and :class:`Memory`, measured in fresh interpreters;
:data:`TARGETS` and checking them; :class:`BenchResult`, its JSON and its table; and
:func:`run_bench`, which runs the rest in order.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = [
    "DEFAULT_COLD_STARTS",
    "DEFAULT_MODEL",
    "DEFAULT_MODEL_WORDS",
    "DEFAULT_N_PROCESS",
    "DEFAULT_ROUNDS",
    "DEFAULT_RSS_DOCUMENTS",
    "DEFAULT_WORDS",
    "SHIPPED_CORPUS",
    "TARGETS",
    "BenchResult",
    "Corpus",
    "Memory",
    "ModelComparison",
    "TargetResult",
    "TargetSpec",
    "Throughput",
    "build_corpus",
    "count_words",
    "installed_model",
    "machine_info",
    "measure_cold_start",
    "measure_memory",
    "measure_model",
    "measure_throughput",
    "peak_rss_mb",
    "read_texts",
    "reset_peak_rss",
    "run_bench",
    "shipped_texts",
    "stream_documents",
]


# --- The bench's defaults, and where the shipped documents are.


DEFAULT_WORDS = 1_000_000
DEFAULT_ROUNDS = 3
DEFAULT_N_PROCESS = 2
DEFAULT_MODEL_WORDS = 50_000
DEFAULT_RSS_DOCUMENTS = 50
DEFAULT_COLD_STARTS = 3
DEFAULT_MODEL = "nl_core_news_sm"
SOURCE = Path(__file__).resolve().parents[1]
"""The folder holding the nlp_report package (the repository, in a checkout)."""
SHIPPED_CORPUS = SOURCE / "corpora" / "raw"
"""The documents the bench repeats when no paths are given (in a checkout of the repository)."""


# --- The corpus measured: the given documents (or the shipped ones) repeated until there are enough words.


@dataclass(frozen=True, slots=True)
class Corpus:
    """The documents measured: ``texts`` repeat ``distinct`` documents until there are ``words`` words."""

    texts: tuple[str, ...] = field(repr=False)
    distinct: int
    words: int
    characters: int

    @property
    def documents(self) -> int:
        return len(self.texts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "documents": self.documents,
            "distinct_documents": self.distinct,
            "characters": self.characters,
        }


def count_words(text: str) -> int:
    """Words as white-space separated strings."""
    return len(text.split())


def shipped_texts() -> list[str]:
    """The texts of ``corpora/raw/*.txt`` of the repository."""
    files = sorted(SHIPPED_CORPUS.glob("*.txt"))
    if not files:
        raise ConfigError(
            f"the shipped documents ({SHIPPED_CORPUS}) are not here (an installed package has no corpora/); "
            "give the documents to measure as PATHS"
        )
    return [f.read_text(encoding="utf-8") for f in files]


def read_texts(paths: Iterable[str | Path]) -> list[str]:
    """The texts of files and folders, read as ``nlp-report analyze`` reads them."""
    from .batch import collect_paths
    from .readers import read

    collected = collect_paths(paths)
    if collected.failures:
        raise collected.failures[0].error
    texts = [read(path).text for path in collected.files]
    texts = [text for text in texts if text.strip()]
    if not texts:
        raise ConfigError("no text to measure in the given paths")
    return texts


def build_corpus(texts: Sequence[str], words: int) -> Corpus:
    """``texts`` repeated in order until there are at least ``words`` words (each text at least once)."""
    counts = [count_words(t) for t in texts]
    if not any(counts):
        raise ConfigError("the bench needs at least one document with words")
    out: list[str] = []
    total = 0
    i = 0
    while total < words or i < len(texts):
        out.append(texts[i % len(texts)])
        total += counts[i % len(texts)]
        i += 1
    return Corpus(tuple(out), len(texts), total, sum(len(t) for t in out))


# --- The machine the bench runs on: its CPUs and versions, and how busy other processes kept it.


class CpuMeter:
    """CPU time used by other processes (Linux ``/proc/stat``), in CPUs on average.

    Used as a context manager around each measured run; the time adds up over the runs.
    """

    def __init__(self) -> None:
        self.busy = 0.0
        self.own = 0.0
        self.wall = 0.0
        self._start: tuple[float, float, float] | None = None

    @staticmethod
    def _busy_seconds() -> float | None:
        try:
            with open("/proc/stat", encoding="ascii") as handle:
                fields = handle.readline().split()
        except OSError:
            return None
        if not fields or fields[0] != "cpu":
            return None
        values = [int(v) for v in fields[1:]]
        idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
        busy = sum(values[:8]) - idle  # user nice system idle iowait irq softirq steal
        return busy / os.sysconf("SC_CLK_TCK")

    @staticmethod
    def _own_seconds() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    def __enter__(self) -> CpuMeter:
        busy = self._busy_seconds()
        self._start = None if busy is None else (busy, self._own_seconds(), time.perf_counter())
        return self

    def __exit__(self, *exc: object) -> None:
        busy = self._busy_seconds()
        if self._start is None or busy is None:
            return
        self.busy += busy - self._start[0]
        self.own += self._own_seconds() - self._start[1]
        self.wall += time.perf_counter() - self._start[2]

    @property
    def other_cpus(self) -> float | None:
        if self.wall <= 0:
            return None
        return max(0.0, (self.busy - self.own) / self.wall)


def machine_info(other_cpu: float | None) -> dict[str, Any]:
    """The machine the figures come from: CPUs, Python, spaCy, platform, load, and the CPU other processes used."""
    from spacy import about

    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": about.__version__,
        "platform": platform.platform(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "other_cpu": None if other_cpu is None else round(other_cpu, 3),
    }


# --- Throughput: bare tokenisation, the pipeline in one process and with ``n_process``, timed in rounds.


System = tuple[str, Callable[[Sequence[str]], Iterable[object]]]
"""A name, and what processes a list of texts (lazily: the time is the time to go through what it gives)."""


@dataclass(frozen=True, slots=True)
class Throughput:
    """Wall-clock seconds of each round over the same ``words`` words in ``documents`` documents."""

    name: str
    seconds: tuple[float, ...]
    words: int
    documents: int

    @property
    def best(self) -> float:
        """The fastest round, in seconds: the one least disturbed by other processes."""
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def words_per_second(self) -> float:
        """Of the best round."""
        return self.words / self.best

    @property
    def documents_per_second(self) -> float:
        """Of the best round."""
        return self.documents / self.best

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "words_per_second": round(self.words_per_second, 1),
            "documents_per_second": round(self.documents_per_second, 2),
            "best_seconds": round(self.best, 4),
            "median_seconds": round(self.median, 4),
            "seconds": [round(s, 4) for s in self.seconds],
            "words": self.words,
            "documents": self.documents,
        }


def drain(items: Iterable[object]) -> None:
    """Go through ``items``, keeping nothing."""
    for _ in items:
        pass


def _timed(run: Callable[[Sequence[str]], Iterable[object]], texts: Sequence[str]) -> float:
    gc.collect()
    start = time.perf_counter()
    drain(run(texts))
    return time.perf_counter() - start


def timed_rounds(
    systems: Sequence[System],
    texts: Sequence[str],
    rounds: int,
    *,
    label: str = "round",
    meter: AbstractContextManager[object] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, tuple[float, ...]]:
    """Seconds of each system over ``texts`` in each round; each round starts one system further on.

    ``meter`` is entered around each run (to measure what else the machine did meanwhile).
    """
    seconds: dict[str, list[float]] = {name: [] for name, _ in systems}
    for r in range(rounds):
        shift = r % len(systems)
        for name, run in [*systems[shift:], *systems[:shift]]:
            with meter if meter is not None else nullcontext():
                seconds[name].append(_timed(run, texts))
            if progress is not None:
                progress(f"{label} {r + 1}/{rounds}: {name} {seconds[name][-1]:.2f} s")
    return {name: tuple(times) for name, times in seconds.items()}


def measure_throughput(
    corpus: Corpus,
    *,
    rounds: int = DEFAULT_ROUNDS,
    n_process: int = DEFAULT_N_PROCESS,
    progress: Callable[[str], None] | None = None,
) -> tuple[Throughput, Throughput, Throughput, float | None]:
    """Bare tokenisation, the pipeline in one process and with ``n_process``: rounds in rotating order.

    Returns the three throughputs and the CPUs other processes used meanwhile (``None`` off Linux).
    """
    import spacy

    from .analyzer import load

    blank = spacy.blank("nl")
    analyzer = load("blank")
    texts = list(corpus.texts)
    systems: list[System] = [
        ("tokenization", lambda items: blank.pipe(items)),
        ("pipeline", lambda items: analyzer.analyze_many(items)),
        ("parallel", lambda items: analyzer.analyze_many(items, n_process=n_process)),
    ]
    for _, run in systems[:2]:  # load what loads on first use (classifier model, caches)
        drain(run(texts[: corpus.distinct]))
    meter = CpuMeter()
    seconds = timed_rounds(systems, texts, rounds, meter=meter, progress=progress)
    tokenization, pipeline, parallel = (
        Throughput(name, seconds[name], corpus.words, corpus.documents) for name, _ in systems
    )
    return tokenization, pipeline, parallel, meter.other_cpus


# --- A statistical model alone against the model with the project's components.


@dataclass(frozen=True, slots=True)
class ModelComparison:
    """A statistical model alone against the model with the project's components."""

    model: str
    alone: Throughput
    with_components: Throughput

    @property
    def overhead(self) -> float:
        """Time the components add, as a fraction of the model's own time."""
        return self.with_components.best / self.alone.best - 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "alone": self.alone.to_dict(),
            "with_components": self.with_components.to_dict(),
            "overhead": round(self.overhead, 4),
        }


def installed_model(model: str | None) -> str | None:
    """The model to compare: ``model`` if given, else ``nl_core_news_sm`` when it is installed."""
    if model is not None:
        return model
    import spacy

    return DEFAULT_MODEL if spacy.util.is_package(DEFAULT_MODEL) else None


def measure_model(
    model: str,
    corpus: Corpus,
    *,
    words: int = DEFAULT_MODEL_WORDS,
    rounds: int = DEFAULT_ROUNDS,
    progress: Callable[[str], None] | None = None,
) -> ModelComparison:
    """The model's own components alone against the full pipeline, on the first ``words`` words of the corpus.

    Both runs use the pipeline of ``nlp_report.load(model)`` and its layout
    tokenizer, one Doc at a time, so they cut the same tokens and differ by
    the project's components alone: "alone" runs the tokenizer and the
    model's own trained components (tagger, parser, ...) on each text;
    "with_components" runs ``analyze_many``, the full pipeline (sentences
    before the parser, entities, classifier) and the report. Running the
    model with its own tokenizer on the raw text (``spacy.load``) would time
    other tokens: the raw text's line breaks and spaCy's special cases.
    """
    from .analyzer import load

    subset = build_corpus(list(corpus.texts[: corpus.distinct]), words)
    analyzer = load(model)
    nlp = analyzer.nlp
    own = [(name, proc) for name, proc in nlp.pipeline if not name.startswith("nlp_report_")]

    def alone(items: Sequence[str]) -> Iterable[object]:
        for text in items:
            doc = nlp.make_doc(text)
            for _, proc in own:
                doc = proc(doc)
            yield doc

    texts = list(subset.texts)
    systems: list[System] = [
        ("alone", alone),
        ("with_components", lambda items: analyzer.analyze_many(items)),
    ]
    for _, run in systems:
        drain(run(texts[: subset.distinct]))
    seconds = timed_rounds(systems, texts, rounds, label="model round", progress=progress)
    return ModelComparison(
        analyzer.model,
        Throughput("model alone", seconds["alone"], subset.words, subset.documents),
        Throughput("model with components", seconds["with_components"], subset.words, subset.documents),
    )


# --- What is measured in fresh interpreters: the cold start, and the peak memory (RSS) while streaming.


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

    from .analyzer import load

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


# --- The targets the bench checks, and whether a result meets them.


@dataclass(frozen=True, slots=True)
class TargetSpec:
    """A target of the issue: ``value`` compared with ``limit``."""

    name: str
    description: str
    limit: float
    at_least: bool
    """``True``: the value must be at least the limit; ``False``: at most."""

    @property
    def comparison(self) -> str:
        return ">=" if self.at_least else "<="


TARGETS: tuple[TargetSpec, ...] = (
    TargetSpec("pipeline_vs_tokenization", "full pipeline throughput / bare tokenisation throughput", 0.5, True),
    TargetSpec("parallel_speedup", "n_process throughput / one-process throughput (2-core machine)", 1.6, True),
    TargetSpec("rss_growth_mb", "peak RSS growth when streaming 10x more documents (MB)", 50.0, False),
    TargetSpec("cold_start_s", "import nlp_report + load('blank') in a fresh process (s)", 2.0, False),
    TargetSpec("model_overhead", "time added to the model's own by the project's components (fraction)", 0.10, False),
)


@dataclass(frozen=True, slots=True)
class TargetResult:
    """One target of :data:`TARGETS` checked against a run: the figure measured and whether it is met."""

    spec: TargetSpec
    value: float | None
    note: str = ""

    @property
    def met(self) -> bool | None:
        """``None`` when the value could not be measured (no model installed)."""
        if self.value is None:
            return None
        return self.value >= self.spec.limit if self.spec.at_least else self.value <= self.spec.limit

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.spec.name,
            "description": self.spec.description,
            "value": None if self.value is None else round(self.value, 4),
            "limit": self.spec.limit,
            "comparison": self.spec.comparison,
            "met": self.met,
            "note": self.note,
        }


def check_targets(result: BenchResult, other_cpu: float | None) -> tuple[TargetResult, ...]:
    """Each of :data:`TARGETS` with its value in ``result`` (its own ``targets`` are not read).

    ``other_cpu``: the CPUs other processes used while the throughput was measured, if known.
    """
    speedup_note = f"n_process={result.n_process}"
    if other_cpu is not None and other_cpu > 0.25:
        speedup_note += f"; other processes used {other_cpu:.2f} of {os.cpu_count() or 1} CPUs"
    memory = result.memory
    values: dict[str, tuple[float | None, str]] = {
        "pipeline_vs_tokenization": (result.pipeline_ratio, ""),
        "parallel_speedup": (result.parallel_speedup, speedup_note),
        "rss_growth_mb": (memory.growth_mb, f"{memory.documents} vs {memory.documents_large} documents"),
        "cold_start_s": (result.cold_start_seconds, ""),
        "model_overhead": (None if result.model is None else result.model.overhead, result.model_note),
    }
    return tuple(TargetResult(spec, *values[spec.name]) for spec in TARGETS)


# --- Everything the bench measured (:class:`BenchResult`), as a dictionary for JSON and as a readable table.


@dataclass(frozen=True, slots=True)
class BenchResult:
    """Everything ``nlp-report bench`` measured."""

    corpus: Corpus
    rounds: int
    n_process: int
    tokenization: Throughput
    pipeline: Throughput
    parallel: Throughput
    model: ModelComparison | None
    model_note: str
    cold_start: tuple[float, ...]
    memory: Memory
    machine: dict[str, Any]
    targets: tuple[TargetResult, ...]

    @property
    def pipeline_ratio(self) -> float:
        """Full pipeline throughput as a fraction of bare tokenisation's."""
        return self.tokenization.best / self.pipeline.best

    @property
    def parallel_speedup(self) -> float:
        return self.pipeline.best / self.parallel.best

    @property
    def cold_start_seconds(self) -> float:
        return statistics.median(self.cold_start)

    @property
    def all_met(self) -> bool:
        """Whether no target was missed (targets that could not be measured do not count)."""
        return all(t.met is not False for t in self.targets)

    def _ratios(self, seconds: Callable[[Throughput], float]) -> dict[str, float | None]:
        """The ratios of the targets, from the ``seconds`` of each throughput (its best or its median)."""
        m = self.model
        return {
            "pipeline_vs_tokenization": round(seconds(self.tokenization) / seconds(self.pipeline), 4),
            "parallel_speedup": round(seconds(self.pipeline) / seconds(self.parallel), 4),
            "model_overhead": None if m is None else round(seconds(m.with_components) / seconds(m.alone) - 1.0, 4),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus.to_dict(),
            "rounds": self.rounds,
            "n_process": self.n_process,
            "throughput": {
                "tokenization": self.tokenization.to_dict(),
                "pipeline": self.pipeline.to_dict(),
                "parallel": self.parallel.to_dict(),
            },
            "ratios": self._ratios(lambda t: t.best),
            "ratios_of_medians": self._ratios(lambda t: t.median),
            "model": None if self.model is None else self.model.to_dict(),
            "model_note": self.model_note,
            "cold_start": {
                "median_seconds": round(self.cold_start_seconds, 4),
                "seconds": [round(s, 4) for s in self.cold_start],
            },
            "memory": self.memory.to_dict(),
            "machine": self.machine,
            "targets": [t.to_dict() for t in self.targets],
            "all_met": self.all_met,
        }

    def to_table(self) -> str:
        """A readable summary: throughput, ratios, cold start, memory, and each target met or missed."""
        c = self.corpus
        lines = [
            f"corpus: {c.words:,} words in {c.documents:,} documents ({c.distinct} distinct, repeated), "
            f"{c.characters / 1e6:.1f} M characters; "
            + (f"best of {self.rounds} rounds" if self.rounds > 1 else "1 round"),
            "",
            f"{'':34}{'words/s':>12}{'docs/s':>10}{'ratio':>9}",
        ]

        def row(label: str, t: Throughput, ratio: str) -> str:
            return f"{label:34}{t.words_per_second:>12,.0f}{t.documents_per_second:>10.1f}{ratio:>9}"

        lines.append(row('bare tokenisation spacy.blank("nl")', self.tokenization, "1.00"))
        lines.append(row("nlp_report, 1 process", self.pipeline, f"{self.pipeline_ratio:.2f}"))
        lines.append(
            row(
                f"nlp_report, n_process={self.n_process}",
                self.parallel,
                f"{self.tokenization.best / self.parallel.best:.2f}",
            )
            + f"   ({self.parallel_speedup:.2f}x one process)"
        )
        if self.model is not None:
            m = self.model
            lines.append(row(f"model {m.model} alone", m.alone, ""))
            lines.append(
                row(f"model {m.model} + nlp_report", m.with_components, "")
                + f"   (+{m.overhead * 100:.1f}% of the model's time)"
            )
        else:
            lines.append(f"model: {self.model_note}")
        lines.append("")
        lines.append(
            f"cold start (import + load('blank')): {self.cold_start_seconds:.2f} s "
            f"(median of {len(self.cold_start)}: {', '.join(f'{s:.2f}' for s in self.cold_start)})"
        )
        m2 = self.memory
        lines.append(
            f"peak RSS streaming {m2.documents} documents: {m2.peak_mb:.0f} MB; {m2.documents_large}: "
            f"{m2.peak_large_mb:.0f} MB; growth {m2.growth_mb:+.1f} MB ({m2.measure})"
        )
        other = self.machine.get("other_cpu")
        lines.append(
            f"machine: {self.machine.get('cpus')} CPUs, Python {self.machine.get('python')}, "
            f"spaCy {self.machine.get('spacy')}"
            + ("" if other is None else f"; other processes used {other:.2f} CPUs while throughput was measured")
        )
        lines.append("")
        lines.append("targets:")
        for t in self.targets:
            status = {True: "met   ", False: "MISSED", None: "n/a   "}[t.met]
            value = "-" if t.value is None else f"{t.value:.3f}"
            note = f"  ({t.note})" if t.note else ""
            lines.append(f"  [{status}] {t.spec.description}: {value} {t.spec.comparison} {t.spec.limit:g}{note}")
        return "\n".join(lines) + "\n"


# --- :func:`run_bench`: build the corpus, measure everything, check the targets.


def run_bench(
    texts: Sequence[str] | None = None,
    *,
    words: int = DEFAULT_WORDS,
    rounds: int = DEFAULT_ROUNDS,
    n_process: int = DEFAULT_N_PROCESS,
    model: str | None = None,
    model_words: int = DEFAULT_MODEL_WORDS,
    rss_documents: int = DEFAULT_RSS_DOCUMENTS,
    cold_starts: int = DEFAULT_COLD_STARTS,
    progress: Callable[[str], None] | None = None,
) -> BenchResult:
    """Measure everything (see :mod:`nlp_report.bench`); ``texts`` default to the shipped documents."""
    if words < 1 or rounds < 1 or n_process < 1 or cold_starts < 1 or rss_documents < 1 or model_words < 1:
        raise ConfigError("words, rounds, n_process, model_words, rss_documents and cold_starts must be at least 1")
    texts = list(texts) if texts is not None else shipped_texts()
    corpus = build_corpus(texts, words)
    if progress is not None:
        progress(f"corpus: {corpus.words:,} words in {corpus.documents:,} documents")
    tokenization, pipeline, parallel, other_cpu = measure_throughput(
        corpus, rounds=rounds, n_process=n_process, progress=progress
    )
    name = installed_model(model)
    comparison = None
    note = "no model installed (python -m spacy download nl_core_news_sm)"
    if name is not None:
        comparison = measure_model(name, corpus, words=model_words, rounds=rounds, progress=progress)
        note = f"{comparison.model} on {comparison.alone.words:,} words"
    if progress is not None:
        progress("cold start")
    cold = measure_cold_start(cold_starts)
    if progress is not None:
        progress("memory")
    memory = measure_memory(texts, rss_documents)
    result = BenchResult(
        corpus=corpus,
        rounds=rounds,
        n_process=n_process,
        tokenization=tokenization,
        pipeline=pipeline,
        parallel=parallel,
        model=comparison,
        model_note=note,
        cold_start=cold,
        memory=memory,
        machine=machine_info(other_cpu),
        targets=(),
    )
    return dataclasses.replace(result, targets=check_targets(result, other_cpu))
