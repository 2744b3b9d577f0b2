"""Side panes of the main window: the library list, the outline, and library-wide search results."""

from __future__ import annotations

import bisect
from typing import Any

from policyreader.core.model import DocumentListing
from policyreader.gui.i18n import tr
from policyreader.gui.labels import side_label
from policyreader.gui.models.library import ID_ROLE, LibraryFilter, LibraryModel
from policyreader.gui.plain import plain_label
from policyreader.gui.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QPushButton,
    Qt,
    QTimer,
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
        self.filter.setPlaceholderText(tr("Filter documents…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(tr("Filter documents"))
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView(self)
        self.view.setObjectName("libraryView")
        self.view.setAccessibleName(tr("Library documents"))
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
        # arrow keys in the list open the selected document, once the key has rested a moment
        self._selecting = False
        self._key_timer = QTimer(self)
        self._key_timer.setSingleShot(True)
        self._key_timer.setInterval(250)
        self._key_timer.timeout.connect(lambda: self._activate(self.view.currentIndex()))
        self.view.selectionModel().currentChanged.connect(self._current_changed)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.view.hasFocus() and not self._selecting:
            self._key_timer.start()

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
            self._selecting = True  # the window says which document is open: nothing to open again
            self.view.setCurrentIndex(index)
            self._selecting = False
            self.view.scrollTo(index)


class OutlinePane(QTreeWidget):
    """Chapters, sections, articles and items of the open document; activating one jumps there."""

    segmentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outlineTree")
        self.setAccessibleName(tr("Outline"))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)  # lets Qt skip measuring every row of a long outline
        self.itemClicked.connect(lambda it, _c: self.segmentActivated.emit(it.data(0, Qt.ItemDataRole.UserRole)))
        self._starts: list[tuple[int, QTreeWidgetItem]] = []  # (segment, item) in reading order
        self.itemActivated.connect(lambda it, _c: self.segmentActivated.emit(it.data(0, Qt.ItemDataRole.UserRole)))

    def set_outline(self, items: list[dict[str, Any]]) -> None:
        """Fill the tree in one go: the nodes are built detached and inserted with one call, which keeps a
        law with thousands of articles well inside a frame."""
        self.clear()
        top: list[QTreeWidgetItem] = []
        starts: list[tuple[int, QTreeWidgetItem]] = []
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for it in items:
            if it["kind"] == "item":
                continue  # enumerated items would swamp the outline; articles are the unit of navigation
            while stack and stack[-1][0] >= it["depth"]:
                stack.pop()
            node = QTreeWidgetItem(stack[-1][1], [it["label"]]) if stack else QTreeWidgetItem([it["label"]])
            node.setData(0, Qt.ItemDataRole.UserRole, it["segment"])
            starts.append((int(it["segment"]), node))
            if not stack:
                top.append(node)
            if it["kind"] in ("chapter", "section", "title"):
                node.setExpanded(True)
                stack.append((it["depth"], node))
        self.addTopLevelItems(top)
        self.expandAll()
        self._starts = sorted(starts, key=lambda x: x[0])

    def follow(self, segment: int) -> None:
        """Mark the chapter or article the reader is in (the last one starting at or before *segment*)."""
        i = bisect.bisect_right([s for s, _n in self._starts], segment) - 1
        if i < 0 or self.hasFocus():
            return
        node = self._starts[i][1]
        if self.currentItem() is not node:
            self.blockSignals(True)
            self.setCurrentItem(node)
            self.blockSignals(False)
            self.scrollToItem(node)


class SearchPane(QWidget):
    """Library-wide full-text search: a query box and results with snippets."""

    searchRequested = Signal(str)
    resultActivated = Signal(str, int, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.query = QLineEdit(self)
        self.query.setAccessibleName(tr("Search the library"))
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(tr("Search the library (Chinese or English)…"))
        self.query.setClearButtonEnabled(True)
        self.status = plain_label(QLabel(self))  # it quotes the query
        self.results = QListWidget(self)
        self.results.setAccessibleName(tr("Search results"))
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
        self.query.installEventFilter(self)  # Down from the query box goes into the results

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if obj is self.query and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down \
                and self.results.count():
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        return super().eventFilter(obj, event)

    def _activate(self, item: QListWidgetItem) -> None:
        doc, seg, side = item.data(Qt.ItemDataRole.UserRole)
        self.resultActivated.emit(doc, seg, side)

    def set_results(self, query: str, hits: list[Any]) -> None:
        self.results.clear()
        for h in hits:
            item = QListWidgetItem(f"{h.title or h.doc}  ·  §{h.segment + 1} [{side_label(h.side)}]\n{h.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, (h.doc, h.segment, h.side))
            self.results.addItem(item)
        self.status.setText(tr("{n} result(s) for “{query}”").format(n=len(hits), query=query) if hits
                            else tr("No results for “{query}”").format(query=query))


class FindBar(QWidget):
    """Find in the open document (Ctrl+F)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(tr("Find in document"))
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText(tr("Find in document…"))
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.next_button = QPushButton(tr("Next"), self)
        self.prev_button = QPushButton(tr("Previous"), self)
        close = QPushButton("✕", self)
        close.setFlat(True)
        close.setToolTip(tr("Close the find bar (Esc)"))
        close.setAccessibleName(tr("Close the find bar"))
        close.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(QLabel(tr("Find:"), self))
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.prev_button)
        lay.addWidget(self.next_button)
        lay.addWidget(self.status)
        lay.addWidget(close)
