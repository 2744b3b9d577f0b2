"""Annotating in the window: select, annotate, see it marked and listed, jump, delete and undo, restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyreader.gui.annotations import AnnotationDialog
from policyreader.gui.qt import QSettings, Qt
from policyreader.services.paths import resolve_paths

DOC = "zhengxin_industry_regulation_2013"


@pytest.fixture
def auto_dialog(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Answer the annotation dialog as a user would: type a note and tags, pick a colour, save."""
    def fake_exec(self: AnnotationDialog) -> int:
        self.note.setPlainText("Compare with **Art. 1** of the SPC provisions.")
        self.tags.setText("check, scope")
        self.rendering.setText("credit reporting")
        return 1

    monkeypatch.setattr(AnnotationDialog, "exec", fake_exec)


def select(window, phrase: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    seg = next(s for s in window.segments if phrase in s.zh)
    start = seg.zh.index(phrase)
    window.reader.select_span(seg.idx, "zh", start, start + len(phrase))
    return seg.idx, start


def test_annotate_selection_marks_lists_and_survives_restart(window, qtbot, auto_dialog, gui_data_dir: Path,  # type: ignore[no-untyped-def]
                                                             settings: QSettings) -> None:
    window.open_document(DOC)
    select(window, "征信业务")
    a = window.annotate_selection()
    assert a is not None and a.exact == "征信业务" and a.tags == ["check", "scope"]
    assert a.term == "zhengxin"  # suggested from the glossary link under the selection
    assert window.annotations_pane.list.count() == 1
    assert any(sel.format.background().color().alpha() > 0 for sel in window.reader.extraSelections())
    window.reader.textCursor().clearSelection()
    window.annotations_pane.list.itemClicked.emit(window.annotations_pane.list.item(0))
    assert window.reader.textCursor().selectedText() == "征信业务"

    from policyreader.gui.main_window import MainWindow

    window.close()
    w2 = MainWindow(resolve_paths(gui_data_dir), settings)
    qtbot.addWidget(w2)
    with qtbot.waitSignal(w2.ready, timeout=60000):
        w2.show()
    assert w2.doc_id == DOC
    item = w2.annotations_pane.list.item(0)
    assert item is not None and "征信业务" in item.text() and "Compare with" in item.text()


def test_delete_and_undo(window, auto_dialog) -> None:  # type: ignore[no-untyped-def]
    window.open_document(DOC)
    select(window, "个人隐私")
    a = window.annotate_selection()
    window.delete_annotation(a)
    assert window.annotations_pane.list.count() == 0
    assert window.annotations.find(DOC) == []
    window.undo_stack.undo()
    assert [x.id for x in window.annotations.find(DOC)] == [a.id]
    assert window.annotations_pane.list.count() == 1


def test_library_wide_view_and_filters(window, auto_dialog) -> None:  # type: ignore[no-untyped-def]
    window.open_document(DOC)
    select(window, "个人隐私")
    window.annotate_selection()
    window.open_document("spc_shixin_list_provisions_2013")
    select(window, "失信被执行人")
    window.annotate_selection()
    pane = window.annotations_pane
    assert pane.list.count() == 1
    pane.scope.setCurrentIndex(pane.scope.findData("all"))
    assert pane.list.count() == 2
    pane.term.setCurrentIndex(pane.term.findData("shixin-bei-zhixing-ren"))
    assert pane.list.count() == 1
    pane.term.setCurrentIndex(0)
    pane.filter.setText("隐私")
    assert pane.list.count() == 1
    a = pane.list.item(0).data(Qt.ItemDataRole.UserRole)
    pane.list.itemClicked.emit(pane.list.item(0))
    assert window.doc_id == DOC and a.exact == "个人隐私"


def test_orphan_is_listed_and_can_be_reattached(window, auto_dialog) -> None:  # type: ignore[no-untyped-def]
    window.open_document(DOC)
    select(window, "个人隐私")
    a = window.annotate_selection()
    a.status = "orphan"
    window.annotations.repo.update(a)
    window.refresh_annotations()
    assert "ORPHAN" in window.annotations_pane.list.item(0).text()
    window.annotations_pane.list.setCurrentRow(0)
    select(window, "商业秘密")
    window.annotations_pane.reattach_button.click()
    (b,) = window.annotations.find(DOC)
    assert (b.status, b.exact) == ("exact", "商业秘密")
