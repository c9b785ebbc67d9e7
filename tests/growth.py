"""Growth checks: how the time of a call grows when its input doubles (a ratio measured in one run)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

RATIO = 3.0
"""The most a doubling may cost in the tests: about 2 is linear, about 4 quadratic (noise on a shared machine)."""


def per_call(function: Callable[[Any], object], argument: Any, *, budget: float = 0.05, repeats: int = 3) -> float:
    """The shortest time per call of ``function(argument)``, each try repeating it for at least ``budget`` seconds."""
    best = float("inf")
    for _ in range(repeats):
        count = 0
        started = time.perf_counter()
        while True:
            function(argument)
            count += 1
            elapsed = time.perf_counter() - started
            if elapsed >= budget:
                break
        best = min(best, elapsed / count)
    return best


def doubling_ratio(
    function: Callable[[Any], object], make: Callable[[int], Any], n: int, *, attempts: int = 3
) -> float:
    """``time(function(make(2 n))) / time(function(make(n)))``: about 2 for linear work.

    Measured again (up to ``attempts`` times, the lowest kept) while above
    :data:`RATIO`: another process can slow one measurement down, but
    quadratic work is about 4 every time.
    """
    small, large = make(n), make(2 * n)
    function(small)  # warm up (caches, lazy loading)
    best = float("inf")
    for _ in range(attempts):
        best = min(best, per_call(function, large) / per_call(function, small))
        if best < RATIO:
            break
    return best
