"""What the window does when the library database cannot be opened: it says what is wrong, and for a
damaged file offers to move it aside (nothing is deleted) and start a fresh library."""

from __future__ import annotations

from pathlib import Path

from policyreader.core.errors import DatabaseDamaged, DatabaseError, UserError
from policyreader.gui.i18n import tr
from policyreader.gui.plain import message_box
from policyreader.gui.qt import QMessageBox, QWidget
from policyreader.services.context import AppContext


class LibraryUnavailable(UserError):
    """The library cannot be opened and the user chose to quit: the app exits with code 2."""


def open_library(ctx: AppContext, parent: QWidget | None = None) -> Path | None:
    """Open *ctx*'s library database, asking the user what to do when it cannot be used.

    Returns where a damaged database was moved to (None when it opened as it was). Raises
    :class:`LibraryUnavailable` when the user chose to quit, leaving every file as it was.
    """
    try:
        ctx.check_database()
        return None
    except DatabaseDamaged as exc:
        if not _ask_to_move_aside(exc, parent):
            raise LibraryUnavailable(str(exc)) from exc
    except DatabaseError as exc:  # written by a newer version, or no folder to create it in
        message_box(parent, QMessageBox.Icon.Critical, "PolicyReader", tr("The library cannot be opened."), str(exc),
                    QMessageBox.StandardButton.Close).exec()
        raise LibraryUnavailable(str(exc)) from exc
    moved = ctx.move_database_aside()
    ctx.check_database()  # a fresh, empty library; a failure now is a real one and is raised as it is
    return moved


def _ask_to_move_aside(exc: DatabaseDamaged, parent: QWidget | None) -> bool:
    box = message_box(parent, QMessageBox.Icon.Critical, "PolicyReader", tr("The library database is damaged."),
                      f"{exc}\n\n" + tr("PolicyReader can rename the damaged file (it keeps every byte, so it can "
                                         "still be examined or recovered) and start a fresh library with the bundled "
                                         "documents. Your annotations and glossary entries stay in the renamed file."),
                      QMessageBox.StandardButton.NoButton)
    move = box.addButton(tr("Move it aside and start fresh"), QMessageBox.ButtonRole.AcceptRole)
    move.setObjectName("moveAsideButton")
    quit_button = box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitButton")
    box.setDefaultButton(quit_button)
    box.setEscapeButton(quit_button)
    box.exec()
    return box.clickedButton() is move
