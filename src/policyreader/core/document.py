"""Documents as the rest of the app sees them: paragraphs (segments) with offsets, and an outline.

A source file is split into paragraphs: every non-empty line is one paragraph. Markdown heading
markers (``#``, ``##``) are stripped and remembered as the paragraph's heading level. A leading
provenance header (lines starting with ``# KEY:`` and closed by ``# ----``) becomes metadata.

The *side text* of a document is its paragraphs joined by a single newline; every offset the CLI or
the annotation layer exposes is a code-point offset into that text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_HEADER_LINE = re.compile(r"^#\s*([A-Z][A-Z /]+):\s*(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")

CN_NUM = "〇零一二三四五六七八九十百千两"
_CHAPTER = re.compile(rf"^第([{CN_NUM}\d]+)章")
_SECTION = re.compile(rf"^第([{CN_NUM}\d]+)节")
_ARTICLE = re.compile(rf"^第([{CN_NUM}\d]+)条")
_ITEM = re.compile(rf"^[（(]([{CN_NUM}]+)[)）]")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document side, with its heading level (0 for body text)."""

    text: str
    level: int = 0


@dataclass
class ParsedSource:
    """A source text split into provenance metadata and paragraphs."""

    metadata: dict[str, str] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)


def split_header(text: str) -> tuple[dict[str, str], list[str]]:
    """The provenance header (``# KEY: value`` lines up to ``# ----``) as metadata, and the other lines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    metadata: dict[str, str] = {}
    start = 0
    if lines and _HEADER_LINE.match(lines[0]):
        for i, line in enumerate(lines):
            if line.strip() == "# ----":
                start = i + 1
                break
            m = _HEADER_LINE.match(line)
            if m is None:
                break
            metadata[m.group(1).strip().lower()] = m.group(2).strip()
        else:
            start = len(lines)
    return metadata, lines[start:]


#: where a line starts a new unit even inside a wrapped block: headings, articles, chapters, items, bullets
_STRUCTURE = re.compile(rf"^(?:#|第[{CN_NUM}\d]+[章节条款编]|[（(][{CN_NUM}\d]+[)）]|\d+[.、)]\s|"
                        r"(?:Article|Chapter|Section|Part)\s+[\dIVXLC]+\b|[-*•·]\s)")
_CLOSERS = "”’」』）)】》\"'"


def _line_ends_unit(line: str) -> bool:
    """A line that ends a sentence (or a heading-like line with no full stop at all is judged by its
    length elsewhere): Chinese or Latin sentence-final punctuation, closing quotes allowed."""
    core = line.rstrip().rstrip(_CLOSERS)
    return bool(core) and core[-1] in "。；！？：.;!?:"


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def unwrap_lines(lines: list[str]) -> list[str]:
    """Lines of a plain-text file as paragraphs, undoing hard line wrapping.

    Files whose paragraphs are separated by blank lines and whose lines break mid-sentence (text wrapped
    at a fixed width by an editor, an e-mail or pdftotext) get each blank-line block joined into one
    paragraph, except where a line starts a heading, an article or an item. Other files keep one
    paragraph per line — laws put one article or item per line — joining only a line that clearly
    continues the one before (the first ends no sentence and the next begins with a lower-case letter).
    """
    blocks: list[list[str]] = [[]]
    for raw in lines:
        line = raw.strip().lstrip("\ufeff")
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    breaks = [(a, b) for block in blocks for a, b in zip(block, block[1:], strict=False)]
    # a wrapped line is about as long as the others; a short one ("Reply from … · 22 points") is a line of
    # its own even when the next begins in lower case
    lengths = sorted(len(line) for block in blocks for line in block)
    typical = lengths[(len(lengths) * 9) // 10] if lengths else 0  # the width text was wrapped at, if it was
    mid = sum(1 for a, b in breaks if not _line_ends_unit(a) and not _STRUCTURE.match(b))
    wrapped = len(blocks) > 1 and mid >= 3 and mid >= 0.5 * len(breaks)
    out: list[str] = []
    for block in blocks:
        para = block[0]
        for line in block[1:]:
            joins = not _STRUCTURE.match(line) and not para.startswith("#") and (
                wrapped or (not _line_ends_unit(para) and _is_latin(line[0]) and line[0].islower()
                            and len(para) >= 0.8 * typical))
            if joins:
                latin = _is_latin(para[-1]) or para[-1] in ",;:)\"'" or _is_latin(line[0])
                para = para[:-1] + line if para.endswith("-") and _is_latin(line[0]) else \
                    para + (" " if latin else "") + line
            else:
                out.append(para)
                para = line
        out.append(para)
    return out


def parse_source(text: str, unwrap: bool = False) -> ParsedSource:
    """Split *text* into its provenance header (if any) and its paragraphs, one per line (or, with
    *unwrap*, one per wrapped paragraph: see :func:`unwrap_lines`)."""
    metadata, lines = split_header(text)
    if unwrap:
        lines = unwrap_lines(lines)
    paragraphs: list[Paragraph] = []
    for line in lines:
        stripped = line.strip().lstrip("\ufeff")
        if not stripped:
            continue
        level = 0
        m = _HEADING.match(stripped)
        if m:
            level = len(m.group(1))
            stripped = m.group(2).strip()
        stripped = re.sub(r"[ \t\u3000]{2,}", " ", stripped)
        if stripped:
            paragraphs.append(Paragraph(stripped, level))
    return ParsedSource(metadata, paragraphs)


def join_side(texts: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join segment texts with single newlines; return the text and each segment's (start, end)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for t in texts:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 1
    return "\n".join(texts), spans


@dataclass(frozen=True)
class OutlineItem:
    """A navigation target: a chapter, section, article or numbered item."""

    kind: str  # "title" | "chapter" | "section" | "article" | "item"
    label: str
    segment_index: int
    depth: int


def outline_kind(text: str, level: int = 0) -> str | None:
    """Classify a paragraph for the outline, or return None for plain body text."""
    if _CHAPTER.match(text):
        return "chapter"
    if _SECTION.match(text):
        return "section"
    if _ARTICLE.match(text):
        return "article"
    if _ITEM.match(text):
        return "item"
    if level == 1:
        return "title"
    return None


_DEPTH = {"title": 0, "chapter": 0, "section": 1, "article": 1, "item": 2}


def build_outline(paragraphs: list[str], levels: list[int] | None = None) -> list[OutlineItem]:
    """Build a chapter / section / article / item outline from a document's Chinese paragraphs."""
    items: list[OutlineItem] = []
    in_section = False
    for i, text in enumerate(paragraphs):
        kind = outline_kind(text, levels[i] if levels else 0)
        if kind is None:
            continue
        if kind == "chapter":
            in_section = False
        if kind == "section":
            in_section = True
        depth = _DEPTH[kind] + (1 if in_section and kind in ("article", "item") else 0)
        if kind == "article":
            label = _ARTICLE.match(text).group(0)  # type: ignore[union-attr]
            rest = text[len(label):].strip()
            label = f"{label} {rest[:14]}…" if len(rest) > 14 else f"{label} {rest}"
        else:
            label = text if len(text) <= 24 else text[:24] + "…"
        items.append(OutlineItem(kind, label, i, depth))
    return items


