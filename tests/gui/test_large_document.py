"""A law of 150,000 characters (thousands of segments) in the reader: it is held through a window of
segments around the reading position, and everything that reaches into the document — scrolling to its
end, find in document, jumping to a search hit, the outline — works beyond what the view holds."""

from __future__ import annotations

from policyreader.gui.qt import QApplication, Qt
from policyreader.services.context import AppContext
from tests.conftest import make_long_law
from tests.gui.driving import open_doc, press, wait_idle

DOC = "long-law"


def test_a_long_law_is_read_through_a_moving_window(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(window.paths)
    make_long_law(ctx, DOC, 150_000)
    ctx.close()
    open_doc(window, qtbot, DOC)
    n = len(window.segments)
    first, last = window.reader.segment_window
    assert n > 2000 and first == 0 and last - first < n // 4  # only part of the law is laid out
    assert window.segments[0].zh in window.reader.toPlainText()
    # the end of the law, from the outline: the window moves there
    window.reader.scroll_to_segment(n - 1)
    wait_idle(window, qtbot)
    first, last = window.reader.segment_window
    assert last == n and window.segments[n - 1].zh in window.reader.toPlainText()
    assert window.reader.top_segment() >= first


def test_find_in_a_long_law_counts_and_reaches_every_match(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(window.paths)
    make_long_law(ctx, DOC, 150_000)
    ctx.close()
    open_doc(window, qtbot, DOC)
    n = len(window.segments)
    needle = "（第1编）"  # only in the second repetition of the corpus, far beyond the first window
    hits = [s.idx for s in window.segments if needle in s.zh]
    assert hits and hits[0] > window.reader.segment_window[1]
    press(window, qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.edit.setText(needle)
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    wait_idle(window, qtbot)
    QApplication.processEvents()
    assert window.reader.textCursor().selectedText() == needle
    assert window.reader.locate(window.reader.textCursor())[0] == hits[0]
    assert window.find_bar.status.text() == f"1 of {len(hits)}"
    assert n > len(hits)
