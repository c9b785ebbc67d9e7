"""The machine the bench runs on: its CPUs and versions, and how busy other processes kept it."""

from __future__ import annotations

import os
import platform
import time
from typing import Any


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
    from spacy import about

    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": about.__version__,
        "platform": platform.platform(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "other_cpu": None if other_cpu is None else round(other_cpu, 3),
    }
