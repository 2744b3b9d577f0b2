"""What every importer returns and raises, and the text clean-up the importers share.

An importer turns the bytes of one file into an :class:`ImportedDocument` (paragraphs in the shape
``policyreader.core.document`` uses, plus provenance metadata) or raises :class:`ImportFailure`, a
user-facing error that names the file, the place in it and what to do. This module also owns the
character classes the importers agree on (what counts as a CJK character, where a sentence ends) and
the whitespace rule used when a format's own line breaks must be folded into one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policyreader.core.document import Paragraph
from policyreader.core.errors import UserError, one_line

MAX_BYTES = 50 * 1024 * 1024
"""The largest file read (a PDF or .docx with pictures is much larger than its text)."""
MAX_CHARS = 2_000_000
"""The most text one document (or its translation) may hold: about 6 MB of Chinese in UTF-8, twenty times
the Civil Code. Importing that much takes up to a minute here and stays under 1 GB of memory; the cost
grows with the text, so the limit is on the text, whatever the file's size or format."""


@dataclass
class ImportedDocument:
    """One imported file: its paragraphs, provenance metadata and how it was read.

    ``translation`` is only set by formats that carry a translation (TMX): one English paragraph per
    paragraph, ``""`` where there is none. ``encoding`` and ``detected_by`` are only meaningful for
    formats read as text (txt, md, html); ``detected_by`` is ``"charset-normalizer"`` when no strict
    decoding fitted and the statistical detector chose the encoding.
    """

    paragraphs: list[Paragraph]
    metadata: dict[str, str]
    encoding: str | None
    format: str
    translation: list[str] | None = None
    detected_by: str = "strict"


class ImportFailure(UserError):
    """A file that cannot be imported, with a message fit to show the user.

    ``str(exc)`` reads ``PATH: WHERE: MESSAGE`` with empty parts left out, e.g.
    ``report.tmx: line 12, column 5: malformed XML: ...``.
    """

    def __init__(self, message: str, path: str = "", where: str = "") -> None:
        super().__init__(message, path, where)
        self.message = message
        self.path = path
        self.where = where

    def __str__(self) -> str:
        # one line, even when a parser's message (lxml's, say) carries a line break
        return one_line(": ".join(part for part in (self.path, self.where, self.message) if part))


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph, CJK/fullwidth punctuation or a kana/bopomofo character."""
    cp = ord(ch)
    return (
        0x3000 <= cp <= 0x30FF  # CJK symbols and punctuation, kana
        or 0x3100 <= cp <= 0x312F  # bopomofo
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0x4E00 <= cp <= 0x9FFF  # unified ideographs
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= cp <= 0xFE4F  # CJK compatibility forms
        or 0xFF00 <= cp <= 0xFFEF  # fullwidth forms (，：；！？（）)
        or 0x20000 <= cp <= 0x3FFFF  # extensions B and later
    )


# Punctuation that ends a sentence or clause, for deciding whether a broken line continues: a line
# ending in one of these is taken to end where its author ended it. The ASCII forms count only after
# a CJK character (Chinese text typed with ASCII punctuation); after Latin text "." ends too many lines.
SENTENCE_END = "。；！？："
ASCII_SENTENCE_END = ".;!?:"
# Closing quotes/brackets that may follow a sentence end ("……。”").
CLOSERS = "”’」』）)】》"

_STRUCTURE_NUM = "〇零一二三四五六七八九十百千两0-9０-９"
# A line that starts a new structural unit of a Chinese legal/policy text: 第X编/章/节/条 followed by
# a space or the end of the line (so a wrapped cross-reference such as "第三十条规定的" does not
# count), or a numbered item （一） / (一) / 一、 / 1. / 1、.
STRUCTURAL_START = re.compile(
    rf"^(第[{_STRUCTURE_NUM}]+[编章节条部](\s|$)"
    rf"|[（(][{_STRUCTURE_NUM}]+[)）]"
    rf"|[{_STRUCTURE_NUM}]+[、．]"
    r"|[0-9]+\.(?!\d))"
)


def ends_sentence(text: str) -> bool:
    """True if *text* ends with sentence-final punctuation (possibly followed by closing quotes)."""
    stripped = text.rstrip().rstrip(CLOSERS)
    if not stripped:
        return False
    if stripped[-1] in SENTENCE_END:
        return True
    return stripped[-1] in ASCII_SENTENCE_END and len(stripped) > 1 and is_cjk(stripped[-2])


def join_broken_line(before: str, after: str) -> str:
    """Join two pieces of one paragraph that a line break separated.

    No space is inserted when either side of the break is CJK (Chinese has no spaces between
    words) or after a hyphen; Latin words are kept apart by one space.
    """
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return before + after
    if before.endswith("-") or is_cjk(before[-1]) or is_cjk(after[0]):
        return before + after
    return before + " " + after


_WHITESPACE_RUN = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")


def collapse_whitespace(text: str) -> str:
    """Fold a run of text (which may contain line breaks) into one paragraph line.

    A whitespace run that contains a line break and sits next to a CJK character is dropped (source
    wrapping in HTML, XML or PDF must not put spaces inside Chinese words); any other run becomes a
    single space. Leading and trailing whitespace is removed.
    """

    def replace(m: re.Match[str]) -> str:
        run = m.group(0)
        start, end = m.start(), m.end()
        if "\n" in run or "\r" in run:
            before = text[start - 1] if start > 0 else ""
            after = text[end] if end < len(text) else ""
            if (before and is_cjk(before)) or (after and is_cjk(after)):
                return ""
        return " "

    return _WHITESPACE_RUN.sub(replace, text).strip()


def make_paragraphs(items: list[tuple[str, int]]) -> list[Paragraph]:
    """Turn ``(text, level)`` pairs into paragraphs, splitting on newlines and dropping empty ones.

    Each line becomes its own paragraph (as in ``parse_source``), so a paragraph never contains a
    newline and the side text of the document stays one paragraph per line.
    """
    paragraphs: list[Paragraph] = []
    for text, level in items:
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            cleaned = collapse_whitespace(line)
            if cleaned:
                paragraphs.append(Paragraph(cleaned, level))
    return paragraphs


def require_text(paragraphs: list[Paragraph], path: str, what_to_do: str) -> None:
    """Raise ImportFailure if an importer found no text at all."""
    if not paragraphs:
        raise ImportFailure(f"no text found in the file; {what_to_do}", path)


def check_length(chars: int, name: str) -> None:
    """Refuse a document whose text is longer than :data:`MAX_CHARS` (before the slow work on it)."""
    if chars > MAX_CHARS:
        raise ImportFailure(
            f"the document is too long: {chars:,} characters of text; the limit is {MAX_CHARS:,} (about "
            f"{MAX_CHARS * 3 // 10**6} MB of Chinese) — split it into parts and import each", name)
