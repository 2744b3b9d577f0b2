"""User glossary entries, kept apart from the bundled files: new terms, or additions to a bundled entry."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from policyreader.core.glossary import GlossaryEntry, entry_from_dict
from policyreader.core.model import now
from policyreader.storage.schema import get_meta, set_meta, write_transaction

GENERATION_KEY = "user_glossary_generation"


@dataclass
class UserEntryRecord:
    """A stored user entry. mode "new": a term of its own; "extends": additions to the bundled entry of the same id."""

    entry: GlossaryEntry
    mode: str


class UserGlossaryRepository:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def all(self) -> list[UserEntryRecord]:
        out = []
        for r in self.db.table("user_entries").rows_where(order_by="id"):
            out.append(UserEntryRecord(entry_from_dict(json.loads(r["data"]), "user"), r["mode"]))
        return out

    def get(self, entry_id: str) -> UserEntryRecord | None:
        rows = list(self.db.table("user_entries").rows_where("id = ?", [entry_id]))
        if not rows:
            return None
        return UserEntryRecord(entry_from_dict(json.loads(rows[0]["data"]), "user"), rows[0]["mode"])

    def save(self, entry: GlossaryEntry, mode: str) -> None:
        stamp = now()
        with write_transaction(self.db):
            row = self.db.execute("SELECT created FROM user_entries WHERE id = ?", [entry.id]).fetchone()
            self.db.table("user_entries").upsert(
                {"id": entry.id, "mode": mode, "data": json.dumps(entry.to_json(), ensure_ascii=False),
                 "created": str(row[0]) if row else stamp, "modified": stamp}, pk="id")
            self._bump()

    def delete(self, entry_id: str) -> bool:
        with write_transaction(self.db):
            cur = self.db.execute("DELETE FROM user_entries WHERE id = ?", [entry_id])
            if cur.rowcount:
                self._bump()
        return bool(cur.rowcount)

    def generation(self) -> int:
        """A number that grows with every change to the user's entries, by any process."""
        return int(get_meta(self.db, GENERATION_KEY) or 0)

    def _bump(self) -> None:
        set_meta(self.db, GENERATION_KEY, str(self.generation() + 1))
