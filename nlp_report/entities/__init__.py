"""Entity rules: countries, organisations, motions and Kamerstukken, normalised and linked.

``corpora/ANNOTATION.md`` says what is tagged. The spaCy component that runs
these rules is ``nlp_report_entities`` (:mod:`nlp_report.pipeline.entities`);
the pieces are usable on their own:

>>> from nlp_report.entities import parse_kamerstuk, find_motions
>>> parse_kamerstuk("Kamerstukken II 2021/22, 21 501-02, nr. 2440").kb_id
'21501-02-2440'
>>> [m.sponsors for m in find_motions("conform de motie Sjoerdsma/Brekelmans")]
[('Sjoerdsma', 'Brekelmans')]

Modules: :mod:`.gazetteer` (country and organisation names, CLDR through
Babel plus the data files), :mod:`.kamerstuk`, :mod:`.motions`,
:mod:`.abbreviations` (abbreviations a text defines), :mod:`.patterns` (the
spaCy-style pattern lines, for exclusions and entries of your own),
:mod:`.rules` (the matchers), :mod:`.linking` (a motion to its Kamerstuk) and
:mod:`.model` (a statistical model's entities).
"""

from __future__ import annotations

from .gazetteer import Gazetteer, GazetteerEntry, packaged_gazetteer
from .kamerstuk import URL, KamerstukMatch, find_kamerstukken, make_ref, parse_kamerstuk
from .motions import MotionMatch, find_motions, parse_sponsors
from .patterns import EntryFile, Pattern, parse_pattern, read_entry_file

__all__ = [
    "URL",
    "EntryFile",
    "Gazetteer",
    "GazetteerEntry",
    "KamerstukMatch",
    "MotionMatch",
    "Pattern",
    "find_kamerstukken",
    "find_motions",
    "make_ref",
    "packaged_gazetteer",
    "parse_kamerstuk",
    "parse_pattern",
    "parse_sponsors",
    "read_entry_file",
]
