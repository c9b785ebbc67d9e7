"""One :class:`~nlp_report.types.Motion` per motion, however often a document cites it.

A letter often cites a motion in the body (``conform de motie-Boswijk c.s.1``)
and again in the footnote the marker points to (``Motie van het lid Boswijk
c.s., Kamerstuk 36 045, nr. 123``), or names it twice in the body. Mentions
are the same motion when they have the same Kamerstuk; mentions without a
Kamerstuk are the same motion when they have the same sponsors (the entity
rules have already given a mention the Kamerstuk of the other mentions with
its sponsors when those agree on one).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .types import Motion


def motion_key(motion: Motion) -> tuple[str, ...]:
    """What identifies the motion of a mention: its Kamerstuk id, else its sponsors."""
    if motion.kamerstuk is not None:
        return ("kamerstuk", motion.kamerstuk.kb_id)
    return ("sponsors", *motion.sponsors)


def group_motions(motions: Iterable[Motion]) -> tuple[Motion, ...]:
    """Merge the motions with the same :func:`motion_key`, keeping every mention, in text order."""
    groups: dict[tuple[str, ...], list[Motion]] = {}
    for motion in sorted(motions, key=lambda m: (m.start, m.end)):
        groups.setdefault(motion_key(motion), []).append(motion)
    merged = []
    for members in groups.values():
        first = members[0]
        mentions = sorted({mention for m in members for mention in m.mentions}, key=lambda x: (x.start, x.end))
        merged.append(dataclasses.replace(first, mentions=tuple(mentions)))
    return tuple(sorted(merged, key=lambda m: (m.start, m.end)))
