"""PDF files with pypdf (``pip install "nlp_report[pdf]"``).

pypdf extracts each page in content-stream order and reports every piece of
text with its position and font size. From those the reader writes text the
way the layout stage expects it:

1. **Lines.** pypdf's lines are kept, except that a raised or lowered
   piece in a smaller font on the same line (a footnote marker in
   superscript, which pypdf puts on a line of its own) is glued back:
   ``motie Van Haga1, ieder``.
2. **Page furniture.** Running headers and footers are found by repetition:
   a line among the three top or bottom lines of a page that comes back, at
   the same height, on at least half of the pages (and on two or more), with
   digits normalised so ``Pagina 2 van 5`` matches ``Pagina 3 van 5``. Those
   lines and bare page numbers (``3``, ``- 3 -``, ``Pagina 3 van 5``) at the
   top or bottom of a page are removed.
3. **Footnotes.** The lines at the foot of a page in a smaller font than
   the body, from the first one that starts with a number, are the page's
   footnotes (with the same font size, a block under a clear gap whose
   number has a glued marker on the page). They are written after a blank
   line as ``N text``.
4. **Paragraphs.** A vertical gap clearly larger than the line spacing
   becomes a blank line.
5. **Pages.** Pages are joined with a blank line when the last line of a
   page ends a sentence; otherwise the paragraph goes on across the page
   break and the page's footnotes move to the end of that paragraph, so no
   sentence is cut in two.

Encrypted PDFs are opened with the empty password where that works (PDFs
that only restrict printing or copying); otherwise
:class:`~nlp_report.errors.EncryptedPdfError`. A PDF whose pages hold no
text (a scan) raises :class:`~nlp_report.errors.NoTextLayerError`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CorruptFileError, EncryptedPdfError, NoTextLayerError, ReaderDependencyError
from ..text import FROM_SUPERSCRIPT, TO_SUPERSCRIPT
from .document import Document

_ZONE = 3
"""How many lines at the top and at the bottom of a page may be page furniture."""
_PAGE_NUMBER = re.compile(
    r"^[-–—(\[]?\s*(?:(?:pagina|page|blz\.?|blad|p\.)\s*)?\d{1,4}\s*(?:(?:van|of|/|\|)\s*\d{1,4})?\s*[-–—)\]]?$",
    re.IGNORECASE,
)
_FOOTNOTE_START = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,3})(?:\s+|(?=[^\W\d_(]))(?=\S)")
_ONLY_NUMBER = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,3})$")
_BLOCK_END = re.compile(r"[.!?:;][\"'”’»)\]]*(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?$")


@dataclass(frozen=True, slots=True)
class _Fragment:
    text: str
    x: float
    y: float
    size: float


@dataclass(slots=True)
class _Line:
    text: str
    x: float
    y: float
    size: float


@dataclass(slots=True)
class _Page:
    lines: list[_Line]
    body: list[str] = field(default_factory=list)
    """Body lines, ``""`` for a paragraph gap."""
    notes: list[str] = field(default_factory=list)
    """Footnote lines (``N text`` and continuations)."""


def read_pdf(path: Path, source: str) -> Document:
    """Read a PDF file."""
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
    except ImportError:  # pragma: no cover - the extra is installed in development
        raise ReaderDependencyError(source, 'reading PDF files needs pypdf: pip install "nlp_report[pdf]"') from None
    try:
        reader = pypdf.PdfReader(path, strict=False)
    except Exception as err:  # noqa: BLE001 - pypdf raises many kinds on damaged files
        raise CorruptFileError(source, f"not a readable PDF ({type(err).__name__}: {err})") from None
    if reader.is_encrypted:
        try:
            decrypted = reader.decrypt("")
        except DependencyError as err:
            raise EncryptedPdfError(source, f"encrypted, and decrypting needs an extra package: {err}") from None
        except Exception as err:  # noqa: BLE001 - the library's errors on a damaged file become CorruptFileError
            raise EncryptedPdfError(source, f"encrypted and cannot be decrypted ({err})") from None
        if decrypted == pypdf.PasswordType.NOT_DECRYPTED:
            raise EncryptedPdfError(source, "encrypted with a password; decrypt it first (e.g. qpdf --decrypt)")
    try:
        page_count = len(reader.pages)
    except (PdfReadError, FileNotDecryptedError) as err:
        raise CorruptFileError(source, f"cannot read the page tree ({err})") from None
    except Exception as err:  # noqa: BLE001 - the library's errors on a damaged file become CorruptFileError
        raise CorruptFileError(source, f"cannot read the page tree ({type(err).__name__}: {err})") from None
    if page_count == 0:
        raise CorruptFileError(source, "the PDF has no pages")
    pages = []
    for number, page in enumerate(reader.pages, 1):
        try:
            pages.append(_Page(_page_lines(page)))
        except Exception as err:  # noqa: BLE001 - the library's errors on a damaged file become CorruptFileError
            reason = f"cannot extract the text of page {number} ({type(err).__name__}: {err})"
            raise CorruptFileError(source, reason) from None
    if not any(page.lines for page in pages):
        raise NoTextLayerError(
            source,
            f"{page_count} page(s) but no text layer (a scanned document?); run OCR first, e.g. ocrmypdf",
        )
    text, spans, furniture = assemble_pages(pages)
    return Document(text=text, source=source, format="pdf", title=_title(reader), pages=spans, furniture=furniture)


def _title(reader: Any) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # noqa: BLE001 - broken metadata does not stop the reading
        return None
    return " ".join(str(title).split()) or None if title else None


# --- lines -------------------------------------------------------------------------


def _multiply(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def _page_lines(page: Any) -> list[_Line]:
    """The lines of a page in content-stream order, raised markers glued to their line."""
    tokens: list[_Fragment | None] = []  # None: pypdf starts a new line

    def visit(text: str, cm: list[float], tm: list[float], font: Any, font_size: float) -> None:  # noqa: ARG001 - pypdf's visitor signature
        if not text:
            return
        m = _multiply(list(tm), list(cm))
        size = abs(font_size) * (math.hypot(m[2], m[3]) or 1.0)
        for index, piece in enumerate(text.split("\n")):
            if index:
                tokens.append(None)
            if piece:
                tokens.append(_Fragment(piece, m[4], m[5], size))

    page.extract_text(visitor_text=visit)
    return lines_from_fragments(tokens)


def lines_from_fragments(tokens: list[_Fragment | None]) -> list[_Line]:
    """Group fragments into lines; ``None`` is a line break, which is dropped before a raised marker."""
    lines: list[_Line] = []
    current: list[_Fragment] = []
    texts: list[str] = []
    broken = False
    for token in tokens:
        if token is None:
            broken = True
            continue
        if current and broken:
            previous = current[-1]
            if _same_line(previous, token):
                if _needs_space(previous, token):
                    texts.append(" ")
            else:
                lines.append(_make_line(current, texts))
                current, texts = [], []
        current.append(token)
        texts.append(token.text)
        broken = False
    if current:
        lines.append(_make_line(current, texts))
    return [line for line in lines if line.text]


def _same_line(previous: _Fragment, following: _Fragment) -> bool:
    """A superscript or subscript next to its line (or a piece pypdf split off the same baseline)."""
    big = max(previous.size, following.size)
    small = min(previous.size, following.size)
    dy = abs(following.y - previous.y)
    if following.x <= previous.x or big <= 0:
        return False
    return dy < 0.15 * big or (small <= 0.85 * big and dy < 0.7 * big)


def _needs_space(previous: _Fragment, following: _Fragment) -> bool:
    """After a short superscript, a space where the next piece starts clearly after it."""
    if previous.text.endswith(" ") or following.text.startswith((" ", ",", ".", ";", ":", ")", "]")):
        return False
    if following.size < previous.size:
        return False  # a marker is glued to the word before it
    if len(previous.text) > 4:
        return False
    estimated_end = previous.x + 0.56 * previous.size * len(previous.text)
    return following.x - estimated_end > 0.2 * following.size


def _make_line(fragments: list[_Fragment], texts: list[str]) -> _Line:
    main = max(fragments, key=lambda f: (f.size, len(f.text.strip())))
    text = " ".join("".join(texts).split())
    return _Line(text, min(f.x for f in fragments), main.y, main.size)


# --- furniture, footnotes, paragraphs, pages ---------------------------------------


def _key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.casefold()).split())


def _zones(lines: list[_Line]) -> dict[int, str]:
    """Line index -> ``"top"`` or ``"bottom"`` for the lines at the edges of a page."""
    order = sorted(range(len(lines)), key=lambda i: -lines[i].y)
    zones = {i: "bottom" for i in order[-_ZONE:]}
    zones.update({i: "top" for i in order[:_ZONE]})
    return zones


def _remove_furniture(pages: list[_Page]) -> list[str]:
    with_text = [page for page in pages if page.lines]
    seen: dict[tuple[str, str], list[float]] = defaultdict(list)
    page_zones = [_zones(page.lines) for page in pages]
    for page, zones in zip(pages, page_zones, strict=True):
        keys = {(zone, _key(page.lines[i].text)): page.lines[i].y for i, zone in zones.items()}
        for key, y in keys.items():
            seen[key].append(y)
    for heights in seen.values():
        heights.sort()  # for _repeated's bisection
    needed = max(2, math.ceil(0.5 * len(with_text)))
    removed: list[str] = []
    for page, zones in zip(pages, page_zones, strict=True):
        drop = set()
        for i, zone in zones.items():
            line = page.lines[i]
            repeated = _repeated(seen[(zone, _key(line.text))], line, needed) and not _is_footnote(page.lines, i)
            if repeated or _PAGE_NUMBER.match(line.text):
                drop.add(i)
        removed.extend(page.lines[i].text for i in sorted(drop))
        page.lines = [line for i, line in enumerate(page.lines) if i not in drop]
    return removed


def _is_footnote(lines: list[_Line], index: int) -> bool:
    """``1 Kamerstuk 28 676, nr. 394`` with a marker ``1`` on the page: a footnote, however often alike."""
    m = _FOOTNOTE_START.match(lines[index].text)
    if m is None:
        return False
    body = " ".join(line.text for i, line in enumerate(lines) if i != index)
    return _marker_pattern(m.group(1)).search(body) is not None


def _marker_pattern(number: str) -> re.Pattern[str]:
    """A footnote marker glued to a word or after punctuation: ``Haga1``, ``besluit.1``, ``2022¹``."""
    digits = re.escape(number.translate(FROM_SUPERSCRIPT))
    superscript = re.escape(number.translate(TO_SUPERSCRIPT))
    return re.compile(rf"(?<=[^\W\d_]){digits}(?![\w-])|[.,;:)”’\"]{digits}(?=\s|$)|{superscript}")


def _repeated(heights: list[float], line: _Line, needed: int) -> bool:
    """On enough pages, at the same height as this line, and not a sentence; ``heights`` is sorted.

    The heights within the tolerance are counted by bisection (``y - line.y``
    grows with ``y``), not by a pass over every page for every line.
    """
    if len(heights) < needed or len(line.text) > 150 or line.text[-1] in ".!?;:,":
        return False
    tolerance = max(2.0, 0.5 * line.size)
    y = line.y
    low = bisect_left(heights, -tolerance, key=lambda h: h - y)
    high = bisect_right(heights, tolerance, key=lambda h: h - y)
    return high - low >= needed


def _body_size(pages: list[_Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _leading(pages: list[_Page], body_size: float) -> float:
    gaps = []
    for page in pages:
        for previous, line in zip(page.lines, page.lines[1:], strict=False):
            if abs(previous.size - body_size) <= 0.5 and abs(line.size - body_size) <= 0.5:
                dy = previous.y - line.y
                if 0.5 * body_size < dy < 2.5 * body_size:
                    gaps.append(dy)
    if not gaps:
        return 1.2 * body_size
    gaps.sort()
    return gaps[len(gaps) // 10]  # a low quantile: paragraph gaps must not count as line spacing


def _split_footnotes(page: _Page, body_size: float, leading: float) -> tuple[list[_Line], list[_Line]]:
    """The page's body lines (stream order) and its footnote lines (top to bottom)."""
    lines = page.lines
    if not lines or body_size <= 0:
        return lines, []
    order = sorted(range(len(lines)), key=lambda i: (-lines[i].y, lines[i].x))
    zone: list[int] = []
    small_run: list[int] = []
    for i in reversed(order):  # from the bottom up, while the font is smaller than the body's
        if lines[i].size < 0.92 * body_size:
            small_run.insert(0, i)
        else:
            break
    start = next((k for k, i in enumerate(small_run) if _FOOTNOTE_START.match(lines[i].text)), None)
    if start is not None and len(small_run) < len(lines):
        zone = small_run[start:]
    else:
        zone = _footnotes_under_gap(lines, order, leading)
    if not zone:
        return lines, []
    in_zone = set(zone)
    return [line for i, line in enumerate(lines) if i not in in_zone], [lines[i] for i in zone]


