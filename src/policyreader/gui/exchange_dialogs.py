"""File → Export glossary…, File → Import glossary… and File → Export document…: format, selection and a
preview before anything is written."""

from __future__ import annotations

from html import escape
from typing import Any

from policyreader.core.glossary import DOMAINS, GlossaryEntry
from policyreader.core.glossary_merge import ImportPreview, conflicts
from policyreader.gui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from policyreader.services.formats import Kind, by_name, formats
from policyreader.services.glossary_exchange import GlossaryExchange, Selection


class ExportDialog(QDialog):
    """Choose the format and what goes in; the entry count updates as the selection changes."""

    def __init__(self, parent: QWidget | None, exchange: GlossaryExchange, current_doc: str, tags: list[str]):
        super().__init__(parent)
        self.setWindowTitle("Export glossary")
        self.exchange = exchange
        self.current_doc = current_doc
        self.format = QComboBox(self)
        for f in formats(Kind.TERMBASE, writable=True):
            self.format.addItem(f.label, f.name)
        self.scope = QComboBox(self)
        self.scope.addItem("All entries", "all")
        self.scope.addItem("Only terms I annotated", "annotated")
        if current_doc:
            self.scope.addItem("Only terms in the open document", "doc")
        self.scope.addItem("Only my own entries", "user")
        self.domain = QComboBox(self)
        self.domain.addItem("any domain", "")
        for d in DOMAINS:
            self.domain.addItem(d, d)
        self.tag = QComboBox(self)
        self.tag.addItem("any tag", "")
        for t in tags:
            self.tag.addItem(t, t)
        self.preview = QLabel(self)
        self.preview.setObjectName("exportPreview")
        self.preview.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Format:", self.format)
        form.addRow("Entries:", self.scope)
        form.addRow("Domain:", self.domain)
        form.addRow("Annotation tag:", self.tag)
        form.addRow(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        for combo in (self.scope, self.domain, self.tag):
            combo.currentIndexChanged.connect(lambda _i: self._update())
        self._update()
        self.resize(520, 260)

    def selection(self) -> Selection:
        scope = self.scope.currentData()
        return Selection(domains=[self.domain.currentData()] if self.domain.currentData() else [],
                         tags=[self.tag.currentData()] if self.tag.currentData() else [],
                         docs=[self.current_doc] if scope == "doc" else [],
                         only_annotated=scope == "annotated", only_user=scope == "user")

    def fmt(self) -> str:
        return str(self.format.currentData())

    def _update(self) -> None:
        entries = self.exchange.build(self.selection()).entries
        names = "、".join(e.entry.term for e in entries[:12]) + ("…" if len(entries) > 12 else "")
        notes = sum(len(e.annotations) for e in entries)
        self.preview.setText(f"<b>{len(entries)}</b> entries, {notes} of your annotations: {escape(names)}")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(entries))

    def choose_path(self) -> str:
        fmt = by_name(Kind.TERMBASE, self.fmt())
        path, _ = QFileDialog.getSaveFileName(self, "Export glossary", self.exchange.default_name(fmt.name),
                                              f"{fmt.label} (*{fmt.extension})")
        return path


def entry_html(e: GlossaryEntry | None) -> str:
    """One version of an entry, as a conflict shows it: renderings with status, notes and dispute."""
    if e is None:
        return "<i>deleted</i>"
    rows = "".join(f"<li>{escape(r.text)} <small>({escape(r.status)})</small></li>" for r in e.renderings)
    notes = "".join(f"<p><small>{label}: {escape(text)}</small></p>"
                    for label, text in (("notes", e.notes), ("dispute", e.dispute)) if text)
    return f"<ul>{rows}</ul>{notes}"


def versions_html(*versions: tuple[str, GlossaryEntry | None]) -> str:
    """Two (or more) versions of one entry side by side: what differs is seen at a glance."""
    head = "".join(f"<th align='left'>{escape(label)}</th>" for label, _e in versions)
    cells = "".join(f"<td valign='top'>{entry_html(e)}</td>" for _label, e in versions)
    return f"<table border='1' cellpadding='4' cellspacing='0' width='100%'><tr>{head}</tr><tr>{cells}</tr></table>"


