"""Hypothesis strategies: letter-like documents built from realistic pieces, then perturbed.

A document is a list of parts (header block lines, salutation, page
furniture, headings, paragraphs of Dutch sentences with entity names and
footnote markers glued to words, list items, footnotes, signature) written
as text the way a PDF extraction or a plain text file gives it. The
perturbations then do what real input does: hard wraps at 40-100
characters with trailing spaces, line-end hyphens, CRLF and CR, tabs,
non-breaking spaces, zero-width characters, soft hyphens, control
characters and random edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

SALUTATIONS = ["Geachte voorzitter,", "Geachte Voorzitter,", "Zeer geachte voorzitter,", "Beste leden,"]
HEADER_LINES = [
    "Tweede Kamer der Staten-Generaal 2",
    "Tweede Kamer der Staten-Generaal",
    "Vergaderjaar 2023–2024",
    "21 501-02 Raad Buitenlandse Zaken",
    "28 676 NAVO",
    "Nr. 2781 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN",
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    "Den Haag, 3 oktober 2023",
    "Vastgesteld 12 december 2023",
]
FURNITURE = [
    "[Afzender]",
    "[Ondertekenaar 2]",
    "BZDOC-1234567-89",
    "BZDOC-142826276-26",
    "Onze Referentie",
    "Pagina 2 van 5",
    "- 3 -",
    "4",
    "Datum 3 oktober 2023",
    "Betreft Verslag van de Raad Buitenlandse Zaken",
    "Postbus 20061",
    "2500 EB Den Haag",
    "Ministerie van Buitenlandse Zaken",
    "Nederland",
    "www.rijksoverheid.nl",
    "kst-21501-02-2781",
    "ISSN 0921 - 7371",
    "’s-Gravenhage 2023",
    "2023Z16789",
]
HEADINGS = [
    "Inleiding",
    "Oekraïne",
    "Russische agressie tegen Oekraïne",
    "Avondsessie 6 april: NAVO 2030 / Strategisch Concept",
    "1. Inleiding",
    "2. Stand van zaken",
    "Raad Buitenlandse Zaken van 15 mei 2023",
    "Motie Van Haga",
    "Toezeggingen en moties",
    "Vraag 1",
    "Antwoord 1",
    "Relaties EU-Turkije",
    "VERSLAG NAVO MINISTERIËLE BIJEENKOMST VAN 6 EN 7 APRIL 2022",
    "Geannoteerde agenda van de Europese Raad van 14 en 15 december 2023 en de stand van zaken rond de "
    "uitbreiding van de Europese Unie met Oekraïne en Moldavië",
]
SUBJECTS = [
    "Nederland",
    "Het kabinet",
    "De minister van Buitenlandse Zaken",
    "De NAVO",
    "De EU-lidstaten",
    "De NAVO-bondgenoten",
    "Duitsland en Frankrijk",
    "De Hoge Vertegenwoordiger",
    "Zij",
    "Hongarije",
    "De Europese Commissie",
    "De Raad",
    "Ook Nieuw-Zeeland en Zuid-Korea",
]
VERBS = [
    "steunt",
    "heeft besloten",
    "benadrukte",
    "sprak over",
    "riep op tot",
    "zal bijdragen aan",
    "is van mening dat het nodig is",
    "veroordeelde",
    "stemde in met",
    "wees op",
]
OBJECTS = [
    "de steun aan Oekraïne",
    "de sancties tegen Rusland",
    "de uitvoering van de motie Van Haga",
    "de motie van het lid Sjoerdsma c.s. (Kamerstuk 21 501-02, nr. 2781)",
    "Kamerstuk 28 676, nr. 394",
    "de toetreding van Zweden en Finland tot de NAVO",
    "het voorstel van de Europese Commissie",
    "de situatie in het Midden-Oosten, o.a. in Gaza",
    "DIANA (Defence Innovation Accelerator for the North Atlantic)",
    "de EUTM-missie in Mali",
    "de relatie tussen de EU en China",
    "de NAVO- en EU-initiatieven",
    "het bericht ‘Nederland stuurt F-16’s naar Oekraïne’",
    "de brief van 3 oktober 2023 (Kamerstukken II 2023/24, 36 410, nr. 12)",
    "60 testlocaties, verspreid over de 30 bondgenoten",
    "een bijdrage van € 2,5 mln. aan de OVSE",
    "bijv. de inzet van de VN",
]
TAILS = [
    "",
    " in Brussel",
    " tijdens de vergadering",
    ", zo bleek",
    " in de komende periode",
    " (zie ook bijlage 2)",
    " op 6 en 7 april 2022",
]
ENDS = [".", ".", ".", "?", "!", ":", ";", "…", ".”", "."]
NOTES = [
    "Kamerstuk 28 676, nr. 394",
    "Kamerstuk 21 501-02, nr. 2781",
    "Kamerstukken II 2021/22, 28 676, nr. 394",
    "https://www.consilium.europa.eu/nl/meetings/fac/2023/11/13/",
    "Motie van het lid Van Haga over de inzet van de EU (Kamerstuk 36 045, nr. 12)",
    "Zie ook het verslag van de NAVO-top in Vilnius, (Kamerstuk 28 676, nr. 440)",
]
LIST_BULLETS = ["- ", "• ", "– ", "* ", "1. ", "2. ", "a) ", "(i) "]
SIGNATURES = [
    ["De minister van Buitenlandse Zaken,", "", "W.B. Hoekstra"],
    ["De minister van Defensie,", "", "drs. K.H. Ollongren"],
    ["Hoogachtend,", "", "De staatssecretaris van Defensie,", "", "C.A. van der Maat"],
    ["Met vriendelijke groet,", "Hanke Bruins Slot"],
]
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

INVISIBLE = ["\u200b", "\ufeff", "\u00ad", "\u200c", "\u200d", "\u2060"]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f", "\x0b", "\x0c", "\x85", "\x9f", "\x1c"]
SPACES = ["\u00a0", "\t", "  ", "\u2009", "\u202f", "\u3000"]
LINE_ENDS = ["\r\n", "\r", "\u2028"]


@dataclass
class _Letter:
    """The parts of a letter while it is being written; ``lines`` are its text lines."""

    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Footnotes whose markers are written but not the notes themselves yet."""
    next_note: int = 1


