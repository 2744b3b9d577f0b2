"""Looking words up in the open document: the popup on hover and click, Ctrl+D at the cursor, and the
glossary entry page (its corpus evidence computed in the background). In an English document the popup
reads in reverse: from a rendering to the Chinese terms it renders and where the regulations use them."""

from __future__ import annotations

from typing import Any

from policyreader.core.cjk import is_han
from policyreader.gui import theme
from policyreader.gui.controllers.base import Controller
from policyreader.gui.coverage_html import rendering_popup_html
from policyreader.gui.entry_html import dictionary_popup_html, entry_page_html, glossary_popup_html, note_html
from policyreader.gui.i18n import tr
from policyreader.gui.qt import QPoint, QTimer
from policyreader.services.changes import Changes
from policyreader.services.coverage import TermInRegulations


class LookupController(Controller):
    """The popup dictionary and the entry dock."""

    def __init__(self, window: Any):
        super().__init__(window)
        w = window
        w.reader.pointerMoved.connect(self._on_pointer)
        w.reader.pointerLeft.connect(self._on_pointer_left)
        w.reader.clicked.connect(self._on_click)
        w.reader.wordStepped.connect(self._on_word_stepped)
        w.popup.linkActivated.connect(self._popup_link)
        w.entry_browser.entryLinkActivated.connect(self.show_entry)
        w.entry_browser.docLinkActivated.connect(lambda d: w.reading.open(d))
        w.documentOpened.connect(self._document_opened)
        self._entry_shown = ""
        # where the terms of the open English document occur in the bundled regulations (found in the
        # background when it opens), for the glossary version they were found with
        self._regulations: dict[str, TermInRegulations] = {}
        self._regulations_version = -1
        self._pending_span: tuple[str, int, int, int] | None = None
        self.popup_delay = 0  # ms; set from Preferences
        self._pending_pointer: tuple[int, str, int, QPoint] | None = None
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.timeout.connect(self._hover_elapsed)

    def _colours(self) -> dict[int, str] | None:
        return theme.tone_colours() if self.window.tone_action.isChecked() else None

    def _term_names(self) -> dict[str, str]:
        return {eid: e.term for eid, e in self.ctx.engine.glossary.entries.items()}

    def lookup_html(self, segment: int, side: str, offset: int) -> tuple[tuple[object, ...], str] | None:
        """The popup content for a point in the open document (your annotation's note first, when the point
        is in an annotated span), or None if there is nothing to show."""
        found = self._lookup_html(segment, side, offset)
        mark = self.window.reader.mark_at(segment, side, offset)
        if mark is None or not mark.note:
            return found
        note = note_html(mark.note)
        if found is None:
            return ("note", segment, side, mark.start), note
        return (*found[0], "note"), note + found[1]

    def _lookup_html(self, segment: int, side: str, offset: int) -> tuple[tuple[object, ...], str] | None:
        segments = self.window.reading.segments
        if not (0 <= segment < len(segments)):
            return None
        seg = segments[segment]
        traditional = self.window.trad_action.isChecked()
        if side == "en" and self.window.reading.english:
            for start, end, entry_id in seg.en_terms:
                if start <= offset < end:
                    return ("rendering", segment, start), self._rendering_html(seg.en[start:end], entry_id)
            return None
        for start, end, entry_id in (seg.terms if side == "zh" else seg.en_terms):
            if start <= offset < end:
                entry = self.ctx.engine.glossary.entries.get(entry_id)
                if entry is None:
                    break
                html = glossary_popup_html(entry.to_json(), self._colours(), traditional, terms=self._term_names())
                return ("term", segment, side, start), html
        if side != "zh" or not self.window.library.dictionary_ready:
            return None
        text = seg.zh
        if not (0 <= offset < len(text)) or not is_han(text[offset]):
            return None
        word, start = self._word(segment, offset)
        if not word:
            return None
        entries = self.ctx.engine.dictionary.lookup(word)
        html = dictionary_popup_html(word, [e.to_json() for e in entries], self._colours(), traditional)
        return ("word", segment, start, word), html

    def _word(self, segment: int, offset: int) -> tuple[str, int]:
        """The word to look up at *offset*: the segmented word there when the dictionary has it (inside
        全国人民代表大会 it is 全国人民代表大会, not 国人); else the longest dictionary word from the start of
        that word, then from the point itself."""
        seg = self.window.reading.segments[segment]
        start, end = self.window.reader.word_span(segment, offset)
        heads = self.ctx.engine.dictionary.headwords()
        if end > start and seg.zh[start:end] in heads:
            return seg.zh[start:end], start
        for at in dict.fromkeys((start, offset)):
            word, _entries = self.ctx.engine.dictionary.longest_at(seg.zh, at)
            if word and at + len(word) > offset:
                return word, at
        return "", offset

    def _on_pointer(self, segment: int, side: str, offset: int, at: QPoint) -> None:
        popup = self.window.popup
        if popup.pinned:
            return
        if self.popup_delay > 0 and not popup.isVisible():
            # the pointer must rest on the word for the delay chosen in Preferences before the popup opens
            self._pending_pointer = (segment, side, offset, at)
            self._hover_timer.start(self.popup_delay)
            return
        self._show_at_pointer(segment, side, offset, at)

    def _hover_elapsed(self) -> None:
        if self._pending_pointer is not None:
            pending, self._pending_pointer = self._pending_pointer, None
            self._show_at_pointer(*pending)

    def _show_at_pointer(self, segment: int, side: str, offset: int, at: QPoint) -> None:
        popup = self.window.popup
        found = self.lookup_html(segment, side, offset)
        if found is None:
            popup.dismiss()
            return
        key, html = found
        if key != popup.key or not popup.isVisible():
            popup.show_html(html, at, key)

    def _on_pointer_left(self) -> None:
        self._hover_timer.stop()
        self._pending_pointer = None
        if not self.window.popup.pinned:
            self.window.popup.dismiss()

    def _on_click(self, segment: int, side: str, offset: int, at: QPoint) -> None:
        popup = self.window.popup
        found = self.lookup_html(segment, side, offset)
        if found is None:
            popup.dismiss()
            return
        popup.show_html(found[1], at, found[0])
        popup.pinned = True

    def _on_word_stepped(self, segment: int, side: str, offset: int) -> None:
        """Ctrl+Left/Right moved the caret to a word: the popup follows it."""
        reader = self.window.reader
        found = self.lookup_html(segment, side, offset)
        if found is None:
            self.window.popup.dismiss()
            return
        at = reader.viewport().mapToGlobal(reader.cursorRect(reader.textCursor()).bottomLeft())
        self.window.popup.show_html(found[1], at, found[0])
        self.window.popup.pinned = True

    def lookup_at_cursor(self) -> None:
        reader = self.window.reader
        c = reader.textCursor()
        loc = reader.locate(c)
        if loc is None:
            return
        found = self.lookup_html(*loc)
        if found is None:
            self.status(tr("Nothing to look up at the cursor"), 3000)
            return
        at = reader.viewport().mapToGlobal(reader.cursorRect(c).bottomRight())
        self.window.popup.show_html(found[1], at, found[0])
        self.window.popup.pinned = True

    def _popup_link(self, link: str) -> None:
        if link.startswith("entry:"):
            self.window.popup.dismiss()
            self.show_entry(link[6:])
        elif link.startswith("occ:"):
            doc, segment, start, end = link[4:].rsplit(":", 3)
            self.window.popup.dismiss()
            self.open_occurrence(doc, int(segment), int(start), int(end))
        elif link.startswith("concordance:"):
            self.window.popup.dismiss()
            self.window.glossary.show_concordance(link[12:])

    # -- the reverse popup (English documents) ------------------------------------------------
    def _rendering_html(self, written: str, entry_id: str) -> str:
        readings = self.ctx.engine.english_linker.readings(written)
        readings.sort(key=lambda r: r.entry != entry_id)  # the entry it is linked to first
        return rendering_popup_html(written, readings, self.ctx.engine.glossary.entries, self._regulations,
                                    self._colours(), self.window.trad_action.isChecked())

    def _document_opened(self, doc_id: str) -> None:
        if self._pending_span is not None and self._pending_span[0] == doc_id:
            _d, segment, start, end = self._pending_span
            self._pending_span = None
            self.window.reader.select_span(segment, "zh", start, end)
        if not self.window.reading.english:
            return
        if self._regulations_version != self.ctx.engine.glossary_version:
            self._regulations, self._regulations_version = {}, self.ctx.engine.glossary_version
        linker = self.ctx.engine.english_linker
        wanted = {r.entry for s in self.window.reading.segments for a, b, _e in s.en_terms
                  for r in linker.readings(s.en[a:b])}
        missing = sorted(wanted - set(self._regulations))
        if missing:
            version = self._regulations_version
            self.ops.run(lambda ctx, _oc: ctx.coverage.in_regulations(missing),
                         label=tr("Finding the terms in the regulations"),
                         success=lambda found: self._found_in_regulations(found, version))

    def _found_in_regulations(self, found: dict[str, TermInRegulations], version: int) -> None:
        if version != self._regulations_version:
            return
        self._regulations.update(found)
        popup = self.window.popup
        key = popup.key
        if popup.isVisible() and key is not None and key[0] == "rendering":
            again = self.lookup_html(int(str(key[1])), "en", int(str(key[2])))
            if again is not None:
                popup.label.setText(again[1])
                popup.adjustSize()

    def open_occurrence(self, doc: str, segment: int, start: int, end: int) -> None:
        """Open a regulation at an occurrence of a term, the term selected (from the reverse popup)."""
        w = self.window
        if doc == w.reading.doc_id:
            w.reader.select_span(segment, "zh", start, end)
            return
        self._pending_span = (doc, segment, start, end)
        w.reading.open(doc, segment)

    # -- the entry page -----------------------------------------------------------------------
    @property
    def entry_shown(self) -> str:
        """The id of the entry in the entry view, or ""."""
        return self._entry_shown

    def show_entry(self, entry_id: str) -> None:
        """Show the entry at once; its corpus evidence follows from the background."""
        entry = self.ctx.engine.glossary.entries.get(entry_id)
        if entry is None:
            return
        w = self.window
        self._entry_shown = entry_id
        self._render_entry(entry_id, None)
        w.entry_dock.show()
        w.entry_dock.raise_()
        self.ops.run(lambda ctx, _oc: ctx.qa.evidence(entry_id), label=tr("Counting the corpus evidence"),
                     success=lambda ev: self._render_entry(entry_id, ev), failure=lambda _exc: None)

    def _render_entry(self, entry_id: str, evidence: dict[str, Any] | None) -> None:
        entry = self.ctx.engine.glossary.entries.get(entry_id)
        if entry is None or entry_id != self._entry_shown:
            return
        docs = {*(evidence or {}).get("by_document", {}), *(x.doc for x in entry.examples)}
        titles = self.ctx.library.titles(sorted(docs))
        self.window.entry_browser.setHtml(entry_page_html(entry.to_json(), self.ctx.engine.glossary.sources,
                                                          self._colours(), self._term_names(), evidence, titles))

    def on_changes(self, changes: Changes) -> None:
        if changes.glossary and self._entry_shown:
            if self._entry_shown in self.ctx.engine.glossary.entries:
                self.show_entry(self._entry_shown)
