"""The reader: Chinese and English aligned segment by segment in one scrolling view.

The document is a QTextDocument holding one table: a row per segment (side by side), two rows per
segment (interleaved), or Chinese only. Rows keep the two languages aligned and scroll together
because they are one view. Glossary terms are highlighted from the links cached in SQLite when the
document is built — nothing is segmented on paint. Offsets inside ``core`` are code points; Qt counts
UTF-16 units; the conversion happens here, in ``utf16_to_cp``/``cp_to_utf16``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from policyreader.core.glossary import GlossaryEntry
from policyreader.core.model import SegmentRow
from policyreader.gui import theme
from policyreader.gui.qt import (
    QBrush,
    QColor,
    QEvent,
    QPoint,
    Qt,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextEdit,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
    QWidget,
    Signal,
)

LAYOUTS = ("side", "interleaved", "zh")


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


class ReaderView(QTextEdit):
    """Shows one document's aligned segments; emits where the pointer is for lookups."""

    #: segment index, side ("zh"/"en"), code-point offset in that segment side, global position
    pointerMoved = Signal(int, str, int, QPoint)
    pointerLeft = Signal()
    clicked = Signal(int, str, int, QPoint)
    segmentHovered = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setObjectName("reader")
        self.layout_mode = "side"
        self.font_size = 13.0
        self.line_spacing = 150
        self.segments: list[SegmentRow] = []
        self.cells: list[CellRef] = []
        self._cells_by_seg: dict[tuple[int, str], CellRef] = {}
        self._cell_starts: list[int] = []
        self._cell_lengths: list[int] = []
        self._entry_lookup: Callable[[str], GlossaryEntry | None] = lambda _id: None
        self._hover_segment = -1
        self._marks: list[SpanMark] = []
        self._find_selection: list[QTextEdit.ExtraSelection] = []
        self.doc_id = ""

    # -- building ---------------------------------------------------------------------------
    def set_entry_lookup(self, fn: Callable[[str], GlossaryEntry | None]) -> None:
        self._entry_lookup = fn

    def set_document(self, doc_id: str, segments: list[SegmentRow]) -> None:
        self.doc_id = doc_id
        self.segments = segments
        self.rebuild()

    def rebuild(self) -> None:
        """(Re)build the QTextDocument from the cached segments."""
        scroll = self.verticalScrollBar().value()
        doc = QTextDocument(self)
        doc.setDefaultFont(theme.cjk_font(self.font_size))
        doc.setDocumentMargin(12)
        self.cells = []
        self._cells_by_seg = {}
        cursor = QTextCursor(doc)
        if not self.segments:
            self._cell_starts, self._cell_lengths = [], []
            self.setDocument(doc)
            return
        cols = 2 if self.layout_mode == "side" else 1
        rows_per_seg = 2 if self.layout_mode == "interleaved" else 1
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setCellPadding(6)
        fmt.setCellSpacing(0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        if cols == 2:
            fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 50)] * 2)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        table = cursor.insertTable(len(self.segments) * rows_per_seg, cols, fmt)
        block_fmt = QTextBlockFormat()
        block_fmt.setLineHeight(float(self.line_spacing), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        for i, seg in enumerate(self.segments):
            places: list[tuple[str, int, int]] = []
            if self.layout_mode == "side":
                places = [("zh", i, 0), ("en", i, 1)]
            elif self.layout_mode == "interleaved":
                places = [("zh", 2 * i, 0), ("en", 2 * i + 1, 0)]
            else:
                places = [("zh", i, 0)]
            for side, row, col in places:
                cell = table.cellAt(row, col)
                c = cell.firstCursorPosition()
                if side == "en" and self.layout_mode == "interleaved":
                    indented = QTextBlockFormat(block_fmt)
                    indented.setLeftMargin(28)
                    c.setBlockFormat(indented)
                else:
                    c.setBlockFormat(block_fmt)
                text = seg.zh if side == "zh" else seg.en
                start = c.position()
                self._insert_side(c, seg, side, text)
                ref = CellRef(i, side, start, text)
                self.cells.append(ref)
                self._cells_by_seg[(i, side)] = ref
        self.cells.sort(key=lambda r: r.start)
        self._cell_starts = [r.start for r in self.cells]
        self._cell_lengths = [cp_to_utf16(r.text, len(r.text)) for r in self.cells]
        self.setDocument(doc)
        self._apply_extra()
        self.verticalScrollBar().setValue(scroll)

    def _insert_side(self, cursor: QTextCursor, seg: SegmentRow, side: str, text: str) -> None:
        base = QTextCharFormat()
        if side == "en" and self.layout_mode == "interleaved":
            # set the translation apart from the source it follows
            muted = QColor(self.palette().color(self.foregroundRole()))
            muted.setAlpha(190)
            base.setForeground(QBrush(muted))
            base.setFontItalic(False)
        if seg.level or seg.kind in ("chapter", "title", "section"):
            base.setFontWeight(700)
            base.setFontPointSize(self.font_size * (1.25 if seg.kind == "title" or seg.level == 1 else 1.1))
        spans = seg.terms if side == "zh" else seg.en_terms
        pos = 0
        for start, end, entry_id in sorted(spans):
            if start < pos:
                continue
            if start > pos:
                cursor.insertText(text[pos:start], base)
            cursor.insertText(text[start:end], self._term_format(base, entry_id))
            pos = end
        if pos < len(text):
            cursor.insertText(text[pos:], base)

    def _term_format(self, base: QTextCharFormat, entry_id: str) -> QTextCharFormat:
        entry = self._entry_lookup(entry_id)
        category = theme.entry_category(entry) if entry else "settled"
        f = QTextCharFormat(base)
        f.setBackground(QBrush(theme.term_colour(category)))
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        f.setUnderlineColor(theme.term_underline(category))
        f.setProperty(QTextFormat.Property.UserProperty, entry_id)
        return f

    # -- settings ---------------------------------------------------------------------------
    def set_layout_mode(self, mode: str) -> None:
        if mode not in LAYOUTS:
            raise ValueError(mode)
        if mode != self.layout_mode:
            seg = self.top_segment()
            self.layout_mode = mode
            self.rebuild()
            self.scroll_to_segment(seg)

    def set_text_style(self, font_size: float, line_spacing: int) -> None:
        seg = self.top_segment()
        self.font_size, self.line_spacing = font_size, line_spacing
        self.rebuild()
        self.scroll_to_segment(seg)

    # -- positions ----------------------------------------------------------------------------
    def locate(self, cursor: QTextCursor) -> tuple[int, str, int] | None:
        """(segment, side, code-point offset) of a cursor inside a segment's text, else None.

        Cells are laid out in document order, so a binary search over their start positions finds
        the cell without asking Qt for the table under the cursor (this runs on every mouse move).
        """
        pos = cursor.position()
        i = bisect.bisect_right(self._cell_starts, pos) - 1
        if i < 0:
            return None
        ref = self.cells[i]
        if pos > ref.start + self._cell_lengths[i]:
            return None
        return ref.segment, ref.side, utf16_to_cp(ref.text, pos - ref.start)

    def cursor_for(self, segment: int, side: str, start: int, end: int | None = None) -> QTextCursor | None:
        ref = self._cells_by_seg.get((segment, side))
        if ref is None:
            return None
        c = QTextCursor(self.document())
        c.setPosition(ref.start + cp_to_utf16(ref.text, start))
        if end is not None:
            c.setPosition(ref.start + cp_to_utf16(ref.text, end), QTextCursor.MoveMode.KeepAnchor)
        return c

    def top_segment(self) -> int:
        c = self.cursorForPosition(QPoint(20, 20))
        loc = self.locate(c)
        return loc[0] if loc else 0

    def scroll_to_segment(self, segment: int, side: str = "zh") -> None:
        c = self.cursor_for(segment, side, 0)
        if c is None:
            return
        rect = self.cursorRect(c)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - 12)

    def select_span(self, segment: int, side: str, start: int, end: int) -> None:
        c = self.cursor_for(segment, side, start, end)
        if c is not None:
            self.setTextCursor(c)
            self.scroll_to_segment(segment, side)
            self.ensureCursorVisible()

    def selection_location(self) -> tuple[int, str, int, int] | None:
        """(segment, side, start, end) of the current selection if it lies inside one segment side."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        a, b = QTextCursor(c), QTextCursor(c)
        a.setPosition(c.selectionStart())
        b.setPosition(c.selectionEnd())
        la, lb = self.locate(a), self.locate(b)
        if la is None or lb is None or la[:2] != lb[:2]:
            return None
        return la[0], la[1], la[2], lb[2]

    # -- highlights ---------------------------------------------------------------------------
    def set_marks(self, marks: list[SpanMark]) -> None:
        self._marks = marks
        self._apply_extra()

    def set_find_selection(self, cursor: QTextCursor | None) -> None:
        self._find_selection = []
        if cursor is not None:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format.setBackground(QBrush(QColor(255, 200, 0, 160)))
            self._find_selection = [sel]
        self._apply_extra()

    def _apply_extra(self) -> None:
        sels: list[QTextEdit.ExtraSelection] = []
        if self._hover_segment >= 0:
            for side in ("zh", "en"):
                ref = self._cells_by_seg.get((self._hover_segment, side))
                if ref is None or not ref.text:
                    continue
                c = self.cursor_for(self._hover_segment, side, 0, len(ref.text))
                if c is not None:
                    sel = QTextEdit.ExtraSelection()
                    sel.cursor = c
                    sel.format.setBackground(QBrush(theme.hover_colour()))
                    sels.append(sel)
        for m in self._marks:
            c = self.cursor_for(m.segment, m.side, m.start, m.end)
            if c is not None:
                sel = QTextEdit.ExtraSelection()
                sel.cursor = c
                sel.format.setBackground(QBrush(m.colour))
                sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                sels.append(sel)
        self.setExtraSelections(sels + self._find_selection)

    def set_hover_segment(self, segment: int) -> None:
        if segment != self._hover_segment:
            self._hover_segment = segment
            self._apply_extra()
            self.segmentHovered.emit(segment)

    # -- events -------------------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseMoveEvent(event)
        pos = event.position().toPoint()
        c = self.cursorForPosition(pos)
        loc = self.locate(c)
        if loc is None or not self._over_text(c, pos):
            self.pointerLeft.emit()
            return
        seg, side, off = loc
        # cursorForPosition gives the nearest boundary; the character under the pointer is the one
        # before it when the pointer is left of that boundary.
        if off > 0 and self.cursorRect(c).x() > pos.x():
            off -= 1
        self.set_hover_segment(seg)
        self.pointerMoved.emit(seg, side, off, self.viewport().mapToGlobal(pos))

    def _over_text(self, cursor: QTextCursor, pos: QPoint) -> bool:
        """True when the pointer is over a character, not blank space at a line's end."""
        rect = self.cursorRect(cursor)
        return abs(rect.center().y() - pos.y()) <= max(rect.height(), 8) and abs(rect.x() - pos.x()) < 40

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            pos = event.position().toPoint()
            loc = self.locate(self.cursorForPosition(pos))
            if loc is not None:
                self.clicked.emit(loc[0], loc[1], loc[2], self.viewport().mapToGlobal(pos))

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.set_hover_segment(-1)
        self.pointerLeft.emit()
