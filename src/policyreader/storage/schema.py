"""The library database's schema: the named migrations that build it, the guard that refuses a
database of a newer PolicyReader, and the write transaction every repository uses.

Every schema change is a new function registered on ``MIGRATIONS``; each runs in one transaction and
is recorded in ``_sqlite_migrations``, and the count is kept as ``PRAGMA user_version``. Never edit a
migration that has shipped: add another, and add a fixture database of the release to
``tests/fixtures/databases``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from policyreader.core.errors import (
    DatabaseDamaged,
    DatabaseError,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    UserError,
    one_line,
)

MIGRATIONS = Migrations("policyreader")
DB_FILE = "policyreader.db"
"""The database's file name inside the data directory."""
BUSY_TIMEOUT = 30.0
"""Seconds a writer waits for another process's write transaction before giving up."""


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


@MIGRATIONS()
def m006_one_document_per_content(db: sqlite_utils.Database) -> None:
    """A unique index on the content hash: the last line of defence against a document stored twice.

    Copies that concurrent imports stored before this version keep their content; their hash is marked
    so the index can be built, and nothing is lost.
    """
    dups = db.execute("SELECT id, content_hash FROM documents WHERE content_hash IN (SELECT content_hash FROM "
                      "documents GROUP BY content_hash HAVING count(*) > 1) ORDER BY imported_at, id").fetchall()
    seen: set[str] = set()
    for doc_id, chash in dups:
        if chash in seen:
            db.execute("UPDATE documents SET content_hash = ? WHERE id = ?", [f"{chash}#copy-{doc_id}", doc_id])
        seen.add(chash)
    db.execute("DROP INDEX IF EXISTS idx_documents_content_hash")
    db.execute("CREATE UNIQUE INDEX documents_content_hash ON documents(content_hash)")


@MIGRATIONS()
def m007_user_qa_checks(db: sqlite_utils.Database) -> None:
    """The user's QA checks, saved by name (the rule as JSON)."""
    db.table("qa_checks").create({"name": str, "data": str, "created": str, "modified": str}, pk="name")


@MIGRATIONS()
def m008_document_language(db: sqlite_utils.Database) -> None:
    """Which language a document is in: ``zh`` (a Chinese source, the only kind before) or ``en`` (English
    coverage read against the glossary, its text on the English side)."""
    db.table("documents").add_column("lang", str, not_null_default="zh")


@MIGRATIONS()
def m009_team_sync(db: sqlite_utils.Database) -> None:
    """What a team sync agreed on last (a digest per shared item, of the repository's version and of the
    library's), and the conflicts waiting for the user to choose a version."""
    db.table("team_items").create({"key": str, "tree": str, "db": str}, pk="key")
    db.table("team_conflicts").create({"key": str, "base": str, "ours": str, "theirs": str, "theirs_by": str,
                                       "path": str, "found": str}, pk="key")


@MIGRATIONS()
def m010_compact_library(db: sqlite_utils.Database) -> None:
    """The library at corpus scale (issue 17): each document gets an integer key and a run of consecutive
    segment ids (``first_segment``, ``segment_count``); segments keep tokens and glossary links compactly
    (``storage/compact.py``); glossary entry ids get keys (``glossary_keys``); every occurrence of a term,
    linked or nested in a longer linked term, is indexed (``term_occurrences``; the nested ones are added
    by the library, which knows the glossary: meta ``term_index`` says they are still missing); the search
    index holds characters and pairs of characters and the text itself only once
    (``storage/search_index.py``).

    Every segment is carried over as it was: text, structure, alignment, confidence, tokens and links.
    """
    import json

    from policyreader.storage import search_index
    from policyreader.storage.compact import encode_terms, encode_tokens

    for column in ("key", "first_segment", "segment_count"):
        db.execute(f"ALTER TABLE documents ADD COLUMN {column} INTEGER")
    db.execute("CREATE TABLE glossary_keys (key INTEGER PRIMARY KEY, entry TEXT NOT NULL UNIQUE)")
    db.execute("CREATE TABLE term_occurrences (term INTEGER NOT NULL, segment INTEGER NOT NULL, start INTEGER NOT "
               "NULL, end INTEGER NOT NULL, PRIMARY KEY (term, segment, start, end)) WITHOUT ROWID")
    db.execute("CREATE TABLE compact_segments (id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, zh TEXT NOT NULL, "
               "en TEXT NOT NULL DEFAULT '', level INTEGER NOT NULL DEFAULT 0, kind TEXT NOT NULL DEFAULT '', "
               "link TEXT NOT NULL DEFAULT '', confidence REAL NOT NULL DEFAULT 1.0, tokens BLOB, terms TEXT)")
    for statement in search_index.CREATE:
        db.execute(statement)
    key_of: dict[str, int] = {}
    next_id = 1
    documents = db.execute("SELECT id FROM documents ORDER BY rowid").fetchall()
    for key, (doc_id,) in enumerate(documents, start=1):
        rows = db.execute("SELECT zh, en, level, kind, link, confidence, tokens, terms FROM segments "
                          "WHERE doc_id = ? ORDER BY idx", [doc_id]).fetchall()
        db.execute("UPDATE documents SET key = ?, first_segment = ?, segment_count = ? WHERE id = ?",
                   [key, next_id, len(rows), doc_id])
        for zh, en, level, kind, link, confidence, tokens, terms in rows:
            cached = json.loads(terms or "{}")
            zh_links = [tuple(t) for t in cached.get("zh", [])]
            en_links = [tuple(t) for t in cached.get("en", [])]
            for _a, _b, entry in zh_links + en_links:
                if entry not in key_of:
                    key_of[entry] = len(key_of) + 1
                    db.execute("INSERT INTO glossary_keys (key, entry) VALUES (?, ?)", [key_of[entry], entry])
            db.execute("INSERT INTO compact_segments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [next_id, key, zh, en or "", level or 0, kind or "", link or "",
                        1.0 if confidence is None else confidence, encode_tokens(json.loads(tokens or "[]")),
                        encode_terms(zh_links, en_links, [], key_of)])
            for table, rowid, body in search_index.rows(next_id, zh, en or ""):
                db.execute(f"INSERT INTO {table} (rowid, body) VALUES (?, ?)", [rowid, body])
            db.conn.executemany("INSERT OR IGNORE INTO term_occurrences VALUES (?, ?, ?, ?)",
                                [(key_of[e], next_id, a, b) for a, b, e in zh_links])
            next_id += 1
    db.execute("CREATE UNIQUE INDEX documents_key ON documents(key)")
    if next_id > 1:  # the terms nested in links need the glossary's forms: the library adds them
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('term_index', 'links only')")
    db.execute("DROP TABLE search_index")
    db.execute("DROP TABLE segments")
    db.execute("ALTER TABLE compact_segments RENAME TO segments")