def chinese_numeral_to_int(text: str) -> int | None:
    """Convert a Chinese numeral such as 十二 or 一百零五 (or ASCII digits) to an int."""
    if text.isdigit():
        return int(text)
    digits = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
    units = {"十": 10, "百": 100, "千": 1000}
    total, current = 0, 0
    if not text:
        return None
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            return None
    return total + current


def article_number(text: str) -> int | None:
    """Return the article number of a paragraph that starts with 第X条, else None."""
    m = _ARTICLE.match(text)
    return chinese_numeral_to_int(m.group(1)) if m else None


def article_label(text: str) -> str:
    """The article marker a paragraph starts with (``第十二条``), or ""."""
    m = _ARTICLE.match(text)
    return m.group(0) if m else ""


def word_at(text: str, ends: Sequence[int], offset: int) -> tuple[int, int]:
    """The segmented word of *text* that holds *offset*, as [start, end), from the cached token end offsets
    (jieba's words with glossary terms kept whole): what a double-click selects and a lookup looks up."""
    i = bisect.bisect_right(ends, offset)
    if not ends or i >= len(ends) or not (0 <= offset < len(text)):
        return offset, offset
    start, end = (ends[i - 1] if i else 0), ends[i]
    while start < end and text[start].isspace():  # a line break between two segments' paragraphs
        start += 1
    return start, end


_PUNCT = set("，。、；：！？（）《》“”‘’…—·")


def next_word(text: str, ends: Sequence[int], offset: int, forward: bool) -> int | None:
    """Where the next (or previous) word after the one at *offset* starts; None past either end.
    Punctuation and line breaks are stepped over, as in Pleco."""
    def is_word(a: int, b: int) -> bool:
        piece = text[a:b].strip()
        return a < b and bool(piece) and not set(piece) <= _PUNCT

    start, end = word_at(text, ends, offset)
    if forward:
        pos = max(end, offset + 1)
        while pos < len(text):
            a, b = word_at(text, ends, pos)
            if is_word(a, b):
                return a
            pos = max(b, pos + 1)
        return None
    pos = min(start, offset)
    while pos > 0:
        a, b = word_at(text, ends, pos - 1)
        if is_word(a, b):
            return a
        pos = a if a < pos else pos - 1
    return None
