"""Aligned documents out of the library: a TMX 1.4b translation memory, the English as plain text, and a
two-column bilingual Word table — what translators otherwise copy by hand.

The caller (a service) hands over :class:`AlignedExport`: the documents with their segments, each
segment with the article it belongs to. TMX (``srclang`` zh-CN, target ``en``) has one ``<tu>`` per
aligned segment, with the document id and the article as ``<prop type="x-document">`` and ``<prop
type="x-article">``; segments without English are left out. The plain text has the English paragraphs
of the translated segments, a blank line between paragraphs (the layout CAT tools read as paragraphs)
and a ``----`` line between documents. The Word file has, per document, its titles as a heading and a
table: Chinese on the left, English on the right, every segment in order (English empty where there is
none).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SOURCE_LANG = "zh-CN"
TARGET_LANG = "en"
_XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class ExportSegment:
    """One aligned segment: its id in the document, both texts, and the article (第十二条) it belongs to."""

    idx: int
    zh: str
    en: str
    article: str = ""


@dataclass(frozen=True)
class ExportDocument:
    id: str
    title: str
    title_en: str
    segments: list[ExportSegment] = field(default_factory=list)


@dataclass(frozen=True)
class AlignedExport:
    """What a document export writes: the documents, and who made it when (``20250101T120000Z``)."""

    documents: list[ExportDocument]
    tool_version: str
    created: str

    @property
    def translated(self) -> int:
        return sum(1 for d in self.documents for s in d.segments if s.en.strip())


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text:
        el.text = _clean(text)
    return el


def render_tmx(export: AlignedExport) -> bytes:
    """TMX 1.4b, UTF-8 (see the module docstring)."""
    root = ET.Element("tmx", {"version": "1.4"})
    _sub(root, "header", creationtool="PolicyReader", creationtoolversion=export.tool_version,
         datatype="plaintext", segtype="paragraph", adminlang="en", srclang=SOURCE_LANG, **{"o-tmf": "PolicyReader"},
         creationdate=export.created)
    body = _sub(root, "body")
    for doc in export.documents:
        for s in doc.segments:
            if not (s.en.strip() and s.zh.strip()):
                continue
            tu = _sub(body, "tu", tuid=f"{doc.id}:{s.idx}", srclang=SOURCE_LANG)
            _sub(tu, "prop", doc.id, type="x-document")
            if s.article:
                _sub(tu, "prop", s.article, type="x-article")
            for lang, text in ((SOURCE_LANG, s.zh), (TARGET_LANG, s.en)):
                _sub(_sub(tu, "tuv", **{XML_LANG: lang}), "seg", text)
    ET.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


def render_english_text(export: AlignedExport) -> bytes:
    """The English of every translated segment, a blank line between paragraphs, UTF-8."""
    parts = []
    for doc in export.documents:
        paragraphs = [p.strip() for s in doc.segments for p in s.en.split("\n") if p.strip()]
        parts.append("\n\n".join(paragraphs))
    return ("\n\n----\n\n".join(p for p in parts if p) + "\n").encode("utf-8")


def write_bilingual_docx(export: AlignedExport, path: Path) -> None:
    """A Word document with one two-column table (Chinese | English) per document."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.title = export.documents[0].title if len(export.documents) == 1 else "PolicyReader"
    for n, doc in enumerate(export.documents):
        if n:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(_clean(doc.title), level=1)
        if doc.title_en:
            document.add_paragraph(_clean(doc.title_en))
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "中文", "English"
        for cell in table.rows[0].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for s in doc.segments:
            zh_cell, en_cell = table.add_row().cells
            zh_cell.text = _clean(s.zh)
            en_cell.text = _clean(s.en)
            for run in zh_cell.paragraphs[0].runs:
                run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "SimSun")
    document.save(str(path))
