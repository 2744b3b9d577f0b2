"""Annotating in the window: select, annotate, see it marked and listed, jump, delete and undo, restart."""

from __future__ import annotations

from pathlib import Path

from policyreader.gui.annotations import AnnotationDialog
from policyreader.gui.qt import QKeySequence, QSettings, Qt
from policyreader.services.paths import resolve_paths
from tests.gui.driving import accept, open_doc, press, trigger, wait_idle

DOC = "zhengxin_industry_regulation_2013"


def fill_note(dlg: AnnotationDialog) -> None:
    """Answer the annotation dialog as a user would: type a note, tags and the rendering chosen."""
    dlg.note.setPlainText("Compare with **Art. 1** of the SPC provisions.")
    dlg.tags.setText("check, scope")
    dlg.rendering.setText("credit reporting")


def annotate(window, qtbot, dialogs):  # type: ignore[no-untyped-def]
    """Edit → Annotate selection… (Ctrl+Shift+A), answered; the annotation it saved."""
    dialogs.expect(AnnotationDialog, accept(fill_note))
    before = {a.id for a in window.ctx.annotations.find(window.doc_id)}
    press(window, qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not dialogs.expected, timeout=10000)
    wait_idle(window, qtbot)
    (new,) = [a for a in window.ctx.annotations.find(window.doc_id) if a.id not in before]
    return new


def select(window, phrase: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    seg = next(s for s in window.segments if phrase in s.zh)
    start = seg.zh.index(phrase)
    window.reader.select_span(seg.idx, "zh", start, start + len(phrase))
    return seg.idx, start


def test_annotate_selection_marks_lists_and_survives_restart(window, qtbot, dialogs, gui_data_dir: Path,  # type: ignore[no-untyped-def]
                                                             settings: QSettings) -> None:
    open_doc(window, qtbot, DOC)
    select(window, "征信业务")
    a = annotate(window, qtbot, dialogs)
    assert a is not None and a.exact == "征信业务" and a.tags == ["check", "scope"]
    assert a.term == "zhengxin-yewu"  # suggested from the glossary link under the selection
    assert window.annotations_pane.list.count() == 1
    assert any(sel.format.background().color().alpha() > 0 for sel in window.reader.extraSelections())
    window.reader.textCursor().clearSelection()
    window.annotations_pane.list.itemClicked.emit(window.annotations_pane.list.item(0))
    wait_idle(window, qtbot)
    assert window.reader.textCursor().selectedText() == "征信业务"

    from policyreader.gui.window import MainWindow

    window.close()
    w2 = MainWindow(resolve_paths(gui_data_dir), settings)
    qtbot.addWidget(w2)
    with qtbot.waitSignal(w2.ready, timeout=60000):
        w2.show()
    wait_idle(w2, qtbot)
    assert w2.doc_id == DOC
    item = w2.annotations_pane.list.item(0)
    assert item is not None and "征信业务" in item.text() and "Compare with" in item.text()


def test_delete_and_undo(window, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    select(window, "个人隐私")
    a = annotate(window, qtbot, dialogs)
    window.annotations_pane.list.setCurrentRow(0)
    window.annotations_pane.delete_button.click()
    wait_idle(window, qtbot)
    assert window.annotations_pane.list.count() == 0
    assert window.ctx.annotations.find(DOC) == []
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    trigger(window, qtbot, window.undo_action)  # Edit → Undo
    assert [x.id for x in window.ctx.annotations.find(DOC)] == [a.id]
    assert window.annotations_pane.list.count() == 1


def test_library_wide_view_and_filters(window, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    select(window, "个人隐私")
    annotate(window, qtbot, dialogs)
    open_doc(window, qtbot, "spc_shixin_list_provisions_2013")
    select(window, "失信被执行人")
    second = annotate(window, qtbot, dialogs)
    assert second.term.startswith("shixin-bei-zhixing-ren")  # the entry linked under the selection
    pane = window.annotations_pane
    assert pane.list.count() == 1
    pane.scope.setCurrentIndex(pane.scope.findData("all"))
    wait_idle(window, qtbot)
    assert pane.list.count() == 2
    pane.term.setCurrentIndex(pane.term.findData(second.term))
    wait_idle(window, qtbot)
    assert pane.list.count() == 1
    pane.term.setCurrentIndex(0)
    pane.filter.setText("隐私")
    wait_idle(window, qtbot)
    assert pane.list.count() == 1
    a = pane.list.item(0).data(Qt.ItemDataRole.UserRole)
    pane.list.itemClicked.emit(pane.list.item(0))
    wait_idle(window, qtbot)
    assert window.doc_id == DOC and a.exact == "个人隐私"


def test_orphan_is_listed_and_can_be_reattached(window, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    select(window, "个人隐私")
    a = annotate(window, qtbot, dialogs)
    a.status = "orphan"
    window.ctx.annotations.repo.update(a)  # as a re-import that lost the quote would leave it
    window.annotations.refresh()
    wait_idle(window, qtbot)
    assert "ORPHAN" in window.annotations_pane.list.item(0).text()
    window.annotations_pane.list.setCurrentRow(0)
    select(window, "商业秘密")
    window.annotations_pane.reattach_button.click()
    wait_idle(window, qtbot)
    (b,) = window.ctx.annotations.find(DOC)
    assert (b.status, b.exact) == ("exact", "商业秘密")
