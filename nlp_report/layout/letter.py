"""The parts of a letter around its body: header block, page furniture, salutation and signature.

Each function marks lines in ``kinds`` (see :mod:`.lines`) and leaves the
lines it does not recognise as ``None``, for the next step. The patterns
are in ``nlp_report/data/layout/patterns.json`` (:mod:`.rules`).
"""

from __future__ import annotations

from collections import Counter

from .lines import BLANK, FURNITURE, HEADER, SALUTATION, SIGNATURE, LayoutRules, Line, paragraph_runs

HEADER_TOP_LINES = 10
"""The ``header_top`` patterns apply to the first lines of a text only, at its start or under the dossier
(``31 209 Schoon en zuinig`` + ``nr. 73``)."""


def mark_header(lines: list[Line], kinds: list[str | None], rules: LayoutRules) -> None:
    """The header block of letters as the House publishes them (``Nr. 2703 BRIEF VAN ...``, the dossier)."""
    strong = [
        i
        for i, line in enumerate(lines)
        if kinds[i] is None
        and (
            rules.header_strong.search(line.text) is not None
            or (
                i < HEADER_TOP_LINES
                and rules.header_top.search(line.text) is not None
                and _under_dossier(lines, i, rules)
            )
        )
    ]
    for i in strong:
        kinds[i] = HEADER
    for i in strong:
        # caps continuation of "Nr. 2703 BRIEF VAN ..."
        if lines[i].text.startswith("Nr"):
            j = i + 1
            while j < len(lines) and kinds[j] is None and rules.header_caps.match(lines[j].text):
                kinds[j] = HEADER
                j += 1
        # the dossier line and its title continuation, next to the other header lines
        for j in range(max(0, i - 3), min(len(lines), i + 4)):
            if kinds[j] is None and rules.header_dossier.match(lines[j].text):
                kinds[j] = HEADER
                k = j + 1
                while k < len(lines) and kinds[k] is None and k < j + 3 and _next_header_is_nr(lines, kinds, k):
                    kinds[k] = HEADER
                    k += 1


def _under_dossier(lines: list[Line], i: int, rules: LayoutRules) -> bool:
    """Whether line ``i`` is the first line with text, or a dossier line (``31 209 ...``) is at most three lines up."""
    above = [line.text for line in lines[max(0, i - 3) : i] if line.text.strip()]
    return not any(line.text.strip() for line in lines[:i]) or any(rules.header_dossier.match(t) for t in above)


def _next_header_is_nr(lines: list[Line], kinds: list[str | None], k: int) -> bool:
    for j in range(k + 1, min(len(lines), k + 3)):
        if kinds[j] == HEADER:
            return lines[j].text.startswith("Nr")
    return False


HEADER_NOTE_LINES = 8
"""How many lines at the start of a paragraph run :func:`mark_header_paragraphs` reads for header notes."""


def mark_header_paragraphs(lines: list[Line], kinds: list[str | None], rules: LayoutRules) -> None:
    """A paragraph such as ``Antwoorden van de minister ... (ingezonden 3 oktober 2023)``.

    Also the lines that open a run with such headers and the editorial notes
    after them (``Zie ook Aanhangsel Handelingen, ..., nr. 1217.``), one
    after the other with no blank line before the first question, up to the
    last line such a header or note ends.
    """
    for first, last in paragraph_runs(kinds, include=(None,)):
        joined = " ".join(lines[i].text for i in range(first, last + 1)) if last - first <= 5 else ""
        if joined and rules.header_paragraph.match(joined):
            for i in range(first, last + 1):
                kinds[i] = HEADER
            continue
        for i in range(first, _header_notes_end(lines, first, min(last, first + HEADER_NOTE_LINES - 1), rules)):
            kinds[i] = HEADER


def _header_notes_end(lines: list[Line], first: int, last: int, rules: LayoutRules) -> int:
    """The line after the last one that a run of header notes from line ``first`` ends on (``first`` if none)."""
    ends = {}  # offset in the joined text where a line ends -> the line after it
    parts = []
    length = 0
    for i in range(first, last + 1):
        parts.append(lines[i].text)
        length += len(lines[i].text)
        ends[length] = i + 1
        length += 1
    joined = " ".join(parts)
    pos = 0
    found = first
    while (m := rules.header_notes.match(joined, pos)) is not None and m.end() > pos:
        pos = m.end()
        found = ends.get(len(joined[:pos].rstrip()), found)
    return found


def mark_furniture(lines: list[Line], kinds: list[str | None], rules: LayoutRules) -> None:
    """Page furniture: lines by pattern, lines repeated across pages, and address clusters."""
    counts = Counter(line.text for i, line in enumerate(lines) if kinds[i] is None)

    def repeated(i: int) -> bool:
        t = lines[i].text
        return counts[t] >= 2 and len(t) <= 60 and t[-1] not in ".!?;:," and not t[0].islower()

    for first, last in paragraph_runs(kinds, include=(None,)):
        idx = range(first, last + 1)
        strong = {i for i in idx if rules.furniture.search(lines[i].text) is not None}
        rep = {i for i in idx if repeated(i)}
        cluster = {i for i in idx if rules.furniture_cluster.search(lines[i].text) is not None}
        size = last - first + 1
        if len(strong | rep) == size:
            marked = set(idx)
        elif strong and len(strong | rep | cluster) * 2 >= size:
            marked = strong | rep | cluster
        else:
            marked = strong
        for i in marked:
            kinds[i] = FURNITURE


def mark_letter_parts(lines: list[Line], kinds: list[str | None], rules: LayoutRules) -> None:
    """The salutation, and the signature: its title and the names under it."""
    n = len(lines)
    for i, line in enumerate(lines):
        if kinds[i] is not None:
            continue
        if rules.salutation.match(line.text) and _starts_paragraph(kinds, i):
            kinds[i] = SALUTATION
        elif rules.signature_title.search(line.text) is not None and (
            _starts_paragraph(kinds, i) or lines[i - 1].text[-1:] in ".!?"
        ):
            kinds[i] = SIGNATURE
            j = i + 1
            # names right under the title, or in the next paragraph
            while (
                j < n
                and kinds[j] is None
                and (rules.signature_name.match(lines[j].text) or rules.signature_continuation.match(lines[j].text))
            ):
                kinds[j] = SIGNATURE
                j += 1
            if j < n and kinds[j] is not None:
                while j < n and kinds[j] in (BLANK, FURNITURE):
                    j += 1
                k = j
                while k < n and kinds[k] is None and k < j + 2 and rules.signature_name.match(lines[k].text):
                    k += 1
                if k > j and (k >= n or kinds[k] is not None):
                    for m in range(j, k):
                        kinds[m] = SIGNATURE


def _starts_paragraph(kinds: list[str | None], i: int) -> bool:
    return i == 0 or kinds[i - 1] is not None
