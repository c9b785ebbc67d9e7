"""A corpus store: many letters analysed once, kept as Parquet with DuckDB over it, queried.

* :func:`build_corpus` (``nlp-report corpus build FOLDER -o STORE``) analyses every file,
  incrementally (only new or changed files, or files analysed by another pipeline version),
  locally or on a Dask cluster, and never loses a finished document when a run is interrupted;
* :class:`CorpusStore` answers questions: SQL through DuckDB, and helpers with pandas results.

The layout and guarantees of a store are described in :mod:`nlp_report.store.build`.
"""

from .build import BuildResult, build_corpus, pipeline_fingerprint, read_manifest
from .query import CorpusStore

__all__ = ["BuildResult", "CorpusStore", "build_corpus", "pipeline_fingerprint", "read_manifest"]
