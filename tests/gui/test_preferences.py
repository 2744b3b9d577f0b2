"""Preferences (Ctrl+,), the colour theme, Help → About and Help → Keyboard shortcuts, driven for real."""

from __future__ import annotations

from pathlib import Path

from policyreader.gui import theme
from policyreader.gui.about import AboutDialog, ShortcutsDialog
from policyreader.gui.preferences import PreferencesDialog
from policyreader.gui.qt import QApplication, QGuiApplication, QPalette, QSettings, Qt
from policyreader.services.paths import resolve_paths
from tests.gui.driving import accept, action_named, open_doc, press, reject, trigger, wait_idle
from tests.gui.test_main_window import hover

DOC = "spc_shixin_list_provisions_2013"


def choose(dlg: PreferencesDialog) -> None:
    dlg.language.setCurrentIndex(dlg.language.findData("zh_CN"))
    dlg.theme.setCurrentIndex(dlg.theme.findData("dark"))
    dlg.size_box.setValue(17)
    dlg.delay.setValue(250)
    dlg.tones.setCurrentIndex(dlg.tones.findData("pleco"))
    dlg.traditional.setChecked(False)


def window_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def test_preferences_apply_at_once_and_after_a_restart(qtbot, gui_data_dir: Path, settings: QSettings,  # type: ignore[no-untyped-def]
                                                       dialogs) -> None:
    from policyreader.gui.window import MainWindow

    w = MainWindow(resolve_paths(gui_data_dir), settings)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.ready, timeout=60000):
        w.show()
    open_doc(w, qtbot, DOC)
    assert not window_dark()
    dialogs.expect(PreferencesDialog, accept(choose))
    press(w, qtbot, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialogs.expected, timeout=10000)
    wait_idle(w, qtbot)
    assert window_dark() and theme.is_dark()
    assert w.reader.font_size == 17.0 and w.reader.document().defaultFont().pointSizeF() == 17.0
    assert w.lookup.popup_delay == 250 and not w.trad_action.isChecked() and w.tone_action.isChecked()
    assert theme.tone_colours()[4] == theme.PLECO_DARK[4]  # the 4th tone purple, readable on dark
    assert "starts again" in w.statusBar().currentMessage()
    # the popup waits for the pointer to rest
    seg = next(s for s in w.segments if s.terms)
    hover(w, seg.idx, "zh", seg.terms[0][0] + 1)
    assert not w.popup.isVisible()
    qtbot.waitUntil(w.popup.isVisible, timeout=3000)
    w.close()
    theme.apply_theme("light")
    w2 = MainWindow(resolve_paths(gui_data_dir), settings)
    qtbot.addWidget(w2)
    with qtbot.waitSignal(w2.ready, timeout=60000):
        w2.show()
    assert window_dark() and w2.reader.font_size == 17.0 and w2.lookup.popup_delay == 250
    assert settings.value("ui/language") == "zh_CN"
    w2.prefs.prefs.theme = "light"
    w2.prefs.apply(w2.prefs.prefs)
    assert not window_dark()
    w2.ops.shutdown()


def test_following_the_system_scheme_redraws_the_reader(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_doc(window, qtbot, DOC)
    assert window.prefs.prefs.theme == "system"
    document = window.reader.document()
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    wait_idle(window, qtbot)
    assert window.reader.document() is not document  # built again in the new colours


def test_cancelling_preferences_changes_nothing(window, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    before = dict((k, window.settings.value(k)) for k in window.settings.allKeys())
    dialogs.expect(PreferencesDialog, lambda dlg: (choose(dlg), reject(dlg)))
    trigger(window, qtbot, action_named(window, "Preferences…"))
    assert not window_dark()
    assert {k: window.settings.value(k) for k in window.settings.allKeys()} == before


def test_about_names_the_version_and_every_licence(window, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    seen = {}
    dialogs.expect(AboutDialog, lambda dlg: (seen.setdefault("text", dlg.browser.toPlainText()), dlg.reject()))
    trigger(window, qtbot, action_named(window, "About PolicyReader"))
    text = seen["text"]
    assert "PolicyReader 0.1.0" in text and "CC-CEDICT" in text and "CC BY 4.0" in text
    for lib in ("PySide6", "jieba", "pypinyin", "sqlite-utils", "openpyxl"):
        assert lib.lower() in text.lower()
    assert "LGPL" in text
    from policyreader.gui.about import licences

    rows = licences()
    assert len(rows) >= 15
    # nothing shipped is GPL or AGPL only: PySide6 and shiboken6 offer LGPL-3.0 among their licences
    assert [(n, lic) for n, _v, lic in rows if "GPL" in lic.replace("LGPL", "") and "LGPL" not in lic] == []


def test_keyboard_shortcuts_lists_every_menu_shortcut(window, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, list[str]] = {}

    def read(dlg: ShortcutsDialog) -> None:
        rows = [dlg.tree.topLevelItem(i) for i in range(dlg.tree.topLevelItemCount())]
        seen["all"] = [f"{r.text(0)}={r.text(1)}" for r in rows if r is not None]
        dlg.filter.setText("look up")
        seen["shown"] = [r.text(0) for r in rows if r is not None and not r.isHidden()]
        dlg.reject()

    dialogs.expect(ShortcutsDialog, read)
    press(window, qtbot, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "all" in seen, timeout=5000)
    assert "Look up word at cursor=Ctrl+D" in seen["all"] and "Check translation (QA)=F7" in seen["all"]
    assert any(s.startswith("Next / previous word") for s in seen["all"])
    assert seen["shown"] == ["Look up word at cursor"]
