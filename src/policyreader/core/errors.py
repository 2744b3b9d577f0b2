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


class DatabaseDamaged(DatabaseError):
    """The database file is not a database, or is truncated or corrupt: it can only be moved aside."""


class DatabaseReadOnly(DatabaseError):
    """The library cannot be changed here (read-only folder, file or disk); reading it still works."""


class DiskFull(DatabaseError):
    """The disk filled up during a write; the transaction was rolled back, nothing was written."""


def one_line(message: str) -> str:
    """*message* on one line: a parser's or the system's multi-line text joined with "; " (with a space
    after a line that ends in a colon, which introduces the next)."""
    out = ""
    for line in (ln.strip() for ln in str(message).splitlines()):
        if line:
            joint = "" if not out or line[0] in ",.;:)" else " " if out.endswith(":") else "; "
            out += joint + line
    return out
