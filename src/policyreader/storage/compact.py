"""How a segment's cached analysis is stored compactly.

Token boundaries are stored as one byte per token (its length; longer tokens as a zero and four bytes),
and glossary links as JSON lists of integers, three per link (start, end, the entry's key in
``glossary_keys``): the Chinese links, the English ones and the terms nested in Chinese links. Both read
back into exactly what ``SegmentRow`` holds.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from itertools import accumulate


def encode_tokens(ends: Sequence[int]) -> bytes:
    """Token end offsets (ascending, from 0) as token lengths, one byte each where they fit."""
    out = bytearray()
    last = 0
    for end in ends:
        n = end - last
        if 0 < n < 256:
            out.append(n)
        else:
            out.append(0)
            out += n.to_bytes(4, "little")
        last = end
    return bytes(out)


def decode_tokens(data: bytes | None) -> list[int]:
    if not data:
        return []
    if 0 not in data:
        return list(accumulate(data))
    lengths = []
    i = 0
    while i < len(data):
        if data[i]:
            lengths.append(data[i])
            i += 1
        else:
            lengths.append(int.from_bytes(data[i + 1:i + 5], "little"))
            i += 5
    return list(accumulate(lengths))


Links = list[tuple[int, int, str]]


def encode_terms(zh: Links, en: Links, nested: Links, key_of: Mapping[str, int]) -> str | None:
    """The links with entry keys (every entry must be in *key_of*); None when there are none."""
    if not zh and not en and not nested:
        return None
    sides = [zh, en, nested] if nested else [zh, en]
    # what json.dumps(..., separators=(",", ":")) writes for lists of integers, written directly (twice as fast)
    return "[" + ",".join(["[" + ",".join([f"{s},{e},{key_of[entry]}" for s, e, entry in side]) + "]"
                           for side in sides]) + "]"


def decode_terms(data: str | None, entry_of: dict[int, str]) -> tuple[Links, Links, Links]:
    if not data:
        return [], [], []
    sides = json.loads(data)
    zh, en, nested = (sides + [[]])[:3]
    return tuple([(side[i], side[i + 1], entry_of[side[i + 2]]) for i in range(0, len(side), 3)]  # type: ignore[return-value]
                 for side in (zh, en, nested))


def occurrence_rows(data: str | None) -> list[tuple[int, int, int]]:
    """(entry key, start, end) of a stored row's Chinese links and nested terms: its rows in the term index."""
    if not data:
        return []
    sides = json.loads(data)
    rows = sides[0] + (sides[2] if len(sides) > 2 else [])
    return [(rows[i + 2], rows[i], rows[i + 1]) for i in range(0, len(rows), 3)]
