"""The document library: documents, their aligned segments with cached tokens and glossary links, the
full-text index and the index of glossary terms. Every import or replacement is one transaction.

A document's segments are one run of consecutive segment ids (``documents.first_segment`` and
``segment_count``; a segment's index is its id minus the first), given when it is written, so reading a
document is a range of the table's own b-tree and ids stay dense, which keeps the full-text index small.
Each segment also records its document's integer key (``doc``). The full-text index
(``storage/search_index.py``) and the term index (``term_occurrences``: each linked occurrence of an
entry in Chinese) use the same ids and are kept in step by every write; cached tokens and links are
stored compactly (``storage/compact.py``).
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import sqlite_utils

from policyreader.core.model import DocumentListing, DocumentRow, SegmentRow, now
from policyreader.storage import search_index
from policyreader.storage.compact import decode_terms, decode_tokens, encode_terms, occurrence_rows
from policyreader.storage.packed import PackedSegments, pack
from policyreader.storage.schema import is_read_only, read_only_error, write_transaction

Links = list[tuple[int, int, str]]
#: a document's integer key, its first segment id and its number of segments
LIBRARY_ORDER = "ORDER BY bundled DESC, title"
"""The library's order of documents: the bundled corpus first, then by title (lists, concordances)."""

Span = tuple[int, int, int]
#: (document id, segment index, start, end, Chinese, English) of one linked occurrence of a term
Occurrence = tuple[str, int, int, int, str, str]


class TermRun(NamedTuple):
    """The occurrences of a glossary entry in one document: where its segments are, and how many."""

    doc: str
    first_segment: int
    segment_count: int
    occurrences: int


def _doc_from_row(r: dict[str, Any]) -> DocumentRow:
    return DocumentRow(r["id"], r["title"], r["title_en"] or "", r["source_path"] or "", r["format"] or "",
                       r["encoding"] or "", r["content_hash"] or "", json.loads(r["metadata"] or "{}"),
                       r["translation_status"] or "none", bool(r["bundled"]), r["imported_at"] or "",
                       r["updated_at"] or "", r.get("lang") or "zh")


