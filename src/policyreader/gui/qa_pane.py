"""The QA panel: terminology, consistency and user-check findings for the open document, by severity;
click one to jump to its segment; accept a finding to keep it out of the way in later sessions. The
user's own checks are edited in :class:`UserChecksDialog`; the report can be exported."""

from __future__ import annotations

from html import escape

from policyreader.core.consistency import CompiledCheck, UserCheck
from policyreader.core.errors import UserError
from policyreader.core.model import FindingKind, Severity
from policyreader.core.qa import Finding
from policyreader.gui.i18n import tr
from policyreader.gui.labels import kind_label, severity_group, severity_label
from policyreader.gui.plain import plain_label, tooltip
from policyreader.gui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)


def _quoted(texts: str) -> str:
    """Alternatives joined by " | " in a finding's field, each in quotes: “a” or “b”."""
    parts = [t.strip() for t in texts.split(" | ") if t.strip()]
    return tr(" or ").join(f"“{t}”" for t in parts) if parts else tr("(no preferred or accepted rendering)")


def finding_message(f: Finding) -> str:
    """What the finding says, in the interface language: composed from its kind, term, found and expected
    (the service's own ``message`` is English, for the CLI and the exported reports)."""
    first_found = f.found.split(" | ")[0]
    k = FindingKind
    templates = {
        k.TERM_MISSING: tr("{term} has none of its glossary renderings in the English; expected {expected}."),
        k.TERM_CONTESTED: tr("{term} is rendered as “{found}”, a contested rendering; the glossary prefers "
                             "{preferred}."),
        k.TERM_AVOID: tr("{term} is rendered as “{found}”, which the glossary says to avoid; use {expected}."),
        k.NUMBER: tr("Numbers differ: the Chinese has {expected_list}, the English has {found_list}."),
        k.ARTICLE_NUMBER: tr("Article/chapter references differ: the Chinese has {expected_list}, the English "
                             "has {found_list}."),
        k.UNTRANSLATED: tr("The segment has no English translation.") if not f.found.strip()
        else tr("The English consists mostly of Chinese characters."),
        k.IDENTICAL: tr("The English is identical to the Chinese."),
        k.INCONSISTENT_TARGET: tr("The same Chinese is translated differently elsewhere in the library: "
                                  "{expected}."),
        k.INCONSISTENT_SOURCE: tr("The same English translates different Chinese elsewhere in the library: "
                                  "{expected}."),
        k.USER_CHECK: tr("Check “{term}”: the English should contain “{expected_list}”.") if f.expected
        else tr("Check “{term}”: the English contains “{found}”, which it must not."),
    }
    template = templates.get(FindingKind(f.kind)) if f.kind in set(FindingKind) else None
    if template is None:
        return f.message
    none = tr("none")
    return template.format(term=f.term, found=first_found, expected=_quoted(f.expected),
                           preferred=_quoted(f.expected.split(" | ")[0]),
                           expected_list=f.expected or none, found_list=f.found or none)


def describe_check(c: UserCheck) -> str:
    """A saved check's rule in words, in the interface language (as :meth:`UserCheck.describe` says it)."""
    rule = (tr("always “{english}”") if c.must else tr("never “{english}”")).format(english=c.english)
    if c.chinese:
        rule = tr("{rule} where the Chinese has “{chinese}”").format(rule=rule, chinese=c.chinese)
    return tr("{rule} (regular expressions)").format(rule=rule) if c.regex else rule


