"""Entities of a statistical model (``nl_core_news_sm``): normalised where the gazetteer knows them.

The rules always win. A model entity is

* taken over as COUNTRY or ORG, with the ``kb_id`` of the gazetteer, when its
  label is one of the labels to normalise (``GPE``, ``LOC``, ``NORP``,
  ``ORG``), its text (a leading article and a trailing ``'s`` left out) is a
  country or organisation of the gazetteer or an abbreviation the text
  defines, and it does not overlap a mention of the rules or lie inside an
  ``EXCLUDE`` stretch;
* otherwise kept apart, in the span group the component names
  (``doc.spans["nlp_report_model_ents"]``), for users who want people,
  dates or places.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Span

from .gazetteer import Gazetteer
from .rules import Found, Mention

ARTICLES = frozenset({"de", "het", "'t", "’t", "een"})
_POSSESSIVE = ("'s", "’s", "'", "’")


def normalise(
    ents: Sequence[Span],
    found: Found,
    gazetteer: Gazetteer,
    labels: Collection[str],
) -> tuple[list[Mention], list[Span]]:
    """Split model entities into mentions the rules take over and the rest."""
    occupied: set[int] = set()
    for rule_mention in found.mentions:
        occupied.update(range(rule_mention.start, rule_mention.end))
    taken: list[Mention] = []
    rest: list[Span] = []
    for ent in ents:
        mention = _as_mention(ent, found, gazetteer) if ent.label_ in labels else None
        if mention is not None and not found.inside_zone(mention.start, mention.end, mention.label):
            if occupied.isdisjoint(range(mention.start, mention.end)):
                taken.append(mention)
                occupied.update(range(mention.start, mention.end))
                continue
            if any(m.start == mention.start and m.end == mention.end for m in found.mentions):
                continue  # the rules found the same mention
        rest.append(ent)
    return taken, rest


def _as_mention(ent: Span, found: Found, gazetteer: Gazetteer) -> Mention | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in ARTICLES:
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in _POSSESSIVE):
        end -= 1
    if start >= end:
        return None
    text = doc[start:end].text
    for suffix in _POSSESSIVE:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    entry = gazetteer.lookup(text)
    if entry is not None:
        return Mention(start, end, entry.label, entry.kb_id, "model")
    kb_id = found.defined.get(text)
    if kb_id is not None:
        return Mention(start, end, "ORG", kb_id, "model")
    return None