def _footnotes_under_gap(lines: list[_Line], order: list[int], leading: float) -> list[int]:
    """Footnotes in the body's font: the bottom block under a clear gap, with markers on the page."""
    for k in range(len(order) - 1, 0, -1):
        above, below = lines[order[k - 1]], lines[order[k]]
        if above.y - below.y > 1.6 * leading:
            block = order[k:]
            if len(block) > max(3, len(lines) // 2):
                return []
            m = _FOOTNOTE_START.match(lines[block[0]].text)
            if m is None:
                return []
            body = " ".join(lines[i].text for i in order[:k])
            return block if _marker_pattern(m.group(1)).search(body) else []
    return []


def _note_lines(lines: list[_Line]) -> list[str]:
    """Footnote lines as ``N text``: a number glued to its text is spaced, a lone number joined to its text."""
    out: list[str] = []
    pending = ""
    for line in lines:
        text = line.text
        if pending:
            text, pending = f"{pending} {text}", ""
        if _ONLY_NUMBER.match(text):
            pending = text
            continue
        m = _FOOTNOTE_START.match(text)
        if m and not text[m.end(1) : m.end(1) + 1].isspace():
            text = f"{text[: m.end(1)]} {text[m.end(1) :]}"
        out.append(text)
    if pending:
        out.append(pending)
    return out


def _body_lines(lines: list[_Line], leading: float, body_size: float) -> list[str]:
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None and _paragraph_gap(previous, line, leading, body_size):
            out.append("")
        out.append(line.text)
        previous = line
    return out


def _paragraph_gap(previous: _Line, line: _Line, leading: float, body_size: float) -> bool:
    dy = previous.y - line.y
    scale = max(previous.size, line.size) / body_size if body_size > 0 else 1.0
    return dy > 1.45 * leading * scale or dy < -0.5 * max(line.size, 1.0)


def _ends_block(text: str) -> bool:
    return bool(_BLOCK_END.search(text))


def assemble_pages(pages: list[_Page]) -> tuple[str, tuple[tuple[int, int], ...], tuple[str, ...]]:
    """The document text from its pages: furniture out, footnotes at the page foot, pages joined."""
    furniture = _remove_furniture(pages)
    body_size = _body_size(pages)
    leading = _leading(pages, body_size)
    for page in pages:
        body_lines, note_lines = _split_footnotes(page, body_size, leading)
        page.body = _body_lines(body_lines, leading, body_size)
        page.notes = _note_lines(note_lines)
    last = max((i for i, page in enumerate(pages) if page.body or page.notes), default=-1)

    lines: list[str] = []
    page_lines: list[tuple[int, int]] = []
    pending: list[str] = []
    continues = False

    def blank() -> None:
        if lines and lines[-1] != "":
            lines.append("")

    for index, page in enumerate(pages):
        body = list(page.body)
        if not body and not page.notes and not pending:
            page_lines.append((len(lines), len(lines)))
            continue
        if pending:
            cut = body.index("") if "" in body else len(body)
            body = [*body[:cut], "", *pending, "", *body[cut:]]
            pending = []
        if not continues:
            blank()
        first = len(lines)
        for line in body:
            if line == "":
                blank()
            else:
                lines.append(line)
        real = [line for line in page.body if line]
        continues = bool(real) and not _ends_block(real[-1])
        if page.notes:
            if continues and index < last:
                pending = page.notes
            else:
                blank()
                lines.extend(page.notes)
                continues = False
        while len(lines) > first and lines[-1] == "":
            lines.pop()
        page_lines.append((first, len(lines)))
    if pending:
        blank()
        lines.extend(pending)

    starts = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    starts.append(offset)

    def span(first: int, end: int) -> tuple[int, int]:
        if end <= first:
            at = starts[first] if first < len(starts) else offset
            return (at, at)
        return (starts[first], starts[end - 1] + len(lines[end - 1]))

    text = "\n".join(lines) + "\n" if lines else ""
    return text, tuple(span(first, end) for first, end in page_lines), tuple(furniture)
