"""notebooks/corpus.ipynb: stored without outputs, and it runs top to bottom (a store, three questions, a plot)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

from .test_notebook import kernel, outputs

NOTEBOOK = ROOT / "notebooks" / "corpus.ipynb"
nbformat = pytest.importorskip("nbformat")
__all__ = ["kernel"]


def test_the_corpus_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


@pytest.mark.slow
def test_the_corpus_notebook_runs_top_to_bottom(kernel: str) -> None:
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name=kernel, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    stderr = [o.text for o in outputs(nb, "stream") if o.name == "stderr"]
    assert not stderr, f"the notebook wrote to stderr: {stderr}"
    printed = "".join(o.text for o in outputs(nb, "stream") if o.name == "stdout")
    assert "0 analysed" in printed  # the second build analysed nothing
    images = [o for o in outputs(nb, "display_data") if "image/png" in o.data]
    assert images, "the plot over time"
    tables = [o.data["text/html"] for o in outputs(nb, "execute_result") if "text/html" in o.data]
    assert len(tables) >= 6
