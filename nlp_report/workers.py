"""Worker processes that survive a killed or crashed worker.

:func:`run_documents` sends ``(text, source)`` pairs to a process pool in
batches and yields, in input order, an :class:`Outcome` per document: its
report, or the error that stopped it. Nothing is lost when a worker dies
(``SIGKILL``, ``SIGTERM``, the out-of-memory killer, a crash in native
code): the documents that were in flight are analysed again one at a time in
a new pool; a document that stops its worker a second time, on its own, is
the cause and comes back as a failure (:attr:`Outcome.died`), and the run
goes on with a new pool. Workers ignore ``SIGINT``: Ctrl-C stops the parent,
which shuts the pool down.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, InternalError, NlpReportError

if TYPE_CHECKING:
    from .analyzer import Analyzer
    from .types import Report

Pair = tuple[str, str | None]

logger = logging.getLogger("nlp_report")

_worker: Analyzer | None = None


def check_counts(n_process: object, batch_size: object) -> None:
    """:class:`~nlp_report.errors.ConfigError` unless both are whole numbers of at least 1."""
    for name, value in (("n_process", n_process), ("batch_size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"{name} must be a whole number of at least 1, got {value!r}")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: its :attr:`report`, the :attr:`error` analysing it raised, or :attr:`died`."""

    source: str | None
    report: Report | None = None
    error: NlpReportError | None = None
    died: bool = False


def _quiet_worker() -> None:
    """In a worker: Ctrl-C is for the parent, and SIGTERM ends the worker (not a handler the parent set)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _init_from_bytes(config: dict[str, Any], data: bytes) -> None:  # pragma: no cover - spawn (Windows)
    from .analyzer import Analyzer, pipeline_from_bytes

    global _worker
    _quiet_worker()
    _worker = Analyzer(pipeline_from_bytes(config, data))


def _run(batch: list[Pair]) -> list[Report | NlpReportError]:
    """The reports of a batch, without their text (the parent has it); an error in place of a failed one."""
    if _worker is None:  # pragma: no cover - set before the fork, or by the initializer
        raise InternalError("worker process has no analyzer")
    out: list[Report | NlpReportError] = []
    for text, source in batch:
        try:
            out.append(replace(_worker.analyze(text, source=source), text=""))
        except NlpReportError as err:
            out.append(err)
        except Exception as err:  # noqa: BLE001 - a defect: kept to this document, named in the failure
            out.append(InternalError(f"analysis failed: {type(err).__name__}: {err}"))
    return out


class _Pool:
    def __init__(self, analyzer: Analyzer, n_process: int) -> None:
        global _worker
        self.analyzer = analyzer
        self.n_process = n_process
        self.frozen = False
        if "fork" in multiprocessing.get_all_start_methods():
            _worker = analyzer  # inherited by the forked workers
            # the objects the workers inherit (the pipeline) are left out of garbage collection, so a
            # collection in a worker does not touch, and so copy, every page it shares with the parent
            gc.freeze()
            self.frozen = True
            self.executor = ProcessPoolExecutor(
                n_process, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker
            )
        else:  # pragma: no cover - Windows
            self.executor = ProcessPoolExecutor(
                n_process,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_from_bytes,
                initargs=(dict(analyzer.nlp.config), analyzer.nlp.to_bytes()),
            )

    def submit(self, batch: list[Pair]) -> Future[list[Report | NlpReportError]]:
        try:
            return self.executor.submit(_run, batch)
        except BrokenProcessPool as err:  # a worker died before this batch was sent: it fails like the others
            failed: Future[list[Report | NlpReportError]] = Future()
            failed.set_exception(err)
            return failed

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    def renew(self) -> _Pool:
        self.shutdown()
        return _Pool(self.analyzer, self.n_process)


def _outcomes(results: list[Report | NlpReportError], sent: list[Pair]) -> Iterator[Outcome]:
    for result, (text, source) in zip(results, sent, strict=True):
        if isinstance(result, NlpReportError):
            yield Outcome(source, error=result)
        else:
            yield Outcome(source, report=replace(result, text=text))


def run_documents(analyzer: Analyzer, pairs: Iterable[Pair], *, batch_size: int, n_process: int) -> Iterator[Outcome]:
    """One :class:`Outcome` per pair, in order, computed by ``n_process`` worker processes."""
    check_counts(n_process, batch_size)
    pool = _Pool(analyzer, n_process)
    iterator = iter(pairs)
    pending: deque[tuple[Future[list[Report | NlpReportError]], list[Pair]]] = deque()
    try:
        while True:
            batch = list(islice(iterator, batch_size))
            if batch:
                pending.append((pool.submit(batch), batch))
            while pending and (len(pending) > 2 * n_process or not batch):
                future, sent = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool:
                    suspects = [pair for _, b in [(future, sent), *pending] for pair in b]
                    pending.clear()
                    logger.warning(
                        "a worker process stopped (killed or crashed); analysing its %d documents again, one by one",
                        len(suspects),
                    )
                    pool = pool.renew()
                    for pair in suspects:  # again, one by one: a document that stops a worker alone is the cause
                        outcome, pool = _alone(pool, pair)
                        yield outcome
                    continue
                yield from _outcomes(results, sent)
            if not batch:
                break
    finally:
        for future, _ in pending:
            future.cancel()
        pool.shutdown()


def _alone(pool: _Pool, pair: Pair) -> tuple[Outcome, _Pool]:
    try:
        results = pool.submit([pair]).result()
    except BrokenProcessPool:
        return Outcome(pair[1], died=True), pool.renew()
    return next(_outcomes(results, [pair])), pool
