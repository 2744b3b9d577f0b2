"""How a segment's cached analysis is stored compactly.

Token boundaries are stored as one byte per token (its length; longer tokens as a zero and four bytes),
and glossary links as JSON lists of integers, three per link (start, end, the entry's key in
``glossary_keys``), Chinese then English. Both read back into exactly what ``SegmentRow`` holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
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


def encode_terms(zh: Links, en: Links, key_of: dict[str, int]) -> str | None:
    """Both sides' links with entry keys (every entry must be in *key_of*); None when there are none."""
    if not zh and not en:
        return None
    return json.dumps([[x for s, e, entry in side for x in (s, e, key_of[entry])] for side in (zh, en)],
                      separators=(",", ":"))


def decode_terms(data: str | None, entry_of: dict[int, str]) -> tuple[Links, Links]:
    if not data:
        return [], []
    zh, en = json.loads(data)
    return ([(zh[i], zh[i + 1], entry_of[zh[i + 2]]) for i in range(0, len(zh), 3)],
            [(en[i], en[i + 1], entry_of[en[i + 2]]) for i in range(0, len(en), 3)])


def term_keys(data: str | None) -> list[int]:
    """The entry keys of a stored row's Chinese links, in order (without decoding the entries)."""
    if not data:
        return []
    zh = json.loads(data)[0]
    return zh[2::3]  # type: ignore[no-any-return]