class QAPane(QWidget):
    findingActivated = Signal(object)            # Finding
    acceptToggled = Signal(object, bool)         # Finding, accepted
    runRequested = Signal()
    checksRequested = Signal()
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = plain_label(QLabel(self))
        self.show_accepted = QCheckBox(tr("Show accepted"), self)
        self.run_button = QPushButton(tr("Check again"), self)
        self.checks_button = QPushButton(tr("My checks…"), self)
        self.checks_button.setObjectName("qaChecksButton")
        self.checks_button.setToolTip(tr("English that must or must not occur, saved by name and run with every "
                                         "check"))
        self.export_button = QPushButton(tr("Export report…"), self)
        self.export_button.setObjectName("qaExportButton")
        self.findings: list[tuple[Finding, bool]] = []
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(tr("QA findings"))
        self.tree.setObjectName("qaTree")
        self.tree.setHeaderLabels(["§", tr("Kind"), tr("Term"), tr("Message"), tr("Accept")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        for col in (0, 1, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.detail = QLabel(self)
        self.detail.setObjectName("qaDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the summary and the buttons on two rows: in one, the pane would not fit beside the reader on a
        # 1024-pixel screen and would push the window wider than the screen
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_accepted)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        buttons.addWidget(self.checks_button)
        buttons.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addLayout(buttons)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.detail)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemChanged.connect(self._changed)
        self.run_button.clicked.connect(self.runRequested)
        self.checks_button.clicked.connect(self.checksRequested)
        self.export_button.clicked.connect(self.exportRequested)
        self.show_accepted.toggled.connect(lambda _b: self.runRequested.emit())
        self._filling = False

    def set_findings(self, findings: list[tuple[Finding, bool]]) -> None:
        self.findings = list(findings)
        self._filling = True
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        shown = [(f, a) for f, a in findings if self.show_accepted.isChecked() or not a]
        for f, accepted in shown:
            group = groups.get(f.severity)
            if group is None:
                group = QTreeWidgetItem([severity_group(f.severity)])
                group.setFirstColumnSpanned(True)
                self.tree.addTopLevelItem(group)
                groups[f.severity] = group
            message = finding_message(f)
            item = QTreeWidgetItem([str(f.segment + 1), kind_label(f.kind), f.term, message, ""])
            item.setData(0, Qt.ItemDataRole.UserRole, f)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(4, Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)
            item.setToolTip(3, tooltip(tr("{message}\nfound: {found}\nexpected: {expected}").format(
                message=message, found=f.found, expected=f.expected)))
            group.addChild(item)
        for g in groups.values():
            g.setText(0, f"{g.text(0)} ({g.childCount()})")
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        errors = sum(1 for f, a in findings if f.severity == Severity.ERROR and not a)
        warnings = sum(1 for f, a in findings if f.severity == Severity.WARNING and not a)
        accepted_n = sum(1 for _f, a in findings if a)
        self.summary.setText(tr("{errors} error(s), {warnings} warning(s), {accepted} accepted").format(
            errors=errors, warnings=warnings, accepted=accepted_n))
        self._filling = False

    def set_message(self, message: str) -> None:
        """No findings to list, and why (e.g. a document with no translation)."""
        self.findings = []
        self.tree.clear()
        self.detail.setText("")
        self.summary.setText(message)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        f = item.data(0, Qt.ItemDataRole.UserRole)
        if f is not None:
            extra = "".join(f"<br><i>{escape(label)}:</i> {escape(v)}" for label, v in ((tr("found"), f.found),
                                                                                      (tr("expected"), f.expected))
                            if v)
            self.detail.setText(f"<b>§{f.segment + 1} {escape(kind_label(f.kind))}</b> — "
                                f"{escape(finding_message(f))}{extra}")
            self.findingActivated.emit(f)

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 4:
            return
        f = item.data(0, Qt.ItemDataRole.UserRole)
        if f is not None:
            self.acceptToggled.emit(f, item.checkState(4) == Qt.CheckState.Checked)


class UserChecksDialog(QDialog):
    """The user's saved checks: add one (English that must or must not occur, optionally only where the
    Chinese contains a text), or remove some. Nothing is saved until OK."""

    def __init__(self, parent: QWidget | None, checks: list[UserCheck]):
        super().__init__(parent)
        self.setWindowTitle(tr("My QA checks"))
        self.original = {c.name: c for c in checks}
        self.checks: dict[str, UserCheck] = dict(self.original)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("My checks"))
        self.list.setObjectName("userChecksList")
        self.name = QLineEdit(self)
        self.name.setObjectName("userCheckName")
        self.name.setPlaceholderText(tr("a name, e.g. no social credit score"))
        self.rule = QComboBox(self)
        self.rule.setObjectName("userCheckRule")
        self.rule.addItem(tr("must not contain"), False)
        self.rule.addItem(tr("must contain"), True)
        self.english = QLineEdit(self)
        self.english.setObjectName("userCheckEnglish")
        self.english.setPlaceholderText(tr("English text, e.g. social credit score"))
        self.chinese = QLineEdit(self)
        self.chinese.setPlaceholderText(tr("optional: only where the Chinese contains this, e.g. 信用分"))
        self.regex = QCheckBox(tr("Regular expressions"), self)
        self.severity = QComboBox(self)
        for sev in (Severity.ERROR, Severity.WARNING):
            self.severity.addItem(severity_label(sev), str(sev))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.add_button = QPushButton(tr("Add check"), self)
        self.add_button.setObjectName("userCheckAdd")
        self.remove_button = QPushButton(tr("Remove selected"), self)
        form = QFormLayout()
        form.addRow(tr("Name:"), self.name)
        form.addRow(tr("The English:"), self.rule)
        form.addRow(tr("Text:"), self.english)
        form.addRow(tr("Where:"), self.chinese)
        form.addRow("", self.regex)
        form.addRow(tr("Severity:"), self.severity)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("Saved checks (run with every QA):"), self))
        lay.addWidget(self.list, 1)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addLayout(row)
        lay.addWidget(buttons)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        for edit in (self.name, self.english):
            edit.textChanged.connect(lambda _t: self.add_button.setEnabled(bool(self.name.text().strip()
                                                                                and self.english.text().strip())))
        self.add_button.setEnabled(False)
        self._refresh()
        self.resize(560, 480)

    def _refresh(self) -> None:
        self.list.clear()
        for c in self.checks.values():
            item = QListWidgetItem(f"{c.name} — {severity_label(c.severity)}: {describe_check(c)}")
            item.setData(Qt.ItemDataRole.UserRole, c.name)
            self.list.addItem(item)

    def add(self) -> None:
        check = UserCheck(self.name.text().strip(), self.english.text().strip(), must=bool(self.rule.currentData()),
                          chinese=self.chinese.text().strip(), regex=self.regex.isChecked(),
                          severity=str(self.severity.currentData()))
        try:
            CompiledCheck(check)
        except UserError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.setText("")
        self.checks[check.name] = check
        self.name.clear()
        self.english.clear()
        self.chinese.clear()
        self._refresh()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.checks.pop(str(item.data(Qt.ItemDataRole.UserRole)), None)
        self._refresh()

    def changes(self) -> tuple[list[UserCheck], list[str]]:
        """The checks to save (new or changed) and the names to delete."""
        saved = [c for name, c in self.checks.items() if self.original.get(name) != c]
        return saved, [name for name in self.original if name not in self.checks]
