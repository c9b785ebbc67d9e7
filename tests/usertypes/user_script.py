"""A user's script, type-checked outside the repository (see check_user_types.py).

Each line ending in ``# expect: CODE`` must give exactly that mypy error; no
other line may give one. The first lines must type-check cleanly: they show
that mypy sees nlp_report's own types, not ``Any``.
"""

from pathlib import Path

import nlp_report
from nlp_report import KamerstukRef, Report, Sentence, SentenceLabel

report: Report = nlp_report.analyze("Nederland steunt de motie-Boswijk c.s.", source=None)
label: SentenceLabel | None = report.sentences[0].label
kamerstuk: KamerstukRef | None = report.motions[0].kamerstuk if report.motions else None
count: int = nlp_report.write_reports([report], Path("out.csv"))


def is_position(sentence: Sentence) -> bool:
    return sentence.label == "position"


def bad_label(sentence: Sentence) -> bool:
    return sentence.label == "positoin"  # expect: comparison-overlap


report.sentences[0].label = "decision"  # expect: misc
wrong: int = report.to_dict()  # expect: assignment
frame = report.to_frame("sentencs")  # expect: arg-type
nlp_report.analyze(b"bytes are not text")  # expect: arg-type
