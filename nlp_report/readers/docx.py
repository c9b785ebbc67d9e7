"""Word documents (``.docx``) with python-docx (``pip install "nlp_report[docx]"``).

The body is read in document order, paragraphs and tables (cell by cell),
and written as text the layout stage reads (see :mod:`.blocks`):

* headings come from paragraph styles: ``Heading N``/``Kop N``, ``Title``/
  ``Titel``, ``Subtitle``/``Ondertitel``, a style based on one of those, or an
  outline level 1-9 on the paragraph or its style;
* list paragraphs (numbering on the paragraph or its style, or a
  ``List Bullet``/``List Number`` style) become ``- item`` or ``1. item``,
  numbered from ``word/numbering.xml`` where the format is decimal, letters
  or roman;
* footnotes and endnotes come from ``word/footnotes.xml`` and
  ``word/endnotes.xml`` (python-docx has no API for them): each reference in
  the body becomes a marker glued to the word before it, numbered in order of
  appearance as Word does, and each note is written at the end as
  ``N text``.

Tracked deletions, field instructions, text boxes and shapes are left out,
as are page headers and footers (the page furniture of a Word document).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CorruptFileError, InflatedSizeError, ReaderDependencyError
from .blocks import TextAssembler, glue_marker
from .document import Document
from .safety import refuse_dtd

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"

_HEADING_NAME = re.compile(r"^(?:heading|kop)\s*[1-9]$|^(?:title|titel|subtitle|ondertitel)$", re.IGNORECASE)
_LIST_NAME = re.compile(r"^(?:list (?:bullet|number)|lijst ?(?:opsommingsteken|nummering|met nummers))\b", re.I)
_NUMBERED_NAME = re.compile(r"number|nummer", re.IGNORECASE)
_NOTE_TYPES_SKIPPED = {"separator", "continuationSeparator", "continuationNotice"}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("sdt"), _w("sdtContent")
_T, _TAB, _BR, _CR, _NB_HYPHEN = _w("t"), _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen")
_FOOTNOTE_REF, _ENDNOTE_REF = _w("footnoteReference"), _w("endnoteReference")
_SKIP = {
    _w("pPr"),
    _w("rPr"),
    _w("del"),
    _w("delText"),
    _w("instrText"),
    _w("delInstrText"),
    _w("txbxContent"),
    _w("drawing"),
    _w("pict"),
    _w("object"),
    _w("footnoteRef"),
    _w("endnoteRef"),
    _w("commentReference"),
    _w("softHyphen"),
    _w("sym"),
    f"{{{MC}}}Fallback",
}


def read_docx(path: Path, source: str) -> Document:
    """Read a ``.docx`` file."""
    try:
        import docx
    except ImportError:  # pragma: no cover - the extra is installed in development
        raise ReaderDependencyError(
            source, 'reading .docx files needs python-docx: pip install "nlp_report[docx]"'
        ) from None
    _check_inflated_size(path, source)  # first: nothing is inflated before the sizes are known
    refuse_dtd(path, source)
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError) as err:
        raise CorruptFileError(source, f"not a valid .docx file ({err})") from None
    except Exception as err:  # noqa: BLE001 - python-docx and lxml raise many kinds on damaged files
        raise CorruptFileError(source, f"cannot open as .docx: {type(err).__name__}: {err}") from None
    try:
        reader = _DocxReader(document)
        text = reader.read()
    except Exception as err:  # noqa: BLE001 - a damaged part inside a valid package
        raise CorruptFileError(source, f"cannot read the .docx content: {type(err).__name__}: {err}") from None
    title = (document.core_properties.title or "").strip() or None
    return Document(text=text, source=source, format="docx", title=title)


MAX_PART_BYTES = 256 * 1024 * 1024
"""The largest part of a ``.docx`` package read, inflated (bytes)."""
MAX_TOTAL_BYTES = 512 * 1024 * 1024
"""The most a ``.docx`` package may inflate to, all parts together (bytes)."""


def _check_inflated_size(path: Path, source: str) -> None:
    """Refuse a package whose parts inflate beyond :data:`MAX_PART_BYTES` or, together, :data:`MAX_TOTAL_BYTES`.

    python-docx inflates every part a relationship reaches into memory, so a
    1 MB file holding a 1 GiB image of zeros took 2 GB. The sizes come from
    the package's central directory, and they bound what is inflated: the
    ``zipfile`` module never returns more than the declared size of a part
    (a part that holds more fails its CRC check, E017).
    """
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise CorruptFileError(source, f"not a valid .docx file ({err})") from None
    total = 0
    for part in parts:
        if part.file_size > MAX_PART_BYTES:
            raise InflatedSizeError(
                source,
                f"the part {part.filename!r} inflates to {part.file_size:,} bytes, more than the limit of "
                f"{MAX_PART_BYTES:,} (a zip bomb, or a file far too big to read); the file was not read",
            )
        total += part.file_size
    if total > MAX_TOTAL_BYTES:
        raise InflatedSizeError(
            source,
            f"the package inflates to {total:,} bytes, more than the limit of {MAX_TOTAL_BYTES:,} "
            "(a zip bomb, or a file far too big to read); the file was not read",
        )


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num_id: int | None
    ilvl: int


@dataclass(slots=True)
class _Level:
    fmt: str
    text: str
    start: int


class _DocxReader:
    def __init__(self, document: Any) -> None:
        self.document = document
        part = document.part
        self.out = TextAssembler()
        self.styles = _read_styles(document.styles.element)
        self.default_style = next(
            (
                s.get(_w("styleId"))
                for s in document.styles.element.iterchildren(_w("style"))
                if s.get(_w("type")) == "paragraph" and s.get(_w("default")) in ("1", "true", "on")
            ),
            None,
        )
        self.levels = _read_numbering(_related_element(part, _RT_NUMBERING))
        self.counters: dict[tuple[int, int], int] = {}
        self.notes: dict[tuple[str, str], str] = {}
        for reltype, kind in ((_RT_FOOTNOTES, "footnote"), (_RT_ENDNOTES, "endnote")):
            root = _related_element(part, reltype)
            if root is not None:
                self.notes.update(self._read_notes(root, kind))
        self.numbers: dict[tuple[str, str], int] = {}

    def read(self) -> str:
        self._blocks(self.document.element.body)
        return self.out.build()

    # --- blocks ---------------------------------------------------------------

    def _blocks(self, parent: Any) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _P:
                self._paragraph(child)
            elif tag == _TBL:
                for row in child.iterchildren(_TR):
                    for cell in row.iterchildren(_TC):
                        self._blocks(cell)
            elif tag == _SDT:
                for content in child.iterchildren(_SDT_CONTENT):
                    self._blocks(content)

    def _paragraph(self, p: Any) -> None:
        text = self._inline(p, allow_notes=True)
        if not text.strip():
            return
        style_id, outline, num = _paragraph_properties(p)
        chain = self._style_chain(style_id or self.default_style)
        if outline is None:
            outline = next((s.outline for s in chain if s.outline is not None), None)
        if any(_HEADING_NAME.match(s.name) for s in chain) or (outline is not None and outline < 9):
            self.out.add("heading", text)
            return
        if num is None:
            num = next(((s.num_id, s.ilvl) for s in chain if s.num_id is not None), None)
        if num is not None and num[0] != 0:
            self.out.add("list_item", text, bullet=self._bullet(num[0], num[1], chain))
        elif any(_LIST_NAME.match(s.name) for s in chain):
            numbered = any(_NUMBERED_NAME.search(s.name) for s in chain)
            self.out.add("list_item", text, bullet=self._bullet(-1, 0, chain) if numbered else "-")
        else:
            self.out.add("paragraph", text)

    def _style_chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def _bullet(self, num_id: int, ilvl: int, chain: list[_Style]) -> str:
        level = self.levels.get((num_id, ilvl))
        fmt = level.fmt if level else ("decimal" if any(_NUMBERED_NAME.search(s.name) for s in chain) else "bullet")
        if fmt not in ("decimal", "lowerLetter", "lowerRoman", "decimalZero"):
            return "-"
        for key in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[key]  # a higher level restarts the levels below it
        start = level.start if level else 1
        value = self.counters.get((num_id, ilvl), start - 1) + 1
        self.counters[(num_id, ilvl)] = value
        if fmt == "lowerLetter":
            label = _letters(value)
        elif fmt == "lowerRoman":
            label = _roman(value)
        else:
            label = str(value)
        close = ")" if level and level.text.rstrip().endswith(")") else "."
        return label + close

    # --- inline text ------------------------------------------------------------

    def _inline(self, element: Any, *, allow_notes: bool) -> str:
        parts: list[str] = []
        self._walk(element, parts, allow_notes)
        return "".join(parts)

    def _walk(self, element: Any, parts: list[str], allow_notes: bool) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag == _BR:
                if child.get(_w("type")) in (None, "textWrapping"):
                    parts.append("\n")
            elif tag == _CR:
                parts.append("\n")
            elif tag == _NB_HYPHEN:
                parts.append("-")
            elif tag in (_FOOTNOTE_REF, _ENDNOTE_REF):
                if allow_notes and child.get(_w("customMarkFollows")) not in ("1", "true", "on"):
                    self._reference(child, parts)
            else:
                self._walk(child, parts, allow_notes)

    def _reference(self, ref: Any, parts: list[str]) -> None:
        kind = "footnote" if ref.tag == _FOOTNOTE_REF else "endnote"
        key = (kind, ref.get(_w("id")) or "")
        note = self.notes.get(key)
        if note is None:
            return  # a reference to a note that is not there: nothing to link
        number = self.numbers.get(key)
        if number is None:
            number = self.numbers[key] = len(self.numbers) + 1
            self.out.add_footnote(number, note)
        text = "".join(parts)
        parts[:] = [glue_marker(text, number)]

    def _read_notes(self, root: Any, kind: str) -> dict[tuple[str, str], str]:
        notes = {}
        for note in root.iterchildren(_w(kind)):
            if note.get(_w("type")) in _NOTE_TYPES_SKIPPED:
                continue
            paragraphs = [self._inline(p, allow_notes=False) for p in note.iter(_P)]
            text = " ".join(" ".join(p.split()) for p in paragraphs if p.strip())
            if text:
                notes[(kind, note.get(_w("id")) or "")] = text
        return notes


def _related_element(part: Any, reltype: str) -> Any:
    """The XML root of the part related to ``part`` by ``reltype``, or ``None``."""
    from docx.oxml import parse_xml

    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            return element if element is not None else parse_xml(target.blob)
    return None


def _val(element: Any, tag: str) -> str | None:
    child = element.find(_w(tag)) if element is not None else None
    return None if child is None else child.get(_w("val"))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _num_pr(ppr: Any) -> tuple[int, int] | None:
    num_pr = ppr.find(_w("numPr")) if ppr is not None else None
    if num_pr is None:
        return None
    num_id = _int(_val(num_pr, "numId"))
    return None if num_id is None else (num_id, _int(_val(num_pr, "ilvl")) or 0)


def _paragraph_properties(p: Any) -> tuple[str | None, int | None, tuple[int, int] | None]:
    ppr = p.find(_w("pPr"))
    return _val(ppr, "pStyle"), _int(_val(ppr, "outlineLvl")), _num_pr(ppr)


def _read_styles(root: Any) -> dict[str, _Style]:
    styles = {}
    for style in root.iterchildren(_w("style")):
        if style.get(_w("type")) not in (None, "paragraph"):
            continue
        style_id = style.get(_w("styleId"))
        if not style_id:
            continue
        ppr = style.find(_w("pPr"))
        num = _num_pr(ppr)
        styles[style_id] = _Style(
            name=_val(style, "name") or style_id,
            based_on=_val(style, "basedOn"),
            outline=_int(_val(ppr, "outlineLvl")),
            num_id=num[0] if num else None,
            ilvl=num[1] if num else 0,
        )
    return styles


def _read_numbering(root: Any) -> dict[tuple[int, int], _Level]:
    if root is None:
        return {}
    abstract: dict[str, dict[int, _Level]] = {}
    for definition in root.iterchildren(_w("abstractNum")):
        abstract[definition.get(_w("abstractNumId")) or ""] = {
            _int(level.get(_w("ilvl"))) or 0: _Level(
                fmt=_val(level, "numFmt") or "decimal",
                text=_val(level, "lvlText") or "",
                start=_int(_val(level, "start")) or 1,
            )
            for level in definition.iterchildren(_w("lvl"))
        }
    levels: dict[tuple[int, int], _Level] = {}
    for num in root.iterchildren(_w("num")):
        num_id = _int(num.get(_w("numId")))
        if num_id is None:
            continue
        for ilvl, level in abstract.get(_val(num, "abstractNumId") or "", {}).items():
            levels[(num_id, ilvl)] = level
    return levels


def _letters(value: int) -> str:
    label = ""
    while value > 0:
        value, rest = divmod(value - 1, 26)
        label = chr(ord("a") + rest) + label
    return label


def _roman(value: int) -> str:
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    out = ""
    for amount, numeral in numerals:
        while value >= amount:
            out += numeral
            value -= amount
    return out
