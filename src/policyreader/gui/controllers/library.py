"""The library pane, recent documents, start-up (warming up and the bundled corpus), importing documents
(File → Import document…, drag and drop) and exporting them (File → Export document…: TMX, the English,
a bilingual Word table)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from policyreader.gui.controllers.base import Controller
from policyreader.gui.dialogs import ImportDialog
from policyreader.gui.exchange_dialogs import ExportDocumentDialog
from policyreader.gui.i18n import tr
from policyreader.gui.ops import OpContext, OperationCancelled
from policyreader.gui.qt import QProgressDialog, QTimer
from policyreader.services.changes import Changes
from policyreader.services.context import AppContext
from policyreader.services.formats import Kind, extensions
from policyreader.services.library import ImportCancelled, ImportResult

MAX_RECENT = 8


class LibraryController(Controller):
    """Keeps the library pane in step with the library; imports documents in the background."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.dictionary_ready = False
        self._no_document: Callable[[], None] = lambda: None
        window.library_pane.documentActivated.connect(lambda d: window.reading.open(d))
        window.documentOpened.connect(self.add_recent)

    # -- the list -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ops.run(lambda ctx, _oc: ctx.library.listing(), label=tr("Reading the library"),
                     success=self.window.library_pane.set_documents)

    def on_changes(self, changes: Changes) -> None:
        if changes.library:
            self.refresh()
            self.rebuild_recent()

    # -- start-up -----------------------------------------------------------------------------
    def start_up(self) -> None:
        """Open the last document at once; do slow work off the GUI thread.

        A new data directory starts as a copy of the library built at install (``services/seed.py``), so
        there is a document to show at once. When the bundled corpus still has to be imported (no seed, or
        one older than the corpus), the documents already there are shown while it is refreshed, or, in an
        empty library, the first one as soon as it is imported; the status bar shows the progress.
        """
        w = self.window
        refresh = self.ctx.library.needs_bundled()  # opens the database (a new one is planted from the seed)
        self.refresh()
        waiting = {"warm-up", "first document"}
        opening = {"started": False}

        def settled(what: str) -> None:
            # ready once the engine is warm and the first document (if any) is shown
            if what in waiting:
                waiting.discard(what)
                if not waiting:
                    w.documentOpened.disconnect(first_opened)
                    w.ready.emit()

        def first_opened(_doc: str) -> None:
            settled("first document")

        def open_first() -> None:
            if not opening["started"]:
                opening["started"] = True
                self.open_initial()

        w.documentOpened.connect(first_opened)
        self._no_document = lambda: settled("first document")
        if not refresh or self.ctx.library.count():
            open_first()

        def warm_up(ctx: AppContext, oc: OpContext) -> int:
            if refresh:

                def report(n: int, total: int, label: str) -> bool:
                    oc.progress(n, total, label)
                    return True

                ctx.library.ensure_bundled(report)
            ctx.engine.warm_up_reading()
            return len(ctx.engine.dictionary.headwords())

        def done(_n: int) -> None:
            self.ctx.engine.adopt(self.ops.worker_context().engine)
            self.dictionary_ready = True
            open_first()
            self.status(tr("Ready — {entries} glossary entries, {documents} documents").format(
                entries=len(self.ctx.engine.glossary), documents=self.ctx.library.count()), 8000)
            settled("warm-up")

        def progressed(n: int, total: int, label: str) -> None:
            self.status(tr("Importing the bundled corpus… {n}/{total} {document}").format(
                n=n + 1, total=total, document=label), 0)

        def failed(exc: BaseException) -> None:
            self.error(exc)

        def start() -> None:
            self.ops.run(warm_up, label=tr("Starting up"), success=done, failure=failed, progress=progressed)

        if opening["started"]:
            # once the first document is wholly in the view, or there is none: the warm-up's imports and
            # tables compete with the reader's building for the interpreter, and a long law's steps took 4x
            # longer. (10 s at most: a safety net should the document fail to open; a busy machine can take
            # several seconds to build a long law.)
            begun = {"done": False}

            def begin(*_args: object) -> None:
                if not begun["done"]:
                    begun["done"] = True
                    w.reader.documentBuilt.disconnect(begin)
                    start()

            def no_document() -> None:
                settled("first document")
                begin()

            w.reader.documentBuilt.connect(begin)
            self._no_document = no_document
            QTimer.singleShot(10_000, begin)
        else:  # an empty library: one bundled document first, shown before the others are imported
            def shown(_doc: str = "") -> None:
                w.documentOpened.disconnect(shown)
                self._no_document = lambda: settled("first document")
                start()

            def nothing_to_show() -> None:
                settled("first document")
                shown()

            def first_imported(_any: bool) -> None:
                w.documentOpened.connect(shown)
                self._no_document = nothing_to_show
                open_first()

            self.ops.run(lambda ctx, _oc: ctx.library.import_first_bundled(), label=tr("Importing a first document"),
                         success=first_imported, failure=failed)

    def open_initial(self) -> None:
        last = str(self.window.settings.value("reader/lastDocument", ""))

        def choose(ctx: AppContext, _oc: OpContext) -> str:
            ids = [d.id for d in ctx.library.listing()]
            return last if last in ids else (ids[0] if ids else "")

        def chosen(doc_id: str) -> None:
            if doc_id:
                self.window.reading.open(doc_id)
            else:
                self._no_document()

        self.ops.run(choose, label=tr("Opening the last document"), success=chosen)

    # -- recent documents ---------------------------------------------------------------------
    def add_recent(self, doc_id: str) -> None:
        recent = [r for r in self.recent() if r != doc_id]
        recent.insert(0, doc_id)
        self.window.settings.setValue("recent/documents", recent[:MAX_RECENT])
        self.rebuild_recent()

    def recent(self) -> list[str]:
        value = self.window.settings.value("recent/documents", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def rebuild_recent(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        titles = self.ctx.library.titles(self.recent())
        for doc_id in self.recent():
            if doc_id not in titles:
                continue
            act = menu.addAction(titles[doc_id])
            act.triggered.connect(lambda _c=False, d=doc_id: self.window.reading.open(d))
        menu.setEnabled(bool(menu.actions()))

    # -- importing ----------------------------------------------------------------------------
    def show_import_dialog(self, source: str = "", translation: str = "") -> None:
        dlg = ImportDialog(self.window, source, translation)
        if dlg.exec():
            self.import_files(*dlg.values())

    def import_files(self, source: str, translation: str | None = None, title: str | None = None,
                     lang: str | None = None) -> None:
        """Import in the background with a cancellable progress dialog; the window stays responsive."""
        w = self.window
        progress = QProgressDialog(tr("Importing {file}…").format(file=Path(source).name), tr("Cancel"), 0, 0, w)
        progress.setWindowTitle(tr("Import"))
        progress.setMinimumDuration(200)

        def job(ctx: AppContext, oc: OpContext) -> ImportResult:
            return ctx.library.import_path(source, translation, title, cancelled=lambda: oc.token.cancelled, lang=lang)

        def done(result: ImportResult) -> None:
            progress.close()
            w.reading.open(result.id)
            if result.duplicate:
                self.status(tr("Already in the library as “{title}”").format(title=result.title), 8000)
            elif result.lang == "en":
                self.status(tr("Imported the English document “{title}”: {n} paragraphs").format(
                    title=result.title, n=result.segments), 8000)
            else:
                self.status(tr("Imported “{title}”: {n} segments, {aligned} aligned").format(
                    title=result.title, n=result.segments, aligned=result.aligned), 8000)

        def failed(exc: BaseException) -> None:
            progress.close()
            if isinstance(exc, ImportCancelled | OperationCancelled):
                self.status(tr("Import cancelled; nothing was written"), 6000)
            else:
                self.error(exc)

        op = self.ops.run(job, label=tr("Importing {file}").format(file=Path(source).name), success=done,
                          failure=failed)
        progress.canceled.connect(op.token.cancel)

    # -- exporting ----------------------------------------------------------------------------
    def show_export_dialog(self) -> None:
        w = self.window
        doc = w.reading.doc_id
        title = self.ctx.library.titles([doc]).get(doc, doc) if doc else ""
        dlg = ExportDocumentDialog(w, doc, title)
        if not dlg.exec():
            return
        path = dlg.choose_path()
        if not path:
            return
        fmt, docs = dlg.fmt(), dlg.documents()

        def done(n: int) -> None:
            self.status(tr("Exported {n} translated segment(s) to {path}").format(n=n, path=path), 8000)

        self.ops.run(lambda ctx, _oc: ctx.exports.export(fmt, Path(path), docs).translated,
                     label=tr("Exporting"), success=done, failure=self.error)

    def accepts_drop(self, files: list[str]) -> bool:
        known = set(extensions(Kind.DOCUMENT))
        return bool(files) and all(Path(f).suffix.lower() in known for f in files)

    def drop(self, files: list[str]) -> None:
        if not files:
            return
        # with two files, the one whose name says "en" is the translation
        files.sort(key=lambda f: any(t in Path(f).stem.lower().split(".") for t in ("en", "english")))
        self.show_import_dialog(files[0], files[1] if len(files) > 1 else "")
