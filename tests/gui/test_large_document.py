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


def test_a_restart_on_a_long_law_warms_up_after_it_is_built(qtbot, gui_data_dir, settings) -> None:  # type: ignore[no-untyped-def]
    """With a long law as the last document, the warm-up (pinyin tables, the dictionary's headwords) starts
    only once the law is wholly in the view: run beside the building, its imports held the window's thread
    for 0.3–0.4 s at a time. The window is still ready, and the popup reads pinyin, after it."""
    import time

    from policyreader.gui.window import MainWindow
    from policyreader.services.engine import TextEngine
    from policyreader.services.paths import resolve_paths

    ctx = AppContext(resolve_paths(gui_data_dir))
    make_long_law(ctx, DOC, 382_000)  # read and built in more than the old 150 ms head start
    ctx.close()
    settings.setValue("reader/lastDocument", DOC)
    events: dict[str, float] = {}
    original = TextEngine.warm_up_reading

    def recorded(engine: TextEngine) -> None:  # the real warm-up, its start time noted
        events.setdefault("warm-up", time.perf_counter())
        original(engine)

    TextEngine.warm_up_reading = recorded  # type: ignore[method-assign]
    try:
        w = MainWindow(resolve_paths(gui_data_dir), settings)
        qtbot.addWidget(w)
        w.reader.documentBuilt.connect(lambda _d: events.setdefault("built", time.perf_counter()))
        with qtbot.waitSignal(w.ready, timeout=60000):
            w.show()
        wait_idle(w, qtbot)
    finally:
        TextEngine.warm_up_reading = original  # type: ignore[method-assign]
    assert w.doc_id == DOC and w.reader.fully_built
    assert events["built"] <= events["warm-up"], events
    assert w.library.dictionary_ready
    w.ops.shutdown()


def test_a_selection_made_while_the_law_is_still_being_built_stays_in_view(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A concordance line or search hit selected as soon as its document is opened, before the rest of the
    window is built: the building must not scroll back to where the law was opened (it did, now and then,
    when a line of another document was clicked in the concordance)."""
    ctx = AppContext(window.paths)
    make_long_law(ctx, DOC, 150_000)
    ctx.close()
    reader = window.reader
    chosen: list[tuple[int, bool]] = []

    def select(doc: str) -> None:  # as the concordance does when the line's document has opened
        if doc == DOC:
            seg = [s for s in window.segments[1:reader._built] if "信用" in s.zh][-1]  # the last built one
            at = seg.zh.index("信用")
            chosen.append((seg.idx, reader.fully_built))
            reader.select_span(seg.idx, "zh", at, at + 2)

    window.documentOpened.connect(select)
    open_doc(window, qtbot, DOC)
    qtbot.waitUntil(lambda: reader.fully_built, timeout=30000)
    wait_idle(window, qtbot)
    QApplication.processEvents()
    assert chosen and not chosen[0][1]  # selected while the window was still being built
    assert reader.textCursor().selectedText() == "信用"
    rect = reader.cursorRect(reader.textCursor())
    assert 0 <= rect.top() and rect.bottom() <= reader.viewport().height()  # still in view
