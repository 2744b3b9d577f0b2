"""The team-sync bookkeeping of one library: where it syncs, what the last sync agreed on, and the
conflicts waiting for the user.

``team_items`` holds, per shared item, a digest of the version in the repository (``tree``) and of the
library's version (``db``) as of the last sync; an item whose library digest no longer matches was
changed here since. ``team_conflicts`` keeps both versions of an item two people changed differently,
until the user chooses. The settings (remote, branch, name, the commit last synced) live in ``meta``.
Every write goes through the caller's transaction when there is one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import sqlite_utils

from policyreader.storage.schema import get_meta, set_meta, write_transaction

PENDING = "pending"
"""The library digest of an item that could not be placed yet (its document is not in this library)."""
RESOLVED = "resolved"
"""The library digest after the user kept their own version of a conflict: it differs from every digest,
so the next sync sends that version."""
_SETTINGS = ("remote", "branch", "name", "email", "synced_commit", "last_sync", "last_result")


def digest(text: str | None) -> str:
    """A digest of an item's canonical text; the empty string for an absent (deleted) item."""
    return "" if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ItemState:
    tree: str
    db: str


@dataclass(frozen=True)
class StoredConflict:
    key: str
    base: str | None
    ours: str | None
    theirs: str | None
    theirs_by: str
    path: str
    found: str


class TeamRepository:
    """Reads and writes the team tables and settings of one library database."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    # -- settings -----------------------------------------------------------------------------
    def setting(self, name: str) -> str:
        assert name in _SETTINGS, name
        return get_meta(self.db, f"team.{name}") or ""

    def set_setting(self, name: str, value: str) -> None:
        assert name in _SETTINGS, name
        set_meta(self.db, f"team.{name}", value)

    def forget_settings(self) -> None:
        with write_transaction(self.db):
            self.db.execute("DELETE FROM meta WHERE key LIKE 'team.%'")
            self.db.execute("DELETE FROM team_items")
            self.db.execute("DELETE FROM team_conflicts")

    # -- what the last sync agreed on ---------------------------------------------------------
    def states(self) -> dict[str, ItemState]:
        rows = self.db.execute("SELECT key, tree, db FROM team_items")
        return {r[0]: ItemState(r[1] or "", r[2] or "") for r in rows}

    def replace_states(self, states: dict[str, ItemState]) -> None:
        with write_transaction(self.db):
            self.db.execute("DELETE FROM team_items")
            self.db.table("team_items").insert_all(
                ({"key": k, "tree": s.tree, "db": s.db} for k, s in states.items() if s.tree or s.db), batch_size=500)

    def set_state(self, key: str, state: ItemState) -> None:
        with write_transaction(self.db):
            self.db.table("team_items").upsert({"key": key, "tree": state.tree, "db": state.db}, pk="key")

    # -- conflicts ----------------------------------------------------------------------------
    def conflicts(self) -> list[StoredConflict]:
        rows = self.db.execute("SELECT key, base, ours, theirs, theirs_by, path, found FROM team_conflicts "
                               "ORDER BY key").fetchall()
        return [StoredConflict(*r) for r in rows]

    def replace_conflicts(self, conflicts: list[StoredConflict]) -> None:
        with write_transaction(self.db):
            self.db.execute("DELETE FROM team_conflicts")
            self.db.table("team_conflicts").insert_all(
                ({"key": c.key, "base": c.base, "ours": c.ours, "theirs": c.theirs, "theirs_by": c.theirs_by,
                  "path": c.path, "found": c.found} for c in conflicts), pk="key")

    def drop_conflict(self, key: str) -> None:
        with write_transaction(self.db):
            self.db.execute("DELETE FROM team_conflicts WHERE key = ?", [key])
