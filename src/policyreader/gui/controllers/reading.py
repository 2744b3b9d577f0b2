"""The open document: reading it in the background, showing it in the reader and the outline, and the
reader's layout, font and line spacing (kept in the settings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policyreader.core.document import join_side
from policyreader.core.model import DocumentRow, Language, SegmentRow
from policyreader.gui.controllers.base import Controller
from policyreader.gui.i18n import tr
from policyreader.gui.qt import QTimer
from policyreader.gui.reader import LAYOUTS
from policyreader.services.changes import Changes
from policyreader.services.context import AppContext

SPACINGS = (100, 130, 150, 180, 220)


@dataclass
class OpenedDocument:
    """What opening a document reads: its row, its segments and its outline."""

    doc: DocumentRow
    segments: list[SegmentRow]
    outline: list[dict[str, Any]]


def read_document(ctx: AppContext, doc_id: str) -> OpenedDocument | None:
    doc = ctx.library.repo.get(doc_id)
    if doc is None:
        return None
    segments = ctx.library.repo.segments(doc_id)
    return OpenedDocument(doc, segments, ctx.library.outline_of(segments))


class ReadingController(Controller):
    """Opens documents and owns the reader's view settings."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.doc: DocumentRow | None = None
        self.segments: list[SegmentRow] = []
        self._spans: dict[str, list[tuple[int, int]]] = {}
        w = window
        w.outline_pane.segmentActivated.connect(lambda i: w.reader.scroll_to_segment(i))
        # the outline follows the reading position (checked when scrolling pauses)
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(80)
        self._follow.timeout.connect(lambda: w.outline_pane.follow(w.reader.top_segment()))
        w.reader.verticalScrollBar().valueChanged.connect(lambda _v: self._follow.start())
        w.reader.documentBuilt.connect(lambda _d: self._follow.start())

    @property
    def doc_id(self) -> str:
        return self.doc.id if self.doc else ""

    @property
    def english(self) -> bool:
        """The open document is an English document (coverage read against the glossary)."""
        return self.doc is not None and self.doc.lang == Language.EN

    # -- opening ------------------------------------------------------------------------------
    def open(self, doc_id: str, segment: int | None = None) -> None:
        """Read the document in the background, then show it (at *segment*, if given)."""
        self.ops.run(lambda ctx, _oc: read_document(ctx, doc_id), label=tr("Opening the document"),
                     success=lambda opened: self.show(opened, segment))

    def show(self, opened: OpenedDocument | None, segment: int | None = None) -> None:
        """Show a document at *segment*, or where the reader left it last time (the top the first time)."""
        if opened is None:
            return
        w = self.window
        w.popup.dismiss()
        self.remember_position()
        self.doc, self.segments = opened.doc, opened.segments
        self._spans = {}
        at = segment if segment is not None else self.saved_position(opened.doc.id)
        w.reader.set_document(opened.doc.id, opened.segments, at_segment=min(at, max(len(opened.segments) - 1, 0)),
                              english=opened.doc.lang == Language.EN)
        doc_id = opened.doc.id

        def outline() -> None:  # in the next turn of the event loop: a long law's first rows and its
            if self.doc is not None and self.doc.id == doc_id:  # outline were one block of ~100 ms together
                w.outline_pane.set_outline(opened.outline)

        QTimer.singleShot(0, outline)
        w.library_pane.select(opened.doc.id)
        w.setWindowTitle(f"{opened.doc.title} — PolicyReader")
        w.settings.setValue("reader/lastDocument", opened.doc.id)
        w.documentOpened.emit(opened.doc.id)

    def saved_position(self, doc_id: str) -> int:
        try:
            return max(0, int(str(self.window.settings.value(f"positions/{doc_id}", 0))))
        except ValueError:
            return 0

    def remember_position(self) -> None:
        """Keep the open document's reading position (in the settings, per document)."""
        if self.doc_id:
            self.window.settings.setValue(f"positions/{self.doc_id}", self.window.reader.reading_position())

    def reopen(self) -> None:
        """Show the open document again (its links or segments changed), keeping the reading position."""
        if self.doc_id:
            self.open(self.doc_id, self.window.reader.top_segment())

    def on_changes(self, changes: Changes) -> None:
        if self.doc_id and changes.touches(self.doc_id) and (changes.glossary or self.doc_id in changes.documents):
            self.reopen()

    # -- offsets ------------------------------------------------------------------------------
    def spans(self, side: str) -> list[tuple[int, int]]:
        """Each segment's span in one side's text (segments joined by newlines), as annotations count."""
        if side not in self._spans:
            self._spans[side] = join_side([s.zh if side == "zh" else s.en for s in self.segments])[1]
        return self._spans[side]

    def to_side_offset(self, segment: int, side: str, offset: int) -> int:
        return self.spans(side)[segment][0] + offset

    def segment_text(self, segment: int, side: str) -> str:
        s = self.segments[segment]
        return s.zh if side == "zh" else s.en

    # -- view settings ------------------------------------------------------------------------
    def load_settings(self) -> None:
        w, s = self.window, self.window.settings
        layout = str(s.value("reader/layout", "side"))
        font = float(str(s.value("reader/fontSize", 13.0)))
        spacing = int(str(s.value("reader/lineSpacing", 150)))
        w.reader.layout_mode = layout if layout in LAYOUTS else "side"
        w.reader.font_size = max(8.0, min(40.0, font))
        w.reader.line_spacing = spacing if spacing in SPACINGS else 150
        w.layout_actions[w.reader.layout_mode].setChecked(True)
        w.spacing_actions[w.reader.line_spacing].setChecked(True)

    def set_layout(self, mode: str) -> None:
        w = self.window
        w.reader.set_layout_mode(mode)
        w.layout_actions[mode].setChecked(True)
        w.settings.setValue("reader/layout", mode)

    def change_font(self, delta: int) -> None:
        w = self.window
        size = max(8.0, min(40.0, w.reader.font_size + delta))
        w.reader.set_text_style(size, w.reader.line_spacing)
        w.settings.setValue("reader/fontSize", size)

    def set_spacing(self, spacing: int) -> None:
        w = self.window
        w.reader.set_text_style(w.reader.font_size, spacing)
        w.spacing_actions[spacing].setChecked(True)
        w.settings.setValue("reader/lineSpacing", spacing)
