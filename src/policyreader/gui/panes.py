"""Side panes of the main window: the library list, the outline, and library-wide search results."""

from __future__ import annotations

from typing import Any

from policyreader.core.model import DocumentListing
from policyreader.gui.models.library import ID_ROLE, LibraryFilter, LibraryModel
from policyreader.gui.plain import plain_label
from policyreader.gui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QPushButton,
    Qt,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)


class LibraryPane(QWidget):
    """Documents with Chinese and English titles and translation status; a filter box on top."""

    documentActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter documents…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter documents")
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView(self)
        self.view.setObjectName("libraryView")
        self.view.setAccessibleName("Library documents")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)  # every row is two lines: fast with tens of thousands of documents
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.header().setStretchLastSection(False)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter)
        lay.addWidget(self.view)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)

    def _activate(self, index: QModelIndex) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id:
            self.documentActivated.emit(str(doc_id))

    def set_documents(self, rows: list[DocumentListing]) -> None:
        current = self.current_id()
        self.model.set_listing(rows)
        if current:
            self.select(current)

    def count(self) -> int:
        """Documents shown (after the filter)."""
        return self.proxy.rowCount()

    def current_id(self) -> str:
        index = self.view.currentIndex()
        return str(index.data(ID_ROLE) or "") if index.isValid() else ""

    def select(self, doc_id: str) -> None:
        row = self.model.row_of(doc_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)


class OutlinePane(QTreeWidget):
    """Chapters, sections, articles and items of the open document; activating one jumps there."""

    segmentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outlineTree")
        self.setHeaderHidden(True)
        self.itemClicked.connect(lambda it, _c: self.segmentActivated.emit(it.data(0, Qt.ItemDataRole.UserRole)))
        self.itemActivated.connect(lambda it, _c: self.segmentActivated.emit(it.data(0, Qt.ItemDataRole.UserRole)))

    def set_outline(self, items: list[dict[str, Any]]) -> None:
        self.clear()
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for it in items:
            if it["kind"] == "item":
                continue  # enumerated items would swamp the outline; articles are the unit of navigation
            node = QTreeWidgetItem([it["label"]])
            node.setData(0, Qt.ItemDataRole.UserRole, it["segment"])
            while stack and stack[-1][0] >= it["depth"]:
                stack.pop()
            if stack:
                stack[-1][1].addChild(node)
            else:
                self.addTopLevelItem(node)
            if it["kind"] in ("chapter", "section", "title"):
                stack.append((it["depth"], node))
        self.expandAll()


class SearchPane(QWidget):
    """Library-wide full-text search: a query box and results with snippets."""

    searchRequested = Signal(str)
    resultActivated = Signal(str, int, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText("Search the library (Chinese or English)…")
        self.query.setClearButtonEnabled(True)
        self.status = plain_label(QLabel(self))  # it quotes the query
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.query)
        lay.addWidget(self.status)
        lay.addWidget(self.results)
        self.query.returnPressed.connect(lambda: self.searchRequested.emit(self.query.text()))
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)

    def _activate(self, item: QListWidgetItem) -> None:
        doc, seg, side = item.data(Qt.ItemDataRole.UserRole)
        self.resultActivated.emit(doc, seg, side)

    def set_results(self, query: str, hits: list[Any]) -> None:
        self.results.clear()
        for h in hits:
            item = QListWidgetItem(f"{h.title or h.doc}  ·  §{h.segment + 1} [{h.side}]\n{h.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, (h.doc, h.segment, h.side))
            self.results.addItem(item)
        self.status.setText(f"{len(hits)} result(s) for “{query}”" if hits else f"No results for “{query}”")


class FindBar(QWidget):
    """Find in the open document (Ctrl+F)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in document…")
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.next_button = QPushButton("Next", self)
        self.prev_button = QPushButton("Previous", self)
        close = QPushButton("✕", self)
        close.setFlat(True)
        close.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(QLabel("Find:", self))
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.prev_button)
        lay.addWidget(self.next_button)
        lay.addWidget(self.status)
        lay.addWidget(close)
