"""Starting the desktop app."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from policyreader.core.errors import one_line
from policyreader.core.resources import ICON_PNG, shipped
from policyreader.gui import i18n
from policyreader.gui.preferences import Preferences
from policyreader.gui.qt import QApplication, QIcon, QSettings, Qt
from policyreader.gui.theme import register_shipped_fonts
from policyreader.services.paths import AppPaths

if TYPE_CHECKING:
    from policyreader.gui.window import MainWindow


def apply_language(settings: QSettings) -> str:
    """Install the translations of the interface language chosen in Preferences (default: the system's);
    returns the language installed. Called before the window is built, so it is built in that language."""
    return i18n.install(Preferences.load(settings).language)


def keep_start_up_out_of_collections(window: MainWindow) -> None:
    """Once the window is ready, what start-up built (glossary, pinyin and dictionary tables, the window)
    lives as long as the app: it is moved out of the garbage collector's view (``gc.freeze``), so that the
    collector's full passes (run by whichever thread allocates, holding the interpreter lock) no longer walk
    it: they had stalled the window's thread for 100 ms while a background operation built many objects.
    (The app's, not the window's: a process that makes many windows, as the tests do, would keep each.)"""
    window.ready.connect(gc.freeze, Qt.ConnectionType.SingleShotConnection)


def run_app(paths: AppPaths, argv: list[str] | None = None, open_file: str | None = None,
            translation: str | None = None) -> int:
    """Create the application and main window; optionally import and open a file; run the event loop."""
    from policyreader.gui.recovery import LibraryUnavailable
    from policyreader.gui.window import MainWindow

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("PolicyReader")
    app.setOrganizationName("PolicyReader")
    QApplication.setDesktopFileName("policyreader")  # the .desktop file `make dist` ships (Wayland matches on it)
    icon = shipped(ICON_PNG)
    if icon is not None:
        QApplication.setWindowIcon(QIcon(str(icon)))
    register_shipped_fonts()
    settings = QSettings("PolicyReader", "PolicyReader")
    apply_language(settings)  # before anything is built: menus, docks and dialogs are made in that language
    try:
        window = MainWindow(paths, settings)
    except LibraryUnavailable as exc:  # the user saw why in a dialog and chose to quit
        print(f"policyreader: error: {one_line(str(exc))}", file=sys.stderr)
        return 2
    keep_start_up_out_of_collections(window)
    window.show()
    if open_file:
        window.ready.connect(lambda: window.library.import_files(open_file, translation))
    return int(app.exec())