def _superscript(number: int) -> str:
    return "".join(SUPERSCRIPTS[int(d)] for d in str(number))


@st.composite
def sentences(draw: st.DrawFn, letter: _Letter) -> str:
    """A Dutch sentence with entity names, sometimes with a footnote marker glued to a word."""
    words = (
        f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(VERBS))} {draw(st.sampled_from(OBJECTS))}"
        f"{draw(st.sampled_from(TAILS))}"
    )
    end = draw(st.sampled_from(ENDS))
    where = draw(st.sampled_from(["none", "none", "end", "after", "inside"]))
    if where == "none":
        return words + end
    number = letter.next_note
    letter.next_note += 1
    letter.notes.append(f"{number} {draw(st.sampled_from(NOTES))}")
    marker = _superscript(number) if draw(st.integers(0, 5)) == 0 else str(number)
    if where == "end":  # Haga1.
        return words + marker + end
    if where == "after":  # besloot.1
        return words + end + marker
    parts = words.split(" ")
    k = draw(st.integers(0, len(parts) - 1))
    parts[k] += marker
    return " ".join(parts) + end


def _flush_notes(letter: _Letter, draw: st.DrawFn) -> None:
    """Write the pending footnotes after a blank line, as at the foot of a page."""
    if not letter.notes:
        return
    letter.lines.append("")
    letter.lines.extend(letter.notes)
    if draw(st.booleans()):
        letter.lines.append(draw(st.sampled_from(FURNITURE)))
    letter.lines.append("")
    letter.notes.clear()


@st.composite
def letters(draw: st.DrawFn, max_parts: int = 12) -> str:
    """A letter-like document (before perturbation), one line per paragraph or already wrapped."""
    letter = _Letter()
    if draw(st.booleans()):
        letter.lines += draw(st.lists(st.sampled_from(HEADER_LINES), min_size=1, max_size=4, unique=True))
        letter.lines.append("")
    if draw(st.booleans()):
        letter.lines += [draw(st.sampled_from(SALUTATIONS)), ""]
    kinds = st.sampled_from(["paragraph", "paragraph", "paragraph", "heading", "list", "furniture", "notes", "blank"])
    for kind in draw(st.lists(kinds, min_size=0, max_size=max_parts)):
        if kind == "paragraph":
            letter.lines.append(" ".join(draw(st.lists(sentences(letter), min_size=1, max_size=5))))
            if draw(st.booleans()):
                letter.lines.append("")
        elif kind == "heading":
            letter.lines.append(draw(st.sampled_from(HEADINGS)))
        elif kind == "list":
            intro = draw(sentences(letter))
            letter.lines.append(intro.rstrip(".?!;…”") + ":")
            for _ in range(draw(st.integers(1, 4))):
                item = draw(sentences(letter))
                letter.lines.append(draw(st.sampled_from(LIST_BULLETS)) + item[:1].lower() + item[1:])
        elif kind == "furniture":
            letter.lines += ["", *draw(st.lists(st.sampled_from(FURNITURE), min_size=1, max_size=3)), ""]
        elif kind == "notes":
            _flush_notes(letter, draw)
        else:
            letter.lines.append("")
    _flush_notes(letter, draw)
    if draw(st.booleans()):
        letter.lines += ["", *draw(st.sampled_from(SIGNATURES))]
    if draw(st.booleans()):  # footnote lines that no marker refers to, or a marker-less number line
        letter.lines += ["", f"{draw(st.integers(1, 120))} {draw(st.sampled_from(NOTES))}"]
    return "\n".join(letter.lines) + draw(st.sampled_from(["", "\n", "\n\n", " \n"]))