def write_transaction(db: sqlite_utils.Database) -> contextlib.AbstractContextManager[sqlite_utils.Database]:
    """One write transaction: ``BEGIN IMMEDIATE`` at the outermost level, a savepoint when nested.

    A deferred ``BEGIN`` that reads first and writes later cannot wait for another writer: SQLite
    refuses the upgrade to a write lock at once ("database is locked") and the busy timeout never
    applies. Taking the write lock up front makes a second writer wait its turn instead.
    """
    return _write_transaction(db)


@contextlib.contextmanager
def _write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise


def known_migrations() -> list[str]:
    """The names of this version's migrations, in order."""
    return [m.name for m in MIGRATIONS._migrations]


def _applied(conn: sqlite3.Connection) -> list[str]:
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          [Migrations.migrations_table]).fetchone()
    if not exists:
        return []
    return [r[0] for r in conn.execute(f"SELECT name FROM {Migrations.migrations_table} "
                                       "WHERE migration_set = ? ORDER BY rowid", [MIGRATIONS.name])]


def check_version(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a database written by a newer PolicyReader, before anything else is read or written.

    A newer version records migrations this one does not know (or a higher ``user_version``); its
    tables may mean something else, so reading them could mislead and writing could damage them.
    """
    known = set(known_migrations())
    unknown = [n for n in _applied(conn) if n not in known]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if unknown or version > SCHEMA_VERSION:
        what = f"schema change {unknown[-1]!r}" if unknown else f"schema version {version}"
        raise DatabaseTooNew(
            f"{path}: this library was written by a newer PolicyReader ({what}; this version knows up to "
            f"{SCHEMA_VERSION}); upgrade PolicyReader, or open another data directory with --data-dir")


def migrate(db: sqlite_utils.Database) -> None:
    """Apply pending migrations under the write lock, so two processes opening a new database at once
    do not both create its tables; then record the schema version."""
    if not MIGRATIONS.pending(db) and int(db.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION:
        return
    with write_transaction(db):
        MIGRATIONS.apply(db)  # each migration runs in a savepoint of this transaction
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def open_database(path: Path) -> sqlite_utils.Database:
    """Open (creating if needed) the database at *path*, in WAL mode, with all migrations applied.

    Refuses, before anything is written: a database of a newer PolicyReader (DatabaseTooNew), a file
    that is not a database or is truncated (DatabaseDamaged: SQLite finds either when it reads the first
    page, which the version check does), a folder that cannot hold one (DatabaseError). In a folder or
    on a disk that cannot be written, an existing library is opened read-only (reads work; a write
    raises DatabaseReadOnly).

    Nothing here opens the database file except SQLite: closing any other descriptor of it would drop
    this process's POSIX locks on it, and another process could then delete the WAL under our feet.
    """
    try:
        return _open(path)
    except (sqlite3.Error, OSError) as exc:
        raise database_error(exc, path) from exc


def _open(path: Path) -> sqlite_utils.Database:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"{path.parent}: cannot create the data directory ({exc.strerror or exc}); "
                            "choose another one with --data-dir or POLICYREADER_DATA_DIR") from None
    if not _writable(path):
        return _open_read_only(path)
    _probe(path)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, check_same_thread=False, isolation_level=None)
    try:
        check_version(conn, path)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=NORMAL")
        migrate(db)
    except BaseException:
        conn.close()
        raise
    return db


def _probe(path: Path) -> None:
    """Look at an existing database through a read-only connection first: a damaged or newer one is
    refused without ever being opened for writing. (Closing the last writable connection checkpoints the
    WAL into the main file and deletes it, which would change a damaged library and lose its WAL.)"""
    if not path.exists():
        return
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    try:
        check_version(conn, path)
    finally:
        conn.close()


def _writable(path: Path) -> bool:
    """Whether a library here can be written: the folder (for the WAL files) and the file itself."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _open_read_only(path: Path) -> sqlite_utils.Database:
    if not path.exists():
        raise DatabaseReadOnly(f"{path.parent}: the folder is read-only, so no library can be created in it; "
                               "choose another data directory with --data-dir or POLICYREADER_DATA_DIR")
    # A WAL database opens read-only only with its -wal and -shm files present; without them (a clean
    # shutdown removes them) it must be opened as immutable, which nobody can change here anyway.
    wal = all(Path(f"{path}{s}").exists() for s in ("-wal", "-shm"))
    uri = path.resolve().as_uri() + ("?mode=ro" if wal else "?mode=ro&immutable=1")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, check_same_thread=False, isolation_level=None)
    try:
        check_version(conn, path)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA query_only=1")
        if MIGRATIONS.pending(db):
            raise DatabaseReadOnly(f"{path}: this library was written by an older PolicyReader and must be "
                                   "upgraded, which cannot be done in a read-only folder; make the folder "
                                   "writable and try again")
    except BaseException:
        conn.close()
        raise
    return db


