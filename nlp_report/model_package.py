"""Where a spaCy pipeline given by path lives, and the project's own Dutch pipeline.

``nlp_report.load(path)`` takes the folder of a saved pipeline (with its
``config.cfg``) or the folder of a spaCy *package* as ``spacy package``
writes it (``meta.json`` and ``<lang>_<name>/<lang>_<name>-<version>/``),
such as the repository's ``models/nl_nlp_report_ud`` (the pipeline trained
on the Dutch UD treebanks, ``docs/model.md``), so it can be used from a
clone without installing it.
"""

from __future__ import annotations

import json
from pathlib import Path

UD_MODEL = "nl_nlp_report_ud"
"""The package name of the pipeline trained on the UD treebanks (``pip install ./models/nl_nlp_report_ud``)."""


def resolve(model: str | Path) -> str:
    """What to pass to ``spacy.load``: an installed package's name as it is, a path as :func:`pipeline_dir` finds it."""
    import spacy

    name = str(model)
    return name if spacy.util.is_package(name) else str(pipeline_dir(Path(name)))


def pipeline_dir(path: Path) -> Path:
    """The pipeline folder of ``path``: ``path`` itself, or the pipeline inside a spaCy package folder."""
    if (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        return path
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        name = f"{meta['lang']}_{meta['name']}"
        inner = path / name / f"{name}-{meta['version']}"
    except (OSError, ValueError, KeyError, TypeError):
        return path
    return inner if (inner / "config.cfg").is_file() else path
