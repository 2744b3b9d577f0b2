"""The "Review alignment" pane: the open document's segments whose machine-made alignment a person should
check (merges, splits, untranslated paragraphs, additions, and one-to-one links the aligner was unsure
of), in reading order, with their confidence. Click one to go there; "Looks right" takes it off the list."""

from __future__ import annotations

from policyreader.core.alignment import needs_review
from policyreader.core.model import SegmentRow
from policyreader.gui.i18n import tr
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


def link_label(link: str) -> str:
    """What kind of alignment a segment has: "2-1 link", or untranslated (1-0) and English only (0-1)."""
    return {"1-0": tr("untranslated"), "0-1": tr("English only")}.get(link) or tr("{link} link").format(link=link)


def describe(seg: SegmentRow) -> str:
    """One line for the list: where, what kind of link, how sure, and the start of the text."""
    text = (seg.zh or seg.en).replace("\n", " ")
    return tr("§{n}  {kind}, {sure} sure — {text}").format(
        n=seg.idx + 1, kind=link_label(seg.link), sure=f"{seg.confidence:.0%}",
        text=text[:40] + ("…" if len(text) > 40 else ""))


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
        self.list.setAccessibleName(tr("Segments to review"))
        self.list.setUniformItemSizes(True)
        self.prev_button = QPushButton(tr("Previous"), self)
        self.next_button = QPushButton(tr("Next"), self)
        self.confirm_button = QPushButton(tr("Looks right"), self)
        self.confirm_button.setToolTip(tr("The alignment of the selected segment is correct: take it off the list"))
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
            self.summary.setText(tr("No document is open."))
        elif not items:
            self.summary.setText(tr("Nothing to review: every segment is aligned with confidence."))
        else:
            self.summary.setText(tr("{n} of {total} segments to review: check that the English beside each renders "
                                    "exactly its Chinese.").format(n=len(items), total=len(segments)))
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
