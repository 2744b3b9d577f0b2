"""The library as a Qt table model over document ids (Anki's browser table): one row per document,
its Chinese and English titles in the first column and its translation status in the second. Views
show 50,000 documents without a widget per row; the filter proxy matches titles and ids."""

from __future__ import annotations

from typing import Any

from policyreader.core.model import DocumentListing, Language, TranslationStatus
from policyreader.gui.i18n import tr
from policyreader.gui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)


def status_text(row: DocumentListing) -> str:
    """The Translation column: how much of a document has English (an English document: coverage read
    against the glossary), in the interface language."""
    if row.lang == Language.EN:
        return tr("English")
    labels: dict[str, str] = {TranslationStatus.FULL: tr("translated"), TranslationStatus.PARTIAL: tr("partial"),
                              TranslationStatus.NONE: tr("Chinese only")}
    return labels.get(row.translation_status, row.translation_status)


ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    """Documents by id; rows are read from the listing the library gives."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._ids: list[str] = []
        self._rows: dict[str, DocumentListing] = {}

    def set_listing(self, rows: list[DocumentListing]) -> None:
        self.beginResetModel()
        self._ids = [r.id for r in rows]
        self._rows = {r.id: r for r in rows}
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, doc_id: str) -> int:
        try:
            return self._ids.index(doc_id)
        except ValueError:
            return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Document"), tr("Translation"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[self._ids[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 1:
                return status_text(row)
            return f"{row.title}\n{row.title_en}" if row.title_en else row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{row.title_en}\nid: {row.id}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title} {row.title_en}, {status_text(row)}"
        if role == ID_ROLE:
            return row.id
        if role == SEARCH_ROLE:
            return f"{row.title} {row.title_en} {row.id}".lower()
        return None


class LibraryFilter(QSortFilterProxyModel):
    """Rows whose titles or id contain the filter text (case-insensitive)."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        self._needle = text.strip().lower()
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._needle in str(index.data(SEARCH_ROLE))
