"""Finding text: Find in document (Ctrl+F, "3 of 12") and searching the library (Ctrl+Shift+F, in the
background), with a jump to each hit."""

from __future__ import annotations

from typing import Any

from policyreader.gui.controllers.base import Controller
from policyreader.gui.i18n import tr


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

    def _matches(self, text: str) -> list[tuple[int, str, int]]:
        """Every occurrence of *text* in the open document's visible sides, in reading order, as
        (segment, side, start). Case is ignored. The whole document is searched, not only the part of a
        long one the reader holds at the moment."""
        needle = text.casefold()
        sides = ("zh",) if self.window.reader.layout_mode == "zh" else ("zh", "en")
        out = []
        for seg in self.window.reading.segments:
            for side in sides:
                hay = (seg.zh if side == "zh" else seg.en).casefold()
                pos = hay.find(needle)
                while pos >= 0:
                    out.append((seg.idx, side, pos))
                    pos = hay.find(needle, pos + 1)
        return out

    def update_count(self, current: int | None = None) -> None:
        text = self.window.find_bar.edit.text()
        status = self.window.find_bar.status
        if not text:
            status.setText("")
            return
        n = len(self._matches(text))
        status.setText(tr("not found") if not n else tr("{n} found").format(n=n) if current is None
                       else tr("{current} of {n}").format(current=current + 1, n=n))

    def find_next(self, backward: bool) -> bool:
        w = self.window
        text = w.find_bar.edit.text()
        if not text:
            return False
        matches = self._matches(text)
        if not matches:
            w.find_bar.status.setText(tr("not found"))
            w.reader.set_find_selection(None)
            return False
        here = w.reader.locate(w.reader.textCursor())
        order = {"zh": 0, "en": 1}
        at = (here[0], order[here[1]], here[2]) if here else (-1, 0, -1)
        keys = [(m[0], order[m[1]], m[2]) for m in matches]
        if backward:
            earlier = [k for k, key in enumerate(keys) if key < at]
            index = earlier[-1] if earlier else len(matches) - 1
        else:
            later = [k for k, key in enumerate(keys) if key > at]
            index = later[0] if later else 0
        seg, side, start = matches[index]
        w.reader.select_span(seg, side, start, start + len(text))
        found = w.reader.cursor_for(seg, side, start, start + len(text))
        w.reader.set_find_selection(found)
        self.update_count(index)
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
        w.search_pane.status.setText(tr("Searching…"))
        self.ops.run(lambda ctx, _oc: ctx.search.search(query, limit=200), label=tr("Searching the library"),
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

