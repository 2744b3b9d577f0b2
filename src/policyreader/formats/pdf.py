"""PDF files: text lines from pdfminer.six's layout analysis, re-joined into the author's paragraphs.

A PDF has no paragraphs, only positioned lines, and Chinese text is broken wherever the line was full,
often mid-word. This module owns turning those lines back into paragraphs:

* a line that is just a page number at the top or bottom of its page ("- 3 -", "第3页", "3/12") is
  dropped;
* a line break is removed (the next line continues the paragraph) when the line ran up to the right
  margin, does not end with sentence-final punctuation (。；！？：) and the next line does not start a
  new structural unit (第X章/节/条, （一）, 一、) or a new indented paragraph;
* lines set larger than the body text are headings, the largest size being level 1;
* CJK radical code points (U+2E80–U+2FDF), which PDF producers often emit in place of the ideograph
  with the same glyph (⽤ for 用, ⻔ for 门), are mapped back to the unified ideographs.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import struct
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar, LTContainer, LTPage, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSException, PSLiteral
from pdfminer.utils import decode_text

from policyreader.core.document import Paragraph

from .base import (
    STRUCTURAL_START,
    ImportedDocument,
    ImportFailure,
    check_length,
    ends_sentence,
    is_cjk,
    join_broken_line,
)
from .inflate import check_pdf_streams

# A line made of nothing but a page number: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 12 页", "3 / 12",
# "Page 3 of 12".
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—－]\s*)?(?:第\s*)?[0-9０-９]+\s*(?:页)?(?:\s*[-–—－])?\s*$"
    r"|^\s*第\s*[0-9]+\s*页\s*[,，]?\s*共\s*[0-9]+\s*页\s*$"
    r"|^\s*[0-9]+\s*/\s*[0-9]+\s*$"
    r"|^\s*page\s+[0-9]+(?:\s+of\s+[0-9]+)?\s*$",
    re.IGNORECASE,
)
# A full line ends within this many character widths of the right margin (line breaking keeps
# punctuation off the start of a line, so a wrapped line can stop a character or two short).
FULL_LINE_SLACK = 2.5
# A line starting this many character widths right of the left margin begins an indented paragraph.
INDENT_CHARS = 1.5
# Text this much larger than the body text is a heading.
HEADING_RATIO = 1.08
INFO_FIELDS = {"Title": "title", "Author": "author", "Subject": "subject", "Keywords": "keywords"}

# CJK Radicals Supplement → unified ideograph, from Unicode's EquivalentUnifiedIdeograph.txt (UCD 14.0,
# U+2E81..U+2EF3; © Unicode, Inc., Unicode License). Kangxi radicals (U+2F00..U+2FD5) are mapped by NFKC.
_RADICAL_SUPPLEMENT = (
    "2E81 5382 2E82 4E5B 2E83 4E5A 2E84 4E59 2E85 4EBB 2E86 5182 2E87 20628 2E88 5200 2E89 5202 "
    "2E8A 535C 2E8B 353E 2E8C 5C0F 2E8D 5C0F 2E8E 5140 2E8F 5C23 2E90 5C22 2E91 21BC2 2E92 5DF3 "
    "2E93 5E7A 2E94 5F51 2E95 5F50 2E96 5FC4 2E97 5FC3 2E98 624C 2E99 6535 2E9B 65E1 2E9C 65E5 "
    "2E9D 6708 2E9E 6B7A 2E9F 6BCD 2EA0 6C11 2EA1 6C35 2EA2 6C3A 2EA3 706C 2EA4 722B 2EA5 722B "
    "2EA6 4E2C 2EA7 725B 2EA8 72AD 2EA9 738B 2EAA 24D14 2EAB 76EE 2EAC 793A 2EAD 793B 2EAE 25AD7 "
    "2EAF 7CF9 2EB0 7E9F 2EB1 7F53 2EB2 7F52 2EB3 34C1 2EB4 5197 2EB5 2626B 2EB6 7F8A 2EB7 2634C "
    "2EB8 2634B 2EB9 8002 2EBA 8080 2EBB 807F 2EBC 8089 2EBD 26951 2EBE 8279 2EBF 8279 2EC0 8279 "
    "2EC1 864E 2EC2 8864 2EC3 8980 2EC4 897F 2EC5 89C1 2EC6 89D2 2EC7 278B2 2EC8 8BA0 2EC9 8D1D "
    "2ECA 27FB7 2ECB 8F66 2ECC 8FB6 2ECD 8FB6 2ECE 8FB6 2ECF 9091 2ED0 9485 2ED1 9577 2ED2 9578 "
    "2ED3 957F 2ED4 95E8 2ED5 28E0F 2ED6 961D 2ED7 96E8 2ED8 9752 2ED9 97E6 2EDA 9875 2EDB 98CE "
    "2EDC 98DE 2EDD 98DF 2EDE 2967F 2EDF 98E0 2EE0 9963 2EE1 29810 2EE2 9A6C 2EE3 9AA8 2EE4 9B3C "
    "2EE5 9C7C 2EE6 9E1F 2EE7 5364 2EE8 9EA6 2EE9 9EC4 2EEA 9EFE 2EEB 6589 2EEC 9F50 2EED 6B6F "
    "2EEE 9F7F 2EEF 7ADC 2EF0 9F99 2EF1 9F9C 2EF2 4E80 2EF3 9F9F"
)
_codes = _RADICAL_SUPPLEMENT.split()
RADICAL_TO_IDEOGRAPH: dict[int, str] = {
    int(_codes[i], 16): chr(int(_codes[i + 1], 16)) for i in range(0, len(_codes), 2)}
RADICAL_TO_IDEOGRAPH.update(
    {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)})
del _codes

# pdfminer reports what it works around in a damaged file as log warnings, which Python would print on
# stderr before our own one-line error (or above a successful import). They are not for the user.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())
logging.getLogger("pdfminer").propagate = False

# What pdfminer.six raises, besides its own exceptions, on a damaged file.
_DAMAGED_FILE_ERRORS = (PSException, ValueError, KeyError, TypeError, IndexError, AttributeError,
                        struct.error, zlib.error, RecursionError)


@dataclass
class TextLine:
    """One line of text on a page, with the geometry the paragraph rules need."""

    text: str
    page: int
    x0: float
    x1: float
    y0: float
    y1: float
    size: float  # median character size
    char_width: float  # median character advance
    level: int = 0


def normalize_line(text: str) -> str:
    """Map radical code points to ideographs; tabs and space runs to one space; drop line ends."""
    text = text.translate(RADICAL_TO_IDEOGRAPH).replace("\n", "")
    text = re.sub(r"[ \t\u00a0\u3000]+", " ", text).strip()
    # Letter-spaced (justified) Chinese comes out as "第 一 条 为 了": when spaces sit between most
    # CJK characters of the line, they are layout, not text.
    gaps = re.findall(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", text)
    cjk_count = sum(1 for ch in text if is_cjk(ch))
    if len(gaps) >= 3 and len(gaps) * 2 >= cjk_count:
        text = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)
    return text


def _text_lines(layout: Any) -> Iterator[Any]:
    if isinstance(layout, LTTextLine):
        yield layout
    elif isinstance(layout, LTContainer):
        for child in layout:
            yield from _text_lines(child)


def _page_lines(layout: LTPage, page: int) -> list[TextLine]:
    lines: list[TextLine] = []
    for line in _text_lines(layout):
        text = normalize_line(line.get_text())
        chars = [c for c in line if isinstance(c, LTChar)]
        if not text or not chars:
            continue
        lines.append(TextLine(
            text=text, page=page, x0=line.x0, x1=line.x1, y0=line.y0, y1=line.y1,
            size=statistics.median(c.size for c in chars),
            char_width=statistics.median(c.width for c in chars)))
    return lines


def drop_page_numbers(lines: list[TextLine]) -> list[TextLine]:
    """Drop the lines that are only a page number and sit at the very top or bottom of their page."""
    pages: dict[int, list[TextLine]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    dropped: set[int] = set()
    for page_lines in pages.values():
        top = max(page_lines, key=lambda ln: ln.y1)
        bottom = min(page_lines, key=lambda ln: ln.y0)
        for edge in (top, bottom):
            if PAGE_NUMBER.match(edge.text):
                dropped.add(id(edge))
    return [line for line in lines if id(line) not in dropped]


def assign_heading_levels(lines: list[TextLine]) -> None:
    """Set ``level`` on lines set larger than the body text (the most common size): 1 = largest."""
    if not lines:
        return
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    body = weights.most_common(1)[0][0]
    heading_sizes = sorted({s for s in weights if s > body * HEADING_RATIO}, reverse=True)
    levels = {size: min(i + 1, 6) for i, size in enumerate(heading_sizes)}
    for line in lines:
        line.level = levels.get(round(line.size * 2) / 2, 0)


def _body_geometry(lines: list[TextLine]) -> tuple[dict[int, float], float, float]:
    """Right margin per page, left margin, and the body text's character width."""
    body = [line for line in lines if line.level == 0] or lines
    char_width = statistics.median(line.char_width for line in body)
    left = min(line.x0 for line in body)
    document_right = max(line.x1 for line in body)
    right: dict[int, float] = {}
    for line in body:
        right[line.page] = max(right.get(line.page, 0.0), line.x1)
    # A page with a single short line (the end of the document) says nothing about the margin.
    for page in right:
        if sum(1 for line in body if line.page == page) < 3:
            right[page] = document_right
    return right, left, char_width


