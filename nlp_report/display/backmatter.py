"""What follows the text of a report: the footnotes (with links back to their markers) and the motions."""

from __future__ import annotations

from .html import attrs, esc, one_space
from .inline import inline
from .view import ReportView


def notes(view: ReportView) -> str:
    """The footnotes as a numbered list, each with a link back to its marker."""
    footnotes = view.report.footnotes
    if not footnotes:
        return ""
    rows = ['<h2 class="nr-end">Footnotes</h2>', '<ol class="nr-notes">']
    for index, note in enumerate(footnotes):
        back = ""
        if view.ref_ids[index]:
            back = (
                f' <a class="nr-back"{attrs(href=f"#{view.ref_ids[index]}")}'
                f' title="back to the text" aria-label="back to the text">↩</a>'
            )
        text = inline(view, note.start, note.end, view.note_flow) if note.end > note.start else ""
        rows.append(
            f"<li{attrs(id=view.note_ids[index], value=note.number, data_start=note.start, data_end=note.end)}>"
            f"{text}{back}</li>"
        )
    rows.append("</ol>")
    return "\n".join(rows)


def motions(view: ReportView) -> str:
    """The motions as a table: text, sponsors, Kamerstuk linked to officielebekendmakingen.nl."""
    found = view.report.motions
    if not found:
        return ""
    rows = [
        '<h2 class="nr-end">Motions</h2>',
        '<table class="nr-motions"><thead><tr><th>motion</th><th>sponsors</th><th>Kamerstuk</th></tr></thead><tbody>',
    ]
    for m in found:
        kst = m.kamerstuk
        if kst is None:
            cell = '<span class="nr-empty">not given</span>'
        else:
            detail = ", ".join(x for x in (f"Kamerstukken {kst.chamber}" if kst.chamber else "", kst.year or "") if x)
            cell = f'<a class="nr-kst"{attrs(href=kst.url)} rel="noopener noreferrer">{esc(kst.kb_id)}</a>' + (
                f" ({esc(detail)})" if detail else ""
            )
        rows.append(
            f"<tr{attrs(data_start=m.start, data_end=m.end)}><td>{esc(one_space(m.text))}</td>"
            f"<td>{esc(', '.join(m.sponsors))}</td><td>{cell}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)
