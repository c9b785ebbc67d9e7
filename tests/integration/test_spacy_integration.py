"""The components in a user's own spaCy pipeline, and a saved pipeline loaded by spaCy alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import nlp_report


def test_add_pipe_to_a_users_pipeline() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("nlp_report_sentences")
    doc = nlp("De Raad besloot. Nederland stemde in.")
    assert [s.text for s in doc.spans["nlp_report_sentences"]] == ["De Raad besloot.", "Nederland stemde in."]


def test_layout_survives_doc_serialisation(analyzer: nlp_report.Analyzer, seed_text: str) -> None:
    doc = analyzer.nlp(seed_text)
    restored = spacy.tokens.Doc(analyzer.nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.layout.text == seed_text
    assert [s.text for s in restored.spans["nlp_report_sentences"]] == [
        s.text for s in doc.spans["nlp_report_sentences"]
    ]


@pytest.mark.slow
def test_saved_pipeline_loads_without_importing_nlp_report(analyzer: nlp_report.Analyzer, tmp_path: Path) -> None:
    path = tmp_path / "pipeline"
    analyzer.nlp.to_disk(path)
    script = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({str(path)!r})\n"
        "doc = nlp('Geachte voorzitter,\\n\\nDe Raad besloot. Nederland stemde\\nin.')\n"
        "print(json.dumps([nlp.pipe_names, [s.text for s in doc.spans['nlp_report_sentences']]]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    pipes, sentences = json.loads(result.stdout.strip().splitlines()[-1])
    assert "nlp_report_sentences" in pipes
    assert sentences == ["De Raad besloot.", "Nederland stemde in."]
