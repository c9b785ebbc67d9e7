"""Everything the bench measured (:class:`BenchResult`), as a dictionary for JSON and as a readable table."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .corpus import Corpus
from .model import ModelComparison
from .subprocesses import Memory
from .targets import TargetResult
from .throughput import Throughput


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
