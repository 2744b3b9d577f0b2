"""The workbench in the window: glossary browser, entry view with evidence, concordance, adding a term,
QA panel, alignment correction and glossary export — driven as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyreader.gui.exchange_dialogs import ExportDialog
from policyreader.gui.qt import Qt
from policyreader.gui.workbench import AddTermDialog


def test_glossary_browser_search_by_pinyin_and_english(window) -> None:  # type: ignore[no-untyped-def]
    window.show_glossary_browser()
    b = window.glossary_browser
    assert b.list.count() >= 100
    b.query.setText("xin4yong4")
    assert b.list.item(0).data(Qt.ItemDataRole.UserRole) == "xinyong"
    b.query.setText("judgment defaulter")
    assert b.list.item(0).data(Qt.ItemDataRole.UserRole) == "shixin-bei-zhixing-ren"
    b.list.itemClicked.emit(b.list.item(0))
    html = window.entry_browser.toPlainText()
    assert "How the translation is disputed" in html and "In the corpus" in html


def test_concordance_sorts_and_jumps(window) -> None:  # type: ignore[no-untyped-def]
    window.show_concordance("zhengxin-jigou")
    tree = window.concordance_pane.tree
    assert tree.topLevelItemCount() > 20
    tree.sortItems(2, Qt.SortOrder.AscendingOrder)
    rights = [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]
    assert rights == sorted(rights)
    tree.itemClicked.emit(tree.topLevelItem(0), 0)
    assert window.reader.textCursor().selectedText() == "征信机构"


def test_add_term_from_selection_highlights_it_at_once(window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window.open_document("shanghai_social_credit_regulations_2017")
    seg = next(s for s in window.segments if "履约" in s.zh)
    start = seg.zh.index("履约")
    window.reader.select_span(seg.idx, "zh", start, start + 2)
    seen: dict[str, object] = {}

    def fake_exec(self: AddTermDialog) -> int:
        seen["suggestions"] = [self.suggestions.item(i).text() for i in range(self.suggestions.count())]
        seen["pinyin"] = self.pinyin.text()
        self.renderings.setText("performance of agreements")
        return 1

    monkeypatch.setattr(AddTermDialog, "exec", fake_exec)
    window.add_term_from_selection()
    assert seen["pinyin"] == "lǚyuē" and seen["suggestions"]
    seg = window.segments[seg.idx]
    linked = [eid for a, b, eid in seg.terms if seg.zh[a:b] == "履约"]
    assert linked and window.engine.glossary.entries[linked[0]].origin == "user"


def test_qa_panel_lists_findings_and_remembers_acceptance(window) -> None:  # type: ignore[no-untyped-def]
    window.open_document("shanghai_social_credit_regulations_2017")
    window.run_qa()
    pane = window.qa_pane
    assert "error" in pane.summary.text()
    group = pane.tree.topLevelItem(0)
    item = group.child(0)
    finding = item.data(0, Qt.ItemDataRole.UserRole)
    item.setCheckState(4, Qt.CheckState.Checked)
    assert any(f == finding and a for f, a in window.qa.check_doc(window.doc_id))
    pane.tree.itemClicked.emit(pane.tree.topLevelItem(0).child(0), 0)


def test_merge_segments_from_the_menu(window) -> None:  # type: ignore[no-untyped-def]
    window.open_document("spc_shixin_list_provisions_2013")
    n = len(window.segments)
    first, second = window.segments[1].zh, window.segments[2].zh
    window.reader.setTextCursor(window.reader.cursor_for(1, "zh", 2))
    window.merge_segment()
    assert len(window.segments) == n - 1
    assert window.segments[1].zh == first + "\n" + second


def test_export_dialog_writes_the_selected_entries(window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window.open_document("spc_shixin_list_provisions_2013")
    out = tmp_path / "spc.json"

    def fake_exec(self: ExportDialog) -> int:
        self.format.setCurrentIndex(self.format.findData("json"))
        self.scope.setCurrentIndex(self.scope.findData("doc"))
        assert "entries" in self.preview.text()
        return 1

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(ExportDialog, "choose_path", lambda self: str(out))
    window.show_export_dialog()
    ids = {e["id"] for e in json.loads(out.read_text(encoding="utf-8"))}
    assert "shixin-bei-zhixing-ren" in ids and "geren-zhengxin" not in ids
