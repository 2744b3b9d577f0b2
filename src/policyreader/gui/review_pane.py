"""The "Review alignment" pane: the open document's segments whose machine-made alignment a person should
check (merges, splits, untranslated paragraphs, additions, and one-to-one links the aligner was unsure
of), in reading order, with their confidence. Click one to go there; "Looks right" takes it off the list."""

from __future__ import annotations

from policyreader.core.alignment import needs_review
from policyreader.core.model import SegmentRow
from policyreader.gui.qt import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

LINK_LABEL = {"1-0": "untranslated", "0-1": "English only"}


def describe(seg: SegmentRow) -> str:
    """One line for the list: where, what kind of link, how sure, and the start of the text."""
    kind = LINK_LABEL.get(seg.link, f"{seg.link} link")
    text = (seg.zh or seg.en).replace("\n", " ")
    return f"§{seg.idx + 1}  {kind}, {seg.confidence:.0%} sure — {text[:40]}{'…' if len(text) > 40 else ''}"


class ReviewPane(QWidget):
    segmentActivated = Signal(int)
    confirmRequested = Signal(int)
    stepRequested = Signal(bool)  # forward?

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("reviewList")
        self.list.setAccessibleName("Segments to review")
        self.list.setUniformItemSizes(True)
        self.prev_button = QPushButton("Previous", self)
        self.next_button = QPushButton("Next", self)
        self.confirm_button = QPushButton("Looks right", self)
        self.confirm_button.setToolTip("The alignment of the selected segment is correct: take it off the list")
        buttons = QHBoxLayout()
        for b in (self.prev_button, self.next_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)
        self.list.itemActivated.connect(lambda it: self.segmentActivated.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.list.itemClicked.connect(lambda it: self.segmentActivated.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.prev_button.clicked.connect(lambda: self.stepRequested.emit(False))
        self.next_button.clicked.connect(lambda: self.stepRequested.emit(True))
        self.confirm_button.clicked.connect(self._confirm)
        self.set_segments([])

    def set_segments(self, segments: list[SegmentRow]) -> None:
        self.list.clear()
        items = [s for s in segments if needs_review(s.link, s.confidence)]
        for seg in items:
            it = QListWidgetItem(describe(seg))
            it.setData(Qt.ItemDataRole.UserRole, seg.idx)
            self.list.addItem(it)
        if not segments:
            self.summary.setText("No document is open.")
        elif not items:
            self.summary.setText("Nothing to review: every segment is aligned with confidence.")
        else:
            self.summary.setText(f"{len(items)} of {len(segments)} segments to review: check that the English "
                                 "beside each renders exactly its Chinese.")
        for b in (self.prev_button, self.next_button, self.confirm_button):
            b.setEnabled(bool(items))

    def segments_to_review(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def select_segment(self, segment: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == segment:
                self.list.setCurrentRow(i)
                return

    def _confirm(self) -> None:
        it = self.list.currentItem()
        if it is not None:
            self.confirmRequested.emit(it.data(Qt.ItemDataRole.UserRole))
