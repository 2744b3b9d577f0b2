"""The QA panel: terminology and consistency findings for the open document, by severity; click one to
jump to its segment; accept a finding to keep it out of the way in later sessions."""

from __future__ import annotations

from html import escape

from policyreader.core.model import Severity
from policyreader.core.qa import Finding
from policyreader.gui.plain import plain_label, tooltip
from policyreader.gui.qt import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

SEVERITY_LABEL = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Notes"}


class QAPane(QWidget):
    findingActivated = Signal(object)            # Finding
    acceptToggled = Signal(object, bool)         # Finding, accepted
    runRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = plain_label(QLabel(self))
        self.show_accepted = QCheckBox("Show accepted", self)
        self.run_button = QPushButton("Check again", self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("qaTree")
        self.tree.setHeaderLabels(["§", "Kind", "Term", "Message", "Accept"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        for col in (0, 1, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.detail = QLabel(self)
        self.detail.setObjectName("qaDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_accepted)
        top.addWidget(self.run_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.detail)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemChanged.connect(self._changed)
        self.run_button.clicked.connect(self.runRequested)
        self.show_accepted.toggled.connect(lambda _b: self.runRequested.emit())
        self._filling = False

    def set_findings(self, findings: list[tuple[Finding, bool]]) -> None:
        self._filling = True
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        shown = [(f, a) for f, a in findings if self.show_accepted.isChecked() or not a]
        for f, accepted in shown:
            group = groups.get(f.severity)
            if group is None:
                group = QTreeWidgetItem([SEVERITY_LABEL.get(f.severity, f.severity)])
                group.setFirstColumnSpanned(True)
                self.tree.addTopLevelItem(group)
                groups[f.severity] = group
            item = QTreeWidgetItem([str(f.segment + 1), f.kind, f.term, f.message, ""])
            item.setData(0, Qt.ItemDataRole.UserRole, f)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(4, Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)
            item.setToolTip(3, tooltip(f"{f.message}\nfound: {f.found}\nexpected: {f.expected}"))
            group.addChild(item)
        for g in groups.values():
            g.setText(0, f"{g.text(0)} ({g.childCount()})")
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        errors = sum(1 for f, a in findings if f.severity == Severity.ERROR and not a)
        warnings = sum(1 for f, a in findings if f.severity == Severity.WARNING and not a)
        accepted_n = sum(1 for _f, a in findings if a)
        self.summary.setText(f"{errors} error(s), {warnings} warning(s), {accepted_n} accepted")
        self._filling = False

    def set_message(self, message: str) -> None:
        """No findings to list, and why (e.g. a document with no translation)."""
        self.tree.clear()
        self.detail.setText("")
        self.summary.setText(message)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        f = item.data(0, Qt.ItemDataRole.UserRole)
        if f is not None:
            extra = "".join(f"<br><i>{label}:</i> {escape(v)}" for label, v in (("found", f.found),
                                                                              ("expected", f.expected)) if v)
            self.detail.setText(f"<b>§{f.segment + 1} {escape(f.kind)}</b> — {escape(f.message)}{extra}")
            self.findingActivated.emit(f)

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 4:
            return
        f = item.data(0, Qt.ItemDataRole.UserRole)
        if f is not None:
            self.acceptToggled.emit(f, item.checkState(4) == Qt.CheckState.Checked)
