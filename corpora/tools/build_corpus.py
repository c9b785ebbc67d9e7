"""Build the annotated corpus from its marked-up sources.

Each ``corpora/src/<doc>.ann`` holds one document written for the project,
with its annotation inline. This script strips the markup, wraps long lines
the way text extracted from a PDF is wrapped, and writes

* ``corpora/raw/<doc>.txt``: the document text, exactly as a user would
  pass it to ``nlp_report.analyze``;
* ``corpora/gold/<doc>.jsonl``: the gold record in the format of
  ``ANNOTATION.md`` (one JSON object on one line).

Source format
-------------
A header of ``#key: value`` lines, a line ``---``, then the document::

    #id: rbz-2023-11
    #source: written for nlp_report; fictional report of the FAC
    #wrap: 82
    ---
    {{context|-|Op 13 november vond de [[Raad Buitenlandse Zaken|ORG|FAC]] plaats.}}

* ``[[surface|LABEL|kb_id]]`` marks an entity; a MOTION may carry a fourth
  field with the kb_id of its Kamerstuk: ``[[motie Van Haga|MOTION|Van Haga|28676-394]]``.
* ``{{label|actor|text}}`` marks a sentence; ``-`` as actor means none.
  Entities nest inside sentences; nothing else nests.
* ``#wrap: N`` wraps every line longer than N characters at spaces (or
  after a hyphen inside a word), leaving a space before the line break on
  some lines, as PDF extraction does; ``#wrap: 0`` keeps lines as written
  (text pasted from a web page). A line wrap may fall inside a sentence or
  an entity; offsets follow.

Run ``python corpora/tools/build_corpus.py`` from the repository root; it
checks every span and exits non-zero on the first error, naming the source
file and line.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS_ENT = {"COUNTRY", "ORG", "MOTION", "KAMERSTUK"}
LABELS_SENT = {"position", "decision", "context"}
TOKEN = re.compile(r"\[\[|\]\]|\{\{|\}\}")


class SourceError(Exception):
    pass


@dataclass
class Parsed:
    text: str = ""
    entities: list[dict[str, object]] = field(default_factory=list)
    sentences: list[dict[str, object]] = field(default_factory=list)
    links: list[dict[str, object]] = field(default_factory=list)


def _where(path: Path, body: str, pos: int, line0: int) -> str:
    line = line0 + body.count("\n", 0, pos)
    return f"{path}:{line}"


def parse_markup(path: Path, body: str, line0: int) -> Parsed:
    """Strip the markup; return plain text and spans in it."""
    out: list[str] = []
    length = 0
    result = Parsed()
    sent_open: tuple[int, str, str | None, int] | None = None
    i = 0
    while i < len(body):
        m = TOKEN.search(body, i)
        if m is None:
            out.append(body[i:])
            length += len(body) - i
            break
        out.append(body[i : m.start()])
        length += m.start() - i
        tok = m.group()
        if tok == "[[":
            close = body.find("]]", m.end())
            if close < 0:
                raise SourceError(f"{_where(path, body, m.start(), line0)}: '[[' never closed")
            parts = body[m.end() : close].split("|")
            if len(parts) not in (3, 4):
                raise SourceError(
                    f"{_where(path, body, m.start(), line0)}: entity needs surface|LABEL|kb_id, got {parts!r}"
                )
            surface, label, kb_id = parts[0], parts[1], parts[2]
            if label not in LABELS_ENT:
                raise SourceError(f"{_where(path, body, m.start(), line0)}: unknown entity label {label!r}")
            if not surface or surface != surface.strip() or not kb_id:
                raise SourceError(f"{_where(path, body, m.start(), line0)}: bad entity {parts!r}")
            start = length
            out.append(surface)
            length += len(surface)
            result.entities.append({"start": start, "end": length, "label": label, "kb_id": kb_id})
            if len(parts) == 4:
                if label != "MOTION":
                    raise SourceError(f"{_where(path, body, m.start(), line0)}: only a MOTION takes a link")
                result.links.append({"start": start, "end": length, "kamerstuk": parts[3]})
            i = close + 2
        elif tok == "{{":
            if sent_open is not None:
                raise SourceError(f"{_where(path, body, m.start(), line0)}: sentence inside a sentence")
            bar1 = body.find("|", m.end())
            bar2 = body.find("|", bar1 + 1)
            if bar1 < 0 or bar2 < 0 or "\n" in body[m.end() : bar2]:
                raise SourceError(f"{_where(path, body, m.start(), line0)}: sentence needs {{{{label|actor|text}}}}")
            label = body[m.end() : bar1]
            actor = body[bar1 + 1 : bar2]
            if label not in LABELS_SENT:
                raise SourceError(f"{_where(path, body, m.start(), line0)}: unknown sentence label {label!r}")
            if label == "context" and actor != "-":
                raise SourceError(f"{_where(path, body, m.start(), line0)}: a context sentence has no actor")
            sent_open = (length, label, None if actor == "-" else actor, m.start())
            i = bar2 + 1
        elif tok == "}}":
            if sent_open is None:
                raise SourceError(f"{_where(path, body, m.start(), line0)}: '}}}}' without '{{{{'")
            start, label, actor, _ = sent_open
            result.sentences.append({"start": start, "end": length, "label": label, "actor": actor})
            sent_open = None
            i = m.end()
        else:
            raise SourceError(f"{_where(path, body, m.start(), line0)}: stray ']]'")
    if sent_open is not None:
        raise SourceError(f"{_where(path, body, sent_open[3], line0)}: sentence never closed")
    result.text = "".join(out)
    return result


def wrap(parsed: Parsed, width: int, rng: random.Random) -> Parsed:
    """Wrap long lines; shift every span to the wrapped text."""
    if width <= 0:
        return parsed
    text = parsed.text
    # positions in the old text where a newline is inserted (after a hyphen)
    # or where a space is replaced by a newline (optionally kept before it)
    edits: list[tuple[int, str, int]] = []  # (old position, inserted text, old chars removed)
    line_start = 0
    for line in text.split("\n"):
        pos = 0
        while len(line) - pos > width:
            cut = line.rfind(" ", pos, pos + width + 1)
            hyphen = -1
            for m in re.finditer(r"\w-(?=\w)", line[pos : pos + width]):
                hyphen = pos + m.end()
            if hyphen > cut:
                edits.append((line_start + hyphen, "\n", 0))
                pos = hyphen
            elif cut > pos:
                keep_space = rng.random() < 0.55
                edits.append((line_start + cut, " \n" if keep_space else "\n", 1))
                pos = cut + 1
            else:
                break
        line_start += len(line) + 1
    new: list[str] = []
    shift_at: list[tuple[int, int]] = []  # (old position, cumulative shift after it)
    prev = 0
    shift = 0
    for old_pos, ins, removed in edits:
        new.append(text[prev:old_pos])
        new.append(ins)
        prev = old_pos + removed
        shift += len(ins) - removed
        shift_at.append((old_pos, shift))
    new.append(text[prev:])

    def move(p: int, is_end: bool) -> int:
        s = 0
        for old_pos, cum in shift_at:
            if old_pos < p or (old_pos == p and not is_end):
                s = cum
            else:
                break
        return p + s

    def move_all(spans: list[dict[str, object]]) -> list[dict[str, object]]:
        moved = []
        for sp in spans:
            d = dict(sp)
            d["start"] = move(int(sp["start"]), False)  # type: ignore[call-overload]
            d["end"] = move(int(sp["end"]), True)  # type: ignore[call-overload]
            moved.append(d)
        return moved

    return Parsed("".join(new), move_all(parsed.entities), move_all(parsed.sentences), move_all(parsed.links))


def eu_mission_remainders() -> frozenset[str]:
    """What follows ``EU`` in the EU mission acronyms (``TM`` of ``EUTM``).

    ANNOTATION.md tags ``EU`` inside these acronyms (``EUTM Mali`` -> ``EU`` +
    ``Mali``), the one case where an entity does not end on a word boundary.
    The list is the library's, ``nlp_report/data/entities/eu_mission_acronyms.txt``.
    """
    path = ROOT.parent / "nlp_report" / "data" / "entities" / "eu_mission_acronyms.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("EU"):
            words.add(line.split()[0][2:])
    return frozenset(words)


def _inside_eu_mission_acronym(text: str, start: int, end: int) -> bool:
    if text[start:end] != "EU" or (start > 0 and text[start - 1].isalnum()):
        return False
    rest = re.match(r"[A-Z]+", text[end:])
    return rest is not None and rest.group() in eu_mission_remainders()


def check(path: Path, doc: Parsed) -> None:
    text = doc.text
    for name, spans in (("entity", doc.entities), ("sentence", doc.sentences)):
        last_end = -1
        for sp in spans:
            s, e = int(sp["start"]), int(sp["end"])  # type: ignore[call-overload]
            chunk = text[s:e]
            if not chunk or chunk != chunk.strip():
                raise SourceError(f"{path}: {name} {chunk!r} is empty or has outer white space")
            if s < last_end:
                raise SourceError(f"{path}: {name} {chunk!r} overlaps the one before")
            last_end = e
    for sp in doc.entities:
        s, e = int(sp["start"]), int(sp["end"])  # type: ignore[call-overload]
        off_boundary = (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalpha())
        if off_boundary and not _inside_eu_mission_acronym(text, s, e):
            raise SourceError(f"{path}: entity {text[s:e]!r} does not stand on word boundaries")


def build(src: Path) -> tuple[str, dict[str, object]]:
    raw = src.read_text(encoding="utf-8")
    header, sep, body = raw.partition("\n---\n")
    if not sep:
        raise SourceError(f"{src}: no '---' line between header and document")
    meta: dict[str, str] = {}
    for n, line in enumerate(header.splitlines(), 1):
        if not line.startswith("#") or ":" not in line:
            raise SourceError(f"{src}:{n}: header lines look like '#key: value'")
        key, _, value = line[1:].partition(":")
        meta[key.strip()] = value.strip()
    for key in ("id", "source", "wrap"):
        if key not in meta:
            raise SourceError(f"{src}: header lacks '#{key}:'")
    line0 = header.count("\n") + 3
    parsed = parse_markup(src, body, line0)
    doc = wrap(parsed, int(meta["wrap"]), random.Random(meta["id"]))
    check(src, doc)
    record: dict[str, object] = {
        "id": meta["id"],
        "source": meta["source"],
        "text": doc.text,
        "entities": doc.entities,
        "sentences": doc.sentences,
    }
    if doc.links:
        record["motion_links"] = doc.links
    return doc.text, record


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", type=Path, help="source files (default: corpora/src/*.ann)")
    parser.add_argument("--out", type=Path, default=ROOT, help="folder that holds raw/ and gold/")
    args = parser.parse_args(argv)
    sources = args.sources or sorted((ROOT / "src").glob("*.ann"))
    out: Path = args.out
    for src in sources:
        try:
            text, record = build(src)
        except SourceError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        stem = src.name.removesuffix(".ann")
        (out / "raw" / f"{stem}.txt").write_text(text, encoding="utf-8", newline="")
        (out / "gold" / f"{stem}.jsonl").write_text(
            json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8", newline=""
        )
        n_sent = len(record["sentences"])  # type: ignore[arg-type]
        n_ent = len(record["entities"])  # type: ignore[arg-type]
        print(f"{stem}: {n_sent} sentences, {n_ent} entities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
