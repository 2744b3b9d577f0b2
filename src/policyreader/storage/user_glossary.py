"""User glossary entries, kept apart from the bundled files: new terms, or additions to a bundled entry."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from policyreader.core.glossary import GlossaryEntry, entry_from_dict
from policyreader.core.model import now
from policyreader.storage.schema import write_transaction


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
        old = self.get(entry.id)
        with write_transaction(self.db):
            self.db.table("user_entries").upsert(
                {"id": entry.id, "mode": mode, "data": json.dumps(entry.to_json(), ensure_ascii=False),
                 "created": stamp if old is None else self._created(entry.id), "modified": stamp}, pk="id")

    def _created(self, entry_id: str) -> str:
        row = self.db.execute("SELECT created FROM user_entries WHERE id = ?", [entry_id]).fetchone()
        return str(row[0]) if row else now()

    def delete(self, entry_id: str) -> bool:
        with write_transaction(self.db):
            cur = self.db.execute("DELETE FROM user_entries WHERE id = ?", [entry_id])
        return bool(cur.rowcount)
