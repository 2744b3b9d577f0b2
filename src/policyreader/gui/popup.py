"""The lookup popup, as Zhongwen or Pleco show it: a small frameless window beside the pointer."""

from __future__ import annotations

from policyreader.gui.qt import QFrame, QLabel, QPoint, Qt, QVBoxLayout, QWidget, Signal


class LookupPopup(QFrame):
    """Shows rich text for a glossary term or a dictionary word. Esc or moving away closes it."""

    linkActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("lookupPopup")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.label.linkActivated.connect(self.linkActivated)
        self.label.setMaximumWidth(460)
        self.label.setMinimumWidth(280)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 8, 10, 8)
        lay.addWidget(self.label)
        self.key: tuple[object, ...] | None = None
        self.pinned = False

    def show_html(self, html: str, at: QPoint, key: tuple[object, ...]) -> None:
        """Show *html* near global point *at*, kept on screen."""
        self.key = key
        self.label.setText(html)
        self.adjustSize()
        screen = self.screen().availableGeometry() if self.screen() else None
        x, y = at.x() + 12, at.y() + 18
        if screen is not None:
            if x + self.width() > screen.right():
                x = max(screen.left(), at.x() - self.width() - 12)
            if y + self.height() > screen.bottom():
                y = max(screen.top(), at.y() - self.height() - 12)
        self.move(x, y)
        self.show()
        self.raise_()

    def dismiss(self) -> None:
        self.key = None
        self.pinned = False
        self.hide()

    def text(self) -> str:
        return self.label.text()
