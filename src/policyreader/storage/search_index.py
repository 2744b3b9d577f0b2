"""The library's full-text index: what each segment puts into it, and how a query is looked up in it.

Two contentless FTS5 tables (the text itself lives once, in ``segments``), each row one side of one
segment (rowid ``segment id * 2 + side``, so rows come back in library order):

- ``search_chars``: every Han character of the side, once, and its other text (English words,
  numbers) as SQLite's ``unicode61`` tokenizer splits it;
- ``search_pairs``: every pair of adjacent Han characters of the side, once.

So a query of one Han character is one term of ``search_chars`` and a query of two is one term of
``search_pairs``: both exact, with no text to check. A longer query needs all of its pairs, which leaves
few segments besides the ones that contain it; those are checked verbatim. English and other non-Han
queries need all their words in ``search_chars`` (as the word index always did), and the caller checks
the phrase. The tables store neither positions nor per-row sizes (``detail=none``, ``columnsize=0``),
which keeps the index smaller than the text.

A contentless table forgets a row only when told the exact text it indexed, so ``rows`` must stay a
pure function of the segment's text: changing it needs a migration that rebuilds both tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policyreader.core.cjk import HAN_RANGES

CHARS = "search_chars"
PAIRS = "search_pairs"
TABLES = (CHARS, PAIRS)
SIDES = ("zh", "en")

_HAN_RUN = re.compile(f"[{HAN_RANGES}]+")
_HAN_SPLIT = re.compile(f"([{HAN_RANGES}]+)")
_HAN_PAIR = re.compile(f"(?=([{HAN_RANGES}]{{2}}))")  # every pair, overlapping
_WORD = re.compile(r"[^\W_]+")  # what unicode61 keeps as one token, near enough for queries


CREATE = [f"CREATE VIRTUAL TABLE {name} USING fts5(body, content='', columnsize=0, detail=none, "
          "tokenize='unicode61 remove_diacritics 2')" for name in TABLES]
"""The statements that create the two tables."""


def rowid(seg_id: int, side: int) -> int:
    return seg_id * 2 + side


def chars_body(text: str) -> str:
    """Each Han character once, then the text between Han runs as it is (space-separated)."""
    parts = _HAN_SPLIT.split(text)  # text between runs at even places, runs at odd ones
    han = dict.fromkeys("".join(parts[1::2]))
    return " ".join([*han, *(p for p in parts[0::2] if p)])


def pairs_body(text: str) -> str:
    """Each pair of adjacent Han characters once (space-separated)."""
    return " ".join(dict.fromkeys(_HAN_PAIR.findall(text)))


def rows(seg_id: int, zh: str, en: str) -> Iterator[tuple[str, int, str]]:
    """(table, rowid, body) of everything a segment puts into the index (empty bodies are left out)."""
    for side, text in enumerate((zh, en)):
        if not text:
            continue
        chars = chars_body(text)
        if chars.strip():
            yield CHARS, rowid(seg_id, side), chars
        pairs = pairs_body(text)
        if pairs:
            yield PAIRS, rowid(seg_id, side), pairs


@dataclass(frozen=True)
class Lookup:
    """Where to look for a query: a table and an FTS5 expression, and whether its rows are the answer
    (``exact``) or candidates the caller must check."""

    table: str
    expression: str
    exact: bool


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def lookup_chinese(query: str) -> Lookup | None:
    """The lookup for a query with Han characters in it (found verbatim); None if it has no term."""
    runs = _HAN_RUN.findall(query)
    if query in runs and len(query) <= 2:  # one or two Han characters, nothing else
        return Lookup(CHARS if len(query) == 1 else PAIRS, _quote(query), True)
    pairs = list(dict.fromkeys(r[i:i + 2] for r in runs for i in range(len(r) - 1)))
    if pairs:
        return Lookup(PAIRS, " AND ".join(map(_quote, pairs)), False)
    others = _HAN_RUN.sub(" ", query)
    terms = list(dict.fromkeys([*(ch for r in runs for ch in r), *_WORD.findall(others.lower())]))
    return Lookup(CHARS, " AND ".join(map(_quote, terms)), False) if terms else None


def lookup_words(words: list[str]) -> Lookup | None:
    """The lookup for words of a query without Han characters: all of them, on either side."""
    terms = list(dict.fromkeys(t for w in words for t in _WORD.findall(w)))
    return Lookup(CHARS, " AND ".join(map(_quote, terms)), False) if terms else None
