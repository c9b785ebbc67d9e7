"""Bounded memory for a long-lived analyzer: once the vocab is full, analyses run inside spaCy memory zones.

spaCy keeps every string and lexeme it has seen in the pipeline's
``Vocab`` for good, so a process that analyses document after document
grows without bound (2000 documents of new words took a blank pipeline
from 133 MB to 1.7 GB). spaCy's answer (3.8) is :meth:`Language.memory_zone
<spacy.language.Language.memory_zone>`: what is added to the vocab inside
the zone is freed when it closes. :class:`MemoryZones` uses it like this:

* the vocab may grow by :data:`MAX_NEW_STRINGS` strings as usual: the words
  of the first documents, the frequent ones, stay and keep spaCy's
  tokenizer cache useful (nothing is cached inside a zone);
* after that, every analysis runs in a zone, so what a document adds is
  freed after it and memory stays flat however many documents follow;
* a zone is shared by the analyses that run at the same time (threads), and
  closes when the last of them has finished, so no Doc is still in use;
  after :data:`ZONE_SIZE` analyses new ones wait until the zone is renewed,
  so a steady stream from many threads is bounded too;
* an analysis inside an analysis stays in the zone of the outer one (zones
  cannot be nested), and a forked worker starts without the parent's zone;
* spaCy's hash tables still grow a little for every word ever seen, so after
  :data:`RENEW_LEXEMES` words the pipeline is rebuilt from its own bytes
  (``analyzer.nlp`` is then a new, equal pipeline).

A Doc made inside a zone must not be used after it: the analyzer returns
reports, which hold plain Python data. Docs made with ``analyzer.nlp(...)``
directly are outside this scheme; do not keep them while another thread
runs ``analyze`` in zone mode.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from spacy.language import Language

RENEW_LEXEMES = 1_000_000
"""Lexemes made (and freed) in zones after which the pipeline is rebuilt from its own bytes.

spaCy's hash tables mark a freed entry as deleted but keep growing as if
it were still there (preshed), about 50 bytes per distinct word ever seen;
a fresh copy of the pipeline starts with tables sized for the vocab it keeps.
"""
MAX_NEW_STRINGS = 100_000
"""Strings the vocab may gain before analyses run in memory zones (about 40 MB with their lexemes)."""
ZONE_SIZE = 200
"""Analyses that may enter one memory zone; later ones wait until it closes and a new one opens."""


class MemoryZones:
    """Decides, per analysis, whether it runs in a spaCy memory zone, and opens and closes the zones."""

    def __init__(
        self,
        nlp: Language,
        *,
        max_new_strings: int | None = MAX_NEW_STRINGS,
        zone_size: int = ZONE_SIZE,
        renew: Callable[[], Language] | None = None,
        renew_lexemes: int = RENEW_LEXEMES,
    ) -> None:
        self.nlp = nlp
        self.renew = renew
        """Builds a fresh copy of the pipeline (see :data:`RENEW_LEXEMES`); ``None``: never renewed."""
        self.renew_lexemes = renew_lexemes
        self._renewed_at = len(nlp.vocab)
        self.renewals = 0
        """How many times the pipeline was rebuilt."""
        self.limit = None if max_new_strings is None else len(nlp.vocab.strings) + max_new_strings
        """The vocab size (strings) from which analyses run in zones; ``None``: never."""
        self.zone_size = zone_size
        self.zones_closed = 0
        """How many zones have been closed (and their strings and lexemes freed)."""
        self._reset()
        ref = weakref.ref(self)
        os.register_at_fork(after_in_child=lambda: _reset_in_child(ref))

    def _reset(self) -> None:
        self._cond = threading.Condition()
        self._local = threading.local()
        self._zone: AbstractContextManager[Any] | None = None
        self._active = 0
        """Analyses running in the open zone."""
        self._outside = 0
        """Analyses running outside any zone (the vocab was not full when they started)."""
        self._served = 0

    @contextmanager
    def analysis(self) -> Iterator[None]:
        """The block in which one analysis runs; a Doc made in it must not be used after it."""
        depth = getattr(self._local, "depth", 0)
        if depth:  # an analysis inside an analysis of this thread: the outer one decided
            self._local.depth = depth + 1
            try:
                yield
            finally:
                self._local.depth = depth
            return
        zoned = self._enter()
        self._local.depth = 1
        try:
            yield
        finally:
            self._local.depth = 0
            self._leave(zoned)

    def _full(self) -> bool:
        return self.limit is not None and len(self.nlp.vocab.strings) >= self.limit

    def _enter(self) -> bool:
        with self._cond:
            while True:
                if self._zone is None and not self._full():
                    self._outside += 1
                    return False
                # zone mode: not while analyses outside a zone run (their new lexemes would become transient)
                # nor into a zone that has served its share
                if self._outside == 0 and (self._zone is None or self._served < self.zone_size):
                    break
                self._cond.wait()
            if self._zone is None:
                zone = self.nlp.memory_zone()
                zone.__enter__()
                self._zone = zone
                self._served = 0
            self._active += 1
            self._served += 1
            return True

    def _leave(self, zoned: bool) -> None:
        with self._cond:
            if not zoned:
                self._outside -= 1
                if self._outside == 0:
                    self._cond.notify_all()
                return
            self._active -= 1
            if self._active == 0 and self._zone is not None:
                zone, self._zone = self._zone, None
                try:
                    zone.__exit__(None, None, None)
                    self.zones_closed += 1
                    if self.renew is not None and len(self.nlp.vocab) - self._renewed_at >= self.renew_lexemes:
                        self.nlp = self.renew()  # no analysis runs now: the waiting ones take the new one
                        self._renewed_at = len(self.nlp.vocab)
                        self.renewals += 1
                finally:
                    self._cond.notify_all()


def _reset_in_child(ref: weakref.ref[MemoryZones]) -> None:
    """In a forked process: the parent's running analyses do not exist here, so close their zone."""
    zones = ref()
    if zones is None:
        return
    zone = zones._zone
    zones._reset()
    if zone is not None:
        zone.__exit__(None, None, None)
