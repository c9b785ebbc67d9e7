"""notebooks/explore.ipynb: stored without outputs, and it runs top to bottom on the fallback pipeline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
CLEAR = (
    "python -c \"import nbformat as f; p='notebooks/explore.ipynb'; nb=f.read(p, 4); "
    "[c.update(outputs=[], execution_count=None) for c in nb.cells if c.cell_type == 'code']; f.write(nb, p)\""
)

nbformat = pytest.importorskip("nbformat")


def test_the_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code), f"clear the outputs: {CLEAR}"
    assert NOTEBOOK.stat().st_size < 40_000
    assert 'nlp_report.load("blank")' in "".join(c.source for c in code)


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernel of this interpreter (not whatever ``python3`` kernel the machine has), drawing off screen."""
    spec = tmp_path / "jupyter" / "kernels" / "nlp-report-test"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "nlp_report tests", "language": "python"})
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYTHONWARNINGS", "error::nlp_report.errors.ModelFallbackWarning")
    return "nlp-report-test"


def outputs(nb: Any, kind: str) -> list[Any]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == kind]


@pytest.mark.slow
def test_the_notebook_runs_top_to_bottom(kernel: str) -> None:
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name=kernel, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()  # a cell that raises fails the test with its traceback (CellExecutionError)
    stderr = [o.text for o in outputs(nb, "stream") if o.name == "stderr"]
    assert not stderr, f"the notebook wrote to stderr (warnings?): {stderr}"
    rich = [o for o in outputs(nb, "execute_result") + outputs(nb, "display_data") if "text/html" in o.data]
    pages = [o.data["text/html"] for o in rich]
    assert any('class="nlp-report"' in p and 'data-label="decision"' in p for p in pages), "the report display"
    assert any("nlp-report-table" in p and "13 documents" in p for p in pages), "the reports table"
    assert any("nlp-report-eval" in p for p in pages), "the evaluation display"
    assert any("displacy" in p or "entities" in p for p in pages), "displaCy"


def test_the_notebook_shows_no_score_on_training_documents() -> None:
    """Defect: the notebook scored the packaged model on the documents it was trained on (100 %)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = "".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "nlp_report.evaluate(" not in code, "the packaged model is trained on corpora/gold: cross-validate instead"
    assert "nlp_report.cross_validate(" in code and "also_train=" in code
