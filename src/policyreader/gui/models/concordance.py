"""A concordance as a Qt table model: one row per keyword-in-context line, built when the view first
shows it (the service's concordance reads its lines a page at a time), so a term with 240,000
occurrences opens as fast as one with twenty, without a widget per line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from policyreader.core.model import ConcordanceLine
from policyreader.gui.i18n import tr
from policyreader.gui.plain import tooltip
from policyreader.gui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex

SORT_KEYS = ("left", "term", "right", "english", "document")
"""The service's sort key of each column."""


class ConcordanceModel(QAbstractTableModel):
    """Left context, term, right context, English and document title of each line."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.lines: Sequence[ConcordanceLine] = []
        self.titles: Mapping[str, str] = {}

    def set_lines(self, lines: Sequence[ConcordanceLine], titles: Mapping[str, str] | None = None) -> None:
        self.beginResetModel()
        self.lines = lines
        if titles is not None:
            self.titles = titles
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SORT_KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Left"), tr("Term"), tr("Right"), tr("English"), tr("Document"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ln, col = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if ln.segment < 0:
                return tr("(changed since the concordance was opened)") if col == 3 else ""
            return (ln.left, ln.match, ln.right, ln.en, self.titles.get(ln.doc, ln.doc))[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and ln.en:
            return tooltip(ln.en)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
