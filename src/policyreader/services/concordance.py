"""Keyword-in-context lines of a glossary entry, read from the term index as they are asked for.

A common term has hundreds of thousands of occurrences in a large library (信用: 242,000 in 3,500 laws);
building every line takes most of a second and a window shows a few dozen. So a :class:`Concordance`
opens with a count of the entry's occurrences per document (one range count each in the term index) and
reads its lines a page at a time when they are first asked for; iterating it reads one document at a time.
Sorting by context needs every line and builds them all (:func:`sort_concordance`).
"""

from __future__ import annotations

import bisect
import heapq
from abc import abstractmethod
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import accumulate
from typing import overload

from policyreader.core.model import ConcordanceLine
from policyreader.storage.library import TermRun

CONTEXT = 20
"""Characters of context either side of the term."""

Rows = list[tuple[int, int, int, str, str]]
Reader = Callable[[str, TermRun, int, int], Rows]
"""(entry id, document run, offset, limit) → rows of (segment index, start, end, Chinese, English)."""


def _line(doc: str, row: tuple[int, int, int, str, str]) -> ConcordanceLine:
    idx, start, end, zh, en = row
    return ConcordanceLine(doc, idx, zh[start - CONTEXT if start > CONTEXT else 0:start].replace("\n", " "),
                           zh[start:end], zh[end:end + CONTEXT].replace("\n", " "), en, start)


def _gone(doc: str) -> ConcordanceLine:
    """A line whose occurrence is no longer in the library (its document was changed since the
    concordance was opened): shown empty, and going nowhere."""
    return ConcordanceLine(doc, -1, "", "", "", "", 0)


class LazyLines(Sequence[ConcordanceLine]):
    """Lines by position, read from the library when asked for: a subclass gives its length, the line at a
    position, and itself read through another connection (the thread that reads must read through its own)."""

    @abstractmethod
    def _at(self, i: int) -> ConcordanceLine: ...

    @abstractmethod
    def reading_with(self, read: Reader) -> LazyLines: ...

    @overload
    def __getitem__(self, i: int) -> ConcordanceLine: ...

    @overload
    def __getitem__(self, i: slice) -> list[ConcordanceLine]: ...

    def __getitem__(self, i: int | slice) -> ConcordanceLine | list[ConcordanceLine]:
        if isinstance(i, slice):
            return [self._at(k) for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("concordance line out of range")
        return self._at(i)


class Concordance(LazyLines):
    """The occurrences of one entry in library order, as lines built on demand.

    It reads through the repository of the thread that opened it; a concordance opened on a worker thread
    is read on another with :meth:`reading_with`."""

    PAGE = 200
    PAGES_KEPT = 256
    """Pages of lines kept once read (the most recently used): a long scroll through a sorted view touches
    a page per line."""

    def __init__(self, entry: str, term: str, runs: Sequence[TermRun], read: Reader):
        self.entry, self.term = entry, term
        self.runs = list(runs)
        self._read = read
        self._starts = [0, *accumulate(r.occurrences for r in self.runs)]
        self._pages: OrderedDict[int, list[ConcordanceLine]] = OrderedDict()

    def reading_with(self, read: Reader) -> Concordance:
        """The same occurrences, read through another connection."""
        return Concordance(self.entry, self.term, self.runs, read)

    def documents(self) -> list[str]:
        return [r.doc for r in self.runs]

    def __len__(self) -> int:
        return self._starts[-1]

    def _at(self, i: int) -> ConcordanceLine:
        n = i // self.PAGE
        page = self._pages.get(n)
        if page is None:
            page = self._pages[n] = self._load(n * self.PAGE)
            if len(self._pages) > self.PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(n)
        return page[i % self.PAGE]

    def _load(self, lo: int) -> list[ConcordanceLine]:
        hi = min(lo + self.PAGE, len(self))
        out: list[ConcordanceLine] = []
        k = bisect.bisect_right(self._starts, lo) - 1
        while lo < hi:
            run, start, end = self.runs[k], self._starts[k], min(hi, self._starts[k + 1])
            rows = self._read(self.entry, run, lo - start, end - lo)
            out += [_line(run.doc, r) for r in rows]
            out += [_gone(run.doc)] * (end - lo - len(rows))
            lo, k = end, k + 1
        return out

    def __iter__(self) -> Iterator[ConcordanceLine]:
        for run in self.runs:
            rows = self._read(self.entry, run, 0, run.occurrences)
            yield from (_line(run.doc, r) for r in rows)
            yield from (_gone(run.doc) for _ in range(run.occurrences - len(rows)))


class SortedConcordance(LazyLines):
    """Lines in another order: the lines they were sorted from and, for each position, the index of its
    line there (a compact array, not a copy of 240,000 lines, which the window's thread would free in
    one stretch when the next concordance replaces it)."""

    def __init__(self, base: Sequence[ConcordanceLine], order: Sequence[int]):
        self.base, self.order = base, order

    def reading_with(self, read: Reader) -> SortedConcordance:
        base = self.base.reading_with(read) if isinstance(self.base, LazyLines) else self.base
        return SortedConcordance(base, self.order)

    def __len__(self) -> int:
        return len(self.order)

    def _at(self, i: int) -> ConcordanceLine:
        return self.base[self.order[i]]

    def __iter__(self) -> Iterator[ConcordanceLine]:
        every = list(self.base)  # in one pass: in sorted order, each line would be on a page of its own
        return (every[k] for k in self.order)


def sort_concordance(lines: Sequence[ConcordanceLine], key: str, descending: bool = False,
                     titles: Mapping[str, str] | None = None) -> Sequence[ConcordanceLine]:
    """The lines in library order (as they are) or sorted: by left context read right to left, by the
    term, by right context, by the English, or by document title (then in order within each)."""
    if key == "doc":
        return SortedConcordance(lines, range(len(lines) - 1, -1, -1)) if descending else lines
    keys: dict[str, Callable[[ConcordanceLine], str]] = {
        "left": lambda ln: ln.left[::-1], "term": lambda ln: ln.match, "right": lambda ln: ln.right,
        "english": lambda ln: ln.en, "document": lambda ln: (titles or {}).get(ln.doc, ln.doc)}
    if key not in keys:
        raise ValueError(f"unknown concordance order {key!r}")
    if isinstance(lines, SortedConcordance):
        lines = lines.base
    return SortedConcordance(lines, _order([keys[key](ln) for ln in lines], descending))


SORT_CHUNK = 10_000


def _order(keys: list[str], reverse: bool) -> array[int]:
    """The positions of *keys* in sorted order; ties keep their order. Sorted in chunks, then merged: one
    ``sorted`` over 240,000 strings holds the interpreter lock for a fifth of a second, and the window's
    thread, waiting for it, would stall; a chunk holds it for a few milliseconds."""
    at = keys.__getitem__
    runs = [sorted(range(i, min(i + SORT_CHUNK, len(keys))), key=at, reverse=reverse)
            for i in range(0, len(keys), SORT_CHUNK)]
    return array("I", heapq.merge(*runs, key=at, reverse=reverse))


def concordance_csv(lines: Sequence[ConcordanceLine]) -> str:
    """The lines as CSV, as the concordance export writes them."""
    from policyreader.formats.registry import Kind, by_name, render

    return render(by_name(Kind.CONCORDANCE, "csv"), lines).decode("utf-8")