class LibraryRepository:
    """Reads and writes documents and segments; keeps the search and term indexes in step."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        # the glossary terms written inside a segment's Chinese links (set by the library, which knows the
        # glossary's forms): stored with the segment and indexed with its links
        self.nested: Callable[[str, Links], Links] = lambda _zh, _links: []
        # glossary entry ids and their keys in glossary_keys: a key, once given, never changes
        self._key_of: dict[str, int] = {}
        self._entry_of: dict[int, str] = {}

    # -- keys ---------------------------------------------------------------------------------
    def _span(self, doc_id: str) -> Span | None:
        r = self.db.execute("SELECT key, first_segment, segment_count FROM documents WHERE id = ?", [doc_id]).fetchone()
        return None if r is None else (int(r[0]), int(r[1] or 0), int(r[2] or 0))

    def _load_entry_keys(self) -> None:
        for key, entry in self.db.execute("SELECT key, entry FROM glossary_keys"):
            self._key_of[entry] = key
            self._entry_of[key] = entry

    def _keys_for(self, entries: Iterable[str]) -> dict[str, int]:
        """Keys of these entry ids, given to new ones (inside the caller's write transaction)."""
        missing = {e for e in entries if e not in self._key_of}
        if missing:
            self._load_entry_keys()
            new = sorted(e for e in missing if e not in self._key_of)
            if new:
                self.db.conn.executemany("INSERT OR IGNORE INTO glossary_keys (entry) VALUES (?)", [(e,) for e in new])
                self._load_entry_keys()
        return self._key_of

    def _decode_terms(self, data: str | None) -> tuple[Links, Links, Links]:
        try:
            return decode_terms(data, self._entry_of)
        except KeyError:  # a key another connection gave since this one last looked
            self._load_entry_keys()
            return decode_terms(data, self._entry_of)

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
        rows = self.db.execute(f"SELECT * FROM documents {LIBRARY_ORDER}").fetchall()
        cols = [d[0] for d in self.db.execute("SELECT * FROM documents LIMIT 0").description]
        return [_doc_from_row(dict(zip(cols, r, strict=True))) for r in rows]

    def listing(self) -> list[DocumentListing]:
        """Every document's id, titles and translation status, in library order: what a list shows."""
        return [DocumentListing(*r) for r in self.db.execute(
            f"SELECT id, title, title_en, translation_status, lang FROM documents {LIBRARY_ORDER}")]

    def get(self, doc_id: str) -> DocumentRow | None:
        try:
            return _doc_from_row(self.db.table("documents").get(doc_id))
        except sqlite_utils.db.NotFoundError:
            return None

    def find_by_hash(self, content_hash: str) -> DocumentRow | None:
        rows = list(self.db.table("documents").rows_where("content_hash = ?", [content_hash], limit=1))
        return _doc_from_row(rows[0]) if rows else None

    def unused_id(self, base: str) -> str:
        """*base*, or *base*-2, -3 … whichever no document has (reads only the ids that could clash, through
        the primary key's index: ``base-`` up to ``base.``, the next character after the hyphen)."""
        taken = {r[0] for r in self.db.execute("SELECT id FROM documents WHERE id = ? OR (id > ? AND id < ?)",
                                               [base, base + "-", base + "."])}
        if base not in taken:
            return base
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    def segments(self, doc_id: str) -> list[SegmentRow]:
        span = self._span(doc_id)
        if span is None:
            return []
        _key, first, n = span
        out = []
        for r in self.db.execute("SELECT id, zh, en, level, kind, link, confidence, tokens, terms FROM segments "
                                 "WHERE id >= ? AND id < ? ORDER BY id", [first, first + n]):
            zh_terms, en_terms, nested = self._decode_terms(r[8])
            out.append(SegmentRow(r[0] - first, r[1], r[2] or "", r[3] or 0, r[4] or "", r[5] or "",
                                  r[6] or 0.0, decode_tokens(r[7]), zh_terms, en_terms, nested))
        return out

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def segment_count(self, doc_id: str) -> int:
        span = self._span(doc_id)
        return 0 if span is None else span[2]

    def translated_pairs(self) -> Iterator[tuple[str, int, str, str]]:
        """(document, segment, Chinese, English) of every segment with English, library-wide."""
        for doc_id, first, n in self.db.execute(
                "SELECT id, first_segment, segment_count FROM documents ORDER BY id").fetchall():
            for seg, zh, en in self.db.execute("SELECT id, zh, en FROM segments WHERE id >= ? AND id < ? "
                                               "AND en != '' ORDER BY id", [first, first + n]).fetchall():
                yield doc_id, seg - first, zh, en

    # -- writing ------------------------------------------------------------------------------
    def pack(self, segments: Sequence[SegmentRow], assign: bool = True) -> PackedSegments:
        """*segments* in the form ``add`` writes. *assign*: give keys to entries that have none (inside the
        caller's write transaction); otherwise (a worker process) the links are encoded only if every entry
        has a key already, and are left to the writer if not."""
        return pack(segments, self.nested, self._keys_for if assign else self._known_keys)

    def _known_keys(self, entries: set[str]) -> dict[str, int] | None:
        """The keys of *entries* if every one has been given (re-read once when some are not known here)."""
        if not entries <= self._key_of.keys():
            self._load_entry_keys()
        return self._key_of if entries <= self._key_of.keys() else None

    def _write_segments(self, key: int, segments: Sequence[SegmentRow],
                        packed: PackedSegments | None = None) -> tuple[int, int]:
        """Write a document's segments (or, from another process, the same *packed*) as the next run of ids;
        its (first segment id, count)."""
        first = int(self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM segments").fetchone()[0])
        if packed is None:
            packed = self.pack(segments)  # new entries given keys
        else:
            packed = packed.encoded(self._keys_for(set(packed.entries)))
        self.db.conn.executemany("INSERT INTO segments (id, doc, zh, en, level, kind, link, confidence, tokens, "
                                 "terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", packed.segment_rows(first, key))
        for table, index_rows in packed.index_rows(first):
            self.db.conn.executemany(f"INSERT INTO {table} (rowid, body) VALUES (?, ?)", index_rows)
        self.db.conn.executemany("INSERT OR IGNORE INTO term_occurrences (term, segment, start, end) "
                                 "VALUES (?, ?, ?, ?)", packed.occurrence_rows(first))
        return first, packed.count

    def _unindex_terms(self, sid: int, terms: str | None) -> None:
        self.db.conn.executemany("DELETE FROM term_occurrences WHERE term = ? AND segment = ? AND start = ? "
                                 "AND end = ?", [(term, sid, a, b) for term, a, b in occurrence_rows(terms)])

    def _delete_segments(self, first: int, n: int) -> None:
        """Delete a document's segments and their index entries (a contentless index is told what it held)."""
        index: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for sid, zh, en, terms in self.db.execute("SELECT id, zh, en, terms FROM segments WHERE id >= ? AND id < ?",
                                                  [first, first + n]).fetchall():
            for table, rowid, body in search_index.rows(sid, zh, en or ""):
                index[table].append((rowid, body))
            self._unindex_terms(sid, terms)
        for table, index_rows in index.items():
            self.db.conn.executemany(f"INSERT INTO {table} ({table}, rowid, body) VALUES ('delete', ?, ?)", index_rows)
        self.db.execute("DELETE FROM segments WHERE id >= ? AND id < ?", [first, first + n])

    def insert(self, doc: DocumentRow, segments: Sequence[SegmentRow]) -> None:
        """Insert a new document and its segments in one transaction."""
        with write_transaction(self.db):
            self.add(doc, segments)

    def add(self, doc: DocumentRow, segments: Sequence[SegmentRow], packed: PackedSegments | None = None) -> None:
        """Insert a new document and its segments inside the caller's write transaction, without a
        savepoint of its own: the full-text index writes what it has gathered at every savepoint, so a
        batch of documents in one transaction is written once."""
        if not self.db.conn.in_transaction:
            raise RuntimeError("LibraryRepository.add needs an open write transaction")
        stamp = now()
        key = self._next_key()
        first, n = self._write_segments(key, segments, packed)
        row = {**self._doc_dict(doc, stamp, stamp), "key": key, "first_segment": first, "segment_count": n}
        self.db.execute(f"INSERT INTO documents ({', '.join(row)}) VALUES ({', '.join(':' + c for c in row)})", row)

    def _next_key(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(key), 0) + 1 FROM documents").fetchone()[0])

    def replace(self, doc: DocumentRow, segments: Sequence[SegmentRow],
                extra: Iterable[Any] = ()) -> None:
        """Replace a document's content in place (same id) in one transaction.

        *extra* are callables run inside the same transaction (e.g. re-anchoring annotations).
        """
        stamp = now()
        with write_transaction(self.db):
            old = self.get(doc.id)
            span = self._span(doc.id)
            if span is None:
                key = self._next_key()
            else:
                key = span[0]
                self._delete_segments(span[1], span[2])
            first, n = self._write_segments(key, segments)
            self.db.table("documents").upsert({**self._doc_dict(doc, old.imported_at if old else stamp, stamp),
                                               "key": key, "first_segment": first, "segment_count": n}, pk="id")
            for fn in extra:
                fn()

    def update_links(self, doc_id: str, updates: Sequence[tuple[int, Links, Links]]) -> None:
        """Store recomputed glossary links for some segments of a document, in one transaction."""
        if not updates:
            return
        with write_transaction(self.db):
            span = self._span(doc_id)
            if span is None:
                return
            for idx, terms, en_terms in updates:
                sid = span[1] + idx
                old = self.db.execute("SELECT zh, terms FROM segments WHERE id = ?", [sid]).fetchone()
                if old is None:
                    continue
                inner = self.nested(old[0], terms) if terms else []
                key_of = self._keys_for({e for links in (terms, en_terms, inner) for _a, _b, e in links})
                self._unindex_terms(sid, old[1])
                self.db.conn.executemany("INSERT OR IGNORE INTO term_occurrences (term, segment, start, end) "
                                         "VALUES (?, ?, ?, ?)",
                                         [(key_of[e], sid, a, b) for links in (terms, inner) for a, b, e in links])
                self.db.execute("UPDATE segments SET terms = ? WHERE id = ?",
                                [encode_terms(terms, en_terms, inner, key_of), sid])

    def set_confidence(self, doc_id: str, idx: int, confidence: float) -> None:
        """Record a segment's alignment confidence (1.0 once a person has checked it)."""
        with write_transaction(self.db):
            span = self._span(doc_id)
            if span is not None and 0 <= idx < span[2]:
                self.db.execute("UPDATE segments SET confidence = ? WHERE id = ?", [confidence, span[1] + idx])

    def delete(self, doc_id: str) -> None:
        with write_transaction(self.db):
            span = self._span(doc_id)
            if span is not None:
                self._delete_segments(span[1], span[2])
            self.db.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    @staticmethod
    def _doc_dict(doc: DocumentRow, imported: str, updated: str) -> dict[str, Any]:
        return {"id": doc.id, "title": doc.title, "title_en": doc.title_en, "source_path": doc.source_path,
                "format": doc.format, "encoding": doc.encoding, "content_hash": doc.content_hash,
                "metadata": json.dumps(doc.metadata, ensure_ascii=False),
                "translation_status": doc.translation_status, "bundled": int(doc.bundled),
                "imported_at": imported, "updated_at": updated, "lang": doc.lang}

    # -- search -------------------------------------------------------------------------------
    def search_candidates(self, lookup: search_index.Lookup,
                          doc_id: str | None = None) -> Iterator[tuple[str, int, str, str]]:
        """(doc_id, segment idx, side, text of that side) of the index rows a lookup finds, in library
        order, streamed so the caller can stop as soon as it has enough."""
        where = f"{lookup.table} MATCH ?"
        args: list[Any] = [lookup.expression]
        if doc_id is not None:
            span = self._span(doc_id)
            if span is None:
                return
            where += " AND f.rowid >= ? AND f.rowid < ?"
            args += [search_index.rowid(span[1], 0), search_index.rowid(span[1] + span[2], 0)]
        cur = self.db.execute(
            f"SELECT f.rowid, d.id, s.id - d.first_segment, s.zh, s.en FROM {lookup.table} f "
            f"JOIN segments s ON s.id = f.rowid >> 1 JOIN documents d ON d.key = s.doc WHERE {where} ORDER BY f.rowid",
            args)
        for rowid, doc, idx, zh, en in cur:
            side = rowid & 1
            yield doc, idx, search_index.SIDES[side], (en or "") if side else zh

    def titles(self, doc_ids: Iterable[str]) -> dict[str, str]:
        ids = list(set(doc_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {r[0]: r[1] for r in self.db.execute(f"SELECT id, title FROM documents WHERE id IN ({marks})", ids)}

    def segment_text(self, doc_id: str, idx: int) -> tuple[str, str] | None:
        span = self._span(doc_id)
        if span is None or not 0 <= idx < span[2]:
            return None
        r = self.db.execute("SELECT zh, en FROM segments WHERE id = ?", [span[1] + idx]).fetchone()
        return None if r is None else (r[0], r[1] or "")

    # -- glossary terms -----------------------------------------------------------------------
    def _term_key(self, entry: str) -> int | None:
        if entry not in self._key_of:
            self._load_entry_keys()
        return self._key_of.get(entry)

    def term_runs(self, entry: str, doc_id: str | None = None) -> list[TermRun]:
        """The documents in which a glossary entry occurs, in library order, each with its number of
        occurrences: one range count in the term index per document, no occurrence read."""
        term = self._term_key(entry)
        if term is None:
            return []
        where, args = ("WHERE d.id = ?", [term, doc_id]) if doc_id is not None else ("", [term])
        return [TermRun(*r) for r in self.db.execute(
            "SELECT id, first_segment, segment_count, n FROM (SELECT d.id, d.first_segment, d.segment_count, "
            "d.bundled, d.title, (SELECT count(*) FROM term_occurrences o WHERE o.term = ? AND o.segment >= "
            "d.first_segment AND o.segment < d.first_segment + d.segment_count) AS n FROM documents d "
            f"{where}) WHERE n > 0 {LIBRARY_ORDER}", args)]

    def term_page(self, entry: str, run: TermRun, offset: int = 0,
                  limit: int = -1) -> list[tuple[int, int, int, str, str]]:
        """Occurrences *offset* to *offset* + *limit* (all with -1) of an entry in one document's run, in
        order: (segment index, start, end, Chinese, English). The term index is walked in its own order and
        each segment is read by its id."""
        term = self._term_key(entry)
        if term is None:
            return []
        return self.db.execute(
            "SELECT o.segment - ?, o.start, o.end, s.zh, coalesce(s.en, '') FROM term_occurrences o "
            "CROSS JOIN segments s ON s.id = o.segment WHERE o.term = ? AND o.segment >= ? AND o.segment < ? "
            "ORDER BY o.segment, o.start, o.end LIMIT ? OFFSET ?",
            [run.first_segment, term, run.first_segment, run.first_segment + run.segment_count, limit,
             offset]).fetchall()

    def term_occurrences(self, entry: str, doc_id: str | None = None) -> list[Occurrence]:
        """Every occurrence of a glossary entry in the Chinese, linked or nested in a longer linked term, in
        library order (documents as ``documents()`` lists them, then segments, then offsets), from the
        term index: read in its own order (segment, start, end), then cut into each document's run, which
        puts the documents in library order without sorting the occurrences."""
        term = self._term_key(entry)
        if term is None:
            return []
        where, args = "o.term = ?", [term]
        if doc_id is not None:
            span = self._span(doc_id)
            if span is None:
                return []
            where += " AND o.segment >= ? AND o.segment < ?"
            args += [span[1], span[1] + span[2]]
        rows = self.db.execute(f"SELECT segment, start, end FROM term_occurrences o WHERE {where} "
                               "ORDER BY segment, start, end", args).fetchall()
        if not rows:
            return []
        texts = {seg: (zh, en or "") for seg, zh, en in self.db.execute(  # each segment's text read once
            f"SELECT id, zh, en FROM segments WHERE id IN (SELECT DISTINCT segment FROM term_occurrences o "
            f"WHERE {where})", args)}
        ids = [r[0] for r in rows]
        out: list[Occurrence] = []
        for doc, first, n in self.db.execute(
                f"SELECT id, first_segment, segment_count FROM documents {LIBRARY_ORDER}"):
            lo = bisect.bisect_left(ids, first)
            hi = bisect.bisect_left(ids, first + n, lo)
            out += [(doc, seg - first, start, end, *texts[seg]) for seg, start, end in rows[lo:hi]]
        return out