# --- perturbations ---------------------------------------------------------------------


def wrap(text: str, width: int, *, trailing: str, hyphenate: bool) -> str:
    """Hard-wrap every line at ``width``, as PDF extraction does; optionally split long words with a hyphen."""
    out = []
    for line in text.split("\n"):
        current = ""
        for word in line.split(" "):
            if current and len(current) + 1 + len(word) > width:
                if hyphenate and len(word) >= 8 and len(current) + 5 < width and word.isalpha():
                    cut = max(3, width - len(current) - 2)
                    cut = min(cut, len(word) - 3)
                    out.append(f"{current} {word[:cut]}-")
                    current = word[cut:]
                    continue
                out.append(current + trailing)
                current = word
            else:
                current = f"{current} {word}" if current else word
        out.append(current)
    return "\n".join(out)


@st.composite
def perturbed(draw: st.DrawFn, documents: st.SearchStrategy[str]) -> str:
    """``documents`` after the perturbations real input has."""
    text = draw(documents)
    if draw(st.booleans()):
        text = wrap(
            text,
            draw(st.integers(40, 100)),
            trailing=draw(st.sampled_from(["", " ", "  ", "\t"])),
            hyphenate=draw(st.booleans()),
        )
    edits = draw(
        st.lists(
            st.tuples(
                st.floats(0, 1),
                st.sampled_from(
                    ["invisible", "control", "space", "line_end", "delete", "char", "duplicate", "digit", "break"]
                ),
                st.integers(0, 2**16),
            ),
            max_size=10,
        )
    )
    for fraction, kind, n in edits:
        pos = int(fraction * len(text))
        if kind == "invisible":
            text = text[:pos] + INVISIBLE[n % len(INVISIBLE)] + text[pos:]
        elif kind == "control":
            text = text[:pos] + CONTROL[n % len(CONTROL)] + text[pos:]
        elif kind == "space":  # a space becomes NBSP, a tab...
            i = text.find(" ", pos)
            if i >= 0:
                text = text[:i] + SPACES[n % len(SPACES)] + text[i + 1 :]
        elif kind == "line_end":
            i = text.find("\n", pos)
            if i >= 0:
                text = text[:i] + LINE_ENDS[n % len(LINE_ENDS)] + text[i + 1 :]
        elif kind == "delete":
            text = text[:pos] + text[pos + 1 + n % 3 :]
        elif kind == "char":
            text = text[:pos] + chr(n if not 0xD800 <= n <= 0xDFFF else 0x20) + text[pos:]
        elif kind == "digit":  # a stray number, or one glued to a word like a footnote marker
            digit = str(n % 25) if n % 3 else _superscript(n % 12)
            text = text[:pos] + digit + text[pos:]
        elif kind == "break":  # a line break or a blank line in the middle of a line
            text = text[:pos] + ("\n", "\n\n", "\n \n")[n % 3] + text[pos:]
        else:
            text = text[:pos] + text[pos : pos + n % 40] + text[pos:]
    if draw(st.integers(0, 3)) == 0:  # the whole file with CRLF
        text = text.replace("\n", "\r\n")
    if draw(st.integers(0, 7)) == 0:
        text = "\ufeff" + text
    return text


def letter_texts(max_parts: int = 12) -> st.SearchStrategy[str]:
    """Letter-like documents, perturbed."""
    return perturbed(letters(max_parts))


def any_texts() -> st.SearchStrategy[str]:
    """Random Unicode (every code point hypothesis draws, surrogates excluded), and line structure soup."""
    soup = st.lists(
        st.sampled_from(
            [*"ab AZé.,;:?!1234567890()-–•[]‘’\"'\n\n\n", *INVISIBLE, *CONTROL, *SPACES, *LINE_ENDS, *SUPERSCRIPTS]
        ),
        max_size=300,
    ).map("".join)
    return st.one_of(st.text(), soup)
