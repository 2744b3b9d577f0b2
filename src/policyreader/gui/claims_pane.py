"""The claims summary pane: for the open English document, the glossary terms it names, the renderings the
glossary contests or says to avoid with each entry's note, and every term named; exportable as Markdown,
HTML or JSON for a reading group or a review."""

from __future__ import annotations

from policyreader.gui.i18n import tr
from policyreader.gui.qt import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTextOption,
    QVBoxLayout,
    QWidget,
    Signal,
)


class ClaimsPane(QWidget):
    """Shows one claims summary (as HTML the service renders) with an Export button."""

    exportRequested = Signal()
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton(tr("Summarise again"), self)
        self.export_button = QPushButton(tr("Export…"), self)
        self.export_button.setObjectName("claimsExport")
        self.export_button.setEnabled(False)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(tr("Claims summary"))
        self.browser.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.browser.setObjectName("claimsBrowser")
        self.browser.setOpenExternalLinks(False)
        buttons = QHBoxLayout()  # below the title, which is long: beside it, it wrapped into a narrow column
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.status)
        lay.addLayout(buttons)
        lay.addWidget(self.browser, 1)
        self.export_button.clicked.connect(self.exportRequested)
        self.refresh_button.clicked.connect(self.refreshRequested)

    def set_summary(self, title: str, html: str) -> None:
        self.status.setText(title)
        self.browser.setHtml(html)
        self.export_button.setEnabled(True)

    def set_message(self, text: str) -> None:
        self.status.setText(text)
        self.browser.clear()
        self.export_button.setEnabled(False)
