"""The store built on a Dask cluster is the store built here, row for row."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nlp_report.store import build_corpus

from ...conftest import CORPORA
from .test_build import TABLES, rows

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed (pip install nlp_report[dask])"
)


@pytest.mark.slow
def test_a_build_on_a_local_cluster_gives_the_rows_of_a_local_build(tmp_path: Path) -> None:
    local = build_corpus(CORPORA / "raw", tmp_path / "local", model="blank")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        remote = build_corpus(CORPORA / "raw", tmp_path / "dask", model="blank", client=client, batch_size=3)
        workers = client.run(lambda: __import__("os").getpid())
    assert len(workers) == 2
    assert (remote.analysed, remote.failures) == (local.analysed, ())
    for table in TABLES:
        pd.testing.assert_frame_equal(rows(tmp_path / "dask", table), rows(tmp_path / "local", table))
