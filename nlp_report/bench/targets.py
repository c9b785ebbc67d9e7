"""The targets the bench checks, and whether a result meets them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .result import BenchResult


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
