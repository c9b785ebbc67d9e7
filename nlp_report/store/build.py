"""Build and update a corpus store: :func:`build_corpus`.

A store is a folder::

    STORE/
      store.json                    format version
      manifest.parquet              doc_id -> path, sha256, pipeline, part
      parts/<table>/<part>.parquet  rows of documents, sentences, entities, motions
      corpus.duckdb                 a DuckDB database with a view per table

Documents are analysed in batches; each batch is written as one part per table (to a
temporary file, then renamed) and only then entered in the manifest (written the same
way). A run that is killed loses at most the batch it was analysing: every document in the
manifest is complete, and the next run picks up where it stopped. A second run re-analyses
only files whose content (SHA-256) or whose pipeline (:func:`pipeline_fingerprint`) changed;
rows of replaced documents stay in their old parts until no document points there, when the
part is deleted. The views read only the rows the manifest points to.

With a :class:`dask.distributed.Client`, documents are analysed on the cluster's workers (one
:class:`~nlp_report.Analyzer` per worker process, loaded once) and the rows are written here,
by the process that called :func:`build_corpus`: the store is the same as a local build's.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..batch import FileFailure, find_files
from ..errors import ConfigError, ReadError, StoreError, StoreLockedError
from ..outputs import PART_SUFFIX, AtomicFile
from .rows import SCHEMAS, TABLES, report_rows, to_tables

if TYPE_CHECKING:
    from ..analyzer import Analyzer
    from ..types import Report

FORMAT = 1
"""The store's format version (``store.json``)."""

MANIFEST_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("path", pa.string()),
        ("sha256", pa.string()),
        ("pipeline", pa.string()),
        ("part", pa.string()),
    ]
)


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """What the store holds of one document."""

    path: str
    sha256: str
    pipeline: str
    part: str


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did: documents analysed, left as they were, removed; files that failed."""

    store: Path
    analysed: int
    unchanged: int
    removed: int
    failures: tuple[FileFailure, ...] = ()
    seconds: float = 0.0
    parts: int = 0
    """How many parts (batches) this run wrote."""

    def summary(self) -> str:
        """``1000 files: 12 analysed, 988 unchanged, 0 removed, 0 failed (3.2 s)``."""
        total = self.analysed + self.unchanged + len(self.failures)
        return (
            f"{total} file{'s' if total != 1 else ''}: {self.analysed} analysed, {self.unchanged} unchanged, "
            f"{self.removed} removed, {len(self.failures)} failed ({self.seconds:.1f} s)"
        )


@dataclass(slots=True)
class _Pending:
    """Documents analysed but not yet written."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {name: [] for name in TABLES})
    entries: dict[str, ManifestEntry] = field(default_factory=dict)
    since: float = field(default_factory=time.monotonic)


