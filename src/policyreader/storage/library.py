"""The document library: documents, their aligned segments with cached tokens and glossary links,
and the full-text index. Every import or replacement is one transaction.

The search index stores Chinese as space-separated jieba tokens (plus sub-words), because SQLite's
trigram tokenizer cannot find two-character words such as 诚信; queries are segmented the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from policyreader.core.model import DocumentListing, DocumentRow, SegmentRow, now
from policyreader.storage.schema import is_read_only, read_only_error, write_transaction


def _doc_from_row(r: dict[str, Any]) -> DocumentRow:
    return DocumentRow(r["id"], r["title"], r["title_en"] or "", r["source_path"] or "", r["format"] or "",
                       r["encoding"] or "", r["content_hash"] or "", json.loads(r["metadata"] or "{}"),
                       r["translation_status"] or "none", bool(r["bundled"]), r["imported_at"] or "",
                       r["updated_at"] or "", r.get("lang") or "zh")


class LibraryRepository:
    """Reads and writes documents and segments; keeps the search index in step."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    @property
    def read_only(self) -> bool:
        """True when the library was opened read-only (a read-only folder or disk)."""
        return is_read_only(self.db)

    def require_writable(self) -> None:
        """Refuse a write at once, before any slow work, when the library is read-only."""
        if self.read_only:
            path = Path(self.db.execute("PRAGMA database_list").fetchone()[2])
            raise read_only_error(path, "its folder or disk cannot be written")

    # -- reading ------------------------------------------------------------------------------
    def documents(self) -> list[DocumentRow]:
        rows = self.db.execute("SELECT * FROM documents ORDER BY bundled DESC, title").fetchall()
        cols = [d[0] for d in self.db.execute("SELECT * FROM documents LIMIT 0").description]
        return [_doc_from_row(dict(zip(cols, r, strict=True))) for r in rows]

    def listing(self) -> list[DocumentListing]:
        """Every document's id, titles and translation status, in library order: what a list shows."""
        return [DocumentListing(*r) for r in self.db.execute(
            "SELECT id, title, title_en, translation_status, lang FROM documents ORDER BY bundled DESC, title")]

    def get(self, doc_id: str) -> DocumentRow | None:
        try:
            return _doc_from_row(self.db.table("documents").get(doc_id))
        except sqlite_utils.db.NotFoundError:
            return None

    def find_by_hash(self, content_hash: str) -> DocumentRow | None:
        rows = list(self.db.table("documents").rows_where("content_hash = ?", [content_hash], limit=1))
        return _doc_from_row(rows[0]) if rows else None

    def unused_id(self, base: str) -> str:
        """*base*, or *base*-2, -3 … whichever no document has (reads only the ids that could clash)."""
        pattern = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%"
        taken = {r[0] for r in self.db.execute("SELECT id FROM documents WHERE id = ? OR id LIKE ? ESCAPE '\\'",
                                               [base, pattern])}
        if base not in taken:
            return base
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    def segments(self, doc_id: str) -> list[SegmentRow]:
        out = []
        for r in self.db.execute(
                "SELECT idx, zh, en, level, kind, link, confidence, tokens, terms FROM segments "
                "WHERE doc_id = ? ORDER BY idx", [doc_id]):
            cached = json.loads(r[8] or "{}")
            out.append(SegmentRow(r[0], r[1], r[2] or "", r[3] or 0, r[4] or "", r[5] or "", r[6] or 0.0,
                                  json.loads(r[7] or "[]"), [tuple(t) for t in cached.get("zh", [])],
                                  [tuple(t) for t in cached.get("en", [])]))
        return out

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def segment_count(self, doc_id: str) -> int:
        return int(self.db.execute("SELECT count(*) FROM segments WHERE doc_id = ?", [doc_id]).fetchone()[0])

    def translated_pairs(self) -> Iterator[tuple[str, int, str, str]]:
        """(document, segment, Chinese, English) of every segment with English, library-wide."""
        yield from self.db.execute("SELECT doc_id, idx, zh, en FROM segments WHERE en IS NOT NULL AND en != '' "
                                   "ORDER BY doc_id, idx")

    # -- writing ------------------------------------------------------------------------------
    def _write_segments(self, doc_id: str, segments: Sequence[SegmentRow]) -> None:
        self.db.table("segments").insert_all(
            ({"doc_id": doc_id, "idx": s.idx, "zh": s.zh, "en": s.en, "level": s.level, "kind": s.kind,
              "link": s.link, "confidence": s.confidence, "tokens": json.dumps(s.tokens),
              "terms": json.dumps({"zh": s.terms, "en": s.en_terms}, ensure_ascii=False)} for s in segments),
            batch_size=500)
        index_rows: list[tuple[str, int, str, str]] = []
        for s in segments:
            if s.index_zh:
                index_rows.append((doc_id, s.idx, "zh", s.index_zh))
            if s.en:
                index_rows.append((doc_id, s.idx, "en", s.en))
        self.db.conn.executemany("INSERT INTO search_index (doc_id, idx, side, body) VALUES (?, ?, ?, ?)",
                                 index_rows)

    def _delete_segments(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM segments WHERE doc_id = ?", [doc_id])
        self.db.execute("DELETE FROM search_index WHERE doc_id = ?", [doc_id])

    def insert(self, doc: DocumentRow, segments: Sequence[SegmentRow]) -> None:
        """Insert a new document and its segments in one transaction."""
        stamp = now()
        with write_transaction(self.db):
            self.db.table("documents").insert(self._doc_dict(doc, stamp, stamp))
            self._write_segments(doc.id, segments)

    def replace(self, doc: DocumentRow, segments: Sequence[SegmentRow],
                extra: Iterable[Any] = ()) -> None:
        """Replace a document's content in place (same id) in one transaction.

        *extra* are callables run inside the same transaction (e.g. re-anchoring annotations).
        """
        stamp = now()
        with write_transaction(self.db):
            old = self.get(doc.id)
            self._delete_segments(doc.id)
            self.db.table("documents").upsert(self._doc_dict(doc, old.imported_at if old else stamp, stamp), pk="id")
            self._write_segments(doc.id, segments)
            for fn in extra:
                fn()

    def update_links(self, doc_id: str, updates: Sequence[tuple[int, list[tuple[int, int, str]],
                                                             list[tuple[int, int, str]]]]) -> None:
        """Store recomputed glossary links for some segments of a document, in one transaction."""
        if not updates:
            return
        with write_transaction(self.db):
            for idx, terms, en_terms in updates:
                self.db.execute("UPDATE segments SET terms = ? WHERE doc_id = ? AND idx = ?",
                                [json.dumps({"zh": terms, "en": en_terms}, ensure_ascii=False), doc_id, idx])

    def set_confidence(self, doc_id: str, idx: int, confidence: float) -> None:
        """Record a segment's alignment confidence (1.0 once a person has checked it)."""
        with write_transaction(self.db):
            self.db.execute("UPDATE segments SET confidence = ? WHERE doc_id = ? AND idx = ?",
                            [confidence, doc_id, idx])

    def delete(self, doc_id: str) -> None:
        with write_transaction(self.db):
            self._delete_segments(doc_id)
            self.db.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    @staticmethod
    def _doc_dict(doc: DocumentRow, imported: str, updated: str) -> dict[str, Any]:
        return {"id": doc.id, "title": doc.title, "title_en": doc.title_en, "source_path": doc.source_path,
                "format": doc.format, "encoding": doc.encoding, "content_hash": doc.content_hash,
                "metadata": json.dumps(doc.metadata, ensure_ascii=False),
                "translation_status": doc.translation_status, "bundled": int(doc.bundled),
                "imported_at": imported, "updated_at": updated, "lang": doc.lang}

    # -- search -------------------------------------------------------------------------------
    def search_candidates(self, match: str) -> Iterator[tuple[str, int, str, str]]:
        """(doc_id, segment idx, side, text of that side) for index rows matching an FTS5 expression,
        in library order, streamed so the caller can stop as soon as it has enough."""
        cur = self.db.execute(
            "SELECT si.doc_id, si.idx, si.side, CASE si.side WHEN 'zh' THEN s.zh ELSE s.en END "
            "FROM search_index si JOIN segments s ON s.doc_id = si.doc_id AND s.idx = si.idx "
            "WHERE search_index MATCH ?", [match])
        for r in cur:
            yield r[0], int(r[1]), r[2], r[3] or ""

    def titles(self, doc_ids: Iterable[str]) -> dict[str, str]:
        ids = list(set(doc_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {r[0]: r[1] for r in self.db.execute(f"SELECT id, title FROM documents WHERE id IN ({marks})", ids)}

    def segment_text(self, doc_id: str, idx: int) -> tuple[str, str] | None:
        r = self.db.execute("SELECT zh, en FROM segments WHERE doc_id = ? AND idx = ?", [doc_id, idx]).fetchone()
        return None if r is None else (r[0], r[1] or "")
