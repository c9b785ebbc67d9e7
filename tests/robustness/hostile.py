"""Generators of hostile files: HTML charsets, PDF text maps, DOCX internals, and interrupted writers.

Every builder makes its bytes from scratch (no corpus text). The strategies
feed the property tests in ``test_hostile_files.py``, the regression tests of
the reliability review and the folder of bad files.
"""

from __future__ import annotations

import encodings.aliases
import io
import zipfile
from functools import cache

from hypothesis import strategies as st

SENTENCE = "Nederland steunt de NAVO en de EU."

CODECS = sorted(
    set(encodings.aliases.aliases.values())
    | {
        "punycode", "undefined", "unicode_escape", "raw_unicode_escape", "idna", "utf-16", "utf-16-le", "utf-32",
        "utf-7", "cp037", "rot13", "uu", "hex", "base64", "zlib", "bz2", "quopri", "mbcs", "x-user-defined", "bogus",
    }
)  # fmt: skip
"""Every codec Python knows, and labels that are not codecs at all."""


def charset_page(label: str, body: str = SENTENCE, *, escape: str = "\\ud83d") -> bytes:
    """An HTML page declaring ``label`` in ``<meta charset>``, with a backslash escape in its text."""
    return f'<html><head><meta charset="{label}"></head><body><p>{body} {escape}</p></body></html>'.encode()


def charset_pages() -> st.SearchStrategy[bytes]:
    """HTML pages declaring any codec (or no codec), with escapes that some codecs decode to surrogates."""
    escapes = st.sampled_from(["", "\\ud800", "\\udfff", "\\ud83d", "\\x00", "+AGEA-", "&#xd800;", "&#0;"])
    return st.builds(charset_page, st.sampled_from(CODECS), st.just(SENTENCE), escape=escapes)


def cmap_pdf(code_unit: int, text: bytes = b"Nederland steunt de NAVO A.") -> bytes:
    """A one-page PDF whose ToUnicode map gives the glyph ``A`` the UTF-16 code unit ``code_unit``."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfchar <41> <%04X> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end" % code_unit
    )

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(b"BT /F1 12 Tf 72 700 Td (" + text + b") Tj ET"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        stream(cmap),
    ]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def cmap_pdfs() -> st.SearchStrategy[bytes]:
    """PDFs mapping a glyph to any code unit, biased towards the surrogates U+D800-DFFF."""
    return st.one_of(st.integers(0, 0xFFFF), st.integers(0xD800, 0xDFFF)).map(cmap_pdf)


@cache
def base_docx(text: str = SENTENCE) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with(edit_document_xml: str, text: str = SENTENCE) -> bytes:
    """The base DOCX with ``word/document.xml`` changed: ``{prolog}`` / ``{text}`` markers in ``edit_document_xml``.

    ``edit_document_xml`` is a format string with ``{prolog}`` (the XML declaration)
    and ``{rest}`` (the document after it, where ``text`` is replaced by ``{body}``).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base_docx(text))) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                cut = xml.index("?>") + 2
                data = edit_document_xml.format(prolog=xml[:cut], rest=xml[cut:]).encode("utf-8")
            z.writestr(item, data)
    return out.getvalue()


DTD_ENTITY = '{prolog}<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>{rest}'
INTERNAL_SUBSET = "{prolog}<!DOCTYPE w:document [<!ELEMENT w:document ANY>]>{rest}"
LAUGHS = (
    '{prolog}<!DOCTYPE w:document [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>{rest}'
)


def docx_internals() -> st.SearchStrategy[tuple[str, bytes]]:
    """``(kind, bytes)``: DOCX files broken inside: DTDs, truncations, missing or garbled parts."""
    whole = base_docx()

    def without(name: str) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(whole)) as source, zipfile.ZipFile(out, "w") as z:
            for item in source.infolist():
                if item.filename != name:
                    z.writestr(item, source.read(item.filename))
        return out.getvalue()

    return st.one_of(
        st.sampled_from(
            [
                ("dtd_entity", docx_with(DTD_ENTITY)),
                ("internal_subset", docx_with(INTERNAL_SUBSET)),
                ("laughs", docx_with(LAUGHS)),
                ("bad_xml", docx_with("{prolog}<w:document>{rest}")),
                ("no_document", without("word/document.xml")),
                ("no_content_types", without("[Content_Types].xml")),
            ]
        ),
        st.integers(0, len(whole) - 1).map(lambda k: ("truncated", whole[:k])),
        st.tuples(st.integers(30, len(whole) - 1), st.binary(min_size=1, max_size=16)).map(
            lambda pair: ("overwritten", whole[: pair[0]] + pair[1] + whole[pair[0] + len(pair[1]) :])
        ),
    )


class Interrupted(Exception):
    """Raised inside a run of reports to stand for Ctrl-C, a kill or a crash in the middle of a write."""


def interrupted(reports: list[object], after: int) -> object:
    """An iterator of ``reports`` that raises :class:`Interrupted` after ``after`` of them."""
    for index, report in enumerate(reports):
        if index == after:
            raise Interrupted(f"stopped after {after} reports")
        yield report
