"""User text that looks like HTML is shown as the text it is: in the annotations list's tooltips, the
glossary list's tooltips and error dialogs (Qt would otherwise render it as rich text). And the window
says what an export's format left out."""

from __future__ import annotations

from pathlib import Path

from policyreader.gui.annotations import AnnotationDialog
from policyreader.gui.qt import QLabel, QMessageBox, Qt, QTextDocument
from tests.gui.driving import accept, open_doc, press, trigger, wait_idle
from tests.gui.test_annotations_gui import select

DOC = "zhengxin_industry_regulation_2013"
HOSTILE = "<img src='https://tracker.example/p.png'><h1>Fake heading</h1>\n<b>second</b> line & more"


def shown(tip: str) -> tuple[str, str]:
    """What Qt draws for a tooltip (rich text when Qt guesses so): its text, and the markup of that text."""
    from PySide6.QtGui import Qt as QtGui

    doc = QTextDocument()
    if QtGui.mightBeRichText(tip):
        doc.setHtml(tip)
    else:
        doc.setPlainText(tip)
    return doc.toPlainText(), doc.toHtml()


def test_an_annotation_note_is_shown_as_plain_text(window, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    select(window, "征信业务")
    dialogs.expect(AnnotationDialog, accept(lambda dlg: dlg.note.setPlainText(HOSTILE)))
    press(window, qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not dialogs.expected, timeout=10000)
    wait_idle(window, qtbot)
    pane = window.annotations_pane
    qtbot.waitUntil(lambda: pane.list.count() == 1, timeout=10000)
    text, markup = shown(pane.list.item(0).toolTip())
    assert text == HOSTILE
    assert "<img" not in markup and "<h1" not in markup


def test_a_gloss_in_the_glossary_list_is_shown_as_plain_text(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.ops.run(lambda ctx, _oc: ctx.workbench.add("守信承诺试点", ["credit commitment system"], gloss=HOSTILE),
                   label="Adding a term")
    wait_idle(window, qtbot)
    trigger(window, qtbot, next(a for a in window.findChildren(type(window.import_action))
                                if a.text().replace("&", "") == "Browse glossary"))
    browser = window.glossary_browser
    browser.query.setText("守信承诺试点")
    qtbot.waitUntil(lambda: any(browser.list.item(i).text().startswith("守信承诺试点")
                                for i in range(browser.list.count())), timeout=10000)
    item = next(browser.list.item(i) for i in range(browser.list.count())
                if browser.list.item(i).text().startswith("守信承诺试点"))
    text, markup = shown(item.toolTip())
    assert text == HOSTILE and "<img" not in markup


def test_an_error_naming_a_hostile_file_name_is_plain_text(window, qtbot, dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    name = str(tmp_path / "<h1>not there</h1>.txt")
    seen: list[tuple[str, list[Qt.TextFormat]]] = []

    def close(box: QMessageBox) -> None:
        seen.append((box.text(), [label.textFormat() for label in box.findChildren(QLabel) if label.text()]))
        box.accept()

    dialogs.expect(QMessageBox, close)
    window.library.import_files(name)
    qtbot.waitUntil(lambda: not dialogs.expected, timeout=20000)
    wait_idle(window, qtbot)
    text, formats = seen[0]
    assert "<h1>not there</h1>.txt" in text and "file not found" in text
    assert formats and all(f == Qt.TextFormat.PlainText for f in formats)


def test_an_export_says_in_the_window_what_its_format_left_out(window, qtbot, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    from policyreader.gui.exchange_dialogs import ExportDialog
    from policyreader.gui.qt import QFileDialog
    from tests.gui.driving import save_as

    out = tmp_path / "glossary.tsv"

    def fill(dlg: ExportDialog) -> None:
        dlg.format.setCurrentIndex(dlg.format.findData("tsv"))

    dialogs.expect(ExportDialog, accept(fill)).expect(QFileDialog, save_as(str(out)))
    press(window, qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not dialogs.expected and out.exists(), timeout=20000)
    wait_idle(window, qtbot)
    message = window.statusBar().currentMessage()
    assert message.startswith("Exported ") and "left out, as an OmegaT glossary has only term, rendering" in message
    assert "disputes (" in message
