"""English coverage in the window, driven as a user would: import an English page, read it with its
renderings coloured by status, hover one for the reverse popup, follow it to the regulation, and export
the claims summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policyreader.gui import theme
from policyreader.gui.dialogs import ImportDialog
from policyreader.gui.qt import QFileDialog, QMessageBox, Qt
from tests.conftest import COVERAGE, coverage_gold
from tests.gui.driving import Dialogs, accept, action_named, open_doc, press, save_as, trigger, wait_idle
from tests.gui.test_main_window import hover


def article(name: str) -> Path:
    return COVERAGE / str(coverage_gold()[name]["file"])


@pytest.fixture
def english(window, qtbot) -> str:  # type: ignore[no-untyped-def]
    """The news article imported through File → Import document… (language detected) and open."""
    answers = Dialogs().expect(ImportDialog, accept(lambda dlg: dlg.source.setText(str(article("news-qingshan")))))
    with qtbot.waitSignal(window.documentOpened, timeout=30000) as opened:
        press(window, qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    answers.stop()
    wait_idle(window, qtbot)
    return str(opened.args[0])


def find(window, text: str) -> tuple[int, int, int, str]:  # type: ignore[no-untyped-def]
    """(segment, start, end, entry) of the first linked rendering written *text*."""
    for s in window.segments:
        for a, b, e in s.en_terms:
            if s.en[a:b] == text:
                return s.idx, a, b, e
    raise AssertionError(f"{text!r} is not linked")


def test_an_english_page_is_imported_and_read_in_one_column(window, qtbot, english: str) -> None:  # type: ignore[no-untyped-def]
    assert window.reading.english and window.doc_id == english
    assert all(s.zh == "" for s in window.segments)
    tables = window.reader.document().rootFrame().childFrames()
    assert {t.columns() for t in tables} == {1}
    text = window.reader.toPlainText()
    assert coverage_gold()["news-qingshan"]["text"].split("\n")[1] in text
    assert "The Harbour Ledger" not in text.split("\n")[1]  # the site's furniture is not document text
    model = window.library_pane.model
    qtbot.waitUntil(lambda: model.row_of(english) >= 0, timeout=5000)
    assert model.data(model.index(model.row_of(english), 1)) == "English"
    assert "English document:" in window.statusBar().currentMessage()
    assert "to avoid" in window.statusBar().currentMessage()


def test_renderings_are_coloured_by_their_status(window, qtbot, english: str) -> None:  # type: ignore[no-untyped-def]
    for written, category in (("social credit score", "avoid"), ("joint punishment", "disputed"),
                              ("social credit system", "settled")):
        seg, start, _end, _entry = find(window, written)
        c = window.reader.cursor_for(seg, "en", start + 1)
        fmt = c.charFormat()
        assert fmt.background().color().rgba() == theme.term_colour(category).rgba(), written
        assert fmt.underlineColor().rgba() == theme.term_underline(category).rgba(), written


def test_hovering_a_rendering_shows_the_terms_it_renders(window, qtbot, english: str) -> None:  # type: ignore[no-untyped-def]
    seg, start, _end, entry = find(window, "social credit score")
    assert entry == "xinyong-fen"
    hover(window, seg, "en", start + 3)
    qtbot.waitUntil(window.popup.isVisible, timeout=3000)
    html = window.popup.text()
    assert "信用分" in html and ">avoid<" in html
    assert "No glossary entry accepts this rendering for any term." in html
    assert "Dispute." in html and "In the regulations:" in html

    seg, start, _end, _entry = find(window, "social credit system")
    hover(window, seg, "en", start + 2)
    qtbot.waitUntil(lambda: "社会信用体系" in window.popup.text(), timeout=3000)
    html = window.popup.text()
    assert html.index("社会信用体系") < html.index("芝麻信用")  # the term it is linked to first, then the other
    assert "It renders 2 glossary terms." in html and "No glossary entry accepts" not in html
    assert re.search(r"in \d+ regulations", html) and "Article" in html and "occ:" in html

    seg, start, _end, _entry = find(window, "blacklists")
    hover(window, seg, "en", start + 1)
    qtbot.waitUntil(lambda: "黑名单" in window.popup.text(), timeout=3000)
    assert "No regulation in the library uses 黑名单." in window.popup.text()
    press(window, qtbot, Qt.Key.Key_Escape)
    assert not window.popup.isVisible()


def test_an_occurrence_in_the_popup_opens_the_regulation_there(window, qtbot, english: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    seg, start, _end, _entry = find(window, "judgment defaulters")
    c = window.reader.cursor_for(seg, "en", start + 2)
    window.reader.scroll_to_segment(seg, "en")
    rect = window.reader.cursorRect(c)
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() - 2, rect.center().y()))
    qtbot.waitUntil(lambda: window.popup.isVisible() and "失信被执行人" in window.popup.text(), timeout=3000)
    assert window.popup.pinned
    link = re.search(r"href='(occ:[^']+)'", window.popup.text())
    assert link is not None
    doc, segment, a, b = link.group(1)[4:].rsplit(":", 3)
    with qtbot.waitSignal(window.documentOpened, timeout=30000):
        window.popup.label.linkActivated.emit(link.group(1))  # what clicking the link in the label emits
    wait_idle(window, qtbot)
    assert window.doc_id == doc and not window.reading.english
    assert window.reader.textCursor().selectedText() == "失信被执行人"
    assert window.segments[int(segment)].zh[int(a):int(b)] == "失信被执行人"


def test_claims_summary_shows_and_exports(window, qtbot, english: str, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    press(window, qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.claims_dock.isVisible()
    html = window.claims_pane.browser.toPlainText()
    assert "Renderings to avoid" in html and "“social credit score” for 信用分" in html
    assert "Contested renderings" in html and "Every term named" in html
    assert re.match(r"\d+ mentions of \d+ glossary terms", window.claims_pane.status.text())
    target = tmp_path / "qingshan-claims.md"
    dialogs.expect(QFileDialog, save_as(str(target)))
    qtbot.mouseClick(window.claims_pane.export_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    qtbot.waitUntil(target.exists, timeout=5000)
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# Claims summary: Qingshan eases the way") and "## Renderings to avoid" in md


def test_claims_and_qa_of_a_chinese_document_say_what_they_read(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, "spc_shixin_list_provisions_2013")
    trigger(window, qtbot, action_named(window, "Claims summary of this document"))
    assert "reads English documents" in window.claims_pane.status.text()
    assert not window.claims_pane.export_button.isEnabled()


def test_qa_on_an_english_document_points_to_the_claims(window, qtbot, english: str) -> None:  # type: ignore[no-untyped-def]
    trigger(window, qtbot, window.qa_action)
    assert window.qa_pane.summary.text().startswith("This is an English document: there is no Chinese source")
    assert window.qa_pane.tree.topLevelItemCount() == 0


def test_the_import_dialog_can_say_the_file_is_english(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mixed = tmp_path / "mixed.txt"
    mixed.write_text("信用分 信用评价 信用等级 失信被执行人 严重失信主体名单\nA credit rating is not a credit grade.\n",
                     encoding="utf-8")

    def fill(dlg: ImportDialog) -> None:
        dlg.source.setText(str(mixed))
        dlg.language.setCurrentIndex(dlg.language.findData("en"))

    answers = Dialogs().expect(ImportDialog, accept(fill))
    with qtbot.waitSignal(window.documentOpened, timeout=30000):
        press(window, qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    answers.stop()
    wait_idle(window, qtbot)
    assert window.reading.english
    assert [e for s in window.segments for _a, _b, e in s.en_terms] == ["xinyong-pingji", "xinyong-dengji"]


def test_alignment_edits_are_refused_in_an_english_document(window, qtbot, english: str, dialogs) -> None:  # type: ignore[no-untyped-def]
    window.reader.setTextCursor(window.reader.cursor_for(2, "en", 10))
    dialogs.expect(QMessageBox, lambda box: box.accept())
    trigger(window, qtbot, action_named(window, "Split segment at the cursor"))
    assert dialogs.seen == ["QMessageBox"]
    assert "no alignment to correct" in window.statusBar().currentMessage()


def test_a_rendering_in_an_english_document_can_be_annotated(window, qtbot, english: str, dialogs) -> None:  # type: ignore[no-untyped-def]
    from policyreader.gui.annotations import AnnotationDialog

    seg, start, end, _entry = find(window, "social credit score")
    window.reader.select_span(seg, "en", start, end)
    dialogs.expect(AnnotationDialog, accept(lambda dlg: dlg.note.setPlainText("No such national score.")))
    press(window, qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not dialogs.expected, timeout=10000)
    wait_idle(window, qtbot)
    (note,) = window.ctx.annotations.find(english)
    assert (note.side, note.exact, note.term) == ("en", "social credit score", "xinyong-fen")  # term suggested
    assert window.ctx.library.side_text(english, "en")[0][note.start:note.end] == "social credit score"


def test_every_occurrence_is_in_the_concordance_from_the_popup(window, qtbot, english: str) -> None:  # type: ignore[no-untyped-def]
    seg, start, _end, _entry = find(window, "social credit system")
    hover(window, seg, "en", start + 2)
    qtbot.waitUntil(lambda: "concordance:" in window.popup.text(), timeout=3000)
    link = re.search(r"href='(concordance:shehui-xinyong-tixi)'>All (\d+) in the concordance", window.popup.text())
    assert link is not None
    window.popup.label.linkActivated.emit(link.group(1))  # what clicking the link in the label emits
    wait_idle(window, qtbot)
    assert window.concordance_dock.isVisible() and not window.popup.isVisible()
    assert len(window.concordance_pane.lines) == int(link.group(2))
