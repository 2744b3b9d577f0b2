"""File → Export glossary…, File → Import glossary… and File → Export document…: format, selection and a
preview before anything is written."""

from __future__ import annotations

from html import escape
from typing import Any

from policyreader.core.glossary import DOMAINS, GlossaryEntry
from policyreader.core.glossary_merge import ImportPreview, rendering_key
from policyreader.gui.i18n import tr
from policyreader.gui.labels import domain_label, format_label, status_label
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
        self.setWindowTitle(tr("Export glossary"))
        self.exchange = exchange
        self.current_doc = current_doc
        self.format = QComboBox(self)
        for f in formats(Kind.TERMBASE, writable=True):
            self.format.addItem(format_label(f), f.name)
        self.scope = QComboBox(self)
        self.scope.addItem(tr("All entries"), "all")
        self.scope.addItem(tr("Only terms I annotated"), "annotated")
        if current_doc:
            self.scope.addItem(tr("Only terms in the open document"), "doc")
        self.scope.addItem(tr("Only my own entries"), "user")
        self.domain = QComboBox(self)
        self.domain.addItem(tr("any domain"), "")
        for d in DOMAINS:
            self.domain.addItem(domain_label(d), d)
        self.tag = QComboBox(self)
        self.tag.addItem(tr("any tag"), "")
        for t in tags:
            self.tag.addItem(t, t)
        self.preview = QLabel(self)
        self.preview.setObjectName("exportPreview")
        self.preview.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Format:"), self.format)
        form.addRow(tr("Entries:"), self.scope)
        form.addRow(tr("Domain:"), self.domain)
        form.addRow(tr("Annotation tag:"), self.tag)
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
        self.preview.setText(tr("<b>{n}</b> entries, {notes} of your annotations: {names}").format(
            n=len(entries), notes=notes, names=escape(names)))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(entries))

    def choose_path(self) -> str:
        fmt = by_name(Kind.TERMBASE, self.fmt())
        path, _ = QFileDialog.getSaveFileName(self, tr("Export glossary"), self.exchange.default_name(fmt.name),
                                              f"{format_label(fmt)} (*{fmt.extension})")
        return path


def entry_html(e: GlossaryEntry | None) -> str:
    """One version of an entry, as a conflict shows it: renderings with status, notes and dispute."""
    if e is None:
        return f"<i>{escape(tr('deleted'))}</i>"
    rows = "".join(f"<li>{escape(r.text)} <small>({escape(status_label(r.status))})</small></li>"
                   for r in e.renderings)
    notes = "".join(f"<p><small>{escape(label)}: {escape(text)}</small></p>"
                    for label, text in ((tr("notes"), e.notes), (tr("dispute"), e.dispute)) if text)
    return f"<ul>{rows}</ul>{notes}"


def versions_html(*versions: tuple[str, GlossaryEntry | None]) -> str:
    """Two (or more) versions of one entry side by side: what differs is seen at a glance."""
    head = "".join(f"<th align='left'>{escape(label)}</th>" for label, _e in versions)
    cells = "".join(f"<td valign='top'>{entry_html(e)}</td>" for _label, e in versions)
    return f"<table border='1' cellpadding='4' cellspacing='0' width='100%'><tr>{head}</tr><tr>{cells}</tr></table>"


def conflict_reasons(old: GlossaryEntry, new: GlossaryEntry) -> list[str]:
    """Why *new* disagrees with *old*, in the interface language (the rule of
    :func:`policyreader.core.glossary_merge.conflicts`): the same id names another term, or a rendering's
    status differs."""
    reasons = []
    if old.id == new.id and old.term != new.term:
        reasons.append(tr("id {id} names {term} in the glossary but {other} in the file").format(
            id=old.id, term=old.term, other=new.term))
    statuses = {rendering_key(r.text): r for r in old.renderings}
    for r in new.renderings:
        mine = statuses.get(rendering_key(r.text))
        if mine is not None and mine.status != r.status:
            reasons.append(tr("“{rendering}” is {status} in the glossary but {other} in the file").format(
                rendering=r.text, status=status_label(mine.status), other=status_label(r.status)))
    return reasons


class ImportGlossaryDialog(QDialog):
    """Shows what a termbase would change (new, changed, conflicting) before anything is written; for a
    conflicting entry, both versions."""

    def __init__(self, parent: QWidget | None, path: str, preview: ImportPreview):
        super().__init__(parent)
        self.setWindowTitle(tr("Import glossary"))
        self.theirs_label = tr("in the file")
        self.preview = preview
        self.report = QTextBrowser(self)
        self.report.setObjectName("importPreview")
        self.take_conflicts = QCheckBox(tr("Also merge the conflicting entries (adds their renderings)"), self)
        self.take_conflicts.setEnabled(bool(preview.conflicting))
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Import"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(preview.new or preview.changed or preview.conflicting))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.layout_ = lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("From <b>{path}</b>:").format(path=escape(path)), self))
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

        def heading(text: str) -> str:
            return f"<h3>{escape(text)}</h3>"

        none = "<p>" + escape(tr("none")) + "</p>"
        h = [heading(tr("New ({n})").format(n=len(p.new))) + (items(p.new) if p.new else none)]
        h.append(heading(tr("Changed ({n})").format(n=len(p.changed)))
                 + (items([n for _o, n in p.changed]) if p.changed else none))
        h.append(heading(tr("Conflicting ({n})").format(n=len(p.conflicting))))
        mine, both = tr("in your glossary"), tr("both changed")
        h.append("<ul>" + "".join(f"<li>{escape(o.term)}: {escape('; '.join(conflict_reasons(o, n)) or both)}"
                                  f"{versions_html((mine, o), (self.theirs_label, n))}</li>"
                                  for o, n in p.conflicting) + "</ul>" if p.conflicting else none)
        h.append("<p>" + escape(tr("{n} entries are already in the glossary as they are.").format(
            n=len(p.unchanged))) + "</p>")
        return "".join(h)


def document_format_help() -> dict[str, str]:
    """What each document export holds, beside its name in the format list."""
    return {"tmx": tr("one unit per aligned segment (OmegaT, memoQ, Trados)"), "txt": tr("the English only"),
            "docx": tr("a table: Chinese | English")}


class ExportDocumentDialog(QDialog):
    """File → Export document…: the open document or the whole library, as TMX, English text or a Word table."""

    def __init__(self, parent: QWidget | None, current_doc: str, current_title: str):
        super().__init__(parent)
        self.setWindowTitle(tr("Export document"))
        self.format = QComboBox(self)
        self.format.setObjectName("documentExportFormat")
        helps = document_format_help()
        for f in formats(Kind.DOCUMENT, writable=True):
            self.format.addItem(f"{format_label(f)} — {helps.get(f.name, '')}", f.name)
        self.format.setCurrentIndex(self.format.findData("tmx"))
        self.scope = QComboBox(self)
        if current_doc:
            self.scope.addItem(tr("The open document ({title})").format(title=current_title), current_doc)
        self.scope.addItem(tr("Every translated document in the library"), "")
        form = QFormLayout()
        form.addRow(tr("Format:"), self.format)
        form.addRow(tr("Documents:"), self.scope)
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
        path, _ = QFileDialog.getSaveFileName(self, tr("Export document"), stem + fmt.extension,
                                              f"{format_label(fmt)} (*{fmt.extension})")
        return path
