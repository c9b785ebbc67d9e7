"""HTML and XML pages as published on officielebekendmakingen.nl and rijksoverheid.nl.

Parsed with the standard library (:mod:`html.parser`) into a small tree, so
no extra dependency is needed. What is read:

* the content root: the element ``#broodtekst`` or ``.kamerstuk`` (the
  officielebekendmakingen layout), else ``<main>``, ``[role=main]``, a single
  ``<article>``, else ``<body>``; site chrome (``nav``, ``script``, cookie
  bars, breadcrumbs, hidden text) is left out;
* ``h1``-``h6`` as headings, ``p`` and other blocks as paragraphs, ``li`` as
  list items (``- `` in ``ul``, ``1.`` in ``ol``), table cells as paragraphs,
  ``<br>`` as a line break;
* footnote markers: ``<sup>`` holding a number (or ``<a class="noot">1</a>``),
  glued to the word before; footnote lists (an element whose class or id
  says ``noot``/``noten``/``footnote(s)``/``voetnoten``/``endnotes``, or
  ``role="doc-endnotes"``) are written at the end as ``N text``.

XML in the officielebekendmakingen format (``<al>`` paragraphs,
``<tussenkop>`` and ``<kop>`` headings, ``<lijst>``/``<li>`` with
``<li.nr>``, ``<noot>`` footnotes inline where they are referenced) is read
the same way; ``<metadata>`` is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..errors import CorruptFileError
from ..text import FROM_SUPERSCRIPT
from .blocks import TextAssembler, glue_marker
from .document import Document, DocumentFormat
from .text import decode_bytes

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
}  # fmt: skip
_SKIP = {
    "script", "style", "noscript", "template", "svg", "math", "nav", "form", "button", "select", "textarea",
    "iframe", "object", "canvas", "audio", "video", "head", "metadata", "meta", "dialog",
}  # fmt: skip
_SKIP_CLASSES = {
    "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text", "skiplink", "skiplinks", "skip-link",
    "breadcrumb", "breadcrumbs", "cookiebar", "cookie-bar", "cookie-banner", "cookie-consent", "share", "social-share",
}  # fmt: skip
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog"}
_HTML_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "legend", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "tussenkop", "kop"}
_XML_INLINE = {
    "nadruk", "extref", "intref", "sup", "inf", "nootref", "voorletters", "achternaam", "tussenvoegsel", "voornaam",
    "afkorting", "term", "a", "b", "i", "u", "em", "strong", "span", "sub", "br", "noot.nr", "li.nr",
}  # fmt: skip
_NOTE_WORDS = re.compile(
    r"(?:^|[\s_-])(?:noot|noten|voetnoot|voetnoten|footnotes?|endnotes?|eindnoten)(?:$|[\s_-])", re.IGNORECASE
)
_NUMBER = re.compile(r"^\s*\[?(\d{1,3})\]?[.)]?\s*$")
_LEADING_NUMBER = re.compile(r"^\s*\[?(\d{1,3})\]?[.)]?(?:\s+|(?=[^\W\d_])|$)")
_BACKLINK = re.compile(r"\s*(?:[↩↑^]\ufe0e?|\bterug\b|\bback\b)\s*$", re.IGNORECASE)
_SIBLINGS: dict[str, tuple[str, ...]] = {
    "li": ("li",),
    "dt": ("dt", "dd"),
    "dd": ("dt", "dd"),
    "td": ("td", "th"),
    "th": ("td", "th"),
}
"""An open element of the second kind ends where one of the first kind starts."""
_WHITE = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)


@dataclass(eq=False, slots=True)
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None = None
    children: list[_Node | str] = field(default_factory=list)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").lower().split())

    def text(self) -> str:
        """All text inside, in order."""
        parts: list[str] = []
        stack: list[_Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
            else:
                stack.extend(reversed(item.children))
        return "".join(parts)

    def iter(self) -> list[_Node]:
        """This node and every element inside it, in document order."""
        out: list[_Node] = []
        stack: list[_Node] = [self]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed([c for c in node.children if isinstance(c, _Node)]))
        return out


class _TreeBuilder(HTMLParser):
    """A forgiving tree builder: void elements, implicit ``</p>``, ``</li>``, cells and stray end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack: list[_Node] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, void=tag in _VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, void=True)

    def _open(self, tag: str, attrs: list[tuple[str, str | None]], *, void: bool) -> None:
        if tag in _HTML_BLOCKS:
            self._close_implicit(tag)
        node = _Node(tag, {k.lower(): v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if not void:
            self.stack.append(node)

    def _close_implicit(self, tag: str) -> None:
        top = self.stack[-1].tag
        if (top == "p" and tag in _HTML_BLOCKS) or top in _SIBLINGS.get(tag, ()):
            self.stack.pop()
        elif tag == "tr" and top in ("td", "th"):
            self.stack.pop()
            if self.stack[-1].tag == "tr":
                self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def close(self) -> None:
        # what is left unparsed at the end is an unterminated comment, declaration or tag (``<!-- ...``,
        # ``<a href='...``): a browser shows none of it, but html.parser would pass it on as text
        if self.cdata_elem is None and _UNTERMINATED.match(self.rawdata):
            self.rawdata = ""
        super().close()


_UNTERMINATED = re.compile(r"<[a-zA-Z/!?]")
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
"""A document type declaration with an internal subset (``<!DOCTYPE x [<!ENTITY ...>]>``)."""


def parse_markup(text: str) -> _Node:
    """The element tree of HTML or XML ``text``, built with the standard library's parser."""
    builder = _TreeBuilder()
    builder.feed(_without_internal_subset(text))
    builder.close()
    return builder.root


def _without_internal_subset(text: str) -> str:
    """The markup without a DOCTYPE's internal subset, which html.parser ends at its first ``>``.

    The declarations in it (entities) are never used: an entity reference
    stays as it is written (``&xxe;``), nothing is expanded or fetched.
    """
    start = text[:4096].lower().find("<!doctype")
    found = _INTERNAL_SUBSET.match(text, start) if start >= 0 else None  # one try: linear in the text
    return text if found is None else text[: found.start()] + text[found.end() :]


def read_html(path: Path, source: str, fmt: DocumentFormat = "html") -> Document:
    """Read an HTML (or, with ``fmt="xml"``, an XML) file."""
    data = path.read_bytes()
    match = _CHARSET.search(data[:4096])
    declared = None
    if match:
        declared = (match.group(1) or match.group(2)).decode("ascii", "replace")
    markup, encoding = decode_bytes(data, source, declared=declared)
    return html_document(markup, source=source, fmt=fmt, encoding=encoding)


def html_document(markup: str, *, source: str, fmt: DocumentFormat = "html", encoding: str | None = None) -> Document:
    """The :class:`Document` of an HTML or XML string."""
    try:
        root = parse_markup(markup)
    except Exception as err:  # noqa: BLE001  # pragma: no cover - html.parser hardly ever raises
        raise CorruptFileError(source, f"cannot parse the markup: {err}") from None
    if fmt == "html" and _looks_like_xml(markup, root):
        fmt = "xml"
    writer = _Writer(xml=fmt == "xml")
    try:
        writer.run(root)  # recursive: the depth of the markup
    except RecursionError:
        raise CorruptFileError(source, "the markup is nested too deeply to read") from None
    return Document(text=writer.out.build(), source=source, format=fmt, encoding=encoding, title=_title(root, fmt))


def _looks_like_xml(markup: str, root: _Node) -> bool:
    """An officielebekendmakingen XML file saved as ``.html``: no HTML elements, its own ones."""
    tags = {n.tag for n in root.iter()}
    if tags & {"html", "body", "p", "div", "h1", "h2"}:
        return False
    return markup.lstrip().startswith("<?xml") or bool(tags & {"al", "kamerstuk", "officiele-publicatie"})


def _title(root: _Node, fmt: DocumentFormat) -> str | None:
    for node in root.iter():
        if fmt == "html" and node.tag == "title":
            title = " ".join(node.text().split())
            return title or None
        if node.tag == "meta" and node.attrs.get("name", "").lower() in ("dc.title", "dcterms.title"):
            return " ".join(node.attrs.get("content", "").split()) or None
    return None


def _skipped(node: _Node) -> bool:
    if node.tag in _SKIP or "hidden" in node.attrs or node.attrs.get("aria-hidden") == "true":
        return True
    if node.attrs.get("role", "").lower() in _SKIP_ROLES:
        return True
    if node.tag in ("header", "footer") and not _has_ancestor(node, ("article", "aside", "main", "section")):
        return True  # the site's banner and footer (their implicit roles)
    return bool(node.classes() & _SKIP_CLASSES)


def _has_ancestor(node: _Node, tags: tuple[str, ...]) -> bool:
    current = node.parent
    while current is not None:
        if current.tag in tags or (current.attrs.get("role") == "main"):
            return True
        current = current.parent
    return False


def _is_note_container(node: _Node) -> bool:
    if node.attrs.get("role") in ("doc-endnotes", "doc-footnotes", "doc-footnote", "doc-endnote"):
        return True
    if node.tag in ("sup", "a", "span", "noot", "nootref", "li"):
        return False
    label = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}"
    return bool(_NOTE_WORDS.search(label))


def _marker_number(node: _Node) -> int | None:
    """The footnote number ``node`` is a marker of (``<sup>1</sup>``, ``<a class="noot">1</a>``), else ``None``."""
    if node.tag == "sup" or (
        node.tag == "a" and (_NOTE_WORDS.search(node.attrs.get("class", "")) or node.attrs.get("role") == "doc-noteref")
    ):
        m = _NUMBER.match(node.text().translate(FROM_SUPERSCRIPT))
        if m:
            return int(m.group(1))
    return None


class _Writer:
    """Walks the tree and writes blocks; inline text of the current block collects in ``parts``."""

    def __init__(self, *, xml: bool, containers: frozenset[int] = frozenset()) -> None:
        self.xml = xml
        self.out = TextAssembler()
        self.containers = containers
        """``id()`` of the footnote lists, left out of the body and written as notes."""
        self.parts: list[str] = []
        self.heading_depth = 0
        self.bullet: str | None = None
        """The bullet of a list item whose text has not been written yet."""
        self.counters: list[int | None] = []
        self.note_ids: dict[str, int] = {}
        self.inline_notes = 0

    def run(self, root: _Node) -> None:
        visible = _visible(root)
        content = _content_root(visible, root)
        containers = [n for n in visible if _is_note_container(n)]
        outer = _outermost(containers)
        self.containers = frozenset(id(c) for c in outer)
        self._children(content)
        self._flush()
        for container in outer:
            if not _contains(container, content):
                self._notes(container)

    # --- blocks -----------------------------------------------------------------

    def _is_block(self, node: _Node) -> bool:
        if self.xml:
            return node.tag not in _XML_INLINE and node.tag != "noot"
        return node.tag in _HTML_BLOCKS

    def _flush(self) -> None:
        text = "".join(self.parts)
        self.parts = []
        if not text.strip():
            return
        if self.bullet is not None:
            self.out.add("list_item", text, bullet=self.bullet)
            self.bullet = None
        elif self.heading_depth:
            self.out.add("heading", text)
        else:
            self.out.add("paragraph", text)

    def _children(self, node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.parts.append(child if node.tag == "pre" else _WHITE.sub(" ", child))
            elif _skipped(child) or id(child) in self.containers:
                continue
            elif child.tag == "br":
                self.parts.append("\n")
            elif not self._is_block(child):
                self._inline(child)
            else:
                self._flush()
                self._block(child)
                self._flush()

    def _block(self, node: _Node) -> None:
        tag = node.tag
        heading = tag in _HEADINGS or (
            tag == "titel" and node.parent is not None and node.parent.tag in ("kop", "stuk", "dossier")
        )
        if heading:
            self.heading_depth += 1
            self._children(node)
            self._flush()
            self.heading_depth -= 1
        elif tag in ("ul", "ol", "lijst", "menu"):
            numbered = tag == "ol" or node.attrs.get("type", "").lower() in ("expliciet", "1", "a", "i")
            start = node.attrs.get("start", "1")
            self.counters.append(int(start) - 1 if numbered and start.isdigit() else (0 if numbered else None))
            self._children(node)
            self._flush()
            self.counters.pop()
            if not self.counters:
                self.out.end_list()
        elif tag == "li":
            self.bullet = self._list_bullet(node)
            self._children(node)
            self._flush()
            self.bullet = None
        else:
            self._children(node)

    def _list_bullet(self, item: _Node) -> str:
        explicit = next((c for c in item.children if isinstance(c, _Node) and c.tag == "li.nr"), None)
        if explicit is not None:
            label = " ".join(explicit.text().split())
            if not label or not label[0].isalnum():
                return "-"
            return label if label[-1] in ".)" else label + "."
        if self.counters and self.counters[-1] is not None:
            value = item.attrs.get("value", "")
            self.counters[-1] = int(value) if value.isdigit() else self.counters[-1] + 1
            return f"{self.counters[-1]}."
        return "-"

    # --- inline -----------------------------------------------------------------

    def _inline(self, node: _Node) -> None:
        if node.tag in ("li.nr", "noot.nr"):
            return  # written as the bullet, or as the number of the footnote
        if node.tag == "noot":
            self._inline_note(node)
            return
        if node.tag == "nootref":
            number = self.note_ids.get(node.attrs.get("refid", ""))
            if number is not None:
                self._marker(number)
            return
        number = _marker_number(node)
        if number is not None:
            self._marker(number)
            return
        for child in node.children:
            if isinstance(child, str):
                self.parts.append(_WHITE.sub(" ", child))
            elif child.tag == "br":
                self.parts.append("\n")
            elif not _skipped(child):
                self._inline(child)

    def _marker(self, number: int) -> None:
        text = "".join(self.parts)
        if text.strip():
            self.parts = [glue_marker(text, number)]
        else:
            self.parts = [f"{number} "]  # a number that starts its block: the number of a footnote

    def _inline_note(self, node: _Node) -> None:
        """``<noot id=".."><noot.nr>1</noot.nr><noot.al>text</noot.al></noot>``: marker here, note at the end."""
        self.inline_notes += 1
        label = next((c for c in node.children if isinstance(c, _Node) and c.tag == "noot.nr"), None)
        m = _NUMBER.match(label.text()) if label is not None else None
        number = int(m.group(1)) if m else self.inline_notes
        if node.attrs.get("id"):
            self.note_ids[node.attrs["id"]] = number
        body = [
            c if isinstance(c, str) else c.text()
            for c in node.children
            if not (isinstance(c, _Node) and c.tag == "noot.nr")
        ]
        self.out.add_footnote(number, " ".join(" ".join(body).split()))
        self._marker(number)

    # --- footnote lists ---------------------------------------------------------

    def _notes(self, container: _Node) -> None:
        """A footnote list: entries numbered by their leading number, their list number, or their order."""
        sub = _Writer(xml=self.xml)
        sub._block(container)
        sub._flush()
        current: int | None = None
        entries = 0
        for block in sub.out.blocks:
            if block.kind == "heading":
                continue  # "Noten", "Voetnoten"
            text = block.text
            bullet_number: int | None = None
            if block.kind == "list_item":
                entries += 1
                bullet, _, text = text.partition(" ")
                bullet_number = int(bullet[:-1]) if bullet[:-1].isdigit() else entries
            m = _LEADING_NUMBER.match(text.translate(FROM_SUPERSCRIPT))
            if m:
                current = int(m.group(1))
                text = text[m.end() :]
            elif bullet_number is not None:
                current = bullet_number
            if current is None:
                continue  # text before the first note
            text = _BACKLINK.sub("", text).strip()
            if text:
                self.out.add_footnote(current, text)


def _visible(root: _Node) -> list[_Node]:
    """The elements outside skipped subtrees (scripts, navigation, hidden text), in document order."""
    out: list[_Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if _skipped(node):
            continue
        out.append(node)
        stack.extend(reversed([c for c in node.children if isinstance(c, _Node)]))
    return out


def _content_root(nodes: list[_Node], root: _Node) -> _Node:
    for node in nodes:
        if node.attrs.get("id") == "broodtekst" or "kamerstuk" in node.classes():
            return node
    for node in nodes:
        if node.tag == "main" or node.attrs.get("role") == "main":
            return node
    articles = [n for n in nodes if n.tag == "article"]
    if len(articles) == 1:
        return articles[0]
    return next((n for n in nodes if n.tag == "body"), root)


def _outermost(nodes: list[_Node]) -> list[_Node]:
    """The nodes not inside another of them: each node's ancestors are looked up in a set (not all pairs)."""
    ids = {id(node) for node in nodes}
    out = []
    for node in nodes:
        parent = node.parent
        while parent is not None and id(parent) not in ids:
            parent = parent.parent
        if parent is None:
            out.append(node)
    return out


def _contains(outer: _Node, inner: _Node) -> bool:
    node: _Node | None = inner
    while node is not None:
        if node is outer:
            return True
        node = node.parent
    return False
