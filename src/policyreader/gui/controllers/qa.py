"""Checking the open document's translation (F7): findings in the QA pane, in the background; accepting a
finding; the user's saved checks; exporting the report (any report format of the registry, XLSX too)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policyreader.core.qa import Finding
from policyreader.gui.controllers.base import Controller
from policyreader.gui.i18n import tr
from policyreader.gui.labels import chosen_format, file_filter
from policyreader.gui.qa_pane import UserChecksDialog
from policyreader.gui.qt import QFileDialog
from policyreader.services.changes import Changes
from policyreader.services.context import AppContext
from policyreader.services.formats import Kind, formats


class QAController(Controller):
    """The QA pane."""

    def __init__(self, window: Any):
        super().__init__(window)
        w = window
        w.qa_pane.findingActivated.connect(lambda f: w.reader.scroll_to_segment(f.segment))
        w.qa_pane.acceptToggled.connect(self.accept)
        w.qa_pane.runRequested.connect(self.run)
        w.qa_pane.checksRequested.connect(self.edit_checks)
        w.qa_pane.exportRequested.connect(self.export_report)
        w.documentOpened.connect(lambda _d: self.run() if w.qa_dock.isVisible() else None)

    def run(self) -> None:
        w = self.window
        doc_id = w.reading.doc_id
        if not doc_id:
            return
        w.qa_dock.show()
        w.qa_dock.raise_()
        def check(ctx: AppContext, _oc: Any) -> list[tuple[Finding, bool]] | None:
            return ctx.qa.check_doc(doc_id) if ctx.qa.has_translation(doc_id) else None

        def show(findings: list[tuple[Finding, bool]] | None) -> None:
            if doc_id != w.reading.doc_id:
                return
            if findings is None and w.reading.english:
                w.qa_pane.set_message(tr("This is an English document: there is no Chinese source to check it "
                                         "against. Its claims summary (Ctrl+Shift+L) shows the renderings the "
                                         "glossary questions."))
            elif findings is None:
                w.qa_pane.set_message(tr("This document has no translation to check."))
            else:
                w.qa_pane.set_findings(findings)

        self.ops.run(check, label=tr("Checking the translation"), success=show, failure=self.error)

    def accept(self, finding: Finding, accepted: bool) -> None:
        doc_id = self.window.reading.doc_id
        self.ops.run(lambda ctx, _oc: ctx.qa.set_accepted(doc_id, finding, accepted), label=tr("Saving the finding"))

    def edit_checks(self) -> None:
        """The user's saved checks: edit them in a dialog, save in the background; the pane re-runs."""
        dlg = UserChecksDialog(self.window, self.ctx.qa.checks())
        if not dlg.exec():
            return
        saved, deleted = dlg.changes()
        if not (saved or deleted):
            return

        def write(ctx: AppContext, _oc: Any) -> int:
            for name in deleted:
                ctx.qa.delete_check(name)
            for check in saved:
                ctx.qa.save_check(check)
            return len(ctx.qa.checks())

        self.ops.run(write, label=tr("Saving your checks"),
                     success=lambda n: self.status(tr("{n} check(s) saved; they run with every QA").format(n=n), 5000),
                     failure=self.error)

    def export_report(self) -> None:
        w = self.window
        findings = list(w.qa_pane.findings)
        if not findings:
            self.status(tr("No findings to export: run the check first (F7)"), 5000)
            return
        title = w.reading.doc_id
        path, chosen = QFileDialog.getSaveFileName(w, tr("Export QA report"), f"{title}-qa.xlsx",
                                                   file_filter(Kind.QA_REPORT, readable=False))
        if not path:
            return
        fmt = report_format(path, chosen)
        if not Path(path).suffix:
            path += fmt.extension
        self.ops.run(lambda ctx, _oc: ctx.qa.write_report(findings, fmt.name, Path(path), title),
                     label=tr("Writing the QA report"),
                     success=lambda _r: self.status(tr("Wrote {path}").format(path=path), 5000),
                     failure=self.error)

    def on_changes(self, changes: Changes) -> None:
        doc_id = self.window.reading.doc_id
        if doc_id and self.window.qa_dock.isVisible() and (
                doc_id in changes.qa or doc_id in changes.documents or changes.glossary):
            self.run()


def report_format(path: str, chosen_filter: str) -> Any:
    """The report format a file name asks for (its extension), else the one of the chosen filter, else XLSX."""
    writable = formats(Kind.QA_REPORT, writable=True)
    suffix = Path(path).suffix.lower()
    for f in writable:
        if suffix in f.extensions:
            return f
    return chosen_format(chosen_filter, writable) or next(f for f in writable if f.name == "xlsx")

