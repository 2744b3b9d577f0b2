"""Side panes of the main window: the library list, the outline, and library-wide search results."""

from __future__ import annotations

from html import escape
from typing import Any

from policyreader.core.model import DocumentRow, TranslationStatus
from policyreader.gui.qt import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSize,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

STATUS_TEXT: dict[str, str] = {TranslationStatus.FULL: "translated", TranslationStatus.PARTIAL: "partial",
               TranslationStatus.NONE: "Chinese only"}


class _WrappingTree(QTreeWidget):
    """A tree whose first-column item widgets (wrapped labels) get row heights that fit their text."""

    def fit_rows(self) -> None:
        width = max(120, self.columnWidth(0) - 6)
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            label = self.itemWidget(item, 0) if item is not None else None
            if item is not None and isinstance(label, QLabel):
                item.setSizeHint(0, QSize(width, label.heightForWidth(width) + 4))
        self.doItemsLayout()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_rows()


class LibraryPane(QWidget):
    """Documents with Chinese and English titles and translation status; a filter box on top."""

    documentActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter documents…")
        self.filter.setClearButtonEnabled(True)
        self.tree = _WrappingTree(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setHeaderLabels(["Document", "Translation"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.documentActivated.emit(item.data(0, Qt.ItemDataRole.UserRole))

    def set_documents(self, docs: list[DocumentRow]) -> None:
        self.tree.clear()
        for d in docs:
            item = QTreeWidgetItem(["", STATUS_TEXT.get(d.translation_status, d.translation_status)])
            item.setData(0, Qt.ItemDataRole.UserRole, d.id)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{d.title} {d.title_en}")
            item.setToolTip(0, f"{d.title}\n{d.title_en}\nid: {d.id}")
            self.tree.addTopLevelItem(item)
            # the Chinese title above the English one, wrapped to the pane's width
            label = QLabel(f"<b>{escape(d.title)}</b><br><i>{escape(d.title_en)}</i>")
            label.setWordWrap(True)
            label.setContentsMargins(2, 3, 2, 3)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.tree.setItemWidget(item, 0, label)
        self.tree.fit_rows()
        self._apply_filter(self.filter.text())

    def items(self) -> list[QTreeWidgetItem]:
        return [it for i in range(self.tree.topLevelItemCount()) if (it := self.tree.topLevelItem(i)) is not None]

    def select(self, doc_id: str) -> None:
        for it in self.items():
            if it.data(0, Qt.ItemDataRole.UserRole) == doc_id:
                self.tree.setCurrentItem(it)
                return

    def _apply_filter(self, text: str) -> None:
        t = text.strip().lower()
        for it in self.items():
            hay = (str(it.data(0, Qt.ItemDataRole.AccessibleTextRole)) + " "
                   + str(it.data(0, Qt.ItemDataRole.UserRole))).lower()
            it.setHidden(bool(t) and t not in hay)


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
        self.status = QLabel(self)
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
