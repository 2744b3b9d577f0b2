"""Finding text: Find in document (Ctrl+F, "3 of 12") and searching the library (Ctrl+Shift+F, in the
background), with a jump to each hit."""

from __future__ import annotations

from typing import Any

from policyreader.gui.controllers.base import Controller
from policyreader.gui.qt import QTextCursor, QTextDocument


class SearchController(Controller):
    """The find bar and the library search pane."""

    def __init__(self, window: Any):
        super().__init__(window)
        w = window
        self._pending_jump: tuple[str, int, str] | None = None
        w.search_pane.searchRequested.connect(self.run_search)
        w.search_pane.resultActivated.connect(self.jump_to_result)
        w.toolbar_search.returnPressed.connect(lambda: self.run_search(w.toolbar_search.text()))
        w.find_bar.edit.returnPressed.connect(lambda: self.find_next(False))
        w.find_bar.edit.textChanged.connect(lambda _t: self.update_count())
        w.find_bar.next_button.clicked.connect(lambda: self.find_next(False))
        w.find_bar.prev_button.clicked.connect(lambda: self.find_next(True))
        w.documentOpened.connect(self._opened)

    # -- find in document ---------------------------------------------------------------------
    def show_find(self) -> None:
        bar = self.window.find_bar
        bar.show()
        bar.edit.setFocus()
        bar.edit.selectAll()

    def _matches(self, text: str) -> list[int]:
        """Start positions of every occurrence of *text* in the reader's document."""
        doc = self.window.reader.document()
        out: list[int] = []
        cursor = doc.find(text, 0)
        while not cursor.isNull():
            out.append(cursor.selectionStart())
            cursor = doc.find(text, cursor)
        return out

    def update_count(self, current: int | None = None) -> None:
        text = self.window.find_bar.edit.text()
        status = self.window.find_bar.status
        if not text:
            status.setText("")
            return
        matches = self._matches(text)
        if not matches:
            status.setText("not found")
        elif current is None:
            status.setText(f"{len(matches)} found")
        else:
            status.setText(f"{matches.index(current) + 1 if current in matches else 1} of {len(matches)}")

    def find_next(self, backward: bool) -> bool:
        w = self.window
        text = w.find_bar.edit.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        doc = w.reader.document()
        found = doc.find(text, w.reader.textCursor(), flags)
        if found.isNull():
            wrap = QTextCursor(doc)
            if backward:
                wrap.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(text, wrap, flags)
        if found.isNull():
            w.find_bar.status.setText("not found")
            w.reader.set_find_selection(None)
            return False
        w.reader.setTextCursor(found)
        w.reader.ensureCursorVisible()
        w.reader.set_find_selection(found)
        self.update_count(found.selectionStart())
        return True

    def close_find(self) -> bool:
        bar = self.window.find_bar
        if not bar.isVisible():
            return False
        bar.hide()
        self.window.reader.set_find_selection(None)
        return True

    # -- search the library -------------------------------------------------------------------
    def show_search(self) -> None:
        w = self.window
        w.search_dock.show()
        w.search_dock.raise_()
        w.search_pane.query.setFocus()

    def run_search(self, query: str) -> None:
        w = self.window
        if not query.strip():
            return
        w.search_dock.show()
        if w.search_pane.query.text() != query:
            w.search_pane.query.setText(query)
        w.search_pane.status.setText("Searching…")
        self.ops.run(lambda ctx, _oc: ctx.search.search(query, limit=200), label="Searching the library",
                     success=lambda hits: w.search_pane.set_results(query, hits),
                     failure=lambda exc: w.search_pane.status.setText(str(exc)))

    def jump_to_result(self, doc_id: str, segment: int, side: str) -> None:
        if doc_id != self.window.reading.doc_id:
            self._pending_jump = (doc_id, segment, side)
            self.window.reading.open(doc_id)
            return
        self._select_hit(segment, side)

    def _opened(self, doc_id: str) -> None:
        if self._pending_jump and self._pending_jump[0] == doc_id:
            _d, segment, side = self._pending_jump
            self._pending_jump = None
            self._select_hit(segment, side)

    def _select_hit(self, segment: int, side: str) -> None:
        w = self.window
        query = w.search_pane.query.text().strip()
        if side == "en" and w.reader.layout_mode == "zh":
            w.reading.set_layout("side")
        reading = w.reading
        if not (0 <= segment < len(reading.segments)):
            return
        text = reading.segment_text(segment, side)
        pos = (text.lower() if side == "en" else text).find(query.lower() if side == "en" else query)
        if pos >= 0:
            w.reader.select_span(segment, side, pos, pos + len(query))
        else:
            w.reader.scroll_to_segment(segment, side)

