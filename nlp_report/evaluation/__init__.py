"""Evaluation against annotated text (``corpora/ANNOTATION.md``, "Gold format").

* :mod:`.gold`: typed gold documents, reading, writing and checking the gold JSONL;
* :mod:`.scoring`: the scoring rules as pure functions;
* :mod:`.baselines`: the majority-class and cue-words baselines;
* :mod:`.convert`: gold to and from spaCy ``DocBin`` and Prodigy-style JSONL, a ``Report`` as gold;
* :mod:`.run`: :func:`evaluate`, the pipeline and the baselines scored on gold;
* :mod:`.result`: the :class:`Evaluation` result, as DataFrames, a dict or a table.
"""

from __future__ import annotations

from ..errors import EvaluationError, GoldFileError, GoldFormatError
from .baselines import Baseline, CueBaseline, CueLexicon, CueMatch, MajorityBaseline, default_cues
from .convert import (
    docbin_to_gold,
    dumps_prodigy,
    gold_to_doc,
    gold_to_docbin,
    gold_to_prodigy,
    loads_prodigy,
    prodigy_to_gold,
    read_docbin,
    read_prodigy,
    report_to_gold,
    write_docbin,
    write_prodigy,
)
from .error_analysis import ErrorCase
from .gold import (
    GoldDocument,
    GoldEntity,
    GoldMotionLink,
    GoldSentence,
    dumps_gold,
    loads_gold,
    read_gold,
    write_gold,
)
from .metrics import PRF, Accuracy, Confusion, EntityScores, LabelScores, Scores
from .result import DocumentInfo, Evaluation, SystemEvaluation
from .run import evaluate, evaluate_reports, gold_files, load_documents
from .scoring import PredictedLink, Prediction, actor_matches, match_sentences, score_document

__all__ = [
    "PRF",
    "Accuracy",
    "Baseline",
    "Confusion",
    "CueBaseline",
    "CueLexicon",
    "CueMatch",
    "DocumentInfo",
    "EntityScores",
    "ErrorCase",
    "Evaluation",
    "EvaluationError",
    "GoldDocument",
    "GoldEntity",
    "GoldFileError",
    "GoldFormatError",
    "GoldMotionLink",
    "GoldSentence",
    "LabelScores",
    "MajorityBaseline",
    "PredictedLink",
    "Prediction",
    "Scores",
    "SystemEvaluation",
    "actor_matches",
    "default_cues",
    "docbin_to_gold",
    "dumps_gold",
    "dumps_prodigy",
    "evaluate",
    "evaluate_reports",
    "gold_files",
    "gold_to_doc",
    "gold_to_docbin",
    "gold_to_prodigy",
    "load_documents",
    "loads_gold",
    "loads_prodigy",
    "match_sentences",
    "prodigy_to_gold",
    "read_docbin",
    "read_gold",
    "read_prodigy",
    "report_to_gold",
    "score_document",
    "write_docbin",
    "write_gold",
    "write_prodigy",
]
