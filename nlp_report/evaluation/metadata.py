"""Score document metadata (:class:`~nlp_report.metadata.DocumentInfo`) against stand-off gold.

The gold (``corpora/metadata/gold.jsonl``, described in the README beside it) gives, per
document, the values the text states: ``kind``, ``date``, ``identity``, ``reference``,
``signatories`` and ``meeting`` (body and dates). A document's text is a file of its own or a
document of a JSONL file of texts (``{"id", "text"}`` per line), named by ``source`` relative to
the gold file; a text that is not there (``../shared`` missing) is skipped and counted.
Each field is scored as accuracy over the documents whose gold gives it; signatories as
precision and recall of ``(office, name)`` pairs (office compared without case).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import GoldFileError, GoldFormatError

if TYPE_CHECKING:
    from ..analyzer import Analyzer
    from ..metadata import DocumentInfo

FIELDS: tuple[str, ...] = ("kind", "date", "identity", "reference", "meeting_body", "meeting_dates")


@dataclass(frozen=True, slots=True)
class MetadataGold:
    """The gold metadata of one document and its text."""

    id: str
    text: str
    values: dict[str, Any]


@dataclass(slots=True)
class FieldScore:
    """Accuracy of one field, with the documents it got wrong: ``(id, gold, predicted)``."""

    correct: int = 0
    total: int = 0
    errors: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Correct / total (0 when the gold gives the field for no document)."""
        return self.correct / self.total if self.total else 0.0


@dataclass(slots=True)
class MetadataEvaluation:
    """Per-field accuracy, signatory precision/recall, and the documents skipped (text absent)."""

    fields: dict[str, FieldScore]
    signatories_tp: int = 0
    signatories_fp: int = 0
    signatories_fn: int = 0
    documents: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def signatories_precision(self) -> float:
        """Right signatories / signatories found."""
        found = self.signatories_tp + self.signatories_fp
        return self.signatories_tp / found if found else 0.0

    @property
    def signatories_recall(self) -> float:
        """Right signatories / gold signatories."""
        gold = self.signatories_tp + self.signatories_fn
        return self.signatories_tp / gold if gold else 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe summary."""
        return {
            "documents": self.documents,
            "skipped": self.skipped,
            "fields": {
                name: {"accuracy": s.accuracy, "correct": s.correct, "total": s.total, "errors": s.errors}
                for name, s in self.fields.items()
            },
            "signatories": {"precision": self.signatories_precision, "recall": self.signatories_recall},
        }

    def to_table(self, *, errors: bool = False) -> str:
        """The figures as a plain-text table (and the errors, with ``errors``)."""
        lines = [f"DOCUMENT METADATA ({self.documents} documents, {len(self.skipped)} skipped: text not found)"]
        lines.append(f"{'field':<16}{'accuracy':>10}{'correct':>9}{'total':>7}")
        for name, score in self.fields.items():
            lines.append(f"{name:<16}{score.accuracy:>10.3f}{score.correct:>9}{score.total:>7}")
        lines.append(
            f"{'signatories':<16}P {self.signatories_precision:.3f}  R {self.signatories_recall:.3f}"
            f"  ({self.signatories_tp} right, {self.signatories_fp} wrong, {self.signatories_fn} missed)"
        )
        if errors:
            for name, score in self.fields.items():
                for doc_id, gold, predicted in score.errors:
                    lines.append(f"  {name} {doc_id}: gold {gold!r}, predicted {predicted!r}")
        return "\n".join(lines) + "\n"


def read_metadata_gold(path: str | Path) -> tuple[list[MetadataGold], list[str]]:
    """The gold records whose text is found, and the ids of those whose text is not."""
    gold_path = Path(path)
    try:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise GoldFileError(f"{path}: cannot read ({err.strerror or err})") from None
    found: list[MetadataGold] = []
    skipped: list[str] = []
    texts: dict[Path, dict[str, str]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            doc_id, source = record["id"], gold_path.parent / record["source"]
        except (ValueError, KeyError, TypeError) as err:
            raise GoldFormatError(f"not a metadata record ({err})", path=str(path), line=number) from None
        if not source.exists():
            skipped.append(doc_id)
            continue
        if source.suffix == ".jsonl":
            if source not in texts:
                texts[source] = {
                    d["id"]: d["text"] for d in map(json.loads, source.read_text(encoding="utf-8").splitlines()) if d
                }
            text = texts[source].get(doc_id)
            if text is None:
                raise GoldFormatError(f"document {doc_id!r} is not in {source}", path=str(path), line=number)
        else:
            text = source.read_text(encoding="utf-8")
        found.append(MetadataGold(doc_id, text, record))
    return found, skipped


def _predicted(info: DocumentInfo) -> dict[str, Any]:
    meeting = info.meeting
    return {
        "kind": info.kind,
        "date": info.date.value.isoformat() if info.date else None,
        "identity": info.identity.kb_id if info.identity else None,
        "reference": info.reference.value if info.reference else None,
        "meeting_body": meeting.body if meeting else None,
        "meeting_dates": [d.isoformat() for d in meeting.dates] if meeting else None,
    }


def _expected(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {name: values[name] for name in ("kind", "date", "identity", "reference") if name in values}
    if "meeting" in values:
        meeting = values["meeting"]
        out["meeting_body"] = meeting["body"] if meeting else None
        out["meeting_dates"] = list(meeting["dates"]) if meeting else None
    return out


def _signatory(text: str, item: Any) -> tuple[str, str]:
    """``[office, name]`` as written in the gold, or stand-off ``{"office": [s, e], "name": [s, e]}``."""
    if isinstance(item, dict):
        office, name = (text[item[key][0] : item[key][1]] for key in ("office", "name"))
    else:
        office, name = item
    return " ".join(office.split()).lower(), name


def evaluate_metadata(
    gold: str | Path | Sequence[MetadataGold], analyzer: Analyzer | None = None
) -> MetadataEvaluation:
    """Analyse every gold document and score its :attr:`Report.info <nlp_report.Report.info>`."""
    skipped: list[str] = []
    if isinstance(gold, str | Path):
        docs, skipped = read_metadata_gold(gold)
    else:
        docs = list(gold)
    if analyzer is None:
        from ..analyzer import load

        analyzer = load()
    result = MetadataEvaluation({name: FieldScore() for name in FIELDS}, skipped=skipped)
    for doc in docs:
        info = analyzer.analyze(doc.text, source=doc.id).info
        predicted = _predicted(info)
        for name, expected in _expected(doc.values).items():
            score = result.fields[name]
            score.total += 1
            if predicted[name] == expected:
                score.correct += 1
            else:
                score.errors.append((doc.id, expected, predicted[name]))
        if "signatories" in doc.values:
            gold_pairs = {_signatory(doc.text, item) for item in doc.values["signatories"]}
            found = {(s.office.lower(), s.name) for s in info.signatories}
            result.signatories_tp += len(gold_pairs & found)
            result.signatories_fp += len(found - gold_pairs)
            result.signatories_fn += len(gold_pairs - found)
        result.documents += 1
    return result
