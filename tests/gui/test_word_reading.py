"""Reading word by word, as in Pleco: double-click selects the segmented word, Ctrl+D looks up the word
the caret is in (not the longest dictionary word from the caret), Ctrl+Left/Right step word to word with
the popup following, the dictionary popup reads as a learner wants, and an annotation's note shows on
hover without hiding the glossary term under it."""

from __future__ import annotations

from policyreader.core.document import word_at
from policyreader.gui.annotations import AnnotationDialog
from policyreader.gui.qt import QApplication, Qt
from tests.gui.driving import accept, open_doc, press, wait_idle
from tests.gui.test_main_window import hover

DOC = "shanghai_social_credit_regulations_2017"


def find(window, word: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The first segment and offset where *word* is one segmented word (not part of a glossary term)."""
    for s in window.segments:
        at = s.zh.find(word)
        if at >= 0 and word_at(s.zh, s.tokens, at) == (at, at + len(word)) \
                and not any(a <= at < b for a, b, _e in s.terms):
            return s.idx, at
    raise AssertionError(word)


def test_double_click_selects_the_segmented_word(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    seg, at = find(window, "人民政府")
    reader = window.reader
    reader.scroll_to_segment(seg)
    QApplication.processEvents()
    c = reader.cursor_for(seg, "zh", at + 1)
    pos = reader.cursorRect(c).center()
    pos.setX(pos.x() + 3)
    qtbot.mouseDClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert reader.textCursor().selectedText() == "人民政府"  # not a clause, not 民政


def test_look_up_gives_the_word_the_caret_is_in(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    seg, at = find(window, "人民政府")
    window.reader.setTextCursor(window.reader.cursor_for(seg, "zh", at + 1))  # between 人 and 民
    press(window, qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.popup.isVisible, timeout=3000)
    html = window.popup.text()
    assert "人民政府" in html and "民政" not in html.replace("人民政府", "")
    assert "rénmín" in html.replace("<", " ").replace(">", " ") or "mín" in html


def test_ctrl_arrows_step_word_by_word_and_the_popup_follows(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    seg, at = find(window, "人民政府")
    reader = window.reader
    reader.setTextCursor(reader.cursor_for(seg, "zh", at))
    reader.setFocus()
    words = []
    for _ in range(4):
        qtbot.keyClick(reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        words.append(reader.textCursor().selectedText())
    s = window.segments[seg]
    ends = s.tokens
    expected, o = [], at
    for _ in range(4):
        start, end = word_at(s.zh, ends, o)
        o = end
        while s.zh[slice(*word_at(s.zh, ends, o))] in ("，", "。", "、", "；", "："):
            o = word_at(s.zh, ends, o)[1]
        expected.append(s.zh[slice(*word_at(s.zh, ends, o))])
    assert words == expected and all(words)
    assert window.popup.isVisible()
    qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert reader.textCursor().selectedText() == words[-2]


def test_the_dictionary_popup_reads_measure_words_and_references_in_tone_marks(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, "henan_social_credit_regulations_2019")
    seg = next(s for s in window.segments if "学校" in s.zh and not any(a <= s.zh.index("学校") < b for a, b, _ in s.terms))
    found = window.lookup.lookup_html(seg.idx, "zh", seg.zh.index("学校"))
    assert found is not None
    html = found[1]
    assert "measure word: 所 suǒ" in html and "CL:" not in html and "[suo3]" not in html
    assert "white-space:nowrap" in html


def test_an_annotated_term_keeps_its_highlight_and_shows_the_note(window, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    seg = next(s for s in window.segments if s.terms)
    start, end, entry = seg.terms[0]
    window.reader.select_span(seg.idx, "zh", max(0, start - 2), end)  # the note covers the term and more

    def fill(dlg: AnnotationDialog) -> None:
        dlg.note.setPlainText("Check the <b>rendering</b> here")

    dialogs.expect(AnnotationDialog, accept(fill))
    press(window, qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not dialogs.expected, timeout=10000)
    wait_idle(window, qtbot)
    mark = window.reader.mark_at(seg.idx, "zh", start)
    assert mark is not None
    colours = {sel.format.background().color().name(): sel.cursor.selectedText()
               for sel in window.reader.extraSelections()}
    term_part = seg.zh[start:end]
    assert colours.get(mark.colour.name()) != term_part  # over the term the colours are mixed
    assert term_part in colours.values()
    hover(window, seg.idx, "zh", start + 1)
    qtbot.waitUntil(window.popup.isVisible, timeout=3000)
    html = window.popup.text()
    assert "Your note:" in html and "&lt;b&gt;rendering&lt;/b&gt;" in html  # shown as text, not as markup
    assert entry and window.ctx.engine.glossary.entries[entry].term in html  # and the term's entry


def choose_from_popup_menu(qtbot, label_start: str) -> list[str]:  # type: ignore[no-untyped-def]
    """When the context menu opens, trigger its entry whose label starts with *label_start*; its labels."""
    from policyreader.gui.qt import QMenu, QTimer

    seen: list[str] = []

    def poll() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, poll)
            return
        seen.extend(a.text().replace("&", "") for a in menu.actions() if not a.isSeparator())
        act = next(a for a in menu.actions() if a.text().replace("&", "").startswith(label_start))
        menu.close()
        act.trigger()

    QTimer.singleShot(20, poll)
    return seen


def test_the_context_menu_acts_on_the_word_pointed_at(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    seg, at = find(window, "人民政府")
    reader = window.reader
    reader.scroll_to_segment(seg)
    QApplication.processEvents()
    rect = reader.cursorRect(reader.cursor_for(seg, "zh", at + 1))
    labels = choose_from_popup_menu(qtbot, "Search the library for")
    reader.customContextMenuRequested.emit(rect.center())
    wait_idle(window, qtbot)
    assert labels[:1] == ["Copy"] and {"Look up word at cursor", "Annotate selection…", "Add term from selection…",
                                       "Concordance of the term at the cursor"} <= set(labels)
    assert reader.textCursor().selectedText() == "人民政府"
    qtbot.waitUntil(lambda: window.search_pane.results.count() > 0, timeout=30000)
    assert window.search_pane.query.text() == "人民政府"
