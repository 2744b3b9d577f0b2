"""Accessibility and the keyboard: every control a screen reader reaches has a name, Tab moves through the
window in reading order, and the main flow — open, read, look up, annotate, search, QA — works with the
keyboard alone."""

from __future__ import annotations

from pathlib import Path

from policyreader.gui.annotations import AnnotationDialog
from policyreader.gui.dialogs import ImportDialog
from policyreader.gui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QAccessible,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QTextEdit,
    QWidget,
)
from tests.conftest import CORPUS
from tests.gui.driving import Dialogs, open_doc, press, wait_idle

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit)


def unnamed(root: QWidget) -> list[str]:
    """Interactive widgets under *root* that a screen reader would announce with no name."""
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INTERACTIVE) or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo box or spin box: the box is named
        if w.objectName().startswith("qt_") or w.parent().metaObject().className() == "QComboBoxPrivateContainer":
            continue  # Qt's own parts (a combo box's drop-down list)
        face = QAccessible.queryAccessibleInterface(w)  # what a screen reader is told (a form label counts)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.replace("&", "").strip():
            out.append(f"{type(w).__name__} {w.objectName() or '(no object name)'} in "
                       f"{type(w.parent()).__name__ if w.parent() else '-'}")
    return out


def test_every_control_of_the_window_has_a_name(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, "spc_shixin_list_provisions_2013")
    for dock in (window.search_dock, window.entry_dock, window.annotations_dock, window.qa_dock,
                 window.review_dock, window.claims_dock, window.concordance_dock):
        dock.show()
    assert unnamed(window) == []


def test_every_control_of_the_dialogs_has_a_name(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from policyreader.gui.exchange_dialogs import ExportDialog
    from policyreader.gui.preferences import Preferences, PreferencesDialog

    dialogs = [ImportDialog(window, "", ""), PreferencesDialog(window, Preferences()),
               ExportDialog(window, window.ctx.exchange, window.doc_id, [])]
    dialogs.append(AnnotationDialog(window, "诚信", list(window.ctx.engine.glossary.entries.values())[:5]))
    problems = {type(d).__name__: unnamed(d) for d in dialogs}
    assert {k: v for k, v in problems.items() if v} == {}


def test_tab_moves_through_the_window_in_reading_order(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, "spc_shixin_list_provisions_2013")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.library_pane.filter.setFocus()
    order = []
    for _ in range(6):
        order.append(QApplication.focusWidget().objectName())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert order[:4] == ["libraryFilter", "libraryView", "outlineTree", "reader"]


def test_the_main_flow_works_with_the_keyboard_alone(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # open: Ctrl+O, type the path, Enter
    source = tmp_path / "law.txt"
    source.write_text((CORPUS / "samr_admin_penalty_info_publicity_2021.zh.txt").read_text(encoding="utf-8")
                      + "\n附：本规定的解释权属于总局。\n", encoding="utf-8")

    def type_path(dlg: ImportDialog) -> None:
        dlg.source.setFocus()
        qtbot.keyClicks(dlg.source, str(source))
        qtbot.keyClick(dlg.source, Qt.Key.Key_Return)

    answers = Dialogs().expect(ImportDialog, type_path)
    with qtbot.waitSignal(window.documentOpened, timeout=60000):
        press(window, qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    answers.stop()
    wait_idle(window, qtbot)
    # read: into the reader, word by word
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    word = window.reader.textCursor().selectedText()
    assert word
    # look up: Ctrl+D
    press(window, qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.popup.isVisible()
    press(window, qtbot, Qt.Key.Key_Escape)
    # annotate: Ctrl+Shift+A, type, Ctrl+Enter
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)

    def write_note(dlg: AnnotationDialog) -> None:
        dlg.note.setFocus()
        qtbot.keyClicks(dlg.note, "checked by keyboard")
        qtbot.keyClick(dlg.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    answers = Dialogs().expect(AnnotationDialog, write_note)
    before = len(window.ctx.annotations.find(window.doc_id))
    press(window, qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not answers.expected, timeout=10000)
    answers.stop()
    wait_idle(window, qtbot)
    assert len(window.ctx.annotations.find(window.doc_id)) == before + 1
    # search: Ctrl+Shift+F, type, Enter, Down, Enter opens the hit
    press(window, qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    query = QApplication.focusWidget()
    assert query is window.search_pane.query
    query.setText("行政处罚")  # typed through an input method: QTest cannot type Chinese
    qtbot.keyClick(query, Qt.Key.Key_Return)
    wait_idle(window, qtbot)
    assert window.search_pane.results.count() > 1
    qtbot.keyClick(query, Qt.Key.Key_Down)  # into the results
    results = window.search_pane.results
    assert QApplication.focusWidget() is results
    with qtbot.waitSignal(window.documentOpened, timeout=30000):
        qtbot.keyClick(results, Qt.Key.Key_Return)
    wait_idle(window, qtbot)
    assert window.reader.textCursor().selectedText() == "行政处罚"
    # QA: F7
    press(window, qtbot, Qt.Key.Key_F7)
    assert window.qa_dock.isVisible() and window.qa_pane.summary.text()
