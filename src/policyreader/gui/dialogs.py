"""Dialogs: importing a document (a Chinese source with an optional translation, or an English document)
and reading a full glossary entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policyreader.gui.i18n import tr
from policyreader.gui.labels import file_filter
from policyreader.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTextOption,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from policyreader.services.formats import Kind


def languages() -> tuple[tuple[str, str], ...]:
    """The language choices of an import: detected from the text, or said by the user."""
    return ((tr("Detect from the text"), ""), (tr("Chinese source"), "zh"),
            (tr("English document (coverage read against the glossary)"), "en"))


class ImportDialog(QDialog):
    """Choose a document, an optional translation file, an optional title and the document's language."""

    def __init__(self, parent: QWidget | None = None, source: str = "", translation: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("Import document"))
        self.source = QLineEdit(source, self)
        self.source.setAccessibleName(tr("Document file"))
        self.translation = QLineEdit(translation, self)
        self.translation.setAccessibleName(tr("Translation file"))
        self.translation.setPlaceholderText(tr("optional: the English translation, to align"))
        self.title = QLineEdit(self)
        self.title.setAccessibleName(tr("Title"))
        self.title.setPlaceholderText(tr("optional: taken from the file"))
        self.language = QComboBox(self)
        self.language.setObjectName("importLanguage")
        self.language.setAccessibleName(tr("Language of the document"))
        for label, value in languages():
            self.language.addItem(label, value)
        form = QFormLayout()
        form.addRow(tr("Document:"), self._with_browse(self.source))
        form.addRow(tr("Translation:"), self._with_browse(self.translation))
        form.addRow(tr("Title:"), self.title)
        form.addRow(tr("Language:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Import"))
        self.ok_button.setDefault(True)  # Enter in the path field imports (never opens Browse…)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.source.textChanged.connect(self._validate)
        self._validate()
        self.resize(560, self.sizeHint().height())

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        w = QWidget(self)
        h = QHBoxLayout(w)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(edit)
        b = QPushButton(tr("Browse…"), w)
        b.setAutoDefault(False)
        b.setAccessibleName(tr("Browse for the file"))
        b.clicked.connect(lambda: self._browse(edit))
        h.addWidget(b)
        return w

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a file"), edit.text(), file_filter(Kind.DOCUMENT))
        if path:
            edit.setText(path)

    def _validate(self) -> None:
        self.ok_button.setEnabled(Path(self.source.text().strip()).is_file())

    def values(self) -> tuple[str, str | None, str | None, str | None]:
        """Source, translation, title and language (``None`` where the user left it to the file)."""
        translation = self.translation.text().strip()
        title = self.title.text().strip()
        lang = self.language.currentData()
        return self.source.text().strip(), translation or None, title or None, str(lang) if lang else None


class EntryBrowser(QTextBrowser):
    """A text browser for entry pages; internal links are emitted instead of followed."""

    entryLinkActivated = Signal(str)
    docLinkActivated = Signal(str)
    actionLinkActivated = Signal(str, str)  # action, entry id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setObjectName("entryBrowser")
        self.setAccessibleName(tr("Glossary entry"))
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # "trustworthiness", never "trustworthin/ess"
        self.anchorClicked.connect(self._anchor)
        self.extra_actions: list[Any] = []  # added to the context menu (Copy citation)

    def contextMenuEvent(self, event: Any) -> None:
        menu = self.createStandardContextMenu()
        if self.extra_actions:
            menu.addSeparator()
            menu.addActions(self.extra_actions)
        menu.exec(event.globalPos())

    def _anchor(self, url: QUrl) -> None:
        s = url.toString()
        if s.startswith("entry:"):
            self.entryLinkActivated.emit(s[6:])
        elif s.startswith("doc:"):
            self.docLinkActivated.emit(s[4:])
        elif s.split(":", 1)[0] in ("concordance", "edit", "delete", "cite"):
            self.actionLinkActivated.emit(*s.split(":", 1))
        else:
            from policyreader.gui.qt import QDesktopServices

            QDesktopServices.openUrl(url)
