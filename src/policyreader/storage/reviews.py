"""The user's decisions about a document, kept across re-imports: QA findings accepted as they are,
and the alignment corrected by hand (the sequence of zh/en segment pairs it produced)."""

from __future__ import annotations

import sqlite_utils

from policyreader.core.model import now
from policyreader.storage.schema import write_transaction


class AcceptedFindingRepository:
    """QA findings the user accepted, by document and by a stable key of the finding."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def keys(self, doc_id: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT key FROM qa_accepted WHERE doc_id = ?", [doc_id])}

    def set(self, doc_id: str, key: str, accepted: bool) -> None:
        with write_transaction(self.db):
            if accepted:
                self.db.table("qa_accepted").upsert({"doc_id": doc_id, "key": key, "accepted": now()},
                                                    pk=("doc_id", "key"))
            else:
                self.db.execute("DELETE FROM qa_accepted WHERE doc_id = ? AND key = ?", [doc_id, key])


class AlignmentOverrideRepository:
    """The user's manual alignment of a document: its (zh, en) segment texts in order."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def get(self, doc_id: str) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT zh, en FROM alignment_overrides WHERE doc_id = ? ORDER BY seq", [doc_id])]

    def replace(self, doc_id: str, pairs: list[tuple[str, str]]) -> None:
        with write_transaction(self.db):
            self.db.execute("DELETE FROM alignment_overrides WHERE doc_id = ?", [doc_id])
            self.db.table("alignment_overrides").insert_all(
                ({"doc_id": doc_id, "seq": i, "zh": z, "en": e} for i, (z, e) in enumerate(pairs)),
                pk=("doc_id", "seq"))
