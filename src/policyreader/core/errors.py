"""The exceptions a user may see: what was wrong, where, and what to do — never a traceback.

Every layer raises these for bad input or a broken environment; the CLI prints ``str(exc)`` as one
line and exits with code 2, the window shows it in a dialog.
"""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a missing resource, with a message fit to show the user."""


class DatabaseError(UserError):
    """The library database cannot be used as it is (damaged, too new, not writable)."""


class DatabaseTooNew(DatabaseError):
    """The database was written by a newer PolicyReader: refused before anything is read or written."""
