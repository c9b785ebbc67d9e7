"""One sentence or one entity on its own (the ``_repr_html_`` of :class:`~nlp_report.types.Sentence` and ``Entity``).

Inline styles only, no stylesheet: a notebook may show many of them.
"""

from __future__ import annotations

from ..types import Entity, Sentence
from .colours import palette
from .html import attrs, esc, one_space
from .styles import FONT

_TAG_STYLE = (
    "display:inline-block;font-size:.7em;font-weight:700;line-height:1.5;padding:0 .4em;border:1px solid {colour};"
    "vertical-align:.1em;white-space:nowrap;"
)


def render_sentence(sentence: Sentence) -> str:
    """A sentence on one line: its label tag, its actor, its text, and its section (muted)."""
    p = palette()
    style = p.sentence(sentence.label)
    base = _TAG_STYLE.format(colour=style.colour)
    tag = (
        f'<span style="{base}background:{style.colour};color:#fff;text-transform:uppercase;border-radius:3px">'
        f"{esc(sentence.label or 'no label')}</span>"
    )
    actor = ""
    if sentence.actor:
        actor = (
            f' <span style="{base}color:{style.colour};background:#fff;border-radius:3px">'
            f"{esc(one_space(sentence.actor))}</span>"
        )
    section = (
        f' <span style="color:#6b7280;font-size:.85em">§ {esc(one_space(sentence.section))}</span>'
        if sentence.section
        else ""
    )
    text = (
        f'<span style="background:{style.background};border-radius:3px;padding:.1em .2em">'
        f"{esc(_one_line(sentence.text))}</span>"
    )
    values = attrs(data_label=sentence.label or "none", data_actor=sentence.actor, data_start=sentence.start)
    return (
        f'<div class="nlp-report-sentence"{values} style="font-family:{esc(FONT)};line-height:1.8">'
        f"{tag}{actor} {text}{section}</div>"
    )


def render_entity(entity: Entity) -> str:
    """An entity displaCy-style: highlighted with its label and ``kb_id``."""
    colour = palette().entity(entity.label)
    label = entity.label + (f" · {entity.kb_id}" if entity.kb_id else "")
    return (
        f'<mark{attrs(data_label=entity.label, data_kb_id=entity.kb_id)} style="background:{colour};'
        f'padding:.1em .35em;border-radius:.35em;line-height:1;color:inherit;font-family:{esc(FONT)}">'
        f"{esc(_one_line(entity.text))}"
        f'<span style="font-size:.65em;font-weight:700;margin-left:.4em;vertical-align:.1em">{esc(label)}</span>'
        "</mark>"
    )


def _one_line(text: str) -> str:
    from ..explore import one_line

    return one_line(text)
