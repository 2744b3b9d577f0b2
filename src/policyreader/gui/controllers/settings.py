"""Preferences, the colour theme, Help → About and Help → Keyboard shortcuts.

The theme follows the system's colour scheme live when set to "As the system"; the reader, the popup and
the entry page are drawn again in the new colours.
"""

from __future__ import annotations

from typing import Any

from policyreader.gui import theme
from policyreader.gui.about import AboutDialog, ShortcutsDialog, shortcut_rows
from policyreader.gui.controllers.base import Controller
from policyreader.gui.i18n import tr
from policyreader.gui.preferences import Preferences, PreferencesDialog
from policyreader.gui.qt import QGuiApplication


class SettingsController(Controller):
    """Applies the Preferences and shows the Help dialogs."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.prefs = Preferences.load(window.settings)
        self.apply(self.prefs, first=True)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    def apply(self, prefs: Preferences, first: bool = False) -> None:
        """Use *prefs* now (the language only at the next start)."""
        w = self.window
        theme.reader_family = prefs.font_family
        theme.tone_scheme = prefs.tone_scheme if prefs.tone_scheme != "none" else theme.tone_scheme
        theme.apply_theme(prefs.theme)
        w.lookup.popup_delay = prefs.popup_delay
        w.tone_action.setChecked(prefs.tone_scheme != "none")
        w.trad_action.setChecked(prefs.traditional)
        if not first:
            w.reader.set_text_style(prefs.font_size, w.reader.line_spacing)
            self.redraw()

    def redraw(self) -> None:
        """Draw what carries colours again: the reader, the popup, the entry page."""
        w = self.window
        w.popup.dismiss()
        w.reader.rebuild(w.reader.reading_position())
        if w.lookup.entry_shown:
            w.lookup.show_entry(w.lookup.entry_shown)

    def _system_scheme_changed(self, _scheme: Any) -> None:
        if self.prefs.theme == "system":
            theme.apply_theme("system")
            self.redraw()

    # -- the dialogs --------------------------------------------------------------------------
    def show_preferences(self) -> None:
        dlg = PreferencesDialog(self.window, Preferences.load(self.window.settings))
        if not dlg.exec():
            return
        new = dlg.values()
        language_changed = new.language != self.prefs.language
        new.save(self.window.settings)
        self.prefs = new
        self.apply(new)
        if language_changed:
            self.status(tr("The new interface language takes effect when PolicyReader starts again."), 10000)

    def show_about(self) -> None:
        AboutDialog(self.window).exec()

    def show_shortcuts(self) -> None:
        # keys that are not menu entries
        extra = [(tr("Reader"), tr("Select the word under the pointer"), tr("Double-click")),
                 (tr("Reader"), tr("Next / previous word (the popup follows)"), "Ctrl+Right / Ctrl+Left"),
                 (tr("Reader"), tr("Close the popup or the find bar"), "Esc"),
                 (tr("Find bar"), tr("Next / previous match"), "Enter / Shift+Enter")]
        ShortcutsDialog(self.window, shortcut_rows(self.window.menuBar()), extra).exec()
