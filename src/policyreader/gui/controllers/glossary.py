"""The glossary workbench in the window: the glossary browser, concordances, adding a term from the
selection, editing and deleting the user's entries, File → Export/Import glossary, the bibliography for
reference managers and "Copy citation" for the entry shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policyreader.core.glossary import GlossaryEntry
from policyreader.core.pinyin import word_pinyin
from policyreader.gui.controllers.base import Controller
from policyreader.gui.exchange_dialogs import ExportDialog, ImportGlossaryDialog
from policyreader.gui.i18n import tr
from policyreader.gui.labels import chosen_format, file_filter
from policyreader.gui.qt import QFileDialog, QGuiApplication, QMessageBox
from policyreader.gui.workbench import AddTermDialog
from policyreader.services.changes import Changes
from policyreader.services.concordance import Concordance, concordance_csv, sort_concordance
from policyreader.services.context import AppContext
from policyreader.services.files import write_user_text
from policyreader.services.formats import Kind, formats


class GlossaryController(Controller):
    """Everything that reads or writes the glossary from the window."""

    def __init__(self, window: Any):
        super().__init__(window)
        w = window
        w.glossary_browser.searchChanged.connect(self.refresh_browser)
        w.glossary_browser.entryActivated.connect(lambda eid: w.lookup.show_entry(eid))
        w.concordance_pane.lineActivated.connect(self._jump_to_span)
        w.concordance_pane.exportRequested.connect(self.export_concordance)
        w.concordance_pane.sortRequested.connect(self.sort_concordance)
        self._concordance_entry = ""
        w.entry_browser.actionLinkActivated.connect(self._entry_action)
        self._pending_span: tuple[str, int, int, int] | None = None
        w.documentOpened.connect(self._opened)

    def on_changes(self, changes: Changes) -> None:
        if changes.glossary:
            self.refresh_browser()
        if self._concordance_entry and (changes.glossary or changes.library or changes.documents):
            if changes.glossary and self._concordance_entry not in self.ctx.engine.glossary.entries:
                self._concordance_entry = ""  # the user's entry was deleted: the lines shown stay as they are
            else:
                self.show_concordance(self._concordance_entry, refresh=True)  # counted again

    # -- browser ------------------------------------------------------------------------------
    def show_browser(self) -> None:
        w = self.window
        w.glossary_dock.show()
        w.glossary_dock.raise_()
        self.refresh_browser()
        w.glossary_browser.query.setFocus()

    def refresh_browser(self) -> None:
        """The entries matching the browser's filters (a search over a few hundred entries in memory)."""
        query, domain, status = self.window.glossary_browser.filters()
        if query:
            self.window.glossary_browser.set_entries(self.ctx.workbench.search(query, domain, status, limit=500))
            return
        entries = [e for e in self.ctx.engine.glossary.entries.values()
                   if (not domain or domain in e.domains) and (not status or any(r.status == status
                                                                                 for r in e.renderings))]
        self.window.glossary_browser.set_entries(sorted(entries, key=lambda e: (e.pinyin.lower(), e.term)))

    # -- concordance --------------------------------------------------------------------------
    def show_concordance(self, entry_id: str, refresh: bool = False) -> None:
        """Open the entry's concordance in its pane: counted on the database thread, its lines then read
        on this one as the view shows them. A *refresh* (the library changed) keeps the pane's order and
        does not bring it forward."""
        w = self.window

        def read(ctx: AppContext, _oc: Any) -> tuple[Concordance, dict[str, str]]:
            lines = ctx.workbench.concordance(entry_id)
            return lines, ctx.library.titles(lines.documents())

        def show(result: tuple[Concordance, dict[str, str]]) -> None:
            lines, titles = result
            self._concordance_entry = entry_id
            w.concordance_pane.set_lines(lines.term, self.ctx.workbench.bind(lines), titles, refresh)
            if not refresh:
                w.concordance_dock.show()
                w.concordance_dock.raise_()

        self.ops.run(read, label=tr("Building the concordance"), success=show, failure=self.error)

    def sort_concordance(self, key: str, descending: bool) -> None:
        """The concordance's lines in another order, sorted on the database thread (sorting by context
        reads every line)."""
        pane = self.window.concordance_pane
        lines, titles = pane.lines, pane.titles
        self.ops.run(lambda ctx, _oc: sort_concordance(ctx.workbench.bind(lines), key, descending, titles),
                     label=tr("Sorting the concordance"),
                     success=lambda result: pane.set_sorted(self.ctx.workbench.bind(result)), failure=self.error)

    def concordance_at_cursor(self) -> None:
        w = self.window
        loc = w.reader.locate(w.reader.textCursor())
        if loc is None:
            return
        seg, side, off = loc
        row = w.reading.segments[seg]
        for a, b, eid in row.terms if side == "zh" else row.en_terms:
            if a <= off <= b:
                self.show_concordance(eid)
                return
        self.status(tr("No glossary term at the cursor"), 4000)

    def export_concordance(self) -> None:
        lines = self.window.concordance_pane.lines
        if not lines:
            return
        path, _ = QFileDialog.getSaveFileName(self.window, tr("Export concordance"), "concordance.csv",
                                              file_filter(Kind.CONCORDANCE, readable=False))
        if path:
            self.ops.run(lambda ctx, _oc: write_user_text(Path(path), concordance_csv(ctx.workbench.bind(lines))),
                         label=tr("Writing the concordance"),
                         success=lambda _r: self.status(tr("Wrote {path}").format(path=path), 5000),
                         failure=self.error)

    def _jump_to_span(self, doc: str, segment: int, start: int, end: int) -> None:
        w = self.window
        if doc != w.reading.doc_id:
            self._pending_span = (doc, segment, start, end)
            w.reading.open(doc, segment)  # built around the line's segment, not from where it was left
            return
        w.reader.select_span(segment, "zh", start, end)

    def _opened(self, doc_id: str) -> None:
        if self._pending_span and self._pending_span[0] == doc_id:
            _d, segment, start, end = self._pending_span
            self._pending_span = None
            self.window.reader.select_span(segment, "zh", start, end)

    # -- the user's entries -------------------------------------------------------------------
    def _saved(self, entry: GlossaryEntry) -> None:
        self.status(tr("Glossary updated; the library is re-linked"), 5000)
        self.window.lookup.show_entry(entry.id)

    def add_term_from_selection(self) -> None:
        w = self.window
        loc = w.reader.selection_location()
        if loc is None or loc[1] != "zh":
            self.status(tr("Select a Chinese word or phrase to add it to your glossary"), 5000)
            return
        seg, _side, start, end = loc
        term = w.reading.segments[seg].zh[start:end].strip()
        suggestions: list[str] = []
        if w.library.dictionary_ready:
            for d in self.ctx.engine.dictionary.lookup(term):
                suggestions.extend(d.definitions[:6])
        dlg = AddTermDialog(w, term, word_pinyin(term), suggestions)
        if not dlg.exec():
            return
        v = dlg.values()
        self.ops.run(lambda ctx, _oc: ctx.workbench.add(v["term"], v["renderings"], v["status"], v["note"],
                                                        v["used_by"], v["sources"], pinyin=v["pinyin"]),
                     label=tr("Adding the term and re-linking the library"), success=self._saved, failure=self.error)

    def _entry_action(self, action: str, entry_id: str) -> None:
        w = self.window
        if action == "concordance":
            self.show_concordance(entry_id)
        elif action == "cite":
            self.copy_citation(entry_id)
        elif action == "delete":
            answer = QMessageBox.question(w, "PolicyReader", tr("Delete your entry (or your additions to it)?"))
            if answer == QMessageBox.StandardButton.Yes:
                self.ops.run(lambda ctx, _oc: ctx.workbench.delete(entry_id), label=tr("Deleting the entry"),
                             success=lambda _r: self.status(tr("Entry deleted; the library is re-linked"), 5000),
                             failure=self.error)
        elif action == "edit":
            entry = self.ctx.engine.glossary.entries.get(entry_id)
            if entry is None:
                return
            dlg = AddTermDialog(w, entry.term, entry.pinyin, [], entry)
            if dlg.exec():
                v = dlg.values()
                self.ops.run(lambda ctx, _oc: ctx.workbench.edit_entry(entry_id, v["renderings"], v["status"],
                                                                       v["note"], v["used_by"], v["sources"],
                                                                       v["pinyin"]),
                             label=tr("Saving the entry"), success=self._saved, failure=self.error)

    # -- citations ----------------------------------------------------------------------------
    def copy_citation(self, entry_id: str = "") -> None:
        """Put the citation of the entry shown (or *entry_id*) on the clipboard, in the stated style."""
        from policyreader.services.glossary_exchange import CITATION_STYLE

        entry_id = entry_id or self.window.lookup.entry_shown
        if not entry_id:
            self.status(tr("Open a glossary entry first (Glossary → Browse glossary, or a term's popup)"), 5000)
            return
        QGuiApplication.clipboard().setText(self.ctx.exchange.citation(entry_id))
        self.status(tr("Citation copied ({style})").format(style=CITATION_STYLE), 6000)

    def export_bibliography(self) -> None:
        w = self.window
        path, chosen = QFileDialog.getSaveFileName(w, tr("Export bibliography"), "policyreader-bibliography.bib",
                                                   file_filter(Kind.BIBLIOGRAPHY, readable=False))
        if not path:
            return
        writable = formats(Kind.BIBLIOGRAPHY, writable=True)
        fmt = next((f for f in writable if Path(path).suffix.lower() in f.extensions),
                   chosen_format(chosen, writable) or writable[0])
        self.ops.run(lambda ctx, _oc: ctx.exchange.write_bibliography(fmt.name, Path(path)),
                     label=tr("Writing the bibliography"),
                     success=lambda n: self.status(tr("Wrote {n} sources to {path}").format(n=n, path=path), 6000),
                     failure=self.error)

    # -- exchange -----------------------------------------------------------------------------
    def show_export_dialog(self) -> None:
        w = self.window
        dlg = ExportDialog(w, self.ctx.exchange, w.reading.doc_id, self.ctx.annotations.tags())
        if not dlg.exec():
            return
        path = dlg.choose_path()
        if not path:
            return
        fmt, selection = dlg.fmt(), dlg.selection()
        self.ops.run(lambda ctx, _oc: ctx.exchange.export(fmt, Path(path), selection),
                     label=tr("Exporting the glossary"),
                     success=lambda done: self.status(tr("Exported {n} entries to {path}").format(n=done.entries,
                                                                                                  path=path)
                                                      + (f" — {done.dropped}" if done.dropped else ""), 20000),
                     failure=self.error)

    def show_import_dialog(self, path: str = "") -> None:
        w = self.window
        if not path:
            path, _ = QFileDialog.getOpenFileName(w, tr("Import glossary"), "", file_filter(Kind.TERMBASE))
        if not path:
            return
        chosen = path

        def previewed(result: Any) -> None:
            _incoming, preview = result
            dlg = ImportGlossaryDialog(w, chosen, preview)
            if dlg.exec():
                take = dlg.take_conflicts.isChecked()
                self.ops.run(lambda ctx, _oc: ctx.exchange.apply(preview, take), label=tr("Importing the glossary"),
                             success=lambda r: self.status(tr("Imported {n} entries into your glossary").format(
                                 n=r["written"]), 8000), failure=self.error)

        self.ops.run(lambda ctx, _oc: ctx.exchange.preview(Path(chosen)), label=tr("Reading the termbase"),
                     success=previewed, failure=self.error)
