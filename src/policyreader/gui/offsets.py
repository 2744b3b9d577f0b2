"""Where text lives in the reader: Qt counts positions in UTF-16 units, ``core`` in code points. The one
conversion between the two, and the small records that tie a segment side to its place in the document."""

from __future__ import annotations

from dataclasses import dataclass

from policyreader.gui.qt import QColor


def utf16_to_cp(text: str, utf16_offset: int) -> int:
    """Convert a UTF-16 offset (Qt) in *text* to a code-point offset (core)."""
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16_offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def cp_to_utf16(text: str, cp_offset: int) -> int:
    """Convert a code-point offset in *text* to a UTF-16 offset."""
    return cp_offset + sum(1 for ch in text[:cp_offset] if ord(ch) > 0xFFFF)


@dataclass
class CellRef:
    """Where a segment side lives in the document: its first position and text."""

    segment: int
    side: str
    start: int  # document position (UTF-16) of the cell's first character
    text: str


@dataclass(frozen=True)
class SpanMark:
    """An extra highlight in a segment side (e.g. an annotation): code-point span and colour."""

    segment: int
    side: str
    start: int
    end: int
    colour: QColor
    note: str = ""  # shown, as plain text, when the pointer rests on the span
