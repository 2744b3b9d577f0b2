"""Write PNG screenshots of the main views to screenshots/ (run by `make screenshots` under Xvfb).

Uses a throw-away data directory with the bundled corpus, real mouse-over lookups, and grabs the whole
virtual screen so the popup window is included. The last two show the window in Simplified Chinese, started
as a user who chose 简体中文 in Preferences starts it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"


def main() -> int:
    from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
    from PySide6.QtGui import QCursor, QMouseEvent
    from PySide6.QtWidgets import QApplication

    from policyreader.gui.app import apply_language
    from policyreader.gui.window import MainWindow
    from policyreader.services.paths import resolve_paths

    OUT.mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="policyreader-shots-"))
    app = QApplication(sys.argv[:1])
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(resolve_paths(tmp / "data"), settings)
    w.resize(1500, 920)
    w.move(0, 0)
    w.show()
    ready: list[bool] = []
    w.ready.connect(lambda: ready.append(True))
    while not ready:
        app.processEvents()

    def settle() -> None:
        for _ in range(30):
            app.processEvents()
        while w.ops.is_busy:
            app.processEvents()
        for _ in range(10):
            app.processEvents()

    def open_doc(doc_id: str) -> None:
        w.reading.open(doc_id)
        settle()

    def shot(name: str) -> None:
        settle()
        screen = app.primaryScreen()
        img = screen.grabWindow(0, 0, 0, 1500, 920)
        img.save(str(OUT / name))
        print("wrote", OUT / name)

    def hover(segment: int, side: str, offset: int) -> None:
        r = w.reader
        r.scroll_to_segment(max(0, segment - 2))
        settle()
        c = r.cursor_for(segment, side, offset)
        rect = r.cursorRect(c)
        pos = QPoint(rect.x() + 6, rect.center().y())
        QCursor.setPos(r.viewport().mapToGlobal(pos))  # the real pointer too, so X sends no Leave event
        settle()
        ev = QMouseEvent(QEvent.Type.MouseMove, pos, r.viewport().mapToGlobal(pos), Qt.MouseButton.NoButton,
                         Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(r.viewport(), ev)

    open_doc("shanghai_social_credit_regulations_2017")
    w.reading.set_layout("side")
    shot("reader-side-by-side.png")

    seg = next(s for s in w.segments if any(t[2] == "chengxin" for t in s.terms))
    start = next(t[0] for t in seg.terms if t[2] == "chengxin")
    hover(seg.idx, "zh", start)
    shot("popup-glossary-term.png")
    w.popup.dismiss()

    open_doc("zhengxin_industry_regulation_2013")
    seg = w.segments[8]
    off = next(i for i, ch in enumerate(seg.zh) if "\u4e00" <= ch <= "\u9fff" and not any(
        a <= i < b for a, b, _ in seg.terms) and i > 4)
    hover(seg.idx, "zh", off)
    shot("popup-dictionary-word.png")
    w.popup.dismiss()

    w.reading.set_layout("interleaved")
    w.search.run_search("诚信")
    shot("search-and-interleaved.png")
    w.reading.set_layout("side")
    w.search_dock.hide()
    open_doc("spc_shixin_list_provisions_2013")
    w.lookup.show_entry("shixin-bei-zhixing-ren")
    shot("glossary-entry.png")

    # the workbench: glossary browser, an entry with its corpus evidence, and a concordance
    w.entry_dock.hide()
    open_doc("zhengxin_industry_regulation_2013")
    w.glossary.show_browser()
    w.glossary_browser.query.setText("zhengxin")
    w.lookup.show_entry("zhengxin")
    w.glossary.show_concordance("zhengxin-jigou")
    shot("workbench-concordance.png")
    w.concordance_dock.hide()

    # annotations and the QA panel
    open_doc("enterprise_info_publicity_interim_regulation_2014")
    text = w.ctx.annotations.side_text(w.doc_id, "zh")
    notes = (("企业信用约束", "信用约束 here: **credit-based constraints**, not loan rationing.", "term"),
             ("企业信用信息公示系统", "The 2014 name, before 国家 was added.", "history"))
    for phrase, note, tag in notes:
        start = text.index(phrase)
        w.ctx.annotations.create(w.doc_id, start, start + len(phrase), "zh", note, [tag], colour="#7bd389")
    w.annotations.refresh()
    w.annotations.show_pane()
    shot("annotations.png")
    w.qa.run()
    shot("qa-panel.png")
    for dock in (w.qa_dock, w.annotations_dock, w.entry_dock):
        dock.hide()
    w.outline_dock.raise_()

    # English coverage: a (fictional) news page read against the glossary, the reverse popup, the claims
    article = ROOT / "tests" / "fixtures" / "coverage" / "articles" / "news-qingshan.html"
    doc = w.ctx.library.import_path(article).id
    open_doc(doc)
    seg = next(s for s in w.segments if any(s.en[a:b] == "social credit score" for a, b, _ in s.en_terms))
    start = next(a for a, b, _ in seg.en_terms if seg.en[a:b] == "social credit score")
    hover(seg.idx, "en", start + 2)
    shot("english-coverage-popup.png")
    w.popup.dismiss()
    w.coverage.show_claims()
    shot("claims-summary.png")
    w.close()

    # the window in Simplified Chinese: the language is installed before the window is built, as at start-up
    settings = QSettings(str(tmp / "settings-zh.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "zh_CN")
    apply_language(settings)
    w = MainWindow(resolve_paths(tmp / "data"), settings)
    w.resize(1500, 920)
    w.move(0, 0)
    w.show()
    ready.clear()
    w.ready.connect(lambda: ready.append(True))
    while not ready:
        app.processEvents()
    open_doc("shanghai_social_credit_regulations_2017")
    w.reading.set_layout("side")
    w.lookup.show_entry("chengxin")
    seg = next(s for s in w.segments if any(t[2] == "chengxin" for t in s.terms))
    start = next(t[0] for t in seg.terms if t[2] == "chengxin")
    hover(seg.idx, "zh", start)
    shot("reader-zh.png")
    w.popup.dismiss()
    from policyreader.gui.preferences import Preferences, PreferencesDialog

    prefs = PreferencesDialog(w, Preferences.load(settings))
    prefs.show()
    prefs.move(w.geometry().center() - prefs.rect().center())
    shot("preferences-zh.png")
    prefs.close()
    w.close()
    return 0


if __name__ == "__main__":
    if not os.environ.get("DISPLAY"):
        import shutil
        import subprocess

        if shutil.which("xvfb-run") is None:
            sys.exit("make screenshots needs Xvfb: run scripts/ensure-system-deps.sh screenshots")
        sys.exit(subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1500x920x24", sys.executable, __file__]))
    sys.exit(main())