class ImportGlossaryDialog(QDialog):
    """Shows what a termbase would change (new, changed, conflicting) before anything is written; for a
    conflicting entry, both versions."""

    theirs_label = "in the file"

    def __init__(self, parent: QWidget | None, path: str, preview: ImportPreview):
        super().__init__(parent)
        self.setWindowTitle("Import glossary")
        self.preview = preview
        self.report = QTextBrowser(self)
        self.report.setObjectName("importPreview")
        self.take_conflicts = QCheckBox("Also merge the conflicting entries (adds their renderings)", self)
        self.take_conflicts.setEnabled(bool(preview.conflicting))
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(preview.new or preview.changed or preview.conflicting))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.layout_ = lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"From <b>{escape(path)}</b>:", self))
        lay.addWidget(self.report, 1)
        lay.addWidget(self.take_conflicts)
        lay.addWidget(buttons)
        self.report.setHtml(self._html())
        self.resize(620, 480)

    def _html(self) -> str:
        p = self.preview

        def items(entries: list[Any]) -> str:
            return "<ul>" + "".join(f"<li>{escape(e.term)} — {escape('; '.join(r.text for r in e.renderings))}</li>"
                                    for e in entries) + "</ul>"

        h = [f"<h3>New ({len(p.new)})</h3>" + (items(p.new) if p.new else "<p>none</p>")]
        h.append(f"<h3>Changed ({len(p.changed)})</h3>" + (items([n for _o, n in p.changed]) if p.changed
                                                          else "<p>none</p>"))
        h.append(f"<h3>Conflicting ({len(p.conflicting)})</h3>")
        h.append("<ul>" + "".join(f"<li>{escape(o.term)}: {escape('; '.join(conflicts(o, n)) or 'both changed')}"
                                  f"{versions_html(('in your glossary', o), (self.theirs_label, n))}</li>"
                                  for o, n in p.conflicting) + "</ul>" if p.conflicting else "<p>none</p>")
        h.append(f"<p>{len(p.unchanged)} entries are already in the glossary as they are.</p>")
        return "".join(h)


DOCUMENT_FORMAT_HELP = {"tmx": "one unit per aligned segment (OmegaT, memoQ, Trados)", "txt": "the English only",
                        "docx": "a table: Chinese | English"}


class ExportDocumentDialog(QDialog):
    """File → Export document…: the open document or the whole library, as TMX, English text or a Word table."""

    def __init__(self, parent: QWidget | None, current_doc: str, current_title: str):
        super().__init__(parent)
        self.setWindowTitle("Export document")
        self.format = QComboBox(self)
        self.format.setObjectName("documentExportFormat")
        for f in formats(Kind.DOCUMENT, writable=True):
            self.format.addItem(f"{f.label} — {DOCUMENT_FORMAT_HELP.get(f.name, '')}", f.name)
        self.format.setCurrentIndex(self.format.findData("tmx"))
        self.scope = QComboBox(self)
        if current_doc:
            self.scope.addItem(f"The open document ({current_title})", current_doc)
        self.scope.addItem("Every translated document in the library", "")
        form = QFormLayout()
        form.addRow("Format:", self.format)
        form.addRow("Documents:", self.scope)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def fmt(self) -> str:
        return str(self.format.currentData())

    def documents(self) -> list[str] | None:
        """The chosen document, or None for the whole library."""
        doc = str(self.scope.currentData() or "")
        return [doc] if doc else None

    def choose_path(self) -> str:
        fmt = by_name(Kind.DOCUMENT, self.fmt())
        docs = self.documents()
        stem = docs[0] if docs else "policyreader-library"
        path, _ = QFileDialog.getSaveFileName(self, "Export document", stem + fmt.extension,
                                              f"{fmt.label} (*{fmt.extension})")
        return path
