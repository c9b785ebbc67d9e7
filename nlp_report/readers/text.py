"""Plain text files: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else cp1252/latin-1.

Decoding is strict and deterministic, without guessing libraries:

1. a byte order mark decides (UTF-8, UTF-16 or UTF-32);
2. data with NUL bytes or many control characters is binary, not text;
3. strict UTF-8;
4. strict cp1252, the Windows code page Dutch text files are usually in
   when they are not UTF-8. cp1252 agrees with latin-1 on every printable
   character; a file without bytes 0x80-0x9F is reported as ``latin-1``.

Anything else (bytes undefined in cp1252) raises
:class:`~nlp_report.errors.DecodingError`. Newlines are normalised to
``\\n`` (as Python's universal newlines do).
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DecodingError, UnsupportedFormatError
from .document import Document

_SNIFF = 8192
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_C1 = re.compile(rb"[\x80-\x9f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX, ODT...)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (DOC, XLS)"),
    (b"{\\rtf", "an RTF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


@lru_cache(maxsize=1)
def _charsets() -> dict[str, str]:
    table = {}
    text = resources.files("nlp_report").joinpath("data/readers/html_charsets.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, decode_as = line.partition("\t")
            table[name.strip()] = decode_as.strip()
    return table


def declared_encoding(label: str) -> str | None:
    """The codec to decode a file that declares ``label`` with, as a browser would; ``None`` to ignore it.

    Only encodings of web text are obeyed (``data/readers/html_charsets.txt``):
    ``punycode``, ``undefined``, ``unicode_escape``, EBCDIC and the like are
    not, and a UTF-16 declaration inside the markup means UTF-8.
    """
    try:
        name = codecs.lookup(label.strip()).name
    except (LookupError, ValueError):
        return None
    return _charsets().get(name)


def describe_binary(data: bytes) -> str | None:
    """What well-known binary format ``data`` starts with, if any."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def decode_bytes(data: bytes, path: str | Path, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` (the content of ``path``) to text; returns ``(text, encoding)``.

    ``declared`` is an encoding the file names itself (HTML ``<meta charset>``,
    XML declaration); a BOM overrides it, and it is used only when it is an
    encoding of web text (:func:`declared_encoding`) and decodes the data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _newlines(data.decode(encoding)), encoding
            except UnicodeDecodeError as err:
                raise DecodingError(
                    path, f"starts with a {encoding} byte order mark but is not {encoding}: {_where(err)}"
                ) from None
    _check_not_binary(data, path)
    usable = declared_encoding(declared) if declared else None
    if usable:
        assert declared is not None
        named = declared.lower() if codecs.lookup(declared.strip()).name == usable else usable
        try:
            return _newlines(data.decode(usable)), named
        except UnicodeDecodeError:
            pass  # a wrong declaration: detect as for any text
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as err:
            raise DecodingError(
                path,
                f"not UTF-8 ({_where(utf8_error)}) and not cp1252/latin-1 ({_where(err)}); convert it to UTF-8 first",
            ) from None
        encoding = "cp1252" if _C1.search(data) else "latin-1"
    _check_text(text, path)
    return _newlines(text), encoding


def read_text(path: Path, source: str) -> Document:
    """Read a plain text file."""
    data = path.read_bytes()
    text, encoding = decode_bytes(data, source)
    return Document(text=text, source=source, format="text", encoding=encoding)


def _check_not_binary(data: bytes, path: str | Path) -> None:
    head = data[:_SNIFF]
    kind = describe_binary(head)
    if kind is not None:
        raise UnsupportedFormatError(path, f"binary content ({kind}), not text")
    if b"\x00" in head:
        raise UnsupportedFormatError(path, "binary content (NUL bytes), not text")


def _check_text(text: str, path: str | Path) -> None:
    head = text[:_SNIFF]
    controls = len(_CONTROL.findall(head))
    if controls > max(8, len(head) // 100):
        raise UnsupportedFormatError(
            path, f"binary content ({controls} control characters in the first {len(head)}), not text"
        )


def _where(err: UnicodeDecodeError) -> str:
    return f"byte 0x{err.object[err.start]:02x} at offset {err.start}"


def _newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
