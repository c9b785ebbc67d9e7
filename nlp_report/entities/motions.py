"""Motion references: ``motie Van Haga``, ``de motie van de leden Sjoerdsma en Brekelmans``.

A MOTION span (``corpora/ANNOTATION.md``) starts at ``motie``, ``moties`` or
``motie-`` and ends after the sponsor names, ``c.s.`` included. The forms:

* ``motie Van Haga``, ``motie-Van Haga``, ``Motie Van der Lee``;
* ``motie van het lid Van Haga``, ``motie van de leden Sjoerdsma en
  Brekelmans``, ``motie van de leden Sjoerdsma, Brekelmans en Boswijk``;
* ``motie Sjoerdsma c.s.``, ``motie Sjoerdsma/Brekelmans``, ``moties
  Marijnissen c.s. en Klaver c.s.``;
* ``gewijzigde motie ...``, ``aangehouden motie ...`` (the adjective is not
  part of the span);
* a sponsor with first name or initials where the text gives them
  (``motie van het lid Inge van Dijk``, ``motie-H. van der Lee``).

Sponsor names keep their tussenvoegsels as written (``Van der Lee``). Without
a first name a tussenvoegsel is capitalised (Dutch spelling), so ``motie van de
Kamer`` or ``motie van wantrouwen`` is no motion reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_UPPER = "A-ZÀ-ÖØ-Þ"
_TV_LOWER = r"(?:van|de|den|der|ter|ten|te|in|op|uit|'t|’t|het|la|le|du|da|dos|von|zu|d'|d’)"
_TV_CAPITAL = r"(?:Van|De|Den|Der|Ter|Ten|Te|In|Op|Uit|'t|’t|Het|La|Le|Du|Da|Dos|Von|Zu|D'|D’)"
_SURNAME = rf"[{_UPPER}](?:[^\W\d_]|['’])*(?:-[{_UPPER}](?:[^\W\d_]|['’])*)*"
_INITIALS = rf"(?:[{_UPPER}][a-z]?\.\s?){{1,5}}"
_FIRST_NAME = rf"[{_UPPER}][a-zà-ÿ]+"
_NAME = (
    rf"(?:(?:{_INITIALS}|{_FIRST_NAME}\s)(?:{_TV_LOWER}\s)*{_SURNAME}"  # Inge van Dijk, H. van der Lee
    rf"|(?:{_TV_CAPITAL}\s(?:{_TV_LOWER}\s)*)?{_SURNAME})"  # Van der Lee, Boswijk
)
_SEPARATOR = r"(?:\s?/\s?|,\s|\sen\s)"
_CS_LISTED = rf"\sc\.s\.(?={_SEPARATOR}{_NAME})"
"""``c.s.`` after a sponsor that another follows: ``moties Marijnissen c.s. en Klaver c.s.``."""
_PATTERN = re.compile(
    rf"(?P<head>[Mm](?<![\w-][Mm])oties?)(?:-|\s(?:van\s(?:het\slid|de\sleden)\s|ingediend\sdoor\s(?:het\slid|de\sleden)\s)?)"
    rf"(?P<names>{_NAME}(?:{_CS_LISTED})?(?:{_SEPARATOR}{_NAME}(?:{_CS_LISTED})?)*)"
    rf"(?P<cs>\sc\.s\.)?"
)
_SPLIT = re.compile(_SEPARATOR)
_TV_CAPITAL_WORD = re.compile(_TV_CAPITAL)


@dataclass(frozen=True, slots=True)
class MotionMatch:
    """A motion reference found in a text: ``text[start:end]`` and its sponsors."""

    start: int
    end: int
    sponsors: tuple[str, ...]

    @property
    def kb_id(self) -> str:
        """The sponsors joined by ``, `` (``corpora/CONVENTIONS.md``)."""
        return ", ".join(self.sponsors)


def find_motions(text: str, is_not_a_name: Callable[[str], bool] = lambda name: False) -> Iterator[MotionMatch]:
    """Every motion reference in ``text`` that names its sponsors, in order.

    ``is_not_a_name(word)`` says whether a capitalised word can be no sponsor
    (a country, an organisation, ``Kamerstuk``); the sponsor list ends before
    it, and a reference whose first sponsor is such a word is skipped.
    """
    for m in _PATTERN.finditer(text):
        names_start = m.start("names")
        sponsors: list[str] = []
        end = names_start
        pos = names_start
        parts = list(_parts(m.group("names")))
        for index, (name, offset) in enumerate(parts):
            bare = name.removesuffix(" c.s.")
            # a capitalised tussenvoegsel ("De Vries") is part of a name where no other word can stand:
            # the first sponsor, or one with "c.s." after it
            sure = not sponsors or bare != name or (index == len(parts) - 1 and bool(m.group("cs")))
            words = [w for w in bare.split() if not (sure and _TV_CAPITAL_WORD.fullmatch(w))]
            if is_not_a_name(bare) or any(is_not_a_name(word) for word in words):
                break
            sponsors.append(" ".join(bare.split()))
            pos = names_start + offset + len(name)
            end = pos
        if not sponsors:
            continue
        if m.group("cs") and pos == m.start("cs"):
            end = m.end("cs")
        yield MotionMatch(m.start(), end, tuple(sponsors))


def _parts(names: str) -> Iterator[tuple[str, int]]:
    """The names of a sponsor list with their offsets in it."""
    pos = 0
    for sep in _SPLIT.finditer(names):
        yield names[pos : sep.start()], pos
        pos = sep.end()
    yield names[pos:], pos


def parse_sponsors(text: str) -> tuple[str, ...]:
    """The sponsors of a motion reference (``motie Sjoerdsma/Brekelmans`` -> both names)."""
    found = next(find_motions(text), None)
    if found is None:
        return ()
    return found.sponsors


__all__ = ["MotionMatch", "find_motions", "parse_sponsors"]
