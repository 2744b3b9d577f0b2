"""The generated libraries the corpus-scale benchmarks share (issue 17), built once per ``make bench``.

- 3,500 law-like documents (``tests/library_generator.py``, about 12 million characters) imported through
  the real import path, ``import_folder`` (what ``policyreader import DIR`` runs), a folder of 500 at a
  time, each folder followed by bare ``jieba.lcut`` over the same texts: the import row's interleaved
  baseline.
- The same library replicated ten times (35,000 documents) by a faster bulk path: documents, segments and
  the term index copied in SQL, the search index filled from the copies' text. Each copy's Chinese has its
  places and digits changed (same lengths, so cached tokens and links stay right), so the index holds more
  than ten identical copies.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.library_generator import PLACES, write

from policyreader.services.context import AppContext
from policyreader.services.folder_import import import_folder
from policyreader.services.paths import resolve_paths
from policyreader.storage import search_index
from policyreader.storage.schema import DB_FILE

DOCUMENTS = int(os.environ.get("POLICYREADER_BENCH_DOCUMENTS", "3500"))  # fewer for a quick trial
PER_FOLDER = 500
COPIES = 10


@dataclass
class ScaleLibrary:
    data_dir: Path
    documents: int
    raw_bytes: int  # the UTF-8 text imported (generated files and the bundled corpus)
    bundled_bytes: int = 0  # of which the bundled corpus (not copied)
    import_seconds: list[float] = field(default_factory=list)  # per folder of 500
    jieba_seconds: list[float] = field(default_factory=list)  # the same folders' texts, bare jieba.lcut
    build_seconds: float = 0.0


def build_3500(bench_data_dir: Path, root: Path) -> ScaleLibrary:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    files = write(root / "laws", DOCUMENTS, per_folder=PER_FOLDER)
    data = root / "data-3500"
    shutil.copytree(bench_data_dir, data)
    ctx = AppContext(resolve_paths(data))
    ctx.library.ensure_bundled()
    ctx.engine.segmenter.warm_up()
    bundled = sum(len(s.zh.encode()) + len(s.en.encode()) for d in ctx.library.listing()
                  for s in ctx.library.repo.segments(d.id))
    lib = ScaleLibrary(data, ctx.library.count() + DOCUMENTS, bundled + sum(p.stat().st_size for p in files), bundled)
    started = time.perf_counter()
    for folder in sorted({p.parent for p in files}):
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
        t = time.perf_counter()
        items = list(import_folder(ctx.library, folder))
        lib.import_seconds.append(time.perf_counter() - t)
        assert all(i.result and not i.result.duplicate for i in items)
        t = time.perf_counter()
        for text in texts:
            jieba.lcut(text)
        lib.jieba_seconds.append(time.perf_counter() - t)
    lib.build_seconds = time.perf_counter() - started
    _checkpoint(ctx)
    return lib


def _checkpoint(ctx: AppContext) -> None:
    ctx.engine.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()


def _vary(text: str, copy: int, places: dict[str, str]) -> str:
    for a, b in places.items():
        text = text.replace(a, b)
    return text.translate(str.maketrans("0123456789", "".join(str((d + copy) % 10) for d in range(10))))


def _place_map(copy: int) -> dict[str, str]:
    """Each place name to another of the same length (so offsets stay right)."""
    by_len: dict[int, list[str]] = {}
    for p in PLACES:
        by_len.setdefault(len(p), []).append(p)
    return {p: group[(i + copy) % len(group)] for group in by_len.values() for i, p in enumerate(group)}


def replicate(small: ScaleLibrary, root: Path) -> ScaleLibrary:
    """The library with its generated documents copied COPIES - 1 more times (the bulk path)."""
    started = time.perf_counter()
    data = root / "data-35000"
    shutil.copytree(small.data_dir, data)
    db = sqlite3.connect(data / DB_FILE, isolation_level=None)
    docs = db.execute("SELECT id, key, first_segment, segment_count, content_hash FROM documents "
                      "WHERE bundled = 0 ORDER BY key").fetchall()
    cols = [r[1] for r in db.execute("PRAGMA table_info(documents)")]
    for copy in range(1, COPIES):
        places = _place_map(copy)
        next_key = db.execute("SELECT max(key) + 1 FROM documents").fetchone()[0]
        next_seg = db.execute("SELECT max(id) + 1 FROM segments").fetchone()[0]
        db.execute("BEGIN IMMEDIATE")
        shifts: list[tuple[int, int, int]] = []
        for n, (doc_id, _key, first, count, chash) in enumerate(docs):
            row = dict(zip(cols, db.execute("SELECT * FROM documents WHERE id = ?", [doc_id]).fetchone(),
                           strict=True))
            row.update(id=f"{doc_id}-copy{copy}", key=next_key + n, first_segment=next_seg, content_hash=f"{chash}:{copy}",
                       title=_vary(row["title"], copy, places))
            db.execute(f"INSERT INTO documents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
            segs = db.execute("SELECT id, zh, en, level, kind, link, confidence, tokens, terms FROM segments "
                              "WHERE id >= ? AND id < ? ORDER BY id", [first, first + count]).fetchall()
            shift = next_seg - first
            rows = [(sid + shift, next_key + n, _vary(zh, copy, places), en, *rest) for sid, zh, en, *rest in segs]
            db.executemany("INSERT INTO segments (id, doc, zh, en, level, kind, link, confidence, tokens, terms) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            shifts.append((first, count, shift))
            index: dict[str, list[tuple[int, str]]] = {}
            for sid, _doc, zh, en, *_rest in rows:
                for table, rowid, body in search_index.rows(sid, zh, en):
                    index.setdefault(table, []).append((rowid, body))
            for table, index_rows in index.items():
                db.executemany(f"INSERT INTO {table} (rowid, body) VALUES (?, ?)", index_rows)
            next_seg += count
        # the term index in one statement, in its own key order (row by row it would be written all over)
        db.execute("CREATE TEMP TABLE moved (segment INTEGER PRIMARY KEY, copy INTEGER)")
        db.executemany("INSERT INTO moved VALUES (?, ?)", ((first + i, first + i + shift)
                                                          for first, count, shift in shifts for i in range(count)))
        db.execute("INSERT INTO term_occurrences SELECT o.term, m.copy, o.start, o.end FROM term_occurrences o "
                   "JOIN moved m ON m.segment = o.segment ORDER BY o.term, m.copy, o.start, o.end")
        db.execute("DROP TABLE moved")
        db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    db.close()
    raw = small.bundled_bytes + (small.raw_bytes - small.bundled_bytes) * COPIES
    return ScaleLibrary(data, documents, raw, small.bundled_bytes, build_seconds=time.perf_counter() - started)


def database_bytes(data_dir: Path) -> tuple[int, int]:
    """The library database's size, and the part of it that is CC-CEDICT (a fixed 17 MB)."""
    db = sqlite3.connect(data_dir / DB_FILE)
    sizes = dict(db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    db.close()
    return (data_dir / DB_FILE).stat().st_size, sum(v for k, v in sizes.items() if "cedict" in k)

