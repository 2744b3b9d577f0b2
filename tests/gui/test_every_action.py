"""Every menu and toolbar entry of the window, triggered for real with a document open and text selected,
as a newcomer clicking through the menus would. Any exception raised inside a slot fails the test
(pytest-qt's own capture); every modal dialog that opens is answered with Cancel; an entry whose label
ends in "…" promises a dialog and must open one."""

from __future__ import annotations

from typing import Any

from policyreader.gui.qt import QAction, QApplication, QDialog, QMenu, QMessageBox, QPoint, QTimer, QToolBar
from tests.gui.driving import open_doc, wait_idle

DOC = "spc_shixin_list_provisions_2013"
#: entries whose "…" leads to an input bar or a pane rather than a modal dialog
NON_MODAL = {"Find in document…", "Search library…"}


class CancelEverything:
    """Answers every modal dialog and closes every popup menu, recording what it saw."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            self.seen.append("QMenu")
            popup.close()
            return
        w = QApplication.activeModalWidget()
        if w is None or not w.isVisible():
            return
        self.seen.append(type(w).__name__)
        if isinstance(w, QMessageBox) and w.escapeButton() is None:
            w.done(0)
        elif isinstance(w, QDialog):
            w.reject()
        else:
            w.close()

    def stop(self) -> None:
        self._timer.stop()


def menu_actions(window: Any) -> list[tuple[str, QAction | None]]:
    """Every entry of every menu (submenus walked), with its path, in menu order; then the toolbar's.
    File → Open recent is rebuilt whenever a document opens, so it stands as one entry (None) whose
    first document is looked up when it is triggered."""
    out: list[tuple[str, QAction | None]] = []

    def walk(menu: QMenu, path: str) -> None:
        for act in menu.actions():
            if act.isSeparator():
                continue
            label = act.text().replace("&", "")
            if act.menu() is window.recent_menu:
                out.append((f"{path} → {label}", None))
            elif act.menu() is not None:
                walk(act.menu(), f"{path} → {label}")
            else:
                out.append((f"{path} → {label}", act))

    for top in window.menuBar().actions():
        walk(top.menu(), top.text().replace("&", ""))
    for act in window.findChild(QToolBar, "mainToolbar").actions():
        if not act.isSeparator() and act.text():
            out.append((f"Toolbar → {act.text().replace('&', '')}", act))
    return out


def select_a_term(window: Any) -> None:
    seg = next(s for s in window.segments if s.terms)
    start, end, _ = seg.terms[0]
    window.reader.select_span(seg.idx, "zh", start, end)


def test_every_menu_and_toolbar_entry_works(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    entries = menu_actions(window)
    labels = [p for p, _ in entries]
    assert len(entries) > 40, labels
    assert "File → Import document…" in labels and "Toolbar → Import document…" in labels
    dismiss = CancelEverything()
    opened: dict[str, list[str]] = {}
    try:
        for path, entry in entries:
            if path == "File → Quit":
                continue
            if window.doc_id != DOC:
                open_doc(window, qtbot, DOC)
            select_a_term(window)
            act = entry or window.recent_menu.actions()[0]
            before = len(dismiss.seen)
            if act.isEnabled():
                act.trigger()
                wait_idle(window, qtbot)
                qtbot.wait(60)  # a dialog opened from a finished operation's callback
                wait_idle(window, qtbot)
            opened[path] = dismiss.seen[before:]
    finally:
        dismiss.stop()
    for path, _act in entries:
        label = path.rsplit(" → ", 1)[1]
        if label.endswith("…") and label not in NON_MODAL:
            assert opened[path], f"{path} promised a dialog and opened none"
    assert opened["File → Import document…"] == ["ImportDialog"]
    assert window.isVisible()


def test_the_reader_context_menu_opens_on_a_segment(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    select_a_term(window)
    dismiss = CancelEverything()
    try:
        rect = window.reader.cursorRect(window.reader.textCursor())
        window.reader.customContextMenuRequested.emit(QPoint(rect.x() + 2, rect.center().y()))
        qtbot.waitUntil(lambda: "QMenu" in dismiss.seen, timeout=5000)
    finally:
        dismiss.stop()


def test_quit_closes_the_window(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    quit_action = dict(menu_actions(window))["File → Quit"]
    assert quit_action is not None
    quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
