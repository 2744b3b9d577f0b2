"""Driving the real window as a user does: trigger actions, answer the real modal dialogs when they
open (no patched ``exec``), and wait for background operations instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from policyreader.gui.qt import QAction, QApplication, QDialog, QFileDialog, QTimer, QWidget


def wait_idle(window: Any, qtbot: Any, timeout: int = 60000) -> None:
    """Until every background operation of the window has finished and its results are shown."""
    qtbot.waitUntil(lambda: not window.ops.is_busy and window.reader.fully_built, timeout=timeout)


def start_window(qtbot: Any, data_dir: Any, settings: Any) -> Any:
    """The real main window on *data_dir*, shown and ready (warmed up, its first document open)."""
    from policyreader.gui.window import MainWindow
    from policyreader.services.paths import resolve_paths

    w = MainWindow(resolve_paths(data_dir), settings)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.ready, timeout=60000):
        w.show()
    wait_idle(w, qtbot)
    return w


def open_doc(window: Any, qtbot: Any, doc_id: str) -> None:
    """Activate a document in the library pane, as a click does, and wait until it is shown."""
    with qtbot.waitSignal(window.documentOpened, timeout=60000):
        window.library_pane.documentActivated.emit(doc_id)
    wait_idle(window, qtbot)


def trigger(window: Any, qtbot: Any, action: QAction) -> None:
    """Trigger a menu or toolbar action and wait for the work it started."""
    assert action.isEnabled(), f"{action.text()} is disabled"
    action.trigger()
    wait_idle(window, qtbot)


def action_named(window: Any, text: str) -> QAction:
    """The menu action whose label (without the & accelerator) is *text*."""
    for act in window.findChildren(QAction):
        if act.text().replace("&", "") == text:
            return act
    raise AssertionError(f"no action {text!r}")


class Dialogs:
    """Answers modal dialogs in the order they are expected, from a timer, as the user would."""

    def __init__(self) -> None:
        self.expected: list[tuple[type[QWidget], Callable[[Any], None]]] = []
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def expect(self, kind: type[QWidget], answer: Callable[[Any], None]) -> Dialogs:
        self.expected.append((kind, answer))
        return self

    def _poll(self) -> None:
        w = QApplication.activeModalWidget()
        if w is None or not self.expected or not w.isVisible():
            return
        kind, answer = self.expected[0]
        if isinstance(w, kind):
            self.expected.pop(0)
            self.seen.append(type(w).__name__)
            answer(w)

    def stop(self) -> None:
        self._timer.stop()


def accept(fill: Callable[[Any], None] | None = None) -> Callable[[Any], None]:
    """An answer: fill the dialog in, then press its default (OK/Save/Import) button."""
    def answer(dlg: QDialog) -> None:
        if fill is not None:
            fill(dlg)
        dlg.accept()
    return answer


def reject(dlg: QDialog) -> None:
    dlg.reject()


def save_as(path: str) -> Callable[[QFileDialog], None]:
    """An answer to a file dialog: choose *path*."""
    def answer(dlg: QFileDialog) -> None:
        from policyreader.gui.qt import QLineEdit

        name = dlg.findChild(QLineEdit, "fileNameEdit")  # what the user types the name into
        assert name is not None, "not Qt's own file dialog"
        name.setText(path)
        dlg.accept()
    return answer


def press(window: Any, qtbot: Any, key: Any, modifiers: Any = None) -> None:
    """Press a shortcut in the window, as the user does with the window in front (after a modal dialog
    closes, the offscreen platform does not give the window its activation back by itself)."""
    from policyreader.gui.qt import Qt

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers if modifiers is not None else Qt.KeyboardModifier.NoModifier)
    wait_idle(window, qtbot)
