"""English coverage in the window: what an opened English document names (in the status bar), and its claims
summary (Glossary → Claims summary, Ctrl+Shift+L), built in the background and exported through the format registry."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from policyreader.core.claims import ClaimsSummary
from policyreader.gui.controllers.base import Controller
from policyreader.gui.i18n import tr
from policyreader.gui.labels import file_filter
from policyreader.gui.qt import QFileDialog
from policyreader.services.changes import Changes
from policyreader.services.context import AppContext
from policyreader.services.formats import Kind, by_name, formats


class CoverageController(Controller):
    """The claims pane and the English document's summary line."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.summary: ClaimsSummary | None = None
        window.claims_pane.exportRequested.connect(self.export_claims)
        window.claims_pane.refreshRequested.connect(self.show_claims)
        window.documentOpened.connect(self._document_opened)

    def status_line(self) -> str:
        """What the open English document names: renderings, terms, and how many are contested or avoided."""
        linker = self.ctx.engine.english_linker
        statuses: Counter[str] = Counter()
        entries: set[str] = set()
        for s in self.window.reading.segments:
            for a, b, e in s.en_terms:
                reading = linker.reading(e, s.en[a:b])
                statuses[reading.status if reading else ""] += 1
                entries.add(e)
        return tr("English document: {renderings} rendering(s) of {terms} glossary term(s), {contested} contested, "
                  "{avoid} to avoid — Glossary → Claims summary (Ctrl+Shift+L)").format(
            renderings=sum(statuses.values()), terms=len(entries), contested=statuses["contested"],
            avoid=statuses["avoid"])

    def _document_opened(self, _doc_id: str) -> None:
        w = self.window
        if w.reading.english:
            self.status(self.status_line(), 10000)
        if w.claims_dock.isVisible():
            self.show_claims()

    def show_claims(self) -> None:
        """Summarise the open English document in the claims pane."""
        w = self.window
        doc_id = w.reading.doc_id
        if not doc_id:
            return
        w.claims_dock.show()
        w.claims_dock.raise_()
        if not w.reading.english:
            self.summary = None
            w.claims_pane.set_message(tr("The claims summary reads English documents (news, blogs, forum posts) "
                                         "against the glossary; this is a Chinese document."))
            return

        def build(ctx: AppContext, _oc: Any) -> tuple[ClaimsSummary, str]:
            summary = ctx.coverage.claims_for_doc(doc_id)
            return summary, ctx.coverage.render(summary, "html").decode("utf-8")

        def show(result: tuple[ClaimsSummary, str]) -> None:
            if doc_id != w.reading.doc_id:
                return
            self.summary = result[0]
            s = result[0]
            w.claims_pane.set_summary(tr("{mentions} mentions of {terms} glossary terms in “{title}”").format(
                mentions=s.mentions, terms=len(s.terms), title=s.title), result[1])

        self.ops.run(build, label=tr("Summarising the claims"), success=show, failure=self.error)

    def export_claims(self) -> None:
        summary = self.summary
        if summary is None:
            return
        default = by_name(Kind.CLAIMS, "md").extension
        path, _ = QFileDialog.getSaveFileName(self.window, tr("Export claims summary"), f"claims-summary{default}",
                                              file_filter(Kind.CLAIMS, readable=False))
        if not path:
            return
        suffix = Path(path).suffix.lower()
        fmt = next((f.name for f in formats(Kind.CLAIMS, writable=True) if suffix in f.extensions), "md")
        self.ops.run(lambda ctx, _oc: ctx.coverage.export(summary, fmt, Path(path)), label=tr("Writing the summary"),
                     success=lambda _r: self.status(tr("Wrote {path}").format(path=path), 5000), failure=self.error)

    def on_changes(self, changes: Changes) -> None:
        if changes.glossary and self.window.claims_dock.isVisible() and self.window.reading.english:
            self.show_claims()
