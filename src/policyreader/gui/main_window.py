"""The main window: library, outline and search panes around the reader, with menus and settings."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from policyreader.core.cjk import is_han
from policyreader.core.document import join_side
from policyreader.core.model import AnchorStatus, Annotation, SegmentRow, Status
from policyreader.gui import theme, workers
from policyreader.gui.annotations import COLOURS, AnnotationDialog, AnnotationsPane, DeleteAnnotation
from policyreader.gui.dialogs import EntryBrowser, ImportDialog
from policyreader.gui.entry_html import dictionary_popup_html, entry_page_html, glossary_popup_html
from policyreader.gui.exchange_dialogs import ExportDialog, ImportGlossaryDialog
from policyreader.gui.panes import LibraryPane, OutlinePane, SearchPane
from policyreader.gui.popup import LookupPopup
from policyreader.gui.qa_pane import QAPane
from policyreader.gui.qt import (
    QAction,
    QActionGroup,
    QDockWidget,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPoint,
    QProgressDialog,
    QPushButton,
    QSettings,
    QShortcut,
    Qt,
    QTextCursor,
    QTextDocument,
    QTimer,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from policyreader.gui.reader import LAYOUTS, ReaderView, SpanMark
from policyreader.gui.workbench import AddTermDialog, ConcordancePane, GlossaryBrowser
from policyreader.importers import SUPPORTED_EXTENSIONS
from policyreader.services.annotations import AnnotationService
from policyreader.services.engine import TextEngine
from policyreader.services.glossary_exchange import GlossaryExchange
from policyreader.services.library import BUNDLED_META_KEY, Library
from policyreader.services.paths import AppPaths
from policyreader.services.qa import QAService
from policyreader.services.workbench import GlossaryWorkbench, concordance_csv, sort_concordance
from policyreader.storage.db import get_meta

LAYOUT_LABELS = {"side": "&Side by side", "interleaved": "&Interleaved", "zh": "&Chinese only"}
SPACINGS = (100, 130, 150, 180, 220)
MAX_RECENT = 8


class FindBar(QWidget):
    """Find in the open document (Ctrl+F)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in document…")
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.next_button = QPushButton("Next", self)
        self.prev_button = QPushButton("Previous", self)
        close = QPushButton("✕", self)
        close.setFlat(True)
        close.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(QLabel("Find:", self))
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.prev_button)
        lay.addWidget(self.next_button)
        lay.addWidget(self.status)
        lay.addWidget(close)