def is_read_only(db: sqlite_utils.Database) -> bool:
    """True for a library opened read-only (see :func:`open_database`)."""
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def _damaged(path: Path, detail: str) -> DatabaseDamaged:
    return DatabaseDamaged(
        f"{path}: the library database is damaged or is not a PolicyReader database ({detail}); move it aside "
        f"(rename it, e.g. to {path.name}.broken) to start a fresh library, or choose another data directory "
        "with --data-dir")


def database_error(exc: BaseException, path: Path) -> UserError:
    """What an SQLite or system error while using the library at *path* means for the user, on one line:
    a DatabaseError when it concerns the library, a plain UserError for another file (an export)."""
    if isinstance(exc, UserError):
        return exc
    detail = one_line(str(exc)) or type(exc).__name__
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return _damaged(path, detail)
        if code == sqlite3.SQLITE_FULL:
            return _disk_full(path)
        if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
            return read_only_error(path, detail)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return DatabaseError(f"{path}: the library stayed busy for {BUSY_TIMEOUT:.0f} s (another PolicyReader "
                                 "is writing to it); try again when it has finished")
        if code == sqlite3.SQLITE_CANTOPEN:
            return DatabaseError(f"{path}: cannot open the library database ({detail}); check that its folder "
                                 "exists and may be written, or choose another data directory with --data-dir")
        return DatabaseError(f"{path}: the library database failed ({detail}); nothing was changed by this "
                             "command — check the disk, then try again")
    if isinstance(exc, OSError):
        where = Path(exc.filename) if exc.filename else None
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return _disk_full(where or path)
        if where is None or (where.parent != path.parent and where != path.parent):
            # not the library: a file the user named, or no file at all (a closed pipe)
            return UserError(f"{where}: {exc.strerror or detail}" if where else (exc.strerror or detail))
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return read_only_error(where, exc.strerror or detail)
        return DatabaseError(f"{where}: {exc.strerror or detail}; check the path and the disk, or choose another "
                             "data directory with --data-dir")
    return DatabaseError(f"{path}: {detail}")


def _disk_full(path: Path) -> DiskFull:
    return DiskFull(f"{path}: the disk is full; the change was rolled back and nothing was written — free some "
                    "space and try again")


def read_only_error(path: Path, detail: str) -> DatabaseReadOnly:
    """The library at *path* cannot be changed (*detail* says why)."""
    return DatabaseReadOnly(f"{path}: the library is read-only here ({detail}); it can be read but not changed — "
                            "make its folder writable, or choose another data directory with --data-dir")


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its -wal and -shm files) out of the way; return its new name.

    Nothing is deleted: the file keeps its bytes under ``policyreader.db.broken-<time>``.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    n = 2
    while target.exists():
        target, n = path.with_name(f"{path.name}.broken-{stamp}-{n}"), n + 1
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{path}{suffix}")
        if src.exists():
            src.rename(Path(f"{target}{suffix}"))
    return target


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    with write_transaction(db):
        db.table("meta").upsert({"key": key, "value": value}, pk="key")


SCHEMA_VERSION = len(MIGRATIONS._migrations)
"""Recorded as the database's ``user_version``: the number of migrations this version applies."""
