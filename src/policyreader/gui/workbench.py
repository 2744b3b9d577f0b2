"""The glossary workbench inside the app: the glossary browser, the concordance, and the dialog that
adds a term from a selection (with its pinyin and CC-CEDICT suggestions)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from policyreader.core.glossary import DOMAINS, STATUSES, GlossaryEntry
from policyreader.core.model import ConcordanceLine
from policyreader.gui.i18n import tr
from policyreader.gui.labels import domain_label, status_label
from policyreader.gui.models.concordance import SORT_KEYS, ConcordanceModel
from policyreader.gui.plain import tooltip
from policyreader.gui.qt import (
    QAbstractItemView,
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
    QModelIndex,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from policyreader.services.concordance import CONTEXT, Concordance
from policyreader.services.workbench import SearchResult


class GlossaryBrowser(QWidget):
    """All entries, searchable by characters, pinyin (with or without tones) and English; domain/status filters."""

    entryActivated = Signal(str)
    searchChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.query = QLineEdit(self)
        self.query.setAccessibleName(tr("Search the glossary"))
        self.query.setObjectName("glossaryQuery")
        self.query.setPlaceholderText("信用 · xinyong · xin4yong4 · credit …")
        self.query.setClearButtonEnabled(True)
        self.domain = QComboBox(self)
        self.domain.setAccessibleName(tr("Domain"))
        self.domain.addItem(tr("all domains"), "")
        for d in DOMAINS:
            self.domain.addItem(domain_label(d), d)
        self.status = QComboBox(self)
        self.status.setAccessibleName(tr("Status of a rendering"))
        self.status.addItem(tr("any status"), "")
        for s in STATUSES:
            self.status.addItem(tr("has {status}").format(status=status_label(s)), s)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Glossary entries"))
        self.list.setObjectName("glossaryList")
        self.count = QLabel(self)
        filters = QHBoxLayout()
        filters.addWidget(self.domain)
        filters.addWidget(self.status)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.query)
        lay.addLayout(filters)
        lay.addWidget(self.count)
        lay.addWidget(self.list, 1)
        self.query.textChanged.connect(lambda _t: self.searchChanged.emit())
        self.domain.currentIndexChanged.connect(lambda _i: self.searchChanged.emit())
        self.status.currentIndexChanged.connect(lambda _i: self.searchChanged.emit())
        self.list.itemClicked.connect(lambda it: self.entryActivated.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.list.itemActivated.connect(lambda it: self.entryActivated.emit(it.data(Qt.ItemDataRole.UserRole)))

    def filters(self) -> tuple[str, str | None, str | None]:
        return self.query.text().strip(), self.domain.currentData() or None, self.status.currentData() or None

    def set_entries(self, entries: list[GlossaryEntry] | list[SearchResult]) -> None:
        self.list.clear()
        for x in entries:
            e = x.entry if isinstance(x, SearchResult) else x
            pref = e.preferred()
            mark = {"user": "  " + tr("[mine]"), "extended": "  " + tr("[+mine]")}.get(e.origin, "")
            item = QListWidgetItem(f"{e.term}  {e.pinyin}  —  {pref.text if pref else ''}{mark}")
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(tooltip(e.gloss))
            self.list.addItem(item)
        self.count.setText(tr("{n} entries").format(n=len(entries)))


class ConcordancePane(QWidget):
    """Keyword-in-context lines with the aligned English, a row per line built as it is shown; a click on
    a column's header asks for the lines sorted by it (left context read from its end, as concordancers
    do), a second click reverses the order."""

    lineActivated = Signal(str, int, int, int)  # doc, segment, start, end
    exportRequested = Signal()
    sortRequested = Signal(str, bool)  # sort key, descending

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.model = ConcordanceModel(self)
        # a table, not a tree: a tree asks the model about every row's children when it lays them out
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Concordance lines"))
        self.view.setObjectName("concordanceView")
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # rows not measured
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # library order: no column's
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        self.export_button = QPushButton(tr("Export CSV…"), self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.view)
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)
        self.export_button.clicked.connect(self.exportRequested)

    @property
    def lines(self) -> Sequence[ConcordanceLine]:
        return self.model.lines

    @property
    def titles(self) -> Mapping[str, str]:
        return self.model.titles

    def set_lines(self, term: str, lines: Sequence[ConcordanceLine], titles: Mapping[str, str],
                  refresh: bool = False) -> None:
        """A new concordance, in library order; or, on a *refresh* (the library changed), the same entry's
        lines counted again, asked for in the order the header shows and with the columns as they are."""
        header = self.view.horizontalHeader()
        sorted_by = header.sortIndicatorSection() if refresh else -1
        if not 0 <= sorted_by < len(SORT_KEYS):
            header.blockSignals(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
        self.model.set_lines(lines, titles)
        self.title.setText(tr("<b>{term}</b>: {n} occurrence(s) in the library").format(term=escape(term),
                                                                                         n=f"{len(lines):,}"))
        if 0 <= sorted_by < len(SORT_KEYS):
            self._sort_clicked(sorted_by, header.sortIndicatorOrder())
        if refresh:
            return
        # widths from the font, not from measuring rows (Qt would read a thousand lines for each column)
        fm, pad = self.view.fontMetrics(), 16
        context = fm.horizontalAdvance("中" * CONTEXT) + pad
        terms = {ln.match for ln in lines[:Concordance.PAGE]} | {term}
        for col, width in enumerate((context, max(fm.horizontalAdvance(t) for t in terms) + pad, context)):
            self.view.setColumnWidth(col, width)
        self.view.setColumnWidth(4, fm.horizontalAdvance("M" * 18))

    def set_sorted(self, lines: Sequence[ConcordanceLine]) -> None:
        """The same lines in the order the header asked for."""
        self.model.set_lines(lines)

    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < len(SORT_KEYS):
            self.sortRequested.emit(SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        ln = self.model.lines[index.row()]
        if ln.segment >= 0:
            self.lineActivated.emit(ln.doc, ln.segment, ln.start, ln.start + len(ln.match))


class AddTermDialog(QDialog):
    """A new glossary entry from a selection, prefilled with its pinyin and CC-CEDICT suggestions."""

    def __init__(self, parent: QWidget | None, term: str, pinyin: str, suggestions: list[str],
                 entry: GlossaryEntry | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Add to my glossary") if entry is None
                            else tr("Edit my entry {term}").format(term=entry.term))
        self.term = QLineEdit(term, self)
        self.term.setObjectName("addTermTerm")
        self.pinyin = QLineEdit(pinyin, self)
        self.suggestions = QListWidget(self)
        self.suggestions.setAccessibleName(tr("Dictionary suggestions"))
        self.suggestions.setObjectName("cedictSuggestions")
        self.suggestions.setMaximumHeight(110)
        for s in suggestions:
            self.suggestions.addItem(s)
        self.suggestions.setToolTip(tr("CC-CEDICT definitions: double-click one to use it as a rendering"))
        self.renderings = QLineEdit(self)
        self.renderings.setObjectName("addTermRenderings")
        self.renderings.setPlaceholderText(tr("English renderings, separated by ';' (the first gets the status "
                                              "below)"))
        self.status = QComboBox(self)
        for s in STATUSES:
            self.status.addItem(status_label(s), s)
        self.used_by = QLineEdit(self)
        self.used_by.setPlaceholderText(tr("who uses it (optional)"))
        self.sources = QLineEdit(self)
        self.sources.setPlaceholderText(tr("bibliography ids, separated by ';' (optional)"))
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(tr("notes (optional)"))
        form = QFormLayout()
        form.addRow(tr("Term:"), self.term)
        form.addRow(tr("Pinyin:"), self.pinyin)
        form.addRow("CC-CEDICT:", self.suggestions)
        form.addRow(tr("Renderings:"), self.renderings)
        form.addRow(tr("Status:"), self.status)
        form.addRow(tr("Used by:"), self.used_by)
        form.addRow(tr("Sources:"), self.sources)
        form.addRow(tr("Notes:"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.suggestions.itemDoubleClicked.connect(self._use_suggestion)
        self.renderings.textChanged.connect(self._validate)
        if entry is not None:
            self.renderings.setText("; ".join(r.text for r in entry.renderings))
            self.notes.setPlainText(entry.notes)
        self._validate()
        self.resize(560, 520)

    def _use_suggestion(self, item: QListWidgetItem) -> None:
        current = [r.strip() for r in self.renderings.text().split(";") if r.strip()]
        if item.text() not in current:
            current.append(item.text())
        self.renderings.setText("; ".join(current))

    def _validate(self) -> None:
        self.save_button.setEnabled(bool(self.values()["renderings"]))

    def values(self) -> dict[str, Any]:
        return {"term": self.term.text().strip(), "pinyin": self.pinyin.text().strip(),
                "renderings": [r.strip() for r in self.renderings.text().split(";") if r.strip()],
                "status": self.status.currentData(), "used_by": self.used_by.text().strip(),
                "sources": [s.strip() for s in self.sources.text().split(";") if s.strip()],
                "note": self.notes.toPlainText().strip()}
