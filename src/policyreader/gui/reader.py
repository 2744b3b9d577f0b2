"""The reader: Chinese and English aligned segment by segment in one scrolling view.

The document is a QTextDocument holding one table: a row per segment (side by side), two rows per
segment (interleaved), or Chinese only. Rows keep the two languages aligned and scroll together
because they are one view. Glossary terms are highlighted from the links cached in SQLite when the
document is built — nothing is segmented on paint. An English document (coverage read against the
glossary) has one column, its English, each rendering coloured by its status for the entry it renders.
Offsets inside ``core`` are code points; Qt counts UTF-16 units; the conversion happens at this boundary,
in ``gui/offsets.py``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from policyreader.core.alignment import needs_review
from policyreader.core.glossary import GlossaryEntry
from policyreader.core.model import SegmentRow
from policyreader.gui import theme
from policyreader.gui.i18n import tr
from policyreader.gui.offsets import CellRef, SpanMark, cp_to_utf16, utf16_to_cp
from policyreader.gui.qt import (
    QBrush,
    QColor,
    QElapsedTimer,
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
    QTextOption,
    QTextTableFormat,
    QTimer,
    QWidget,
    Signal,
)
from policyreader.gui.reader_marks import Highlights
from policyreader.gui.reader_words import WordNavigation

LAYOUTS = ("side", "interleaved", "zh")
#: the reader never gets narrower than this: side by side, each language keeps ~26 characters a line
MIN_READER_WIDTH = 460


class ReaderView(WordNavigation, Highlights, QTextEdit):
    """Shows one document's aligned segments; emits where the pointer is for lookups."""

    #: segment index, side ("zh"/"en"), code-point offset in that segment side, global position
    pointerMoved = Signal(int, str, int, QPoint)
    pointerLeft = Signal()
    clicked = Signal(int, str, int, QPoint)
    wordStepped = Signal(int, str, int)  # Ctrl+Left/Right put the caret on the word at (segment, side, offset)
    segmentHovered = Signal(int)
    documentBuilt = Signal(str)  # every segment of the document is in the view

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setObjectName("reader")
        self.setAccessibleName(tr("Reader"))
        self.setAccessibleDescription(tr("The Chinese text and its English translation, segment by segment"))
        # a scroll bar that appears once the text outgrows the view narrows it, and Qt then lays out every
        # row again: keep it there from the start
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # English breaks at word boundaries only ("government", never "government s"); Chinese between
        # characters, as line-breaking rules allow
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setMinimumWidth(MIN_READER_WIDTH)
        self.layout_mode = "side"
        self.font_size = 13.0
        self.line_spacing = 150
        self.segments: list[SegmentRow] = []
        self.cells: list[CellRef] = []
        self._cells_by_seg: dict[tuple[int, str], CellRef] = {}
        self._cell_starts: list[int] = []
        self._cell_lengths: list[int] = []
        self._entry_lookup: Callable[[str], GlossaryEntry | None] = lambda _id: None
        self._rendering_status: Callable[[str, str], str | None] = lambda _id, _text: None
        self.english_only = False  # an English document: its English side is the text
        self._hover_segment = -1
        self._marks: list[SpanMark] = []
        self._find_selection: list[QTextEdit.ExtraSelection] = []
        self.doc_id = ""
        self._built = 0
        self._target: int | None = None
        self._anchor: int | None = None  # the segment kept at the top while the rest of the window is built
        self._pending_select: tuple[int, str, int, int] | None = None
        self._build_cursor: QTextCursor | None = None
        self._row_format = QTextTableFormat()
        self._block_format = QTextBlockFormat()
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.timeout.connect(self._build_step)
        self._w0 = self._w1 = 0
        self._reading_top = 0
        self.verticalScrollBar().valueChanged.connect(self._note_position)
        self.verticalScrollBar().valueChanged.connect(self._maybe_move_window)

    # -- building ---------------------------------------------------------------------------
    #: how long one step of building a document may hold the GUI thread (ms); the rest follows in later
    #: turns of the event loop, so a 765,000-character law shows its first screen at once
    BUILD_BUDGET_MS = 15
    #: a long document is shown through a window of this many segments around the reading position,
    #: which moves as the reader scrolls: Qt's layout costs about half a millisecond per row, so a
    #: 5,000-segment law in one piece would hold the window for seconds (and hundreds of MB)
    WINDOW = 320
    WINDOW_LEAD = 40   # segments kept above the reading position when the window moves

    def set_entry_lookup(self, fn: Callable[[str], GlossaryEntry | None]) -> None:
        self._entry_lookup = fn

    def set_rendering_status(self, fn: Callable[[str, str], str | None]) -> None:
        """How an English document's renderings are coloured: (entry id, text as written) → its status."""
        self._rendering_status = fn

    def set_document(self, doc_id: str, segments: list[SegmentRow], at_segment: int = 0,
                     english: bool = False) -> None:
        """Show a document (*english*: an English document); the view opens at *at_segment* as soon as
        that part is built."""
        self.doc_id = doc_id
        self.segments = segments
        self.english_only = english
        self.rebuild(at_segment)

    @property
    def fully_built(self) -> bool:
        return self._built >= self._w1

    @property
    def segment_window(self) -> tuple[int, int]:
        """The segments [first, last) the view holds now."""
        return self._w0, self._w1

    def _place_window(self, target: int) -> None:
        n = len(self.segments)
        if n <= self.WINDOW + self.WINDOW // 2:
            self._w0, self._w1 = 0, n
        else:
            # never more than WINDOW_LEAD rows above the target: they are all built before the target
            # shows, so near the end of a document the window is shorter rather than reaching further back
            self._w0 = max(0, target - self.WINDOW_LEAD)
            self._w1 = min(n, self._w0 + self.WINDOW)

    def rebuild(self, at_segment: int | None = None) -> None:
        """(Re)build the document from the cached segments, one row (a small table) per segment.

        One table per segment rather than one for the whole document: Qt lays out a table as a whole
        before it paints anything, but lays out the top-level blocks of a document lazily.
        """
        self._build_timer.stop()
        target = self.top_segment() if at_segment is None else at_segment
        target = max(0, min(target, len(self.segments) - 1)) if self.segments else 0
        self._target = target
        self._anchor = None
        self._reading_top = target
        self._pending_select = None
        self._place_window(target)
        doc = QTextDocument(self)
        doc.setDefaultFont(theme.cjk_font(self.font_size))
        doc.setDocumentMargin(12)
        self.cells = []
        self._cells_by_seg = {}
        self._cell_starts, self._cell_lengths = [], []
        self._built = self._w0
        self._build_cursor = QTextCursor(doc)
        self._row_format = self._make_row_format()
        self._block_format = QTextBlockFormat()
        self._block_format.setLineHeight(float(self.line_spacing),
                                         QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        self.setDocument(doc)
        self._build_step()

    def _make_row_format(self) -> QTextTableFormat:
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setCellPadding(6)
        fmt.setCellSpacing(0)
        fmt.setMargin(0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        if self._columns() == 2:
            fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 50)] * 2)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        return fmt

    def _columns(self) -> int:
        """Side by side has two columns, unless the document has no English at all: then the Chinese
        gets the full width instead of an empty right half."""
        if self.english_only:
            return 1
        return 2 if self.layout_mode == "side" and any(s.en for s in self.segments) else 1

    def _build_step(self) -> None:
        clock = QElapsedTimer()
        clock.start()
        cursor = self._build_cursor
        if cursor is None:
            return
        cursor.beginEditBlock()
        cols = self._columns()
        while self._built < self._w1:
            self._build_row(cursor, self.segments[self._built], cols)
            self._built += 1
            if clock.elapsed() > self.BUILD_BUDGET_MS and self._built > (self._target or 0):
                break
        cursor.endEditBlock()
        self._apply_extra()
        if self._target is not None and self._built > self._target:
            target, self._target = self._target, None
            self._anchor = target
            self.scroll_to_segment(target)
        elif self._anchor is not None:
            # rows added below let the view scroll further: put the target back at the top, until the
            # window is complete (near the end of a document it could not get there earlier)
            self.scroll_to_segment(self._anchor)
        if self._built >= self._w1:
            self._anchor = None
        if self._pending_select is not None and self._built > self._pending_select[0]:
            pending, self._pending_select = self._pending_select, None
            self.select_span(*pending)
        if self._built < self._w1:
            self._build_timer.start(0)
        else:
            self.documentBuilt.emit(self.doc_id)

    def _build_row(self, cursor: QTextCursor, seg: SegmentRow, cols: int) -> None:
        i = seg_index = self._built
        if self.english_only:
            places, rows = [("en", 0, 0)], 1
        elif self.layout_mode == "interleaved":
            places = [("zh", 0, 0), ("en", 1, 0)]
            rows = 2
        elif self.layout_mode == "side" and cols == 2:
            places, rows = [("zh", 0, 0), ("en", 0, 1)], 1
        else:
            places, rows = [("zh", 0, 0)], 1
        table = cursor.insertTable(rows, cols, self._row_format)
        if needs_review(seg.link, seg.confidence):  # an uncertain alignment is tinted until it is reviewed
            for r in range(rows):
                for col in range(cols):
                    cell = table.cellAt(r, col)
                    f = cell.format()
                    f.setBackground(QBrush(theme.review_colour()))
                    cell.setFormat(f)
        for side, row, col in places:
            c = table.cellAt(row, col).firstCursorPosition()
            if side == "en" and self.layout_mode == "interleaved" and not self.english_only:
                indented = QTextBlockFormat(self._block_format)
                indented.setLeftMargin(28)
                c.setBlockFormat(indented)
            else:
                c.setBlockFormat(self._block_format)
            text = seg.zh if side == "zh" else seg.en
            start = c.position()
            self._insert_side(c, seg, side, text)
            ref = CellRef(seg_index, side, start, text)
            self.cells.append(ref)
            self._cells_by_seg[(i, side)] = ref
            self._cell_starts.append(start)
            self._cell_lengths.append(cp_to_utf16(text, len(text)))
        cursor.setPosition(table.lastPosition() + 1)

    def _insert_side(self, cursor: QTextCursor, seg: SegmentRow, side: str, text: str) -> None:
        base = QTextCharFormat()
        if side == "en" and self.layout_mode == "interleaved" and not self.english_only:
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
            cursor.insertText(text[start:end], self._term_format(base, entry_id, text[start:end]))
            pos = end
        if pos < len(text):
            cursor.insertText(text[pos:], base)

    def _term_format(self, base: QTextCharFormat, entry_id: str, written: str) -> QTextCharFormat:
        if self.english_only:
            category = theme.rendering_category(self._rendering_status(entry_id, written))
        else:
            entry = self._entry_lookup(entry_id)
            category = theme.entry_category(entry) if entry else "settled"
        f = QTextCharFormat(base)
        f.setBackground(QBrush(theme.term_colour(category)))
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        f.setUnderlineColor(theme.term_underline(category))
        f.setProperty(QTextFormat.Property.UserProperty, entry_id)
        return f

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Keep the reading position: re-wrapped lines would otherwise show another part of the text."""
        top = self._reading_top
        super().resizeEvent(event)
        if self.segments:
            self.scroll_to_segment(top)
            self._reading_top = top

    def reading_position(self) -> int:
        """The segment at the top of the view (what a resize or a restart comes back to)."""
        return self._reading_top

    def _note_position(self, _value: int) -> None:
        if self._anchor is None and (self.fully_built or self._target is None):
            self._reading_top = self.top_segment()

    def _maybe_move_window(self, value: int) -> None:
        """Move the window on when the reader scrolls near its end (or back near its start)."""
        if not self.fully_built or (self._w0 == 0 and self._w1 == len(self.segments)):
            return
        bar, margin = self.verticalScrollBar(), 2 * self.viewport().height()
        near_end = value > bar.maximum() - margin and self._w1 < len(self.segments)
        near_start = value < margin and self._w0 > 0
        if near_end or near_start:
            self.rebuild(self.top_segment())  # the new window has room on both sides of the reading position

    # -- settings ---------------------------------------------------------------------------
    def set_layout_mode(self, mode: str) -> None:
        if mode not in LAYOUTS:
            raise ValueError(mode)
        if mode != self.layout_mode:
            seg = self.top_segment()
            self.layout_mode = mode
            self.rebuild(seg)

    def set_text_style(self, font_size: float, line_spacing: int) -> None:
        seg = self.top_segment()
        self.font_size, self.line_spacing = font_size, line_spacing
        self.rebuild(seg)

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
        """Scroll so that *segment* is at the top (as soon as it is built, if it is not yet)."""
        if not (self._w0 <= segment < self._w1) and 0 <= segment < len(self.segments):
            self.rebuild(segment)  # outside the window: move the window there
            return
        c = self.cursor_for(segment, side, 0) or self.cursor_for(segment, "zh", 0) or self.cursor_for(segment, "en", 0)
        if c is None:
            if self._built <= segment < self._w1:
                self._target = segment
            return
        rect = self.cursorRect(c)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - 12)

    def select_span(self, segment: int, side: str, start: int, end: int) -> None:
        if not (self._w0 <= segment < self._w1) and 0 <= segment < len(self.segments):
            self.rebuild(segment)
        c = self.cursor_for(segment, side, start, end)
        if c is None and self._built <= segment < self._w1:
            self._pending_select = (segment, side, start, end)
            self._target = segment
        if c is not None:
            self._anchor = None  # the selection is where the view goes now, not the segment it opened at
            self.setTextCursor(c)
            self.scroll_to_segment(segment, side)
            self._show_selection()

    def _show_selection(self) -> None:
        """Scroll the whole selection into view: a hit deep in a long segment sits a third down the view,
        not cut off at its edge."""
        c = self.textCursor()
        start = QTextCursor(c)
        start.setPosition(c.selectionStart())
        top, bottom = self.cursorRect(start).top(), self.cursorRect(c).bottom()
        height = self.viewport().height()
        if top < 0 or bottom > height:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + top - height // 3)

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
