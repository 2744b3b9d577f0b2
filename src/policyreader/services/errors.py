"""The one exception type a user should ever see: what was wrong, where, and what to do."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a missing resource; the CLI prints it as one line and exits with code 2."""
