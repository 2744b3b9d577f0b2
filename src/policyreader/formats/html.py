"""HTML pages: the main text as paragraphs, the ``<title>`` and a few ``<meta>`` fields as metadata.

This module owns what counts as page furniture rather than document text (scripts, styles,
navigation, site header and footer, sidebars, forms, hidden elements) and which elements break
paragraphs. It uses the standard library's ``html.parser``, which tolerates the unclosed tags real
government pages are full of. The bytes are decoded with the charset the page declares (BOM first,
then ``<meta charset>`` / ``http-equiv``, as browsers do); a page that declares none, or declares a
charset its bytes do not match, goes through :func:`policyreader.importers.text.decode_text`.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from policyreader.core.document import Paragraph

from .base import ImportedDocument, collapse_whitespace, require_text
from .text import decode_text

# Elements whose whole content is page furniture, never document text.
NOISE_ELEMENTS = frozenset({
    "script", "style", "nav", "aside", "form", "noscript", "template", "svg", "iframe", "object",
    "button", "select", "textarea", "head",
})
# The site's header and footer are furniture; an <article>'s or <main>'s own header (which holds the
# document title) is not.
PAGE_FRAME_ELEMENTS = frozenset({"header", "footer"})
CONTENT_ELEMENTS = frozenset({"article", "main"})
NOISE_ROLES = frozenset({"navigation", "search", "complementary"})

BLOCK_ELEMENTS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "thead", "tbody", "tfoot",
    "caption", "blockquote", "pre", "section", "article", "main", "figure", "figcaption", "address",
    "center", "hr", "br", "body", "html", "h1", "h2", "h3", "h4", "h5", "h6", "title",
} | PAGE_FRAME_ELEMENTS)
HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
})
META_FIELDS = ("author", "description", "keywords")

# Where browsers look for the charset: a <meta> in the first kilobytes of the page.
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# WHATWG encoding labels that differ from Python's codec names: GB2312/GBK pages are decoded with
# their superset GB18030, Latin-1 pages with windows-1252, and a UTF-16 label without BOM means UTF-8.
_CHARSET_CODECS = {
    "gb2312": ("gb18030",), "gbk": ("gb18030",), "x-gbk": ("gb18030",), "gb_2312-80": ("gb18030",),
    "csgb2312": ("gb18030",), "chinese": ("gb18030",), "iso-ir-58": ("gb18030",), "gb18030": ("gb18030",),
    "big5": ("big5", "cp950", "big5hkscs"), "big5-hkscs": ("big5hkscs",), "x-x-big5": ("big5", "cp950"),
    "cn-big5": ("big5", "cp950"), "csbig5": ("big5", "cp950"),
    "iso-8859-1": ("cp1252",), "latin1": ("cp1252",), "ascii": ("cp1252",), "us-ascii": ("cp1252",),
    "utf-16": ("utf-8",), "utf-16le": ("utf-8",), "utf-16be": ("utf-8",),
}


class MainTextExtractor(HTMLParser):
    """Collects the paragraphs of an HTML page's main text, and its title and meta fields."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[Paragraph] = []
        self.metadata: dict[str, str] = {}
        self._stack: list[tuple[str, bool]] = []  # (tag, is furniture by its attributes)
        self._buffer: list[str] = []
        self._level = 0
        self._title: list[str] | None = None

    # -- structure ------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: (value or "") for key, value in attrs}
        if tag == "meta":
            self._read_meta(attributes)
        if tag == "html" and attributes.get("lang"):
            self.metadata.setdefault("language", attributes["lang"])
        if tag in BLOCK_ELEMENTS:
            self._flush()
        if tag in HEADING_LEVELS:
            self._level = HEADING_LEVELS[tag]
        if tag == "title" and "title" not in self.metadata:
            self._title = []
        if tag == "body":
            # Pages that never close <head> would otherwise lose their whole body.
            self._stack = [entry for entry in self._stack if entry[0] != "head"]
        if tag not in VOID_ELEMENTS:
            hidden = ("hidden" in attributes or attributes.get("aria-hidden") == "true"
                      or attributes.get("role", "") in NOISE_ROLES
                      or bool(re.search(r"display\s*:\s*none", attributes.get("style", ""))))
            self._stack.append((tag, hidden))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_ELEMENTS:
            self._flush()
        if tag == "title" and self._title is not None:
            title = collapse_whitespace("".join(self._title))
            if title:
                self.metadata["title"] = title
            self._title = None
        if tag in HEADING_LEVELS:
            self._level = 0
        # Close the innermost open element of this name and everything left open inside it.
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
            return
        if self._in_furniture():
            return
        if any(tag == "pre" for tag, _ in self._stack):
            # Preformatted text keeps its line breaks: each line is a paragraph.
            lines = data.split("\n")
            for line in lines[:-1]:
                self._buffer.append(line)
                self._flush()
            self._buffer.append(lines[-1])
            return
        self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    # -- helpers --------------------------------------------------------------------------------

    def _in_furniture(self) -> bool:
        inside_content = False
        for tag, hidden in self._stack:
            if hidden or tag in NOISE_ELEMENTS:
                return True
            if tag in CONTENT_ELEMENTS:
                inside_content = True
            elif tag in PAGE_FRAME_ELEMENTS and not inside_content:
                return True
        return False

    def _flush(self) -> None:
        text = collapse_whitespace("".join(self._buffer))
        self._buffer.clear()
        if text:
            self.paragraphs.append(Paragraph(text, self._level))

    def _read_meta(self, attributes: dict[str, str]) -> None:
        name = attributes.get("name", "").lower()
        content = collapse_whitespace(attributes.get("content", ""))
        if name in META_FIELDS and content:
            self.metadata.setdefault(name, content)


def declared_charset(data: bytes) -> str | None:
    """The charset label a page declares in a ``<meta>`` near its start, lower-cased, or None."""
    m = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    return m.group(1).decode("ascii").lower() if m else None


def decode_html(data: bytes, name: str) -> tuple[str, str, str]:
    """Decode a page: BOM, then its declared charset, then ``decode_text``'s detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, name)
    label = declared_charset(data)
    if label is not None:
        for codec in _CHARSET_CODECS.get(label, (label,)):
            try:
                text = data.decode(codec)
            except (LookupError, UnicodeDecodeError):
                continue  # unknown label, or a page that lies about its charset: detect instead
            if text.strip():
                return text, codecs.lookup(codec).name, "strict"
    return decode_text(data, name)


def read_html(data: bytes, name: str) -> ImportedDocument:
    """Import an HTML page: its main text as paragraphs (h1..h6 as heading levels 1..6)."""
    text, encoding, detected_by = decode_html(data, name)
    extractor = MainTextExtractor()
    extractor.feed(text)
    extractor.close()
    require_text(extractor.paragraphs, name,
                 "the page's text may be loaded by JavaScript; save the rendered page or copy its text")
    return ImportedDocument(
        paragraphs=extractor.paragraphs,
        metadata=extractor.metadata,
        encoding=encoding,
        format="html",
        detected_by=detected_by,
    )
