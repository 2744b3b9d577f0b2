"""A user's own documents in the window: a translation paragraphed differently gets a review list, a
Chinese-only document gets the full width and a clear QA message, and each document opens where its
reader left it."""

from __future__ import annotations

from pathlib import Path

from policyreader.core.alignment import needs_review
from policyreader.gui.dialogs import ImportDialog
from policyreader.gui.qt import QApplication, QSettings, Qt
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS
from tests.gui.driving import Dialogs, accept, action_named, open_doc, press, trigger, wait_idle
from tests.services.test_alignment_review import repaginated_files


def import_through_the_dialog(window, qtbot, source: Path, translation: Path | None = None) -> str:  # type: ignore[no-untyped-def]
    def fill(dlg):  # type: ignore[no-untyped-def]
        dlg.source.setText(str(source))
        dlg.translation.setText(str(translation or ""))

    answers = Dialogs().expect(ImportDialog, accept(fill))
    with qtbot.waitSignal(window.documentOpened, timeout=60000) as sig:
        trigger(window, qtbot, window.import_action)
    answers.stop()
    wait_idle(window, qtbot)
    return str(sig.args[0])


def test_reviewing_a_repaginated_translation(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    zf, ef, _missing = repaginated_files(tmp_path)
    doc = import_through_the_dialog(window, qtbot, zf, ef)
    todo = [s.idx for s in window.segments if needs_review(s.link, s.confidence)]
    assert todo and window.doc_id == doc
    press(window, qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    pane = window.review_pane
    assert window.review_dock.isVisible()
    assert pane.segments_to_review() == todo
    # Review opened at the first one; F8 steps on, Shift+F8 back
    assert window.reader.locate(window.reader.textCursor())[0] == todo[0]
    press(window, qtbot, Qt.Key.Key_F8)
    assert window.reader.locate(window.reader.textCursor())[0] == todo[1]
    press(window, qtbot, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.locate(window.reader.textCursor())[0] == todo[0]
    # the uncertain segment is tinted in the reader
    cell = window.reader.document().rootFrame().childFrames()[todo[0] - window.reader.segment_window[0]]
    assert cell.cellAt(0, 0).format().background().style() != Qt.BrushStyle.NoBrush
    # "Looks right" takes it off the list (and the tint away)
    with qtbot.waitSignal(window.documentOpened, timeout=30000):
        trigger(window, qtbot, action_named(window, "Alignment looks right"))
    wait_idle(window, qtbot)
    assert pane.segments_to_review() == todo[1:]


def test_a_chinese_only_document_gets_the_full_width_and_a_clear_qa_message(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "only-chinese.txt"
    text = (CORPUS / "spc_shixin_list_provisions_2013.zh.txt").read_text(encoding="utf-8")
    src.write_text(text.replace("最高人民法院", "最高人民法院（试）", 1), encoding="utf-8")
    import_through_the_dialog(window, qtbot, src)
    tables = window.reader.document().rootFrame().childFrames()
    assert tables and {t.columns() for t in tables} == {1}  # side by side, but nothing to put on the right
    trigger(window, qtbot, window.qa_action)
    assert "no translation to check" in window.qa_pane.summary.text()
    assert window.qa_pane.tree.topLevelItemCount() == 0


def test_each_document_opens_at_its_own_reading_position(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    a, b = "zhejiang_public_credit_info_regulations_2017", "spc_shixin_list_provisions_2013"
    open_doc(window, qtbot, a)
    window.reader.scroll_to_segment(60)
    QApplication.processEvents()
    assert window.reader.reading_position() == window.reader.top_segment() >= 55
    kept = window.reader.reading_position()
    open_doc(window, qtbot, b)
    assert window.reader.top_segment() == 0  # the first time: the top, not where the last one was
    open_doc(window, qtbot, a)
    assert window.reader.top_segment() == kept
    window.resize(window.width() - 300, window.height())  # narrower: every line re-wraps
    QApplication.processEvents()
    wait_idle(window, qtbot)
    assert window.reader.top_segment() == kept


def test_the_reading_position_survives_a_restart(qtbot, gui_data_dir: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    from policyreader.gui.window import MainWindow

    doc = "henan_social_credit_regulations_2019"
    w = MainWindow(resolve_paths(gui_data_dir), settings)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.ready, timeout=60000):
        w.show()
    open_doc(w, qtbot, doc)
    w.reader.scroll_to_segment(120)
    QApplication.processEvents()
    kept = w.reader.reading_position()
    assert kept >= 110
    w.close()
    w2 = MainWindow(resolve_paths(gui_data_dir), settings)
    qtbot.addWidget(w2)
    with qtbot.waitSignal(w2.ready, timeout=60000):
        w2.show()
    wait_idle(w2, qtbot)
    assert w2.doc_id == doc and w2.reader.top_segment() == kept


def test_the_outline_follows_the_reading_position(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = "henan_social_credit_regulations_2019"
    open_doc(window, qtbot, doc)
    article = next(s for s in window.segments if s.idx > 100 and s.zh.startswith("第") and "条" in s.zh[:6])
    window.reader.scroll_to_segment(article.idx)
    qtbot.waitUntil(lambda: window.outline_pane.currentItem() is not None
                    and window.outline_pane.currentItem().data(0, Qt.ItemDataRole.UserRole) == article.idx,
                    timeout=3000)
    assert window.outline_pane.currentItem().text(0).startswith(article.zh[:4])


def test_arrow_keys_in_the_library_open_the_selected_document(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from policyreader.gui.models.library import ID_ROLE

    view = window.library_pane.view
    open_doc(window, qtbot, str(view.model().index(0, 0).data(ID_ROLE)))  # the first in the list
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=3000)
    first = window.doc_id
    with qtbot.waitSignal(window.documentOpened, timeout=10000) as sig:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    wait_idle(window, qtbot)
    assert sig.args[0] != first and window.doc_id == window.library_pane.current_id()


def test_a_search_hit_deep_in_a_long_segment_is_scrolled_fully_into_view(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, "shenzhen_sez_social_credit_regulations_2022")
    window.resize(1024, 700)
    longest = max(window.segments, key=lambda s: len(s.en))
    word = longest.en.split()[-3]
    at = longest.en.rindex(word)
    window.reader.select_span(longest.idx, "en", at, at + len(word))
    wait_idle(window, qtbot)
    c = window.reader.textCursor()
    assert c.selectedText() == word
    rect = window.reader.cursorRect(c)
    assert 0 <= rect.top() and rect.bottom() <= window.reader.viewport().height()
