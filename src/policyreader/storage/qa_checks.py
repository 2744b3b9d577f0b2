"""The user's QA checks, saved by name: one row per check, the rule kept as JSON."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from policyreader.core.model import now
from policyreader.storage.schema import write_transaction


class QACheckRepository:
    """Named QA checks, in name order."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def all(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.db.execute("SELECT data FROM qa_checks ORDER BY name")]

    def save(self, name: str, data: dict[str, Any]) -> None:
        with write_transaction(self.db):
            row = self.db.execute("SELECT created FROM qa_checks WHERE name = ?", [name]).fetchone()
            stamp = now()
            self.db.table("qa_checks").upsert({"name": name, "data": json.dumps(data, ensure_ascii=False),
                                               "created": row[0] if row else stamp, "modified": stamp}, pk="name")

    def delete(self, name: str) -> bool:
        """Delete the check *name*; False when there was none."""
        with write_transaction(self.db):
            cur = self.db.execute("DELETE FROM qa_checks WHERE name = ?", [name])
            return bool(cur.rowcount)