def continues_paragraph(before: TextLine, after: TextLine, paragraph_text: str,
                        right: dict[int, float], left: float, char_width: float) -> bool:
    """True if the break between *before* and *after* is a line wrap inside one paragraph."""
    if before.level != after.level:
        return False
    if ends_sentence(paragraph_text) or STRUCTURAL_START.match(after.text):
        return False
    if before.x1 < right.get(before.page, before.x1) - FULL_LINE_SLACK * char_width:
        return False  # the line stopped short of the margin: its author ended it there
    if after.level == 0 and after.x0 > left + INDENT_CHARS * char_width:
        return False  # first-line indent of a new paragraph
    return True


def join_lines(lines: list[TextLine]) -> list[Paragraph]:
    """Re-join wrapped lines into paragraphs (see the module docstring for the rules)."""
    if not lines:
        return []
    right, left, char_width = _body_geometry(lines)
    paragraphs: list[Paragraph] = []
    text, level = lines[0].text, lines[0].level
    for before, after in zip(lines, lines[1:], strict=False):
        if continues_paragraph(before, after, text, right, left, char_width):
            text = join_broken_line(text, after.text)
        else:
            paragraphs.append(Paragraph(text, level))
            text, level = after.text, after.level
    paragraphs.append(Paragraph(text, level))
    return paragraphs


