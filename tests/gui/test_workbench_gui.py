"""The workbench in the window: glossary browser, entry view with evidence, concordance, adding a term,
QA panel, alignment correction and glossary export — driven as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from policyreader.gui.exchange_dialogs import ExportDialog
from policyreader.gui.qt import QFileDialog, QPoint, Qt
from policyreader.gui.workbench import AddTermDialog
from tests.gui.driving import accept, action_named, open_doc, press, save_as, trigger, wait_idle


def test_glossary_browser_search_by_pinyin_and_english(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    press(window, qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # Glossary → Browse glossary
    b = window.glossary_browser
    assert b.list.count() >= 100
    b.query.setText("xin4yong4")
    assert b.list.item(0).data(Qt.ItemDataRole.UserRole) == "xinyong"
    b.query.setText("judgment defaulter")
    assert b.list.item(0).data(Qt.ItemDataRole.UserRole) == "shixin-bei-zhixing-ren"
    b.list.itemClicked.emit(b.list.item(0))
    wait_idle(window, qtbot)
    html = window.entry_browser.toPlainText()
    assert "How the translation is disputed" in html and "In the corpus" in html


def test_concordance_sorts_and_jumps(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, "zhengxin_industry_regulation_2013")
    seg = next(s for s in window.segments if any(e == "zhengxin-jigou" for _a, _b, e in s.terms))
    start = next(a for a, _b, e in seg.terms if e == "zhengxin-jigou")
    window.reader.setTextCursor(window.reader.cursor_for(seg.idx, "zh", start + 1))
    trigger(window, qtbot, action_named(window, "Concordance of the term at the cursor"))
    pane = window.concordance_pane
    view, model = pane.view, pane.model
    wait_idle(window, qtbot)
    assert model.rowCount() > 20 and window.concordance_dock.isVisible()
    in_order = [(ln.doc, ln.segment, ln.start) for ln in pane.lines]

    def click_header(column: int) -> None:
        header = view.horizontalHeader()
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
        wait_idle(window, qtbot)

    def column(c: int) -> list[str]:
        return [model.index(i, c).data() for i in range(model.rowCount())]

    click_header(2)  # Right: sorted on the database thread, shown when done
    assert column(2) == sorted(column(2)) and column(2) != [ln.right for ln in window.ctx.workbench.concordance(
        "zhengxin-jigou")]
    click_header(2)  # again: reversed
    assert column(2) == sorted(column(2), reverse=True)
    window.ops.run(lambda ctx, _oc: ctx.library.changes.record(library=True), label="a change")  # as an import does
    wait_idle(window, qtbot)  # counted again, then sorted again as the header shows
    assert column(2) == sorted(column(2), reverse=True) and model.rowCount() == len(in_order)
    click_header(0)  # Left: by the characters nearest the term
    assert [x[::-1] for x in column(0)] == sorted(x[::-1] for x in column(0))
    assert sorted((ln.doc, ln.segment, ln.start) for ln in pane.lines) == sorted(in_order)  # the same lines
    first = view.visualRect(model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    wait_idle(window, qtbot)
    assert window.reader.textCursor().selectedText() == "征信机构"
    assert window.doc_id == pane.lines[0].doc


def test_add_term_from_selection_highlights_it_at_once(window, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, "shanghai_social_credit_regulations_2017")
    seg = next(s for s in window.segments if "履约" in s.zh)
    start = seg.zh.index("履约")
    window.reader.select_span(seg.idx, "zh", start, start + 2)
    seen: dict[str, object] = {}

    def fill(dlg: AddTermDialog) -> None:
        seen["suggestions"] = [dlg.suggestions.item(i).text() for i in range(dlg.suggestions.count())]
        seen["pinyin"] = dlg.pinyin.text()
        dlg.renderings.setText("performance of agreements")

    dialogs.expect(AddTermDialog, accept(fill))
    press(window, qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # Glossary → Add term from selection
    qtbot.waitUntil(lambda: not dialogs.expected, timeout=10000)
    wait_idle(window, qtbot)
    assert seen["pinyin"] == "lǚyuē" and seen["suggestions"]
    seg = window.segments[seg.idx]
    linked = [eid for a, b, eid in seg.terms if seg.zh[a:b] == "履约"]
    assert linked and window.ctx.engine.glossary.entries[linked[0]].origin == "user"


def test_qa_panel_lists_findings_and_remembers_acceptance(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.services.test_qa_service import _partly_translated

    open_doc(window, qtbot, _partly_translated(window.paths.data_dir, tmp_path))  # a user's unfinished translation
    press(window, qtbot, Qt.Key.Key_F7)  # Glossary → Check translation (QA)
    pane = window.qa_pane
    assert "error" in pane.summary.text()
    group = pane.tree.topLevelItem(0)
    item = group.child(0)
    finding = item.data(0, Qt.ItemDataRole.UserRole)
    item.setCheckState(4, Qt.CheckState.Checked)
    wait_idle(window, qtbot)
    assert any(f == finding and a for f, a in window.ctx.qa.check_doc(window.doc_id))
    pane.tree.itemClicked.emit(pane.tree.topLevelItem(0).child(0), 0)


def test_merge_segments_from_the_menu(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, "spc_shixin_list_provisions_2013")
    n = len(window.segments)
    first, second = window.segments[1].zh, window.segments[2].zh
    window.reader.setTextCursor(window.reader.cursor_for(1, "zh", 2))
    trigger(window, qtbot, action_named(window, "Merge segment with the next"))
    assert len(window.segments) == n - 1
    assert window.segments[1].zh == first + "\n" + second


def test_export_dialog_writes_the_selected_entries(window, qtbot, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, "spc_shixin_list_provisions_2013")
    out = tmp_path / "spc.json"
    previews: list[str] = []

    def fill(dlg: ExportDialog) -> None:
        dlg.format.setCurrentIndex(dlg.format.findData("json"))
        dlg.scope.setCurrentIndex(dlg.scope.findData("doc"))
        previews.append(dlg.preview.text())

    dialogs.expect(ExportDialog, accept(fill)).expect(QFileDialog, save_as(str(out)))
    press(window, qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not dialogs.expected and out.exists(), timeout=20000)
    assert "entries" in previews[0]
    ids = {e["id"] for e in json.loads(out.read_text(encoding="utf-8"))}
    assert "shixin-bei-zhixing-ren" in ids and "geren-zhengxin" not in ids
