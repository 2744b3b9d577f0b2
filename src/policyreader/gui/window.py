"""The main window: the reader in the middle, panes as docks around it, menus and the toolbar.

The window only builds and lays out; what happens lives in one controller per concern
(``gui/controllers``), and every slow action runs as a background operation (``gui/ops``) while a busy
indicator shows in the status bar. One ``changed`` signal tells every controller what a write changed.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Any

from policyreader.core.errors import UserError
from policyreader.core.model import SegmentRow
from policyreader.gui.annotations import AnnotationsPane
from policyreader.gui.claims_pane import ClaimsPane
from policyreader.gui.controllers.alignment import AlignmentController
from policyreader.gui.controllers.annotations import AnnotationController
from policyreader.gui.controllers.coverage import CoverageController
from policyreader.gui.controllers.glossary import GlossaryController
from policyreader.gui.controllers.library import LibraryController
from policyreader.gui.controllers.lookup import LookupController
from policyreader.gui.controllers.qa import QAController
from policyreader.gui.controllers.reading import SPACINGS, ReadingController
from policyreader.gui.controllers.search import SearchController
from policyreader.gui.controllers.settings import SettingsController
from policyreader.gui.controllers.team import TeamController
from policyreader.gui.dialogs import EntryBrowser
from policyreader.gui.i18n import source, tr, without_accelerator
from policyreader.gui.ops import OpRunner
from policyreader.gui.panes import FindBar, LibraryPane, OutlinePane, SearchPane
from policyreader.gui.plain import message_box
from policyreader.gui.popup import LookupPopup
from policyreader.gui.qa_pane import QAPane
from policyreader.gui.qt import (
    QAction,
    QActionGroup,
    QDockWidget,
    QGuiApplication,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPoint,
    QProgressBar,
    QSettings,
    QShortcut,
    Qt,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from policyreader.gui.reader import LAYOUTS, ReaderView
from policyreader.gui.recovery import open_library
from policyreader.gui.review_pane import ReviewPane
from policyreader.gui.workbench import ConcordancePane, GlossaryBrowser
from policyreader.services.context import AppContext
from policyreader.services.paths import AppPaths


def layout_labels() -> dict[str, str]:
    """The reader's layouts as the View menu and the toolbar name them."""
    return {"side": tr("&Side by side"), "interleaved": tr("&Interleaved"), "zh": tr("&Chinese only")}