def _info_metadata(document: PDFDocument) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for info in document.info:
        for key, field in INFO_FIELDS.items():
            value = resolve1(info.get(key))
            if isinstance(value, bytes):
                text = decode_text(value)
            elif isinstance(value, PSLiteral):
                text = str(value.name)
            elif isinstance(value, str):
                text = value
            else:
                continue
            text = text.replace("\x00", "").strip()
            if text:
                metadata.setdefault(field, text)
    return metadata


def _read_lines(data: bytes, name: str) -> tuple[list[TextLine], dict[str, str]]:
    page_number = 0
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        metadata = _info_metadata(document)
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams(all_texts=True))
        interpreter = PDFPageInterpreter(manager, device)
        lines: list[TextLine] = []
        chars = 0
        for page_number, page in enumerate(PDFPage.create_pages(document), start=1):
            interpreter.process_page(page)
            page_lines = _page_lines(device.get_result(), page_number)
            lines.extend(page_lines)
            chars += sum(len(line.text) for line in page_lines)
            check_length(chars, name)  # page by page: a huge PDF is refused before all of it is laid out
    except PDFPasswordIncorrect:
        raise ImportFailure(
            "the PDF is password-protected; open it with its password, save or print an unprotected "
            "copy, and import that", name) from None
    except PDFEncryptionError as exc:
        raise ImportFailure(
            f"the PDF is encrypted with a method that cannot be read ({exc}); save an unencrypted copy "
            "and import that", name) from None
    except _DAMAGED_FILE_ERRORS as exc:
        where = f"page {page_number}" if page_number else ""
        raise ImportFailure(
            f"not a readable PDF: the file is damaged or truncated ({type(exc).__name__}: {exc}); "
            "download it again or re-save it from a PDF viewer", name, where) from None
    return lines, metadata


def read_pdf(data: bytes, name: str) -> ImportedDocument:
    """Import a PDF's text layer; scanned (image-only), encrypted or damaged PDFs raise ImportFailure."""
    if b"%PDF-" not in data[:1024]:
        raise ImportFailure(
            "not a PDF file (no %PDF- header); check that the file is really a PDF", name, "byte 0")
    check_pdf_streams(data, name)
    lines, metadata = _read_lines(data, name)
    lines = drop_page_numbers(lines)
    assign_heading_levels(lines)
    paragraphs = join_lines(lines)
    if not paragraphs:
        raise ImportFailure(
            "the PDF has no text layer (it is probably scanned images); run OCR on it "
            "(for example with ocrmypdf) and import the result", name)
    return ImportedDocument(paragraphs=paragraphs, metadata=metadata, encoding=None, format="pdf")