def pipeline_fingerprint(analyzer: Analyzer) -> str:
    """What makes two analyzers give the same reports: nlp_report's version, its data, the pipeline config."""
    from .. import __version__
    from ..resources import data_path

    digest = hashlib.sha256(__version__.encode())
    digest.update(analyzer.model.encode())
    digest.update(analyzer.nlp.config.to_str().encode())
    root = data_path("")
    stack = [root]
    files = []
    while stack:
        node = stack.pop()
        for child in node.iterdir():
            if child.is_dir():
                stack.append(child)
            elif child.is_file():
                files.append(child)
    for child in sorted(files, key=lambda p: str(p)):
        digest.update(str(child.name).encode())
        digest.update(child.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def build_corpus(
    inputs: str | Path | Sequence[str | Path],
    store: str | Path,
    *,
    model: str | Path | None = None,
    analyzer: Analyzer | None = None,
    pattern: str | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    flush_seconds: float = 5.0,
    client: Any = None,
) -> BuildResult:
    """Analyse the files of ``inputs`` (folders or files) into the store folder ``store``.

    Only new files and files whose content or pipeline changed are analysed; files no longer
    in ``inputs`` are removed from the store. ``model`` is passed to :func:`nlp_report.load`
    (or give a loaded ``analyzer``); ``n_process`` as in
    :meth:`~nlp_report.Analyzer.analyze_files`. Batches of ``batch_size`` documents (or what
    ``flush_seconds`` gathered) are written as they finish. ``client``: a
    :class:`dask.distributed.Client`; then the workers analyse and ``model`` must be a name
    or path they can load.
    """
    from ..analyzer import load

    if batch_size < 1 or n_process < 1:
        raise ConfigError(f"batch_size and n_process must be at least 1, got {batch_size} and {n_process}")
    started = time.monotonic()
    root = Path(store)
    files = _select(inputs, pattern)
    if analyzer is None:
        analyzer = load(model)
    elif client is not None:
        raise ConfigError("with a Dask client, pass model= (a name or path the workers load), not analyzer=")
    pipeline = pipeline_fingerprint(analyzer)
    with _Lock(_prepare(root)):
        manifest = read_manifest(root)
        removed = [doc_id for doc_id in manifest if doc_id not in files]
        for doc_id in removed:
            del manifest[doc_id]
        todo: list[tuple[str, str, str]] = []
        failures: list[FileFailure] = []
        for doc_id, path in files.items():
            try:
                sha = _sha256(path)
            except ReadError as err:
                failures.append(FileFailure(path, err))
                continue
            entry = manifest.get(doc_id)
            if entry is None or entry.sha256 != sha or entry.pipeline != pipeline or entry.path != path:
                todo.append((doc_id, path, sha))
        unchanged = len(files) - len(todo) - len(failures)
        writer = _Writer(root, manifest, batch_size, flush_seconds)
        if removed:
            writer.save_manifest()
        try:
            if client is not None:
                reports = _analyse_on_dask(client, model, todo, batch_size, failures)
            else:
                reports = _analyse_here(analyzer, todo, n_process, failures)
            for doc_id, sha, report in reports:
                writer.add(doc_id, sha, pipeline, report)
        finally:
            writer.close()
            _remove_orphans(root, writer.manifest)
            write_database(root)
    return BuildResult(
        root,
        writer.written,
        unchanged,
        len(removed),
        tuple(failures),
        time.monotonic() - started,
        writer.parts,
    )


# -- selecting and hashing files ---------------------------------------------------------------


def _select(inputs: str | Path | Sequence[str | Path], pattern: str | None) -> dict[str, str]:
    """doc_id (path relative to the folder given, or the file path as given) -> path."""
    given = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    files: dict[str, str] = {}
    for item in given:
        base = Path(item)
        selection = find_files(base, pattern)
        for path in selection.files:
            doc_id = path.relative_to(base).as_posix() if base.is_dir() else str(item)
            if len(given) > 1 and base.is_dir():
                doc_id = f"{base.as_posix().rstrip('/')}/{doc_id}"
            files[doc_id] = str(path)
    return files


def _sha256(path: str) -> str:
    from ..errors import DocumentNotFoundError

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as err:
        raise DocumentNotFoundError(path, err.strerror or str(err)) from err
    return digest.hexdigest()


# -- analysing ---------------------------------------------------------------------------------


def _analyse_here(
    analyzer: Analyzer, todo: list[tuple[str, str, str]], n_process: int, failures: list[FileFailure]
) -> Iterator[tuple[str, str, Report]]:
    by_path = {path: (doc_id, sha) for doc_id, path, sha in todo}
    run = analyzer.analyze_files([path for _, path, _ in todo], n_process=n_process, on_error=failures.append)
    with run:
        for report in run:
            doc_id, sha = by_path[str(report.source)]
            yield doc_id, sha, report


_WORKER_ANALYZERS: dict[str, Analyzer] = {}
"""One analyzer per worker process and model (Dask calls :func:`analyse_batch` in workers)."""


def analyse_batch(
    model: str | None, batch: list[tuple[str, str, str]]
) -> tuple[list[tuple[str, str, Report]], list[FileFailure]]:
    """Analyse ``(doc_id, path, sha)`` items in a worker: ``(doc_id, sha, report)``, and the files that failed.

    The worker's analyzer is loaded on its first batch and kept for the next ones.
    """
    from ..analyzer import load
    from ..readers import read

    key = str(model)
    analyzer = _WORKER_ANALYZERS.get(key)
    if analyzer is None:
        analyzer = _WORKER_ANALYZERS[key] = load(model)
    done = []
    failed = []
    for doc_id, path, sha in batch:
        try:
            document = read(path)
        except ReadError as err:
            failed.append(FileFailure(path, err))
            continue
        done.append((doc_id, sha, analyzer.analyze(document.text, source=document.source)))
    return done, failed


def _analyse_on_dask(
    client: Any,
    model: str | Path | None,
    todo: list[tuple[str, str, str]],
    batch_size: int,
    failures: list[FileFailure],
) -> Iterator[tuple[str, str, Report]]:
    from distributed import as_completed

    name = None if model is None else str(model)
    batches = [todo[i : i + batch_size] for i in range(0, len(todo), batch_size)]
    futures = [client.submit(analyse_batch, name, batch, pure=False) for batch in batches]
    for future in as_completed(futures):  # type: ignore[no-untyped-call]
        done, failed = future.result()
        failures.extend(failed)
        yield from done


# -- writing -----------------------------------------------------------------------------------


class _Writer:
    """Gathers rows; writes them as parts, then the manifest, both atomically, in a background thread.

    Writing (Parquet encoding, file I/O) overlaps the analysis of the next batch; the parts and
    the manifest are written in order by one thread, so the manifest never names a part that is
    not complete on disk.
    """

    def __init__(self, root: Path, manifest: dict[str, ManifestEntry], batch_size: int, flush_seconds: float) -> None:
        self.root = root
        self.manifest = dict(manifest)
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.pending = _Pending()
        self.part = uuid.uuid4().hex
        self.written = 0
        self.parts = 0
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlp-report-store")
        self._jobs: list[Future[None]] = []

    def add(self, doc_id: str, sha: str, pipeline: str, report: Report) -> None:
        rows = report_rows(report, doc_id=doc_id, part=self.part, sha256=sha, pipeline=pipeline)
        for name, table_rows in rows.items():
            self.pending.rows[name].extend(table_rows)
        self.pending.entries[doc_id] = ManifestEntry(str(report.source), sha, pipeline, self.part)
        full = len(self.pending.entries) >= self.batch_size
        if full or time.monotonic() - self.pending.since >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        """Hand the pending documents to the writing thread (an earlier write's error is raised here)."""
        for job in [j for j in self._jobs if j.done()]:
            self._jobs.remove(job)
            job.result()
        if not self.pending.entries:
            return
        self._jobs.append(self._thread.submit(self._write, self.pending, self.part))
        self.written += len(self.pending.entries)
        self.parts += 1
        self.pending = _Pending()
        self.part = uuid.uuid4().hex

    def close(self) -> None:
        """Write what is pending and wait for every write; the first error of a write is raised."""
        try:
            self.flush()
        finally:
            self._thread.shutdown(wait=True)
        for job in self._jobs:
            job.result()

    def _write(self, pending: _Pending, part: str) -> None:
        for name, table in to_tables(pending.rows).items():
            _write_atomic_parquet(table, self.root / "parts" / name / f"{part}.parquet")
        self.manifest.update(pending.entries)
        self.save_manifest()

    def save_manifest(self) -> None:
        rows = [
            {"doc_id": doc_id, "path": e.path, "sha256": e.sha256, "pipeline": e.pipeline, "part": e.part}
            for doc_id, e in sorted(self.manifest.items())
        ]
        table = pa.Table.from_pylist(rows, schema=MANIFEST_SCHEMA)
        _write_atomic_parquet(table, self.root / "manifest.parquet", durable=True)


def _write_atomic_parquet(table: pa.Table, path: Path, *, durable: bool = False) -> None:
    """Write through an :class:`~nlp_report.outputs.AtomicFile`: readers see the old file or the new one.

    A killed process leaves at most a temporary file (removed by the next build). ``durable``
    also syncs the file to disk first (the manifest), so a crash of the machine cannot leave it empty.
    """
    if durable:
        with AtomicFile(path, binary=True) as out:
            pq.write_table(table, out.stream)
    else:
        with AtomicFile(path, stream=False) as out:
            pq.write_table(table, out.temp)


def _prepare(root: Path) -> Path:
    """Create the store's folders (or check an existing store's format)."""
    meta = root / "store.json"
    if root.exists() and not root.is_dir():
        raise StoreError(str(root), "exists and is not a folder")
    if meta.exists():
        try:
            version = json.loads(meta.read_text(encoding="utf-8")).get("format")
        except (OSError, ValueError) as err:
            raise StoreError(str(root), f"store.json cannot be read ({err})") from err
        if version != FORMAT:
            raise StoreError(str(root), f"format {version!r}, this nlp_report writes format {FORMAT}")
    elif root.exists() and any(root.iterdir()):
        raise StoreError(str(root), "is a folder that is neither empty nor a corpus store; choose another -o")
    for name in TABLES:
        folder = root / "parts" / name
        folder.mkdir(parents=True, exist_ok=True)
        schema_file = folder / "_schema.parquet"
        if not schema_file.exists():  # an empty part, so that a view over the folder always has its columns
            _write_atomic_parquet(SCHEMAS[name].empty_table(), schema_file)
    if not meta.exists():
        meta.write_text(json.dumps({"format": FORMAT, "tool": "nlp_report"}) + "\n", encoding="utf-8")
    return root


def read_manifest(root: Path) -> dict[str, ManifestEntry]:
    """The store's manifest: doc_id -> what it holds of the document (empty for a new store)."""
    path = root / "manifest.parquet"
    if not path.exists():
        return {}
    try:
        rows = pq.read_table(pa.BufferReader(path.read_bytes())).to_pylist()  # one read: a build may replace it
    except (OSError, pa.ArrowException) as err:
        raise StoreError(str(root), f"manifest.parquet cannot be read ({err})") from err
    return {r["doc_id"]: ManifestEntry(r["path"], r["sha256"], r["pipeline"], r["part"]) for r in rows}


def _remove_orphans(root: Path, manifest: dict[str, ManifestEntry]) -> None:
    """Delete parts no document points to (replaced documents, or a run killed before its manifest)."""
    live = {e.part for e in manifest.values()}
    for path in root.glob(f".*{PART_SUFFIX}"):
        path.unlink(missing_ok=True)
    for name in TABLES:
        for path in (root / "parts" / name).glob("*.parquet"):
            if path.name != "_schema.parquet" and path.stem not in live:
                path.unlink(missing_ok=True)
        for path in (root / "parts" / name).glob(f".*{PART_SUFFIX}"):
            path.unlink(missing_ok=True)


def write_database(root: Path) -> Path:
    """(Re)write ``corpus.duckdb``: a view per table over the parts the manifest points to."""
    import duckdb

    from .query import view_statements

    target = root / "corpus.duckdb"
    with AtomicFile(target, stream=False) as out:
        out.temp.unlink()  # DuckDB creates its database file itself
        connection = duckdb.connect(str(out.temp))
        try:
            for statement in view_statements(root.resolve()):
                connection.execute(statement)
        finally:
            connection.close()
    return target


class _Lock:
    """One build at a time per store: ``STORE/.lock`` holds the builder's process id."""

    def __init__(self, root: Path) -> None:
        self.path = root / ".lock"

    def __enter__(self) -> _Lock:
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                if _alive(self.path):
                    raise StoreLockedError(str(self.path.parent), "another build is writing this store") from None
                self.path.unlink(missing_ok=True)  # left by a run that was killed
                continue
            with os.fdopen(fd, "w") as handle:
                handle.write(str(os.getpid()))
            return self
        raise StoreLockedError(str(self.path.parent), "the lock file could not be taken")

    def __exit__(self, *exc_info: object) -> None:
        self.path.unlink(missing_ok=True)


def _alive(lock: Path) -> bool:
    try:
        pid = int(lock.read_text().strip() or "0")
    except (OSError, ValueError):
        return False
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
