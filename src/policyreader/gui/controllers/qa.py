"""Checking the open document's translation (F7): findings in the QA pane, in the background, and
accepting a finding."""

from __future__ import annotations

from typing import Any

from policyreader.core.qa import Finding
from policyreader.gui.controllers.base import Controller
from policyreader.services.changes import Changes
from policyreader.services.context import AppContext


class QAController(Controller):
    """The QA pane."""

    def __init__(self, window: Any):
        super().__init__(window)
        w = window
        w.qa_pane.findingActivated.connect(lambda f: w.reader.scroll_to_segment(f.segment))
        w.qa_pane.acceptToggled.connect(self.accept)
        w.qa_pane.runRequested.connect(self.run)
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
                w.qa_pane.set_message("This is an English document: there is no Chinese source to check it against. "
                                      "Its claims summary (F8) shows the renderings the glossary questions.")
            elif findings is None:
                w.qa_pane.set_message("This document has no translation to check.")
            else:
                w.qa_pane.set_findings(findings)

        self.ops.run(check, label="Checking the translation", success=show, failure=self.error)

    def accept(self, finding: Finding, accepted: bool) -> None:
        doc_id = self.window.reading.doc_id
        self.ops.run(lambda ctx, _oc: ctx.qa.set_accepted(doc_id, finding, accepted), label="Saving the finding")

    def on_changes(self, changes: Changes) -> None:
        doc_id = self.window.reading.doc_id
        if doc_id and self.window.qa_dock.isVisible() and (
                doc_id in changes.qa or doc_id in changes.documents or changes.glossary):
            self.run()
