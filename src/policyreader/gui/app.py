"""Starting the desktop app."""

from __future__ import annotations

import sys

from policyreader.gui.qt import QApplication
from policyreader.services.paths import AppPaths


def run_app(paths: AppPaths, argv: list[str] | None = None, open_file: str | None = None,
            translation: str | None = None) -> int:
    """Create the application and main window; optionally import and open a file; run the event loop."""
    from policyreader.gui.window import MainWindow

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("PolicyReader")
    app.setOrganizationName("PolicyReader")
    window = MainWindow(paths)
    window.show()
    if open_file:
        window.ready.connect(lambda: window.library.import_files(open_file, translation))
    return int(app.exec())
