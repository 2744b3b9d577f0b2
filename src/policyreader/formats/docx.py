"""Word .docx files: body paragraphs and table cells in document order, heading levels, core title.

This module owns how a Word document maps onto paragraphs: each body paragraph (split at manual
line breaks) is one paragraph; each table cell is one paragraph, where the table stands in the body;
a paragraph's heading level comes from its style ("Heading N" / "标题 N", "Title") or, failing
that, its outline level. Page headers, footers, comments and footnotes are not document text.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

import docx
from docx.opc.exceptions import OpcError
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from .base import ImportedDocument, ImportFailure, make_paragraphs, require_text
from .inflate import check_zip

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = frozenset({"title", "标题"})
CORE_PROPERTIES = ("title", "author", "subject", "keywords", "category", "comments", "language",
                   "created", "modified")
# What python-docx and the zip/XML layers raise for a damaged or non-Word file.
_BROKEN_FILE_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, OpcError,
                       etree.XMLSyntaxError)


def heading_level(paragraph: DocxParagraph) -> int:
    """Heading level of a Word paragraph: 1.. for headings and the title, 0 for body text."""
    style = paragraph.style
    name = (style.name or "").strip() if style is not None else ""
    m = _HEADING_STYLE.match(name)
    if m:
        return int(m.group(1))
    if name.lower() in _TITLE_STYLES:
        return 1
    # Localised or custom heading styles still carry an outline level (0 = level 1; 9 = body text).
    levels: list[str] = []
    ppr = paragraph._p.pPr
    if ppr is not None:
        levels = ppr.xpath("./w:outlineLvl/@w:val")
    while not levels and style is not None:
        levels = style.element.xpath("./w:pPr/w:outlineLvl/@w:val")
        style = style.base_style
    if levels and levels[0].isdigit() and int(levels[0]) < 9:
        return int(levels[0]) + 1
    return 0


def _cell_items(cell: _Cell, seen: set[Any]) -> Iterator[tuple[str, int]]:
    """A cell as one paragraph (its own paragraphs joined by a space), then any nested tables."""
    texts: list[str] = []
    nested: list[Table] = []
    for block in cell.iter_inner_content():
        if isinstance(block, Table):
            nested.append(block)
        else:
            texts.append(block.text.replace("\n", " "))
    yield " ".join(t for t in texts if t.strip()), 0
    for table in nested:
        yield from _table_items(table, seen)


def _table_items(table: Table, seen: set[Any]) -> Iterator[tuple[str, int]]:
    for row in table.rows:
        for cell in row.cells:
            # A merged cell is returned once per grid column (and per row it spans): read it once.
            # The set holds the XML elements themselves: lxml reuses a live proxy for the same node,
            # whereas id() of a dropped proxy can be recycled.
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            yield from _cell_items(cell, seen)


def body_items(document: Any) -> Iterator[tuple[str, int]]:
    """(text, heading level) for each body paragraph and table cell, in document order."""
    seen: set[Any] = set()
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_items(block, seen)
        else:
            yield block.text, heading_level(block)


def core_metadata(document: Any) -> dict[str, str]:
    """The document's core properties (title, author, …) that are set, as strings."""
    metadata: dict[str, str] = {}
    properties = document.core_properties
    for field in CORE_PROPERTIES:
        value = getattr(properties, field, None)
        if value is None:
            continue
        text = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
        if text:
            metadata[field] = text
    return metadata


def read_docx(data: bytes, name: str) -> ImportedDocument:
    """Import a .docx file; a damaged or non-Word file raises ImportFailure naming the file."""
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ImportFailure(
            "this is an old binary Word (.doc) file, not .docx; open it in Word or LibreOffice and "
            "save it as .docx", name)
    check_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        items = list(body_items(document))
        metadata = core_metadata(document)
    except _BROKEN_FILE_ERRORS as exc:
        raise ImportFailure(
            f"not a readable .docx file: the Word package is damaged or truncated ({exc}); "
            "open it in Word or LibreOffice and save it again as .docx", name) from None
    paragraphs = make_paragraphs(items)
    require_text(paragraphs, name, "the document has no text in its body (text boxes are not read)")
    return ImportedDocument(paragraphs=paragraphs, metadata=metadata, encoding=None, format="docx")
