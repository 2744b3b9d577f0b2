"""Annotating in the reader: the annotation dialog, the annotations pane (this document or the whole
library, filtered by tag, term or text), and undoable deletion."""

from __future__ import annotations

from typing import Any

from policyreader.core.glossary import GlossaryEntry
from policyreader.core.model import AnchorStatus, Annotation
from policyreader.gui.i18n import tr
from policyreader.gui.labels import colour_label, side_label
from policyreader.gui.plain import plain_label, tooltip
from policyreader.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


def anchor_note(status: str) -> str:
    """What the list says of an annotation whose text moved or was lost."""
    return {AnchorStatus.EXACT: "", AnchorStatus.FUZZY: "  " + tr("⚠ moved (fuzzy)"),
            AnchorStatus.ORPHAN: "  " + tr("⚠ ORPHAN: text not found")}[AnchorStatus(status)]


COLOURS = {"yellow": "#f4d03f", "green": "#7bd389", "blue": "#6fb1ff", "pink": "#f78fb3", "orange": "#ffb347"}


class AnnotationDialog(QDialog):
    """Note (Markdown), tags, colour, glossary link, and the rendering a translator chose and why."""

    def __init__(self, parent: QWidget | None, quote: str, entries: list[GlossaryEntry],
                 annotation: Annotation | None = None, suggested_term: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("Edit annotation") if annotation else tr("Annotate"))
        self.quote = plain_label(QLabel(f"“{quote}”", self))
        self.quote.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("annotationNote")
        self.note.setPlaceholderText(tr("Your note (Markdown)"))
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(tr("comma-separated, e.g. check, disputed"))
        self.colour = QComboBox(self)
        for name, value in COLOURS.items():
            self.colour.addItem(colour_label(name), value)
        self.term = QComboBox(self)
        self.term.setAccessibleName(tr("Glossary term"))
        self.term.addItem(tr("— none —"), "")
        for e in sorted(entries, key=lambda e: e.pinyin):
            self.term.addItem(f"{e.term}  {e.pinyin}  ({e.id})", e.id)
        self.rendering = QLineEdit(self)
        self.rendering.setPlaceholderText(tr("the English you chose (optional)"))
        self.rationale = QLineEdit(self)
        self.rationale.setPlaceholderText(tr("why (optional)"))
        form = QFormLayout()
        form.addRow(self.quote)
        form.addRow(tr("Note:"), self.note)
        form.addRow(tr("Tags:"), self.tags)
        form.addRow(tr("Colour:"), self.colour)
        form.addRow(tr("Glossary term:"), self.term)
        form.addRow(tr("Rendering chosen:"), self.rendering)
        form.addRow(tr("Why:"), self.rationale)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        # Enter in the note starts a new line; Ctrl+Enter saves, as in most note editors
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.resize(520, 440)
        if annotation is not None:
            self.note.setPlainText(annotation.note)
            self.tags.setText(", ".join(annotation.tags))
            self._select(self.colour, annotation.colour)
            self._select(self.term, annotation.term)
            self.rendering.setText(annotation.rendering)
            self.rationale.setText(annotation.rationale)
        elif suggested_term:
            self._select(self.term, suggested_term)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        i = combo.findData(value)
        if i >= 0:
            combo.setCurrentIndex(i)

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText().strip(),
                "tags": [t.strip() for t in self.tags.text().split(",") if t.strip()],
                "colour": self.colour.currentData(), "term": self.term.currentData() or "",
                "rendering": self.rendering.text().strip(), "rationale": self.rationale.text().strip()}


class AnnotationsPane(QWidget):
    """The annotations of the open document, or of the whole library, with filters."""

    activated = Signal(object)  # Annotation
    editRequested = Signal(object)
    deleteRequested = Signal(object)
    reattachRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(tr("Show annotations of"))
        self.scope.addItem(tr("This document"), "doc")
        self.scope.addItem(tr("Whole library"), "all")
        self.filter = QLineEdit(self)
        self.filter.setAccessibleName(tr("Filter annotations by text"))
        self.filter.setPlaceholderText(tr("Filter by text…"))
        self.filter.setClearButtonEnabled(True)
        self.tag = QComboBox(self)
        self.tag.setAccessibleName(tr("Filter by tag"))
        self.term = QComboBox(self)
        self.term.setAccessibleName(tr("Filter by glossary term"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Annotations"))
        self.list.setObjectName("annotationList")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.edit_button = QPushButton(tr("Edit…"), self)
        self.delete_button = QPushButton(tr("Delete"), self)
        self.reattach_button = QPushButton(tr("Re-attach to selection"), self)
        self.reattach_button.setToolTip(tr("Place the selected (orphaned) annotation on the text selected in the "
                                           "reader"))
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.filter, 1)
        mid = QHBoxLayout()
        mid.addWidget(QLabel(tr("Tag:"), self))
        mid.addWidget(self.tag, 1)
        mid.addWidget(QLabel(tr("Term:"), self))
        mid.addWidget(self.term, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.delete_button)
        bottom.addWidget(self.reattach_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addLayout(mid)
        lay.addWidget(self.list, 1)
        lay.addLayout(bottom)
        self.list.itemActivated.connect(lambda it: self.activated.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.list.itemClicked.connect(lambda it: self.activated.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.edit_button.clicked.connect(lambda: self._emit(self.editRequested))
        self.delete_button.clicked.connect(lambda: self._emit(self.deleteRequested))
        self.reattach_button.clicked.connect(lambda: self._emit(self.reattachRequested))

    def _emit(self, signal: Any) -> None:
        a = self.current()
        if a is not None:
            signal.emit(a)

    def current(self) -> Annotation | None:
        item = self.list.currentItem()
        if item is None:
            return None
        found: Annotation = item.data(Qt.ItemDataRole.UserRole)
        return found

    def set_filters(self, tags: list[str], terms: list[tuple[str, str]]) -> None:
        for combo, values in ((self.tag, [(t, t) for t in tags]), (self.term, terms)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("any"), "")
            for label, value in values:
                combo.addItem(label, value)
            i = combo.findData(current)
            combo.setCurrentIndex(max(0, i))
            combo.blockSignals(False)

    def filters(self) -> dict[str, str | None]:
        return {"tag": self.tag.currentData() or None, "term": self.term.currentData() or None,
                "text": self.filter.text().strip() or None}

    def set_annotations(self, items: list[Annotation], titles: dict[str, str]) -> None:
        self.list.clear()
        for a in items:
            status = anchor_note(a.status)
            where = titles.get(a.doc, a.doc) if self.scope.currentData() == "all" else ""
            meta = " · ".join(x for x in (where, side_label(a.side), ", ".join(a.tags), a.term) if x)
            head = f"“{a.exact}”{status}   [{meta}]"
            item = QListWidgetItem(head + "\n" + (a.note.splitlines()[0] if a.note else tr("(no note)")))
            item.setData(Qt.ItemDataRole.UserRole, a)
            item.setToolTip(tooltip(a.note or a.exact))
            self.list.addItem(item)