class MainWindow(QMainWindow):
    """PolicyReader's main window."""

    documentOpened = Signal(str)
    ready = Signal()

    def __init__(self, paths: AppPaths, settings: QSettings | None = None):
        super().__init__()
        self.paths = paths
        self.settings = settings or QSettings("PolicyReader", "PolicyReader")
        self.ctx = AppContext(paths)
        moved = open_library(self.ctx)  # a damaged library: moved aside if the user agrees, else we stop here
        self.ops = OpRunner(self.ctx, self)
        self.ops.failure_handler = self.show_error
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle("PolicyReader")
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self._build_panes()
        self.popup = LookupPopup(self)
        self.reading = ReadingController(self)
        self.library = LibraryController(self)
        self.lookup = LookupController(self)
        self.search = SearchController(self)
        self.annotations = AnnotationController(self)
        self.glossary = GlossaryController(self)
        self.qa = QAController(self)
        self.alignment = AlignmentController(self)
        self.coverage = CoverageController(self)
        self.team = TeamController(self)
        self._build_menus()
        self._build_busy_indicator()
        self.reader.set_entry_lookup(lambda eid: self.ctx.engine.glossary.entries.get(eid))
        self.reader.set_rendering_status(self._rendering_status)
        self.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader.customContextMenuRequested.connect(self._reader_menu)
        self._load_settings()
        self.prefs = SettingsController(self)  # after the View menu's flags: Preferences override them
        self.statusBar().showMessage(tr("The damaged library was moved to {path}; a fresh one was started")
                                     .format(path=moved) if moved else tr("Starting…"))
        self.library.start_up()

    # -- what tests and scripts ask of the window -----------------------------------------------
    @property
    def doc_id(self) -> str:
        return self.reading.doc_id

    @property
    def segments(self) -> list[SegmentRow]:
        return self.reading.segments

    # -- construction -------------------------------------------------------------------------
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(source(title).replace(" ", "") + "Dock")  # the same in every language: saved layouts
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_panes(self) -> None:
        self.reader = ReaderView(self)
        self.toolbar_search = QLineEdit(self)
        self.toolbar_search.setObjectName("toolbarSearch")
        self.toolbar_search.setAccessibleName(tr("Search the library"))
        self.toolbar_search.setPlaceholderText(tr("Search library  (Ctrl+Shift+F)"))
        self.toolbar_search.setClearButtonEnabled(True)
        self.toolbar_search.setMaximumWidth(320)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        central = QWidget(self)
        v = QVBoxLayout(central)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(0)
        v.addWidget(self.reader)
        v.addWidget(self.find_bar)
        self.setCentralWidget(central)
        left, right, bottom = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                               Qt.DockWidgetArea.BottomDockWidgetArea)
        self.library_pane = LibraryPane(self)
        self.outline_pane = OutlinePane(self)
        self.search_pane = SearchPane(self)
        self.library_dock = self._dock(tr("Library"), self.library_pane, left)
        self.outline_dock = self._dock(tr("Outline"), self.outline_pane, left)
        self.search_dock = self._dock(tr("Search"), self.search_pane, right)
        self.entry_browser = EntryBrowser(self)
        self.entry_dock = self._dock(tr("Glossary entry"), self.entry_browser, right)
        self.annotations_pane = AnnotationsPane(self)
        self.annotations_dock = self._dock(tr("Annotations"), self.annotations_pane, right)
        self.glossary_browser = GlossaryBrowser(self)
        self.glossary_dock = self._dock(tr("Glossary"), self.glossary_browser, left)
        self.tabifyDockWidget(self.outline_dock, self.glossary_dock)
        self.outline_dock.raise_()
        self.concordance_pane = ConcordancePane(self)
        self.concordance_dock = self._dock(tr("Concordance"), self.concordance_pane, bottom)
        self.concordance_dock.hide()
        self.qa_pane = QAPane(self)
        self.qa_dock = self._dock(tr("QA"), self.qa_pane, right)
        self.review_pane = ReviewPane(self)
        self.review_dock = self._dock(tr("Review alignment"), self.review_pane, right)
        self.claims_pane = ClaimsPane(self)
        self.claims_dock = self._dock(tr("Claims summary"), self.claims_pane, right)
        self._fit_docks(1400)
        # Tab follows reading order: the library (filter, list), the outline, the reader, the side panes
        self.library_pane.filter.setObjectName("libraryFilter")
        chain = [self.library_pane.filter, self.library_pane.view, self.outline_pane, self.reader,
                 self.search_pane.query, self.search_pane.results]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        # hide the right-hand panes before grouping them as tabs: tabifying visible docks and hiding them
        # afterwards leaves an orphaned tab bar floating over the reader
        right_docks = (self.entry_dock, self.annotations_dock, self.qa_dock, self.review_dock, self.claims_dock)
        for dock in (self.search_dock, *right_docks):
            dock.hide()
        for dock in right_docks:
            self.tabifyDockWidget(self.search_dock, dock)

    def _action(self, menu: Any, text: str, slot: Callable[[], Any], shortcut: Any = None,
                checkable: bool = False, name: str = "") -> QAction:
        """A menu action. *slot* is called with no arguments: ``triggered(bool)``'s flag never leaks into it.
        Its object name comes from the English label, whatever the interface language."""
        act = QAction(text, self)
        act.setObjectName(name or "action" + "".join(w.capitalize() for w in source(text).replace("&", "").split()
                                                     if w.isalnum()))
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        act.triggered.connect(lambda _checked=False: slot())
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        mb = self.menuBar()
        lib, rd, gl, an, al = self.library, self.reading, self.glossary, self.annotations, self.alignment
        file_menu = mb.addMenu(tr("&File"))
        self.import_action = self._action(file_menu, tr("&Import document…"), lib.show_import_dialog,
                                          QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(tr("Open &recent"))
        self._action(file_menu, tr("E&xport document…"), lib.show_export_dialog)
        file_menu.addSeparator()
        self._action(file_menu, tr("&Export glossary…"), gl.show_export_dialog, "Ctrl+Shift+E")
        self._action(file_menu, tr("Import glossary…"), gl.show_import_dialog)
        self._action(file_menu, tr("Export &bibliography…"), gl.export_bibliography)
        file_menu.addSeparator()
        self._action(file_menu, tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = mb.addMenu(tr("&Edit"))
        self.undo_action = undo = self.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self.annotate_action = self._action(edit, tr("&Annotate selection…"), an.annotate_selection, "Ctrl+Shift+A")
        self.annotations_action = self._action(edit, tr("Show a&nnotations"), an.show_pane, "Ctrl+Shift+N")
        edit.addSeparator()
        self.find_action = self._action(edit, tr("&Find in document…"), self.search.show_find,
                                        QKeySequence.StandardKey.Find)
        self.search_action = self._action(edit, tr("&Search library…"), self.search.show_search, "Ctrl+Shift+F")
        self.lookup_action = self._action(edit, tr("&Look up word at cursor"), self.lookup.lookup_at_cursor, "Ctrl+D")
        edit.addSeparator()
        pref = self._action(edit, tr("&Preferences…"), lambda: self.prefs.show_preferences(),
                            QKeySequence.StandardKey.Preferences)
        pref.setMenuRole(QAction.MenuRole.PreferencesRole)
        if pref.shortcut().isEmpty():  # Linux and Windows define no standard key: Ctrl+, as in most apps
            pref.setShortcut(QKeySequence("Ctrl+,"))

        gmenu = mb.addMenu(tr("&Glossary"))
        self.add_term_action = self._action(gmenu, tr("&Add term from selection…"), gl.add_term_from_selection,
                                            "Ctrl+T")
        self._action(gmenu, tr("&Browse glossary"), gl.show_browser, "Ctrl+G")
        self.concordance_action = self._action(gmenu, tr("&Concordance of the term at the cursor"),
                                               gl.concordance_at_cursor, "Ctrl+Shift+C")
        self.cite_action = self._action(gmenu, tr("Copy c&itation of the entry"), gl.copy_citation,
                                        name="actionCopyCitation")
        self.entry_browser.extra_actions = [self.cite_action]
        gmenu.addSeparator()
        self.qa_action = self._action(gmenu, tr("Check translation (&QA)"), self.qa.run, "F7")
        self.claims_action = self._action(gmenu, tr("C&laims summary of this document"), self.coverage.show_claims,
                                          "Ctrl+Shift+L")
        amenu = mb.addMenu(tr("&Alignment"))
        self._action(amenu, tr("&Merge segment with the next"), al.merge, "Ctrl+Shift+M")
        self._action(amenu, tr("&Split segment at the cursor"), al.split, "Ctrl+Shift+S")
        self._action(amenu, tr("Pull next segment's &English up"), lambda: al.shift_english(True), "Ctrl+Shift+Up")
        self._action(amenu, tr("Push last &English paragraph down"), lambda: al.shift_english(False), "Ctrl+Shift+Down")
        amenu.addSeparator()
        self._action(amenu, tr("&Review alignment"), al.show_review, "Ctrl+Shift+R")
        self._action(amenu, tr("&Next segment to review"), lambda: al.step(True), "F8")
        self._action(amenu, tr("&Previous segment to review"), lambda: al.step(False), "Shift+F8")
        self._action(amenu, tr("Alignment &looks right"), al.confirm, "Ctrl+Shift+Return")
        tmenu = mb.addMenu(tr("&Team"))
        self._action(tmenu, tr("&Join a team…"), self.team.join)
        self._action(tmenu, tr("&Sync with the team"), self.team.sync, "Ctrl+Shift+Y")
        resolve = self._action(tmenu, tr("&Resolve conflicts…"), self.team.resolve_conflicts)
        tmenu.addSeparator()
        self.team.attach(self._action(tmenu, tr("Last sync"), lambda: None, name="actionTeamLastSync"), resolve)
        view = mb.addMenu(tr("&View"))
        layout_menu = view.addMenu(tr("&Layout"))
        self.layout_group = QActionGroup(self)
        self.layout_actions: dict[str, QAction] = {}
        labels = layout_labels()
        for i, mode in enumerate(LAYOUTS, start=1):
            act = self._action(layout_menu, labels[mode], functools.partial(rd.set_layout, mode), f"Ctrl+{i}",
                               checkable=True, name=f"actionLayout{mode.capitalize()}")
            self.layout_group.addAction(act)
            self.layout_actions[mode] = act
        view.addSeparator()
        self._action(view, tr("&Larger text"), lambda: rd.change_font(+1), QKeySequence.StandardKey.ZoomIn)
        self._action(view, tr("S&maller text"), lambda: rd.change_font(-1), QKeySequence.StandardKey.ZoomOut)
        spacing = view.addMenu(tr("Line &spacing"))
        self.spacing_group = QActionGroup(self)
        self.spacing_actions: dict[int, QAction] = {}
        for sp in SPACINGS:
            act = self._action(spacing, f"{sp / 100:.1f}×", functools.partial(rd.set_spacing, sp), checkable=True,
                               name=f"actionSpacing{sp}")
            self.spacing_group.addAction(act)
            self.spacing_actions[sp] = act
        view.addSeparator()
        self.tone_action = self._action(view, tr("&Tone colours in pinyin"), self._save_view_flags, checkable=True)
        self.trad_action = self._action(view, tr("Show &traditional forms"), self._save_view_flags, checkable=True)
        view.addSeparator()
        for dock in (self.library_dock, self.outline_dock, self.glossary_dock, self.search_dock, self.entry_dock,
                     self.annotations_dock, self.concordance_dock, self.qa_dock, self.review_dock,
                     self.claims_dock):
            view.addAction(dock.toggleViewAction())

        help_menu = mb.addMenu(tr("&Help"))
        self._action(help_menu, tr("&Keyboard shortcuts"), lambda: self.prefs.show_shortcuts(), "Ctrl+/")
        about = self._action(help_menu, tr("&About PolicyReader"), lambda: self.prefs.show_about())
        about.setMenuRole(QAction.MenuRole.AboutRole)

        tb = self.addToolBar(tr("Main toolbar"))
        tb.setObjectName("mainToolbar")
        for act in (self.import_action, self.annotate_action, self.add_term_action, self.qa_action):
            tb.addAction(act)
        tb.addSeparator()
        for mode in LAYOUTS:
            tb.addAction(self.layout_actions[mode])
        for act in tb.actions():
            if act.text():  # a button shows no "(&I)"
                act.setIconText(without_accelerator(act.text()))
        tb.addSeparator()
        tb.addWidget(self.toolbar_search)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.activated.connect(self._escape)

    def _build_busy_indicator(self) -> None:
        self.busy_label = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busyIndicator")
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.setAccessibleName(tr("Working"))
        for w in (self.busy_label, self.busy_bar):
            self.statusBar().addPermanentWidget(w)
            w.hide()
        self.ops.started.connect(lambda label: self.busy_label.setText(label + "…"))
        self.ops.busy.connect(self._busy)

    def _busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _fit_docks(self, width: int) -> None:
        """Dock widths that leave the reader room: on a small screen (1024 px) the side panes share what the
        reader does not need, instead of squeezing it to a column of a few words."""
        left, right = (330, 420) if width >= 1400 else (max(200, width // 5), max(240, width // 4))
        self.resizeDocks([self.library_dock, self.search_dock], [left, right], Qt.Orientation.Horizontal)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        old, new = event.oldSize().width(), event.size().width()
        if (old < 1400) != (new < 1400) or old <= 0:
            self._fit_docks(new)

    # -- settings -----------------------------------------------------------------------------
    def _load_settings(self) -> None:
        s = self.settings
        self.reading.load_settings()
        self.tone_action.setChecked(s.value("popup/toneColours", "true") in (True, "true"))
        self.trad_action.setChecked(s.value("popup/traditional", "true") in (True, "true"))
        geo = s.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self._first_size()
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        self.library.rebuild_recent()

    def _first_size(self) -> None:
        """With no saved geometry: 1400 × 900, or what the screen has room for (a laptop's 1280 × 800, a
        1024 × 768 projector), centred on it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1400, 900)
            return
        room = screen.availableGeometry()
        # the frame (title bar, borders) is not known before the window is shown: leave room for one
        width, height = min(1400, room.width() - 16), min(900, room.height() - 48)
        self.resize(width, height)
        self.move(room.x() + max(0, (room.width() - width) // 2), room.y() + max(0, (room.height() - height) // 2))

    def _rendering_status(self, entry_id: str, written: str) -> str | None:
        """The status of a rendering in an English document, for its colour."""
        reading = self.ctx.engine.english_linker.reading(entry_id, written)
        return reading.status if reading else None

    def _save_view_flags(self) -> None:
        self.settings.setValue("popup/toneColours", self.tone_action.isChecked())
        self.settings.setValue("popup/traditional", self.trad_action.isChecked())

    def closeEvent(self, event: Any) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self.doc_id:
            self.settings.setValue("reader/lastDocument", self.doc_id)
            self.reading.remember_position()
        self.settings.sync()
        self.popup.dismiss()
        self.ops.shutdown()
        super().closeEvent(event)

    # -- window-wide behaviour ----------------------------------------------------------------
    def _escape(self) -> None:
        if self.popup.isVisible():
            self.popup.dismiss()
        else:
            self.search.close_find()

    def _reader_menu(self, pos: QPoint) -> None:
        """The reader's context menu. A right-click on a word with nothing selected selects that word first,
        so Copy, Annotate, Add term and Search apply to what the user pointed at."""
        reader = self.reader
        loc = reader.locate(reader.cursorForPosition(pos))
        if loc is not None and not reader.textCursor().hasSelection():
            seg, side, off = loc
            start, end = reader.word_span(seg, off) if side == "zh" else (off, off)
            reader.setTextCursor(reader.cursor_for(seg, side, start, end) or reader.cursorForPosition(pos))
        selected = reader.textCursor().selectedText().strip()
        menu = QMenu(self)
        menu.setObjectName("readerMenu")
        copy = menu.addAction(tr("&Copy"), reader.copy)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(bool(selected))
        menu.addAction(self.lookup_action)
        menu.addSeparator()
        for act in (self.annotate_action, self.add_term_action):
            menu.addAction(act)
        menu.addAction(self.concordance_action)
        search = menu.addAction(tr("Search the library for “{text}”").format(text=selected[:20]) if selected
                                else tr("Search the library"),
                                lambda: self.search.run_search(selected))
        search.setEnabled(bool(selected))
        if loc is not None:
            menu.addSeparator()
            menu.addAction(tr("Merge with the next segment"), self.alignment.merge)
            menu.addAction(tr("Split segment here"), self.alignment.split)
            menu.addAction(tr("Pull next segment's English up"), lambda: self.alignment.shift_english(True))
            menu.addAction(tr("Push last English paragraph down"), lambda: self.alignment.shift_english(False))
        menu.exec(reader.viewport().mapToGlobal(pos))

    def dragEnterEvent(self, event: Any) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.library.accepts_drop([u.toLocalFile() for u in urls]):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        self.library.drop([u.toLocalFile() for u in event.mimeData().urls()])

    def show_error(self, exc: BaseException | str) -> None:
        """A failure the user must see: one line in the status bar, the whole message in a dialog."""
        if isinstance(exc, sqlite3.Error | OSError):
            exc = self.ctx.explain(exc)  # a damaged, read-only or full library: what it means, in words
        if isinstance(exc, UserError | str):
            message = str(exc)
        else:
            message = tr("Something went wrong ({error}). Please report it.").format(
                error=f"{type(exc).__name__}: {exc}")
        self.statusBar().showMessage(message.splitlines()[0], 10000)
        message_box(self, QMessageBox.Icon.Warning, "PolicyReader", message).exec()

