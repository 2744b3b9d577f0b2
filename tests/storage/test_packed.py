"""The packed form of a document's segments (what a folder import's workers send the writer) and the compact
encodings it uses."""

from __future__ import annotations

import json
import pickle

import pytest

from policyreader.core.model import SegmentRow
from policyreader.storage import search_index
from policyreader.storage.compact import decode_terms, encode_terms, encode_tokens
from policyreader.storage.packed import pack

KEYS = {"credit": 1, "social-credit": 12, "system": 300}


def _segments() -> list[SegmentRow]:
    return [
        SegmentRow(0, "社会信用体系", "", 1, "title", "1-0", 1.0, [4, 6], [(0, 4, "social-credit"), (4, 6, "system")]),
        SegmentRow(1, "第一条 信用 credit", "Article 1 credit", 0, "", "1-1", 0.5, [3, 4, 6, 7, 13],
                   [(4, 6, "credit")], [(10, 16, "credit")]),
        SegmentRow(2, "", "English only", 0, "", "0-1"),
    ]


def _nested(zh: str, links: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    return [(a + 2, b, "credit") for a, b, e in links if e == "social-credit"]


@pytest.mark.parametrize("sides", [
    ([(0, 4, "social-credit")], [], []),
    ([], [(3, 9, "credit")], []),
    ([(0, 4, "social-credit"), (10, 12, "system")], [(0, 6, "credit")], [(2, 4, "credit")]),
])
def test_encode_terms_writes_what_json_wrote(sides: tuple[list[tuple[int, int, str]], ...]) -> None:
    encoded = encode_terms(*sides, KEYS)
    flat = [[x for s, e, entry in side for x in (s, e, KEYS[entry])] for side in (sides if sides[2] else sides[:2])]
    assert encoded == json.dumps(flat, separators=(",", ":"))
    assert decode_terms(encoded, {v: k for k, v in KEYS.items()}) == sides
    assert encode_terms([], [], [], KEYS) is None


def test_packed_rows_are_the_rows_of_each_segment() -> None:
    segs = _segments()
    packed = pack(segs, _nested, lambda entries: KEYS)
    first, key = 41, 7
    rows = list(packed.segment_rows(first, key))
    assert [r[0] for r in rows] == [41, 42, 43] and {r[1] for r in rows} == {key}
    for s, r in zip(segs, rows, strict=True):
        nested = _nested(s.zh, s.terms) if s.terms else []
        assert r[2:] == (s.zh, s.en, s.level, s.kind, s.link, s.confidence, encode_tokens(s.tokens),
                         encode_terms(s.terms, s.en_terms, nested, KEYS))
    index = {table: list(rows) for table, rows in packed.index_rows(first)}
    expected: dict[str, list[tuple[int, str]]] = {}
    for s in segs:
        for table, rowid, body in search_index.rows(first + s.idx, s.zh, s.en):
            expected.setdefault(table, []).append((rowid, body))
    assert index == expected
    assert sorted(packed.occurrence_rows(first)) == sorted(
        {(KEYS[e], first + s.idx, a, b) for s in segs for a, b, e in [*s.terms, *(_nested(s.zh, s.terms))]})
    assert (packed.count, packed.aligned, packed.characters) == (3, 1, sum(len(s.zh) + len(s.en) for s in segs))


def test_links_left_to_the_writer_when_an_entry_has_no_key_yet() -> None:
    packed = pickle.loads(pickle.dumps(pack(_segments(), _nested, lambda entries: None)))
    assert packed.terms is None and packed.links is not None
    with pytest.raises(AssertionError):
        packed.segment_rows(1, 1)
    encoded = pack(_segments(), _nested, lambda entries: KEYS)
    packed.encoded(KEYS)
    assert list(packed.segment_rows(5, 2)) == list(encoded.segment_rows(5, 2))
    assert list(packed.occurrence_rows(5)) == list(encoded.occurrence_rows(5))


def test_a_key_that_differs_from_the_workers_is_refused() -> None:
    packed = pack(_segments(), _nested, lambda entries: KEYS)
    with pytest.raises(RuntimeError):
        packed.encoded({**KEYS, "credit": 2})


def test_segments_out_of_order_are_refused() -> None:
    segs = _segments()
    segs[0].idx = 1
    with pytest.raises(ValueError):
        pack(segs, _nested, lambda entries: KEYS)
