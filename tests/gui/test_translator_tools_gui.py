"""Translators' tools in the window, driven as a user would: Copy citation, the new export formats in the
export dialogs (XLSX termbase, TMX of a document, the bibliography), and the QA pane with consistency
findings, the user's own checks and the report as a workbook."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import openpyxl
import pytest
from translate.storage.tmx import tmxfile

from policyreader.gui.exchange_dialogs import ExportDialog, ExportDocumentDialog
from policyreader.gui.qa_pane import UserChecksDialog
from policyreader.gui.qt import QFileDialog, QGuiApplication, Qt
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from tests.gui.driving import accept, action_named, open_doc, press, save_as, trigger, wait_idle

SAMR = "samr_admin_penalty_info_publicity_2021"


@pytest.fixture
def gui_data_dir(data_dir: Path, tmp_path: Path) -> Path:
    """The corpus, plus a translation of SAMR's article 1 worded differently (an inconsistency)."""
    ctx = AppContext(resolve_paths(data_dir))
    seg = next(s for s in ctx.library.repo.segments(SAMR) if s.zh.startswith("第一条"))
    zh, en = tmp_path / "variant.zh.txt", tmp_path / "variant.en.txt"
    zh.write_text("关于公示的规定\n\n" + seg.zh + "\n", encoding="utf-8")
    en.write_text("Provisions on publicity\n\n" + seg.en.replace("Article 1 ", "Article 1 In order to ", 1) + "\n",
                  encoding="utf-8")
    ctx.library.import_path(zh, en, title="Variant")
    ctx.close()
    return data_dir


def test_copy_citation_of_the_entry_shown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    cite = action_named(window, "Copy citation of the entry")
    QGuiApplication.clipboard().setText("")
    trigger(window, qtbot, cite)  # no entry shown yet: nothing is copied, the status bar says what to do
    assert QGuiApplication.clipboard().text() == "" and "Open a glossary entry" in window.statusBar().currentMessage()
    press(window, qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # Glossary → Browse glossary
    browser = window.glossary_browser
    browser.query.setText("chengxin")
    browser.list.itemClicked.emit(browser.list.item(0))
    wait_idle(window, qtbot)
    assert window.lookup.entry_shown == "chengxin"
    assert "Copy citation" in window.entry_browser.toPlainText()  # also a link on the entry page
    trigger(window, qtbot, cite)
    text = QGuiApplication.clipboard().text()
    assert text.startswith("PolicyReader project. (n.d.). 诚信 (chéngxìn) [Glossary entry “chengxin”]")
    assert "(Version 0.1.0)" in text and "APA 7th edition" in window.statusBar().currentMessage()
    assert cite in window.entry_browser.extra_actions  # and in the entry view's context menu


def test_glossary_export_dialog_writes_the_xlsx_termbase(window, qtbot, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "termbase.xlsx"
    offered: list[str] = []

    def fill(dlg: ExportDialog) -> None:
        offered.extend(dlg.format.itemData(i) for i in range(dlg.format.count()))
        dlg.format.setCurrentIndex(dlg.format.findData("xlsx"))

    dialogs.expect(ExportDialog, accept(fill)).expect(QFileDialog, save_as(str(out)))
    press(window, qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not dialogs.expected and out.exists(), timeout=20000)
    wait_idle(window, qtbot)
    assert {"xlsx", "tbx-omegat"} <= set(offered)
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    entries = window.ctx.engine.glossary.entries.values()
    assert rows[0][:2] == ("Entry_ID", "Chinese") and len(rows) - 1 == sum(len(e.renderings) for e in entries)


def test_export_document_as_tmx(window, qtbot, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, SAMR)
    out = tmp_path / "samr.tmx"
    offered: list[str] = []

    def fill(dlg: ExportDocumentDialog) -> None:
        offered.extend(dlg.format.itemData(i) for i in range(dlg.format.count()))
        dlg.format.setCurrentIndex(dlg.format.findData("tmx"))
        dlg.scope.setCurrentIndex(dlg.scope.findData(SAMR))

    dialogs.expect(ExportDocumentDialog, accept(fill)).expect(QFileDialog, save_as(str(out)))
    trigger(window, qtbot, action_named(window, "Export document…"))
    qtbot.waitUntil(lambda: not dialogs.expected and out.exists(), timeout=20000)
    wait_idle(window, qtbot)
    assert offered == ["txt", "docx", "tmx"]
    units = tmxfile.parsefile(str(out)).units
    assert [(u.source, u.target) for u in units] == [(s.zh, s.en) for s in window.segments if s.en]


def test_export_bibliography(window, qtbot, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "sources.bib"
    dialogs.expect(QFileDialog, save_as(str(out)))
    trigger(window, qtbot, action_named(window, "Export bibliography…"))
    qtbot.waitUntil(lambda: not dialogs.expected and out.exists(), timeout=20000)
    wait_idle(window, qtbot)
    library = bibtexparser.parse_string(out.read_text(encoding="utf-8"))
    assert len(library.entries) == len(window.ctx.engine.glossary.sources) > 150


def test_qa_pane_shows_consistency_runs_my_checks_and_exports(window, qtbot, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, SAMR)
    press(window, qtbot, Qt.Key.Key_F7)  # Glossary → Check translation (QA)
    pane = window.qa_pane

    def kinds() -> list[str]:
        return [pane.tree.topLevelItem(g).child(i).text(1) for g in range(pane.tree.topLevelItemCount())
                for i in range(pane.tree.topLevelItem(g).childCount())]

    assert kinds() == ["inconsistent-target"]

    def fill(dlg: UserChecksDialog) -> None:
        dlg.name.setText("no penalty")
        dlg.english.setText("penalty")
        qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
        assert dlg.list.count() == 1

    dialogs.expect(UserChecksDialog, accept(fill))
    qtbot.mouseClick(pane.checks_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "user-check" in kinds(), timeout=20000)
    wait_idle(window, qtbot)
    assert [c.name for c in window.ctx.qa.checks()] == ["no penalty"]
    assert kinds().count("user-check") == sum(1 for s in window.segments
                                              if re.search(r"\bpenalt(y|ies)\b", s.en, re.IGNORECASE)) > 20
    assert "error" in pane.summary.text()

    out = tmp_path / "samr-qa.xlsx"
    dialogs.expect(QFileDialog, save_as(str(out)))
    qtbot.mouseClick(pane.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialogs.expected and out.exists(), timeout=20000)
    wait_idle(window, qtbot)
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert len(rows) - 1 == len(pane.findings) and {r[1] for r in rows[1:]} == {"inconsistent-target", "user-check"}
    assert json.dumps(rows[0]).startswith('["segment", "kind"')
