"""Annotation rows: one transaction per write; deletion is a mark (so it can be undone), never a loss."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from policyreader.core.model import Annotation, now
from policyreader.storage.schema import write_transaction


def _row(a: Annotation, deleted: str = "") -> dict[str, Any]:
    return {"id": a.id, "doc_id": a.doc, "side": a.side, "start": a.start, "end": a.end, "exact": a.exact,
            "prefix": a.prefix, "suffix": a.suffix, "note": a.note, "tags": json.dumps(a.tags, ensure_ascii=False),
            "colour": a.colour, "term": a.term, "rendering": a.rendering, "rationale": a.rationale,
            "status": a.status, "score": a.score, "created": a.created, "modified": a.modified, "deleted": deleted}


def _from_row(r: dict[str, Any]) -> Annotation:
    return Annotation(r["id"], r["doc_id"], r["side"], r["start"], r["end"], r["exact"], r["prefix"] or "",
                      r["suffix"] or "", r["note"] or "", json.loads(r["tags"] or "[]"), r["colour"] or "",
                      r["term"] or "", r["rendering"] or "", r["rationale"] or "", r["status"] or "exact",
                      r["score"] if r["score"] is not None else 1.0, r["created"] or "", r["modified"] or "")


class AnnotationRepository:
    """Reads and writes annotations. Each public write is one transaction."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def insert(self, a: Annotation) -> None:
        with write_transaction(self.db):
            self.db.table("annotations").insert(_row(a))

    def insert_many(self, items: Iterable[Annotation]) -> None:
        with write_transaction(self.db):
            self.db.table("annotations").insert_all((_row(a) for a in items), batch_size=500)

    def update(self, a: Annotation) -> None:
        a.modified = now()
        with write_transaction(self.db):
            self.db.table("annotations").update(a.id, _row(a))

    def update_many(self, items: Iterable[Annotation]) -> None:
        """Within the caller's transaction if there is one (re-anchoring runs inside an import)."""
        with write_transaction(self.db):
            for a in items:
                self.db.table("annotations").update(a.id, _row(a))

    def set_deleted(self, ann_id: str, deleted: bool) -> None:
        with write_transaction(self.db):
            self.db.execute("UPDATE annotations SET deleted = ? WHERE id = ?", [now() if deleted else "", ann_id])

    def get(self, ann_id: str, include_deleted: bool = False) -> Annotation | None:
        rows = list(self.db.table("annotations").rows_where(
            "id = ?" + ("" if include_deleted else " AND (deleted IS NULL OR deleted = '')"), [ann_id]))
        return _from_row(rows[0]) if rows else None

    def exists(self, ann_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM annotations WHERE id = ?", [ann_id]).fetchone() is not None

    def find(self, doc: str | None = None) -> list[Annotation]:
        where = "(deleted IS NULL OR deleted = '')"
        args: list[Any] = []
        if doc is not None:
            where += " AND doc_id = ?"
            args.append(doc)
        rows = self.db.table("annotations").rows_where(where, args, order_by="doc_id, side, start, created")
        return [_from_row(r) for r in rows]
