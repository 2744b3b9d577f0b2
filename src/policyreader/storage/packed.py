"""A document's segments in the form the library writes them: one list per column of ``segments``, the
full-text index's rows and the term index's rows, each row's id relative to the document's first segment.

Packing needs no database, so a folder import packs each document in the worker process that analysed it;
the writing process then only adds the ids (in C, through ``zip``) and inserts. Lists of strings and
numbers also travel between processes far more cheaply than the segments' objects.

The links are stored with their entries' keys in ``glossary_keys``, which only the writing process gives.
A key, once given, never changes, so a worker encodes a document's links itself when every entry it links
already has a key (``keys`` records which it used, and the writer checks them); otherwise ``links`` keeps
the links and the writer encodes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat

from policyreader.core.model import SegmentRow
from policyreader.storage import search_index
from policyreader.storage.compact import encode_terms, encode_tokens

Links = list[tuple[int, int, str]]
SegmentInsert = tuple[int, int, str, str, int, str, str, float, bytes, "str | None"]


@dataclass
class PackedSegments:
    """A document's segments as written (see the module's description)."""

    zh: list[str]
    en: list[str]
    level: list[int]
    kind: list[str]
    link: list[str]
    confidence: list[float]
    tokens: list[bytes]
    entries: list[str]
    """Every glossary entry linked (in the Chinese, the English or nested)."""
    index: dict[str, tuple[list[int], list[str]]]
    """Per full-text table: each row's id less twice the first segment's id, and its body."""
    terms: list[str | None] | None = None
    """Each segment's links, encoded with ``keys`` (None: not encoded; see ``links``)."""
    keys: dict[str, int] | None = None
    occurrences: tuple[list[int], list[int], list[int], list[int]] | None = None
    """The term index's rows (key, segment index, start, end) when the links are encoded."""
    links: list[tuple[Links, Links, Links]] | None = None
    """Each segment's (Chinese, English, nested) links when they are not encoded."""

    @property
    def count(self) -> int:
        return len(self.zh)

    @property
    def aligned(self) -> int:
        return sum(1 for zh, en in zip(self.zh, self.en, strict=True) if zh and en)

    @property
    def characters(self) -> int:
        return sum(map(len, self.zh)) + sum(map(len, self.en))

    def encoded(self, key_of: Mapping[str, int]) -> PackedSegments:
        """With the links encoded (*key_of*: keys of every entry in ``entries``); checks a worker's keys."""
        if self.keys is not None:
            if any(key_of[e] != k for e, k in self.keys.items()):
                raise RuntimeError("a glossary entry's key changed during an import")
            return self
        assert self.links is not None
        self.terms, self.occurrences = _encode(self.links, key_of)
        self.keys, self.links = {e: key_of[e] for e in self.entries}, None
        return self

    def segment_rows(self, first: int, key: int) -> Iterator[SegmentInsert]:
        """``segments`` rows (id, doc, zh, en, level, kind, link, confidence, tokens, terms); encoded first."""
        assert self.terms is not None, "links not encoded"
        n = self.count
        return zip(range(first, first + n), repeat(key, n), self.zh, self.en, self.level, self.kind, self.link,
                   self.confidence, self.tokens, self.terms, strict=True)

    def index_rows(self, first: int) -> Iterator[tuple[str, Iterator[tuple[int, str]]]]:
        """Each full-text table and its rows (rowid, body)."""
        base = search_index.rowid(first, 0)
        for table, (offsets, bodies) in self.index.items():
            yield table, zip(map(base.__add__, offsets), bodies, strict=True)

    def occurrence_rows(self, first: int) -> Iterator[tuple[int, int, int, int]]:
        """The term index's rows (term, segment, start, end); encoded first."""
        assert self.occurrences is not None, "links not encoded"
        terms, segs, starts, ends = self.occurrences
        return zip(terms, map(first.__add__, segs), starts, ends, strict=True)


def _encode(links: Sequence[tuple[Links, Links, Links]],
            key_of: Mapping[str, int]) -> tuple[list[str | None], tuple[list[int], list[int], list[int], list[int]]]:
    terms: list[str | None] = []
    occ: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
    for idx, (zh, en, nested) in enumerate(links):
        terms.append(encode_terms(zh, en, nested, key_of))
        for side in (zh, nested):
            for a, b, e in side:
                occ[0].append(key_of[e])
                occ[1].append(idx)
                occ[2].append(a)
                occ[3].append(b)
    return terms, occ


def pack(segments: Sequence[SegmentRow], nested: Callable[[str, Links], Links],
         keys: Callable[[set[str]], Mapping[str, int] | None]) -> PackedSegments:
    """*segments* packed; *nested* gives the terms nested in a segment's links, *keys* the keys of a set of
    entries (None if some have none yet: the links are then left for the writer to encode)."""
    if [s.idx for s in segments] != list(range(len(segments))):
        raise ValueError("segments must be numbered 0, 1, 2 … in order")
    links = [(s.terms, s.en_terms, nested(s.zh, s.terms) if s.terms else []) for s in segments]
    entries = {e for sides in links for side in sides for _a, _b, e in side}
    index: dict[str, tuple[list[int], list[str]]] = {}
    for idx, s in enumerate(segments):
        for table, side, body in search_index.bodies(s.zh, s.en):
            offsets, bodies = index.setdefault(table, ([], []))
            offsets.append(search_index.rowid(idx, side))
            bodies.append(body)
    packed = PackedSegments([s.zh for s in segments], [s.en for s in segments], [s.level for s in segments],
                            [s.kind for s in segments], [s.link for s in segments],
                            [s.confidence for s in segments], [encode_tokens(s.tokens) for s in segments],
                            sorted(entries), index, links=links)
    key_of = keys(entries)
    return packed if key_of is None else packed.encoded(key_of)
