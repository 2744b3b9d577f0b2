"""The reader window driven as a user would: open, hover, search, import, switch layouts, restart."""

from __future__ import annotations

from pathlib import Path

from policyreader.core.bilingual import parse_aligned
from policyreader.gui.dialogs import ImportDialog
from policyreader.gui.qt import QApplication, QEvent, QPoint, QSettings, Qt
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS
from tests.gui.driving import Dialogs, accept, action_named, open_doc, press, trigger, wait_idle

DOC = "spc_shixin_list_provisions_2013"


def hover(window, segment: int, side: str, offset: int) -> None:  # type: ignore[no-untyped-def]
    """Move the mouse over the middle of a character of a segment side."""
    from PySide6.QtGui import QMouseEvent

    reader = window.reader
    c = reader.cursor_for(segment, side, offset)
    reader.scroll_to_segment(segment, side)
    QApplication.processEvents()
    left = reader.cursorRect(c)
    c2 = reader.cursor_for(segment, side, offset + 1)
    right = reader.cursorRect(c2)
    x = (left.x() + right.x()) // 2 if right.y() == left.y() else left.x() + 3
    pos = QPoint(x, left.center().y())
    ev = QMouseEvent(QEvent.Type.MouseMove, pos, reader.viewport().mapToGlobal(pos), Qt.MouseButton.NoButton,
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(reader.viewport(), ev)


def test_opening_a_corpus_document_shows_both_languages(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    text = window.reader.toPlainText()
    blocks = parse_aligned((CORPUS / f"{DOC}.aligned.txt").read_text(encoding="utf-8"))
    assert blocks[5].zh[0] in text and blocks[5].en[0] in text
    assert window.outline_pane.topLevelItemCount() > 0
    assert "PolicyReader" in window.windowTitle()


def test_hovering_a_glossary_term_shows_its_entry(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    seg = next(s for s in window.segments if any(t[2] == "shixin-bei-zhixing-ren" for t in s.terms))
    start, _end, _ = next(t for t in seg.terms if t[2] == "shixin-bei-zhixing-ren")
    hover(window, seg.idx, "zh", start + 1)
    qtbot.waitUntil(window.popup.isVisible, timeout=2000)
    html = window.popup.text()
    assert "失信被执行人" in html and "judgment defaulter" in html.lower()
    assert "Dispute" in html
    QApplication.sendEvent(window, QEvent(QEvent.Type.None_))
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)
    assert not window.popup.isVisible()


def test_hovering_another_word_shows_cc_cedict(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    seg = next(s for s in window.segments if "人民法院" in s.zh and not any(
        a <= s.zh.index("人民法院") < b for a, b, _ in s.terms))
    hover(window, seg.idx, "zh", seg.zh.index("人民法院"))
    qtbot.waitUntil(window.popup.isVisible, timeout=2000)
    html = window.popup.text()
    assert "CC-CEDICT" in html and "人民法院" in html and "court" in html.lower()


def test_search_and_jump(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    trigger(window, qtbot, window.search_action)
    window.search_pane.query.setText("征信机构")  # typed through an input method: QTest cannot type Chinese
    qtbot.keyClick(window.search_pane.query, Qt.Key.Key_Return)
    wait_idle(window, qtbot)
    assert window.search_pane.results.count() > 3
    item = window.search_pane.results.item(0)
    doc, seg, side = item.data(Qt.ItemDataRole.UserRole)
    window.search_pane.results.itemClicked.emit(item)
    wait_idle(window, qtbot)
    assert window.doc_id == doc
    assert window.reader.textCursor().selectedText() == "征信机构"


def test_import_with_translation(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = "samr_admin_penalty_info_publicity_2021"
    blocks = parse_aligned((CORPUS / f"{doc}.aligned.txt").read_text(encoding="utf-8"))
    zh = tmp_path / "penalty.txt"
    en = tmp_path / "penalty.en.txt"
    # an edited copy (one extra closing paragraph), so it is not a duplicate of the bundled document
    zh.write_text("\n\n".join([*(z for b in blocks for z in b.zh), "本规定由总局负责解释。"]), encoding="utf-8")
    en.write_text("\n\n".join(e for b in blocks for e in b.en), encoding="utf-8")
    def fill(dlg):  # type: ignore[no-untyped-def]
        dlg.source.setText(str(zh))
        dlg.translation.setText(str(en))
        dlg.title.setText("Penalty publicity (imported)")

    answers = Dialogs().expect(ImportDialog, accept(fill))
    with qtbot.waitSignal(window.documentOpened, timeout=30000) as sig:
        press(window, qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # File → Import document…
    answers.stop()
    wait_idle(window, qtbot)
    new_id = sig.args[0]
    assert new_id != doc
    assert sum(1 for s in window.segments if s.zh and s.en) == len(blocks)
    assert window.library_pane.count() == 11


def test_layouts_switch(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    n = len(window.segments)
    press(window, qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert shape(window) == (2 * n, 1)  # a row for the Chinese, then one for the English
    trigger(window, qtbot, action_named(window, "Chinese only"))
    assert shape(window) == (n, 1)
    assert window.segments[6].en not in window.reader.toPlainText()
    trigger(window, qtbot, window.layout_actions["side"])
    assert shape(window) == (n, 2)


def shape(window) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Rows and columns of the reader: one small table per segment, in document order."""
    tables = window.reader.document().rootFrame().childFrames()
    assert len(tables) == len(window.segments)
    assert len({t.columns() for t in tables}) == 1
    return sum(t.rows() for t in tables), tables[0].columns()


def test_settings_persist_across_a_restart(qtbot, gui_data_dir: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    from policyreader.gui.window import MainWindow

    w = MainWindow(resolve_paths(gui_data_dir), settings)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.ready, timeout=60000):
        w.show()
    open_doc(w, qtbot, DOC)
    trigger(w, qtbot, w.layout_actions["interleaved"])
    for _ in range(3):
        trigger(w, qtbot, action_named(w, "Larger text"))
    trigger(w, qtbot, w.spacing_actions[180])
    size = w.reader.font_size
    w.close()
    w2 = MainWindow(resolve_paths(gui_data_dir), settings)
    qtbot.addWidget(w2)
    with qtbot.waitSignal(w2.ready, timeout=60000):
        w2.show()
    assert w2.reader.layout_mode == "interleaved"
    assert w2.reader.font_size == size
    assert w2.reader.line_spacing == 180
    assert w2.doc_id == DOC
    assert w2.layout_actions["interleaved"].isChecked()


def test_drag_and_drop_two_files_imports_source_and_translation(window, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                dialogs) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    blocks = parse_aligned((CORPUS / "spc_shixin_list_provisions_2013.aligned.txt").read_text(encoding="utf-8"))
    zh = tmp_path / "provisions.txt"
    en = tmp_path / "provisions.en.txt"
    zh.write_text("\n\n".join([*(z for b in blocks for z in b.zh), "附则：本规定由最高人民法院负责解释。"]),
                  encoding="utf-8")
    en.write_text("\n\n".join(e for b in blocks for e in b.en), encoding="utf-8")
    seen = {}
    dialogs.expect(ImportDialog, accept(lambda dlg: seen.setdefault("values", dlg.values())))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(en)), QUrl.fromLocalFile(str(zh))])  # order does not matter
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.documentOpened, timeout=30000):
        window.dropEvent(drop)
    wait_idle(window, qtbot)
    assert seen["values"][0] == str(zh) and seen["values"][1] == str(en)
    assert sum(1 for s in window.segments if s.zh and s.en) == len(blocks)


def test_a_first_window_fits_its_screen(window) -> None:  # type: ignore[no-untyped-def]
    """With no saved geometry the window is at most 1400 × 900 and no larger than the screen's free area
    (a laptop's 1280 × 800: last round it opened at 1400 × 900 and ran off the screen), centred on it."""
    room = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert window.width() <= 1400 and window.height() <= 900
    assert room.contains(frame), (room, frame)
    assert abs((frame.left() - room.left()) - (room.right() - frame.right())) <= 48
