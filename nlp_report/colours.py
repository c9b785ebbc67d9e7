"""The colours of the labels, read from ``nlp_report/data/display/colours.json``, and displaCy's colours."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .errors import DataFileError
from .resources import read_json
from .types import ENTITY_LABELS, SENTENCE_LABELS

COLOURS_FILE = "display/colours.json"

_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}\Z")


@dataclass(frozen=True, slots=True)
class LabelStyle:
    """How a label is drawn: ``colour`` for tags, borders and bars; ``background`` for tinted text."""

    name: str
    colour: str
    background: str
    description: str


@dataclass(frozen=True)
class Palette:
    """The colours of every label, read from ``nlp_report/data/display/colours.json``."""

    sentences: Mapping[str, LabelStyle]
    """Per sentence label (``position``, ``decision``, ``context``)."""
    unlabelled: LabelStyle
    """A sentence without label."""
    entities: Mapping[str, LabelStyle]
    """Per entity label; ``background`` is the colour of the highlight."""
    entity_default: str
    """The highlight of an entity label the file does not list."""

    def sentence(self, label: str | None) -> LabelStyle:
        """The style of a sentence label (:attr:`unlabelled` for ``None`` or an unknown label)."""
        return self.sentences.get(label or "", self.unlabelled)

    def entity(self, label: str) -> str:
        """The highlight colour of an entity label."""
        style = self.entities.get(label)
        return style.background if style else self.entity_default


@cache
def palette() -> Palette:
    """The project's colours (``nlp_report/data/display/colours.json``, checked when read)."""
    origin = f"nlp_report/data/{COLOURS_FILE}"
    data = read_json(COLOURS_FILE)
    if not isinstance(data, dict):
        raise DataFileError(origin, "expected a JSON object")

    def colour(value: Any, where: str) -> str:
        if not isinstance(value, str) or not _COLOUR.match(value):
            raise DataFileError(origin, f"{where}: expected a colour as #rgb or #rrggbb, got {value!r}")
        text = str(value).lower()
        if len(text) == 4:  # #rgb -> #rrggbb, so an alpha can be appended
            text = "#" + "".join(c * 2 for c in text[1:])
        return text

    def style(name: str, value: Any, where: str, *, entity: bool = False) -> LabelStyle:
        if not isinstance(value, dict):
            raise DataFileError(origin, f"{where}: expected an object")
        description = value.get("description", "")
        if not isinstance(description, str):
            raise DataFileError(origin, f"{where}.description: expected a string")
        main = colour(value.get("colour"), f"{where}.colour")
        background = main if entity else colour(value.get("background"), f"{where}.background")
        return LabelStyle(name, main, background, description)

    def table(key: str, labels: Sequence[str], *, entity: bool = False) -> dict[str, LabelStyle]:
        values = data.get(key)
        if not isinstance(values, dict):
            raise DataFileError(origin, f"{key!r}: expected an object with one entry per label")
        missing = [label for label in labels if label not in values]
        if missing:
            raise DataFileError(origin, f"{key!r}: no entry for {', '.join(missing)}")
        return {name: style(name, value, f"{key}.{name}", entity=entity) for name, value in values.items()}

    return Palette(
        sentences=table("sentence_labels", SENTENCE_LABELS),
        unlabelled=style("none", data.get("unlabelled"), "unlabelled"),
        entities=table("entity_labels", ENTITY_LABELS, entity=True),
        entity_default=colour(data.get("entity_default"), "entity_default"),
    )


def displacy_colors() -> dict[str, str]:
    """The colours spaCy's displaCy uses for the project's labels.

    Entity labels (``doc.ents``) and the sentence labels of the span group
    ``nlp_report_sentences`` (``displacy.render(doc, style="span",
    options={"spans_key": "nlp_report_sentences"})``; displaCy upper-cases
    labels). Registered as ``spacy.registry.displacy_colors`` and declared
    as the ``spacy_displacy_colors`` entry point, so displaCy picks them up
    without any option.
    """
    p = palette()
    colours = {label: p.entity(label) for label in p.entities}
    colours.update({label.upper(): s.background for label, s in p.sentences.items()})
    return colours
