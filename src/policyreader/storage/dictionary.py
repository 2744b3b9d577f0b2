"""The CC-CEDICT table: loaded once per database, looked up by simplified or traditional form."""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlite_utils

from policyreader.core.dictionary import DictEntry, cedict_path, iter_cedict
from policyreader.storage.schema import get_meta, set_meta, write_transaction

_META_KEY = "cedict_source"


def _fingerprint() -> str:
    p = cedict_path()
    st = p.stat()
    return f"{p.name}:{st.st_size}"


def ensure_cedict(db: sqlite_utils.Database, entries: Iterable[DictEntry] | None = None) -> bool:
    """Load CC-CEDICT into *db* unless this exact data file is already loaded. Returns True if loaded."""
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
