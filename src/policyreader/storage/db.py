"""Opening the app database: WAL mode, foreign keys, and the named migrations that build the schema.

Every schema change is a new function registered on ``MIGRATIONS``; each runs in one transaction and
is recorded in ``_sqlite_migrations``. Never edit a migration that has shipped: add another.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

MIGRATIONS = Migrations("policyreader")
DB_NAME = "policyreader.db"


@MIGRATIONS()
def m001_meta_and_dictionary(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("cedict").create({"id": int, "simplified": str, "traditional": str, "pinyin": str,
                         "pinyin_numbers": str, "definitions": str}, pk="id")
    db.table("cedict").create_index(["simplified"])
    db.table("cedict").create_index(["traditional"])


@MIGRATIONS()
def m002_library(db: sqlite_utils.Database) -> None:
    db.table("documents").create({
        "id": str, "title": str, "title_en": str, "source_path": str, "format": str, "encoding": str,
        "content_hash": str, "metadata": str, "translation_status": str, "bundled": int,
        "imported_at": str, "updated_at": str,
    }, pk="id")
    db.table("documents").create_index(["content_hash"])
    db.table("segments").create({
        "doc_id": str, "idx": int, "zh": str, "en": str, "level": int, "kind": str,
        "link": str, "confidence": float, "tokens": str, "terms": str,
    }, pk=("doc_id", "idx"), foreign_keys=[("doc_id", "documents", "id")])
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "doc_id UNINDEXED, idx UNINDEXED, side UNINDEXED, body, tokenize='unicode61 remove_diacritics 2')")


@MIGRATIONS()
def m003_annotations(db: sqlite_utils.Database) -> None:
    db.table("annotations").create({
        "id": str, "doc_id": str, "side": str, "start": int, "end": int, "exact": str, "prefix": str,
        "suffix": str, "note": str, "tags": str, "colour": str, "term": str, "rendering": str,
        "rationale": str, "status": str, "score": float, "created": str, "modified": str, "deleted": str,
    }, pk="id")
    db.table("annotations").create_index(["doc_id"])


@MIGRATIONS()
def m004_user_glossary_and_alignment_edits(db: sqlite_utils.Database) -> None:
    db.table("user_entries").create({"id": str, "mode": str, "data": str, "created": str, "modified": str}, pk="id")
    db.table("alignment_overrides").create({"doc_id": str, "seq": int, "zh": str, "en": str}, pk=("doc_id", "seq"))


@MIGRATIONS()
def m005_accepted_qa_findings(db: sqlite_utils.Database) -> None:
    db.table("qa_accepted").create({"doc_id": str, "key": str, "accepted": str}, pk=("doc_id", "key"))


def open_database(path: Path) -> sqlite_utils.Database:
    """Open (creating if needed) the database at *path*, in WAL mode, with all migrations applied."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False, isolation_level=None)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=NORMAL")
    MIGRATIONS.apply(db)
    return db


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.table("meta").upsert({"key": key, "value": value}, pk="key")
