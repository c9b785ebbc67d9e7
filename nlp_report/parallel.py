"""Analysing many documents in worker processes.

Each worker runs the whole path (layout, pipeline, report) and sends back
finished :class:`~nlp_report.types.Report` objects, so the parent process
only collects results (sent without their text, which the parent has).
Batches are submitted a few at a time, so memory stays flat however long
the input stream is, and results come back in input order.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from .errors import ConfigError

if TYPE_CHECKING:
    from .analyzer import Analyzer
    from .types import Report

_worker: Analyzer | None = None


def _init_from_bytes(config: dict[str, Any], data: bytes) -> None:
    from spacy.util import load_model_from_config
    from thinc.api import Config

    from .analyzer import Analyzer, add_components

    global _worker
    nlp = load_model_from_config(Config(config), auto_fill=True)
    nlp.from_bytes(data)
    _worker = Analyzer(add_components(nlp))


def _set_worker(analyzer: Analyzer) -> None:
    global _worker
    _worker = analyzer


def _run(batch: list[tuple[str, str | None]]) -> list[Report]:
    """The reports of a batch, without their text: the parent has it already (half the data to send back)."""
    if _worker is None:  # pragma: no cover - initializer always runs first
        raise RuntimeError("worker process has no analyzer")
    return [replace(_worker.analyze(text, source=source), text="") for text, source in batch]


def analyze_parallel(
    analyzer: Analyzer, pairs: Iterable[tuple[str, str | None]], *, batch_size: int, n_process: int
) -> Iterator[Report]:
    """Yield the reports of ``pairs`` computed by ``n_process`` worker processes."""
    if n_process < 1 or batch_size < 1:
        raise ConfigError(f"n_process and batch_size must be at least 1, got {n_process} and {batch_size}")
    frozen = False
    if "fork" in multiprocessing.get_all_start_methods():
        _set_worker(analyzer)  # inherited by the forked workers
        # the objects the workers inherit (the pipeline) are left out of garbage collection, so a
        # collection in a worker does not touch, and so copy, every page it shares with the parent
        gc.freeze()
        frozen = True
        pool = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork"))
    else:  # pragma: no cover - Windows
        pool = ProcessPoolExecutor(
            n_process,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_from_bytes,
            initargs=(dict(analyzer.nlp.config), analyzer.nlp.to_bytes()),
        )
    iterator = iter(pairs)
    pending: deque[tuple[Future[list[Report]], list[tuple[str, str | None]]]] = deque()
    try:
        while True:
            batch = list(islice(iterator, batch_size))
            if batch:
                pending.append((pool.submit(_run, batch), batch))
            while pending and (len(pending) > 2 * n_process or not batch):
                future, sent = pending.popleft()
                for report, (text, _) in zip(future.result(), sent, strict=True):
                    yield replace(report, text=text)
            if not batch:
                break
    finally:
        for future, _ in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
        if frozen:
            gc.unfreeze()
