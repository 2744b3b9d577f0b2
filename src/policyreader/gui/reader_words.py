"""Reading word by word, as Pleco and Zhongwen do: a double-click selects the segmented word under the
pointer (jieba's word, glossary terms kept whole — not Qt's clause), Ctrl+Left/Right step from word to word
through the Chinese (punctuation stepped over) and tell the window, so the popup follows the caret.

A mixin of :class:`~policyreader.gui.reader.ReaderView`; the word boundaries are the token end offsets
cached with each segment, so nothing is segmented here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from policyreader.core.document import next_word, word_at
from policyreader.gui.qt import Qt, QTextCursor

if TYPE_CHECKING:
    from policyreader.core.model import SegmentRow


class WordNavigation:
    """Word-level selection and stepping in the reader's Chinese."""

    segments: list[SegmentRow]

    def word_span(self, segment: int, offset: int) -> tuple[int, int]:
        """The segmented word of a segment's Chinese that holds *offset*."""
        seg = self.segments[segment]
        return word_at(seg.zh, seg.tokens, offset)

    def mouseDoubleClickEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        view: Any = self
        loc = view.locate(view.cursorForPosition(event.position().toPoint()))
        if loc is not None and loc[1] == "zh" and self.segments[loc[0]].tokens:
            start, end = self.word_span(loc[0], loc[2])
            cursor = view.cursor_for(loc[0], "zh", start, end) if end > start else None
            if cursor is not None:
                view.setTextCursor(cursor)
                return
        super().mouseDoubleClickEvent(event)  # type: ignore[misc]  # English: Qt's own word selection

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        mods = event.modifiers()
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods == Qt.KeyboardModifier.ControlModifier \
                and self.step_word(event.key() == Qt.Key.Key_Right):
            return
        super().keyPressEvent(event)  # type: ignore[misc]

    def step_word(self, forward: bool) -> bool:
        """Put the caret on the next (previous) Chinese word, selected, and emit ``wordStepped``; False
        when the caret is not in Chinese (Qt's own word stepping applies)."""
        view: Any = self
        caret = QTextCursor(view.textCursor())
        caret.setPosition(caret.selectionStart())  # a selected word steps from where it starts
        loc = view.locate(caret)
        if loc is None or loc[1] != "zh":
            return False
        segment, _side, offset = loc
        target = next_word(self.segments[segment].zh, self.segments[segment].tokens, offset, forward)
        while target is None:  # on to the next (previous) segment that has Chinese
            segment += 1 if forward else -1
            if not (0 <= segment < len(self.segments)):
                return True
            zh = self.segments[segment].zh
            if zh:
                target = 0 if forward else word_at(zh, self.segments[segment].tokens, len(zh) - 1)[0]
        start, end = self.word_span(segment, target)
        if view.cursor_for(segment, "zh", start, end) is None:
            view.select_span(segment, "zh", start, end)  # outside the built window: it moves there
        else:
            cursor: QTextCursor = view.cursor_for(segment, "zh", start, end)
            view.setTextCursor(cursor)
            view.ensureCursorVisible()
        view.wordStepped.emit(segment, "zh", start)
        return True
