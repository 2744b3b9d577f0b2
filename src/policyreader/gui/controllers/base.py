"""What every controller shares: the window, its GUI-thread context, the operation runner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from policyreader.gui.qt import QObject
from policyreader.services.changes import Changes

if TYPE_CHECKING:
    from policyreader.gui.window import MainWindow


class Controller(QObject):
    """A part of the main window's behaviour. Subclasses override :meth:`on_changes`."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.ops = window.ops
        self.ops.changed.connect(self.on_changes)

    def on_changes(self, changes: Changes) -> None:
        """Refresh what this controller shows, if *changes* touch it."""

    def status(self, message: str, msecs: int = 5000) -> None:
        self.window.statusBar().showMessage(message, msecs)

    def error(self, exc: BaseException | str) -> None:
        self.window.show_error(exc)