class MainWindow(QMainWindow):
    """PolicyReader's main window."""

    documentOpened = Signal(str)
    ready = Signal()

    def __init__(self, paths: AppPaths, settings: QSettings | None = None):
        super().__init__()
        self.paths = paths
        self.settings = settings or QSettings("PolicyReader", "PolicyReader")
        self.engine = TextEngine(paths)
        self.library = Library(self.engine)
        self.annotations = AnnotationService(self.library)
        self.workbench = GlossaryWorkbench(self.library)
        self.qa = QAService(self.library)
        self.undo_stack = QUndoStack(self)
        self.segments: list[SegmentRow] = []
        self.doc_id = ""
        self.dictionary_ready = False
        self._cancel = threading.Event()
        self.setWindowTitle("PolicyReader")
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")

        self.reader = ReaderView(self)
        self.reader.set_entry_lookup(lambda eid: self.engine.glossary.entries.get(eid))
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        central = QWidget(self)
        v = QVBoxLayout(central)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(0)
        v.addWidget(self.reader)
        v.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.library_pane = LibraryPane(self)
        self.outline_pane = OutlinePane(self)
        self.search_pane = SearchPane(self)
        self.library_dock = self._dock("Library", self.library_pane, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.outline_dock = self._dock("Outline", self.outline_pane, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.search_dock = self._dock("Search", self.search_pane, Qt.DockWidgetArea.RightDockWidgetArea)
        self.entry_browser = EntryBrowser(self)
        self.entry_dock = self._dock("Glossary entry", self.entry_browser, Qt.DockWidgetArea.RightDockWidgetArea)
        self.annotations_pane = AnnotationsPane(self)
        self.annotations_dock = self._dock("Annotations", self.annotations_pane, Qt.DockWidgetArea.RightDockWidgetArea)
        self.glossary_browser = GlossaryBrowser(self)
        self.glossary_dock = self._dock("Glossary", self.glossary_browser, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.outline_dock, self.glossary_dock)
        self.outline_dock.raise_()
        self.concordance_pane = ConcordancePane(self)
        self.concordance_dock = self._dock("Concordance", self.concordance_pane, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.concordance_dock.hide()
        self.qa_pane = QAPane(self)
        self.qa_dock = self._dock("QA", self.qa_pane, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.library_dock, self.search_dock], [330, 420], Qt.Orientation.Horizontal)
        # hide the right-hand panes before grouping them as tabs: tabifying visible docks and hiding them
        # afterwards leaves an orphaned tab bar floating over the reader
        for dock in (self.search_dock, self.entry_dock, self.annotations_dock, self.qa_dock):
            dock.hide()
        self.tabifyDockWidget(self.search_dock, self.entry_dock)
        self.tabifyDockWidget(self.search_dock, self.annotations_dock)
        self.tabifyDockWidget(self.search_dock, self.qa_dock)

        self.popup = LookupPopup(self)
        self.popup.linkActivated.connect(self._popup_link)
        self._build_menus()
        self._connect()
        self._load_settings()
        self.statusBar().showMessage("Starting…")
        self.refresh_library()
        self._start_up()

    # -- construction -------------------------------------------------------------------------
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.replace(" ", "") + "Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None, checkable: bool = False) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        mb = self.menuBar()
        file_menu = mb.addMenu("&File")
        self.import_action = self._action(file_menu, "&Import document…", self.show_import_dialog,
                                          QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        self._action(file_menu, "&Export glossary…", self.show_export_dialog, "Ctrl+Shift+E")
        self._action(file_menu, "Import glossary…", self.show_import_glossary_dialog)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = mb.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self.annotate_action = self._action(edit, "&Annotate selection…", self.annotate_selection, "Ctrl+Shift+A")
        self.annotations_action = self._action(edit, "Show a&nnotations", self.show_annotations, "Ctrl+Shift+N")
        edit.addSeparator()
        self.find_action = self._action(edit, "&Find in document…", self.show_find, QKeySequence.StandardKey.Find)
        self.search_action = self._action(edit, "&Search library…", self.show_search, "Ctrl+Shift+F")
        self.lookup_action = self._action(edit, "&Look up word at cursor", self.lookup_at_cursor, "Ctrl+D")

        gmenu = mb.addMenu("&Glossary")
        self.add_term_action = self._action(gmenu, "&Add term from selection…", self.add_term_from_selection,
                                            "Ctrl+T")
        self._action(gmenu, "&Browse glossary", self.show_glossary_browser, "Ctrl+G")
        self._action(gmenu, "&Concordance of the term at the cursor", self.concordance_at_cursor, "Ctrl+Shift+C")
        gmenu.addSeparator()
        self.qa_action = self._action(gmenu, "Check translation (&QA)", self.run_qa, "F7")
        align = mb.addMenu("&Alignment")
        self._action(align, "&Merge segment with the next", self.merge_segment, "Ctrl+Shift+M")
        self._action(align, "&Split segment at the cursor", self.split_segment, "Ctrl+Shift+S")
        self._action(align, "Pull next segment's &English up", lambda: self.shift_english(up=True), "Ctrl+Shift+Up")
        self._action(align, "Push last &English paragraph down", lambda: self.shift_english(up=False),
                     "Ctrl+Shift+Down")
        view = mb.addMenu("&View")
        layout_menu = view.addMenu("&Layout")
        self.layout_group = QActionGroup(self)
        self.layout_actions: dict[str, QAction] = {}
        for i, mode in enumerate(LAYOUTS, start=1):
            act = self._action(layout_menu, LAYOUT_LABELS[mode], lambda _c=False, m=mode: self.set_layout(m),
                               f"Ctrl+{i}", checkable=True)
            self.layout_group.addAction(act)
            self.layout_actions[mode] = act
        view.addSeparator()
        self._action(view, "&Larger text", lambda: self.change_font(+1), QKeySequence.StandardKey.ZoomIn)
        self._action(view, "S&maller text", lambda: self.change_font(-1), QKeySequence.StandardKey.ZoomOut)
        spacing = view.addMenu("Line &spacing")
        self.spacing_group = QActionGroup(self)
        self.spacing_actions: dict[int, QAction] = {}
        for sp in SPACINGS:
            act = self._action(spacing, f"{sp / 100:.1f}×", lambda _c=False, s=sp: self.set_spacing(s),
                               checkable=True)
            self.spacing_group.addAction(act)
            self.spacing_actions[sp] = act
        view.addSeparator()
        self.tone_action = self._action(view, "&Tone colours in pinyin", self._save_view_flags, checkable=True)
        self.trad_action = self._action(view, "Show &traditional forms", self._save_view_flags, checkable=True)
        view.addSeparator()
        for dock in (self.library_dock, self.outline_dock, self.glossary_dock, self.search_dock, self.entry_dock,
                     self.annotations_dock, self.concordance_dock, self.qa_dock):
            view.addAction(dock.toggleViewAction())

        tb = self.addToolBar("Main")
        tb.setObjectName("mainToolbar")
        tb.addAction(self.import_action)
        tb.addAction(self.annotate_action)
        tb.addAction(self.add_term_action)
        tb.addAction(self.qa_action)
        tb.addSeparator()
        for mode in LAYOUTS:
            tb.addAction(self.layout_actions[mode])
        tb.addSeparator()
        self.toolbar_search = QLineEdit(self)
        self.toolbar_search.setObjectName("toolbarSearch")
        self.toolbar_search.setPlaceholderText("Search library  (Ctrl+Shift+F)")
        self.toolbar_search.setClearButtonEnabled(True)
        self.toolbar_search.setMaximumWidth(320)
        tb.addWidget(self.toolbar_search)

        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.activated.connect(self._escape)

    def _connect(self) -> None:
        self.library_pane.documentActivated.connect(self.open_document)
        self.outline_pane.segmentActivated.connect(lambda i: self.reader.scroll_to_segment(i))
        self.search_pane.searchRequested.connect(self.run_search)
        self.search_pane.resultActivated.connect(self.jump_to_result)
        self.toolbar_search.returnPressed.connect(lambda: self.run_search(self.toolbar_search.text()))
        self.reader.pointerMoved.connect(self._on_pointer)
        self.reader.pointerLeft.connect(self._on_pointer_left)
        self.reader.clicked.connect(self._on_click)
        self.find_bar.edit.returnPressed.connect(lambda: self.find_next(False))
        self.find_bar.next_button.clicked.connect(lambda: self.find_next(False))
        self.find_bar.prev_button.clicked.connect(lambda: self.find_next(True))
        self.entry_browser.entryLinkActivated.connect(self.show_entry)
        self.entry_browser.docLinkActivated.connect(self.open_document)
        self.entry_browser.actionLinkActivated.connect(self._entry_action)
        self.glossary_browser.searchChanged.connect(self.refresh_glossary_browser)
        self.glossary_browser.entryActivated.connect(self.show_entry)
        self.concordance_pane.lineActivated.connect(self._jump_to_span)
        self.concordance_pane.exportRequested.connect(self.export_concordance)
        self.qa_pane.findingActivated.connect(lambda f: self.reader.scroll_to_segment(f.segment))
        self.qa_pane.acceptToggled.connect(self._accept_finding)
        self.qa_pane.runRequested.connect(self.run_qa)
        self.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader.customContextMenuRequested.connect(self._reader_menu)
        ap = self.annotations_pane
        ap.activated.connect(self.jump_to_annotation)
        ap.editRequested.connect(self.edit_annotation)
        ap.deleteRequested.connect(self.delete_annotation)
        ap.reattachRequested.connect(self.reattach_annotation)
        ap.scope.currentIndexChanged.connect(lambda _i: self.refresh_annotations())
        ap.tag.currentIndexChanged.connect(lambda _i: self.refresh_annotations())
        ap.term.currentIndexChanged.connect(lambda _i: self.refresh_annotations())
        ap.filter.textChanged.connect(lambda _t: self.refresh_annotations())

    # -- settings -----------------------------------------------------------------------------
    def _load_settings(self) -> None:
        s = self.settings
        layout = str(s.value("reader/layout", "side"))
        font = float(str(s.value("reader/fontSize", 13.0)))
        spacing = int(str(s.value("reader/lineSpacing", 150)))
        self.reader.layout_mode = layout if layout in LAYOUTS else "side"
        self.reader.font_size = max(8.0, min(40.0, font))
        self.reader.line_spacing = spacing if spacing in SPACINGS else 150
        self.layout_actions[self.reader.layout_mode].setChecked(True)
        self.spacing_actions[self.reader.line_spacing].setChecked(True)
        self.tone_action.setChecked(s.value("popup/toneColours", "true") in (True, "true"))
        self.trad_action.setChecked(s.value("popup/traditional", "true") in (True, "true"))
        geo = s.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1400, 900)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        self._rebuild_recent()

    def _save_view_flags(self) -> None:
        self.settings.setValue("popup/toneColours", self.tone_action.isChecked())
        self.settings.setValue("popup/traditional", self.trad_action.isChecked())

    def closeEvent(self, event: Any) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self.doc_id:
            self.settings.setValue("reader/lastDocument", self.doc_id)
        self.settings.sync()
        self.popup.dismiss()
        super().closeEvent(event)

    # -- start-up -----------------------------------------------------------------------------
    def _start_up(self) -> None:
        """Open the last document at once when the library is ready; do slow work off the GUI thread."""
        fresh = get_meta(self.engine.db, BUNDLED_META_KEY) != self.library._corpus_fingerprint()
        if not fresh:
            self._open_initial()
        progress = None
        if fresh:
            progress = QProgressDialog("Importing the bundled corpus…", "", 0, 0, self)
            progress.setCancelButton(None)
            progress.setWindowTitle("First start")
            progress.setMinimumDuration(300)
        worker_engine = self.engine.fork()

        def job(report: Any) -> Any:
            worker_engine.segmenter.warm_up()
            if fresh:
                Library(worker_engine).ensure_bundled(lambda n, t, label: report(n, t, label) or True)
            return worker_engine.dictionary.headwords()

        def done(headwords: Any) -> None:
            if progress is not None:
                progress.close()
            self.engine.__dict__["segmenter"] = worker_engine.segmenter
            self.engine.dictionary._headwords = headwords
            self.dictionary_ready = True
            if fresh:
                self.refresh_library()
                self._open_initial()
            self.statusBar().showMessage(f"Ready — {len(self.engine.glossary)} glossary entries, "
                                         f"{len(self.library.documents())} documents", 8000)
            self.ready.emit()

        def progressed(n: int, total: int, label: str) -> None:
            if progress is not None:
                progress.setMaximum(total)
                progress.setValue(n)
                progress.setLabelText(f"Importing the bundled corpus… {label}")

        if fresh:
            workers.start(job, done, self._error, progressed)
        else:
            # let the first document paint before the warm-up competes for the interpreter
            QTimer.singleShot(150, lambda: workers.start(job, done, self._error, progressed))

    def _open_initial(self) -> None:
        last = str(self.settings.value("reader/lastDocument", ""))
        ids = [d.id for d in self.library.documents()]
        if last in ids:
            self.open_document(last)
        elif ids:
            self.open_document(ids[0])

    def refresh_library(self) -> None:
        self.library_pane.set_documents(self.library.documents())

    # -- documents ----------------------------------------------------------------------------
    def open_document(self, doc_id: str, segment: int | None = None) -> None:
        """Open a library document from its cached segments (no segmentation needed)."""
        doc = self.library.repo.get(doc_id)
        if doc is None:
            return
        self.popup.dismiss()
        self.doc_id = doc_id
        self.segments = self.library.repo.segments(doc_id)
        self.reader.set_document(doc_id, self.segments)
        self.outline_pane.set_outline(self.library.outline(doc_id))
        self.library_pane.select(doc_id)
        self.setWindowTitle(f"{doc.title} — PolicyReader")
        self._add_recent(doc_id)
        self.settings.setValue("reader/lastDocument", doc_id)
        self.refresh_annotations()
        if self.qa_dock.isVisible():
            self.run_qa()
        if segment is not None:
            self.reader.scroll_to_segment(segment)
        self.documentOpened.emit(doc_id)

    def set_layout(self, mode: str) -> None:
        self.reader.set_layout_mode(mode)
        self.layout_actions[mode].setChecked(True)
        self.settings.setValue("reader/layout", mode)

    def change_font(self, delta: int) -> None:
        size = max(8.0, min(40.0, self.reader.font_size + delta))
        self.reader.set_text_style(size, self.reader.line_spacing)
        self.settings.setValue("reader/fontSize", size)

    def set_spacing(self, spacing: int) -> None:
        self.reader.set_text_style(self.reader.font_size, spacing)
        self.spacing_actions[spacing].setChecked(True)
        self.settings.setValue("reader/lineSpacing", spacing)

    def _add_recent(self, doc_id: str) -> None:
        recent = [r for r in self._recent() if r != doc_id]
        recent.insert(0, doc_id)
        self.settings.setValue("recent/documents", recent[:MAX_RECENT])
        self._rebuild_recent()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent/documents", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        for doc_id in self._recent():
            doc = self.library.repo.get(doc_id)
            if doc is None:
                continue
            act = self.recent_menu.addAction(doc.title)
            act.triggered.connect(lambda _c=False, d=doc_id: self.open_document(d))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    # -- lookups ------------------------------------------------------------------------------
    def _colours(self) -> dict[int, str] | None:
        return theme.tone_colours() if self.tone_action.isChecked() else None

    def lookup_html(self, segment: int, side: str, offset: int) -> tuple[tuple[object, ...], str] | None:
        """The popup content for a point in the open document, or None if there is nothing to show."""
        if not (0 <= segment < len(self.segments)):
            return None
        seg = self.segments[segment]
        spans = seg.terms if side == "zh" else seg.en_terms
        for start, end, entry_id in spans:
            if start <= offset < end:
                entry = self.engine.glossary.entries.get(entry_id)
                if entry is None:
                    break
                html = glossary_popup_html(entry.to_json(), self._colours(), self.trad_action.isChecked(),
                                           terms=self._term_names())
                return ("term", segment, side, start), html
        if side != "zh" or not self.dictionary_ready:
            return None
        text = seg.zh
        if not (0 <= offset < len(text)) or not is_han(text[offset]):
            return None
        word, entries = self.engine.dictionary.longest_at(text, offset)
        if not word:
            return None
        html = dictionary_popup_html(word, [e.to_json() for e in entries], self._colours(),
                                     self.trad_action.isChecked())
        return ("word", segment, offset, word), html

    def _term_names(self) -> dict[str, str]:
        return {eid: e.term for eid, e in self.engine.glossary.entries.items()}

    def _on_pointer(self, segment: int, side: str, offset: int, at: QPoint) -> None:
        if self.popup.pinned:
            return
        found = self.lookup_html(segment, side, offset)
        if found is None:
            self.popup.dismiss()
            return
        key, html = found
        if key != self.popup.key or not self.popup.isVisible():
            self.popup.show_html(html, at, key)

    def _on_pointer_left(self) -> None:
        if not self.popup.pinned:
            self.popup.dismiss()

    def _on_click(self, segment: int, side: str, offset: int, at: QPoint) -> None:
        found = self.lookup_html(segment, side, offset)
        if found is None:
            self.popup.dismiss()
            return
        self.popup.show_html(found[1], at, found[0])
        self.popup.pinned = True

    def lookup_at_cursor(self) -> None:
        c = self.reader.textCursor()
        loc = self.reader.locate(c)
        if loc is None:
            return
        found = self.lookup_html(*loc)
        if found is None:
            self.statusBar().showMessage("Nothing to look up at the cursor", 3000)
            return
        at = self.reader.viewport().mapToGlobal(self.reader.cursorRect(c).bottomRight())
        self.popup.show_html(found[1], at, found[0])
        self.popup.pinned = True

    def _popup_link(self, link: str) -> None:
        if link.startswith("entry:"):
            self.popup.dismiss()
            self.show_entry(link[6:])

    def show_entry(self, entry_id: str) -> None:
        entry = self.engine.glossary.entries.get(entry_id)
        if entry is None:
            return
        try:
            evidence = self.qa.evidence(entry_id)
        except Exception:  # noqa: BLE001 - evidence is a bonus; the entry itself must show
            evidence = None
        self.entry_browser.setHtml(entry_page_html(entry.to_json(), self.engine.glossary.sources, self._colours(),
                                                   self._term_names(), evidence))
        self.entry_dock.show()
        self.entry_dock.raise_()

    def _escape(self) -> None:
        if self.popup.isVisible():
            self.popup.dismiss()
        elif self.find_bar.isVisible():
            self.find_bar.hide()
            self.reader.set_find_selection(None)

    # -- find and search ----------------------------------------------------------------------
    def show_find(self) -> None:
        self.find_bar.show()
        self.find_bar.edit.setFocus()
        self.find_bar.edit.selectAll()

    def find_next(self, backward: bool) -> bool:
        text = self.find_bar.edit.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        doc = self.reader.document()
        start = self.reader.textCursor()
        found = doc.find(text, start, flags)
        if found.isNull():
            wrap = QTextCursor(doc)
            if backward:
                wrap.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(text, wrap, flags)
        if found.isNull():
            self.find_bar.status.setText("not found")
            self.reader.set_find_selection(None)
            return False
        self.find_bar.status.setText("")
        self.reader.setTextCursor(found)
        self.reader.ensureCursorVisible()
        self.reader.set_find_selection(found)
        return True

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_pane.query.setFocus()
        self.search_pane.query.selectAll()

    def run_search(self, query: str) -> None:
        if not query.strip():
            return
        self.search_dock.show()
        if self.search_pane.query.text() != query:
            self.search_pane.query.setText(query)
        try:
            hits = self.library.search(query, limit=200)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.search_pane.status.setText(str(exc))
            return
        self.search_pane.set_results(query, hits)

    def jump_to_result(self, doc_id: str, segment: int, side: str) -> None:
        if doc_id != self.doc_id:
            self.open_document(doc_id)
        query = self.search_pane.query.text().strip()
        if side == "zh" and self.reader.layout_mode == "zh":
            pass
        elif side == "en" and self.reader.layout_mode == "zh":
            self.set_layout("side")
        text = self.segments[segment].zh if side == "zh" else self.segments[segment].en
        pos = (text.lower() if side == "en" else text).find(query.lower() if side == "en" else query)
        if pos >= 0:
            self.reader.select_span(segment, side, pos, pos + len(query))
        else:
            self.reader.scroll_to_segment(segment, side)

    # -- annotations --------------------------------------------------------------------------
    def _spans(self, side: str) -> list[tuple[int, int]]:
        return join_side([s.zh if side == "zh" else s.en for s in self.segments])[1]

    def to_side_offset(self, segment: int, side: str, offset: int) -> int:
        return self._spans(side)[segment][0] + offset

    def refresh_annotations(self) -> None:
        """Reload the pane and the marks in the text (after any change)."""
        pane = self.annotations_pane
        entries = self.engine.glossary.entries
        pane.set_filters(self.annotations.tags(), [(f"{e.term} ({e.id})", e.id) for e in sorted(
            entries.values(), key=lambda e: e.pinyin)])
        scope_doc = self.doc_id if pane.scope.currentData() == "doc" else None
        if scope_doc == "":
            pane.set_annotations([], {})
        else:
            items = self.annotations.find(scope_doc, **pane.filters())
            pane.set_annotations(items, {d.id: d.title for d in self.library.documents()})
        marks: list[SpanMark] = []
        if self.doc_id:
            for a in self.annotations.find(self.doc_id):
                if a.status == AnchorStatus.ORPHAN:
                    continue
                for i, (s0, s1) in enumerate(self._spans(a.side)):
                    lo, hi = max(a.start, s0), min(a.end, s1)
                    if lo < hi:
                        marks.append(SpanMark(i, a.side, lo - s0, hi - s0, theme.annotation_colour(a.colour)))
        self.reader.set_marks(marks)

    def show_annotations(self) -> None:
        self.annotations_dock.show()
        self.annotations_dock.raise_()

    def annotate_selection(self) -> Annotation | None:
        loc = self.reader.selection_location()
        if loc is None:
            self.statusBar().showMessage("Select some text in one segment to annotate it", 5000)
            return None
        seg, side, start, end = loc
        text = self.segments[seg].zh if side == "zh" else self.segments[seg].en
        suggested = next((eid for s0, s1, eid in (self.segments[seg].terms if side == "zh"
                                                   else self.segments[seg].en_terms) if s0 <= start < s1), "")
        dlg = AnnotationDialog(self, text[start:end], list(self.engine.glossary.entries.values()),
                               suggested_term=suggested)
        if not dlg.exec():
            return None
        v = dlg.values()
        a = self.annotations.create(self.doc_id, self.to_side_offset(seg, side, start),
                                    self.to_side_offset(seg, side, end), side, v["note"], v["tags"], v["term"],
                                    v["colour"] or COLOURS["yellow"], v["rendering"], v["rationale"])
        self.refresh_annotations()
        self.show_annotations()
        self.statusBar().showMessage("Annotation saved", 4000)
        return a

    def jump_to_annotation(self, a: Annotation) -> None:
        if a.doc != self.doc_id:
            self.open_document(a.doc)
        if a.status == AnchorStatus.ORPHAN:
            self.statusBar().showMessage("This annotation lost its place: select the text it belongs to and "
                                         "press “Re-attach to selection”", 8000)
            return
        if a.side == "en" and self.reader.layout_mode == "zh":
            self.set_layout("side")
        for i, (s0, s1) in enumerate(self._spans(a.side)):
            if s0 <= a.start <= s1:
                self.reader.select_span(i, a.side, a.start - s0, min(a.end, s1) - s0)
                break

    def edit_annotation(self, a: Annotation) -> None:
        dlg = AnnotationDialog(self, a.exact, list(self.engine.glossary.entries.values()), a)
        if dlg.exec():
            self.annotations.edit(a.id, **dlg.values())
            self.refresh_annotations()

    def delete_annotation(self, a: Annotation) -> None:
        self.undo_stack.push(DeleteAnnotation(self.annotations, a, self.refresh_annotations))
        self.statusBar().showMessage("Annotation deleted — Ctrl+Z to undo", 6000)

    def reattach_annotation(self, a: Annotation) -> None:
        loc = self.reader.selection_location()
        if loc is None or a.doc != self.doc_id:
            self.statusBar().showMessage("Open the annotation's document and select the text to attach it to", 6000)
            return
        seg, side, start, end = loc
        self.annotations.reattach(a.id, self.to_side_offset(seg, side, start), self.to_side_offset(seg, side, end),
                                  side)
        self.refresh_annotations()

    # -- glossary workbench -------------------------------------------------------------------
    def show_glossary_browser(self) -> None:
        self.glossary_dock.show()
        self.glossary_dock.raise_()
        self.refresh_glossary_browser()
        self.glossary_browser.query.setFocus()

    def refresh_glossary_browser(self) -> None:
        query, domain, status = self.glossary_browser.filters()
        if query:
            self.glossary_browser.set_entries(self.workbench.search(query, domain, status, limit=500))
        else:
            entries = [e for e in self.engine.glossary.entries.values()
                       if (not domain or domain in e.domains)
                       and (not status or any(r.status == status for r in e.renderings))]
            self.glossary_browser.set_entries(sorted(entries, key=lambda e: (e.pinyin.lower(), e.term)))

    def show_concordance(self, entry_id: str) -> None:
        entry = self.workbench.resolve(entry_id)
        lines = sort_concordance(self.workbench.concordance(entry.id), "doc")
        self.concordance_pane.set_lines(entry.term, lines, {d.id: d.title for d in self.library.documents()})
        self.concordance_dock.show()
        self.concordance_dock.raise_()

    def concordance_at_cursor(self) -> None:
        loc = self.reader.locate(self.reader.textCursor())
        if loc is None:
            return
        seg, side, off = loc
        spans = self.segments[seg].terms if side == "zh" else self.segments[seg].en_terms
        for a, b, eid in spans:
            if a <= off <= b:
                self.show_concordance(eid)
                return
        self.statusBar().showMessage("No glossary term at the cursor", 4000)

    def export_concordance(self) -> None:
        if not self.concordance_pane.lines:
            return
        from policyreader.gui.qt import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, "Export concordance", "concordance.csv", "CSV (*.csv)")
        if path:
            Path(path).write_text(concordance_csv(self.concordance_pane.lines), encoding="utf-8")
            self.statusBar().showMessage(f"Wrote {path}", 5000)

    def _jump_to_span(self, doc: str, segment: int, start: int, end: int) -> None:
        if doc != self.doc_id:
            self.open_document(doc)
        self.reader.select_span(segment, "zh", start, end)

    def _entry_action(self, action: str, entry_id: str) -> None:
        if action == "concordance":
            self.show_concordance(entry_id)
        elif action == "delete":
            answer = QMessageBox.question(self, "PolicyReader", "Delete your entry (or your additions to it)?")
            if answer == QMessageBox.StandardButton.Yes:
                self.workbench.delete(entry_id)
                self.glossary_changed()
        elif action == "edit":
            entry = self.engine.glossary.entries.get(entry_id)
            if entry is None:
                return
            dlg = AddTermDialog(self, entry.term, entry.pinyin, [], entry)
            if dlg.exec():
                v = dlg.values()
                entry.renderings = []
                from policyreader.core.glossary import Rendering, SourceRef

                for i, text in enumerate(v["renderings"]):
                    entry.renderings.append(Rendering(text, v["status"] if i == 0 else Status.ACCEPTED,
                                                      v["used_by"] or "my own choice",
                                                      [SourceRef(x) for x in v["sources"]],
                                                      "" if v["sources"] else "user's own rendering"))
                entry.notes, entry.pinyin = v["note"], v["pinyin"] or entry.pinyin
                self.workbench.save_user_entry(entry)
                self.glossary_changed(entry_id)

    def add_term_from_selection(self) -> None:
        loc = self.reader.selection_location()
        if loc is None or loc[1] != "zh":
            self.statusBar().showMessage("Select a Chinese word or phrase to add it to your glossary", 5000)
            return
        seg, _side, start, end = loc
        term = self.segments[seg].zh[start:end].strip()
        from policyreader.core.pinyin import word_pinyin

        suggestions: list[str] = []
        if self.dictionary_ready:
            for d in self.engine.dictionary.lookup(term):
                suggestions.extend(d.definitions[:6])
        dlg = AddTermDialog(self, term, word_pinyin(term), suggestions)
        if not dlg.exec():
            return
        v = dlg.values()
        try:
            entry = self.workbench.add(v["term"], v["renderings"], v["status"], v["note"], v["used_by"],
                                       v["sources"], pinyin=v["pinyin"])
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._error(str(exc))
            return
        self.glossary_changed(entry.id)

    def glossary_changed(self, show: str | None = None) -> None:
        """After the user glossary changed: the library is re-linked; re-open the document to show it."""
        if self.doc_id:
            top = self.reader.top_segment()
            self.open_document(self.doc_id, top)
        self.refresh_glossary_browser()
        if show and show in self.engine.glossary.entries:
            self.show_entry(show)
        self.statusBar().showMessage("Glossary updated; the library is re-linked", 5000)

    def show_export_dialog(self) -> None:
        exchange = GlossaryExchange(self.library)
        dlg = ExportDialog(self, exchange, self.doc_id, self.annotations.tags())
        if not dlg.exec():
            return
        path = dlg.choose_path()
        if not path:
            return
        try:
            n = exchange.export(dlg.fmt(), Path(path), dlg.selection())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._error(str(exc))
            return
        self.statusBar().showMessage(f"Exported {n} entries to {path}", 8000)

    def show_import_glossary_dialog(self, path: str = "") -> None:
        from policyreader.gui.qt import QFileDialog

        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Import glossary", "",
                                                  "Termbases (*.tbx *.tsv *.txt *.csv *.json);;All files (*)")
        if not path:
            return
        exchange = GlossaryExchange(self.library)
        try:
            _incoming, preview = exchange.preview(Path(path))
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._error(str(exc))
            return
        dlg = ImportGlossaryDialog(self, path, preview)
        if dlg.exec():
            result = exchange.apply(preview, dlg.take_conflicts.isChecked())
            self.glossary_changed()
            self.statusBar().showMessage(f"Imported {result['written']} entries into your glossary", 8000)

    # -- QA -------------------------------------------------------------------------------------
    def run_qa(self) -> None:
        if not self.doc_id:
            return
        self.qa_dock.show()
        self.qa_dock.raise_()
        self.qa._checker = None  # the glossary may have changed
        self.qa_pane.set_findings(self.qa.check_doc(self.doc_id))

    def _accept_finding(self, finding: Any, accepted: bool) -> None:
        self.qa.set_accepted(self.doc_id, finding, accepted)
        self.qa_pane.set_findings(self.qa.check_doc(self.doc_id))

    # -- alignment correction -------------------------------------------------------------------
    def _cursor_segment(self) -> tuple[int, str, int] | None:
        loc = self.reader.locate(self.reader.textCursor())
        if loc is None:
            self.statusBar().showMessage("Put the cursor in a segment first", 4000)
        return loc

    def _apply_alignment(self, fn: Any, *args: Any) -> None:
        from policyreader.services.alignment_edit import AlignmentEditor

        try:
            report = fn(AlignmentEditor(self.library, self.annotations), self.doc_id, *args)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self._error(str(exc))
            return
        top = self.reader.top_segment()
        self.open_document(self.doc_id, top)
        moved = f"; annotations: {report.get('exact', 0)} exact, {report.get('fuzzy', 0)} moved, " \
                f"{report.get('orphan', 0)} orphaned" if report else ""
        self.statusBar().showMessage("Alignment saved" + moved, 6000)

    def merge_segment(self) -> None:
        loc = self._cursor_segment()
        if loc is not None:
            from policyreader.services.alignment_edit import AlignmentEditor

            self._apply_alignment(AlignmentEditor.merge, loc[0])

    def split_segment(self) -> None:
        loc = self._cursor_segment()
        if loc is not None:
            from policyreader.services.alignment_edit import AlignmentEditor

            self._apply_alignment(AlignmentEditor.split, loc[0], loc[1], loc[2])

    def shift_english(self, up: bool) -> None:
        loc = self._cursor_segment()
        if loc is not None:
            from policyreader.services.alignment_edit import AlignmentEditor

            self._apply_alignment(AlignmentEditor.pull_english_up if up else AlignmentEditor.push_english_down,
                                  loc[0])

    def _reader_menu(self, pos: QPoint) -> None:
        from policyreader.gui.qt import QMenu

        menu = QMenu(self)
        loc = self.reader.locate(self.reader.cursorForPosition(pos))
        if self.reader.textCursor().hasSelection():
            menu.addAction(self.annotate_action)
            menu.addAction(self.add_term_action)
            menu.addSeparator()
        if loc is not None:
            seg, side, off = loc
            self.reader.setTextCursor(self.reader.cursorForPosition(pos)) if not self.reader.textCursor(
            ).hasSelection() else None
            menu.addAction(self.lookup_action)
            menu.addSeparator()
            menu.addAction("Merge with the next segment", self.merge_segment)
            menu.addAction("Split segment here", self.split_segment)
            menu.addAction("Pull next segment's English up", lambda: self.shift_english(True))
            menu.addAction("Push last English paragraph down", lambda: self.shift_english(False))
        menu.exec(self.reader.viewport().mapToGlobal(pos))

    # -- importing ----------------------------------------------------------------------------
    def show_import_dialog(self, source: str = "", translation: str = "") -> None:
        dlg = ImportDialog(self, source, translation)
        if dlg.exec():
            self.import_files(*dlg.values())

    def import_files(self, source: str, translation: str | None = None, title: str | None = None) -> None:
        """Import in a worker with a cancellable progress dialog; the window stays responsive."""
        self._cancel.clear()
        progress = QProgressDialog(f"Importing {Path(source).name}…", "Cancel", 0, 0, self)
        progress.setWindowTitle("Import")
        progress.setMinimumDuration(200)
        progress.canceled.connect(self._cancel.set)
        worker_engine = self.engine.fork()

        def job(_report: Any) -> Any:
            return Library(worker_engine).import_path(source, translation, title, cancelled=self._cancel.is_set)

        def done(result: Any) -> None:
            progress.close()
            self.refresh_library()
            self.open_document(result.id)
            msg = (f"Already in the library as “{result.title}”" if result.duplicate else
                   f"Imported “{result.title}”: {result.segments} segments, {result.aligned} aligned")
            self.statusBar().showMessage(msg, 8000)

        def failed(message: str) -> None:
            progress.close()
            if "cancelled" in message and self._cancel.is_set():
                self.statusBar().showMessage("Import cancelled; nothing was written", 6000)
                return
            self._error(message)

        workers.start(job, done, failed)

    def dragEnterEvent(self, event: Any) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(Path(u.toLocalFile()).suffix.lower() in SUPPORTED_EXTENSIONS for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls()]
        if not files:
            return
        # with two files, the one whose name says "en" is the translation
        files.sort(key=lambda f: any(t in Path(f).stem.lower().split(".") for t in ("en", "english")))
        self.show_import_dialog(files[0], files[1] if len(files) > 1 else "")

    def _error(self, message: str) -> None:
        self.statusBar().showMessage(message.splitlines()[0], 10000)
        QMessageBox.warning(self, "PolicyReader", message)
