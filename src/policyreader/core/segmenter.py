"""Chinese word segmentation: jieba's, run over a compiled trie of its dictionary (``jieba_dat``).

jieba's module-level tokenizer shares a cache file in the temp directory and is not safe when
``add_word`` and ``cut`` race across threads. We own a private tokenizer whose cache lives in the app's
cache directory, guard it with a lock, and expose a ``warm_up`` that the GUI calls off its main thread.
The output is jieba's own (``jieba.lcut(text, HMM=True)`` with the same added words), about four times
faster and with a dictionary that loads in tens of milliseconds. Glossary forms are force-added so
they come out whole; forms jieba would still split (punctuation inside the term, such as 双随机、一公开)
are merged afterwards from the matcher's spans. Offsets are Python code points.
"""

from __future__ import annotations

import os
import shutil
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate, pairwise
from pathlib import Path
from typing import NamedTuple

from policyreader.core.jieba_dat import JiebaDat
from policyreader.core.resources import JIEBA_CACHE


class Token(NamedTuple):
    """A word of a text: its code-point span and its characters. (A tuple: texts have many of them.)"""

    start: int
    end: int
    text: str


def _kept_in_order(bounds: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """``Segmenter.bounds`` for kept spans in text order, none empty or overlapping (a matcher's): the
    boundaries between spans copied a run at a time, those inside a span left out, its edges put in."""
    out: list[int] = []
    pos = 0
    for a, b in spans:
        inside, end = bisect_right(bounds, a), bisect_left(bounds, b)
        out += bounds[pos:inside]
        if not out or out[-1] != a:
            out.append(a)
        out.append(b)
        pos = end + 1 if end < len(bounds) and bounds[end] == b else end
    out += bounds[pos:]
    return out


class Segmenter:
    """A thread-safe private jieba-compatible tokenizer."""

    CACHE_FILE = JIEBA_CACHE

    def __init__(self, cache_dir: Path | None = None, words: Iterable[str] = (), prebuilt_cache: Path | None = None):
        """*prebuilt_cache*: the dictionary cache built for the same jieba, copied into *cache_dir* when that
        has none yet (the self-contained app ships one). A cache folder that cannot be written only costs
        start-up time: the dictionary is then read from jieba's file each time."""
        cache = cache_dir / self.CACHE_FILE if cache_dir is not None else None
        if cache_dir is not None:
            try:
                cache_dir.mkdir(parents=True, exist_ok=True)
            except OSError:
                cache = None  # no cache folder we may use (HOME is a file, a read-only data directory)
        if cache is not None and prebuilt_cache is not None and prebuilt_cache.is_file() and not cache.exists():
            tmp = cache.with_name(f"{cache.name}.{os.getpid()}.seeding")
            try:  # copied then renamed, so a reader never sees half a cache
                cache.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(prebuilt_cache, tmp)
                tmp.replace(cache)
            except OSError:
                tmp.unlink(missing_ok=True)  # the dictionary is read from jieba's file instead
        self._tokenizer = JiebaDat(cache)
        self._lock = threading.RLock()
        self._pending: list[str] = list(words)
        self._ready = False

    @property
    def ready(self) -> bool:
        return self._ready

    def warm_up(self) -> None:
        """Load jieba's dictionary and add pending words. Safe to call from any thread, many times."""
        with self._lock:
            if not self._ready:
                self._tokenizer.initialize()
                self._ready = True
            pending, self._pending = self._pending, []
            for w in pending:
                # A high frequency makes jieba prefer the whole word over its parts.
                self._tokenizer.add_word(w, max(self._tokenizer.suggest_freq(w), 10_000))

    def add_words(self, words: Iterable[str]) -> None:
        """Force-add words (glossary forms); applied now if warmed up, else at warm-up."""
        with self._lock:
            self._pending.extend(w for w in words if w.strip())
            if self._ready:
                self.warm_up()

    def tokens(self, text: str, keep: Iterable[tuple[int, int]] = ()) -> list[Token]:
        """Segment *text* into tokens covering it completely.

        *keep* lists spans (e.g. glossary matches) that must come out as single tokens.
        """
        bounds = self.bounds(text, keep)
        return [Token(a, b, text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]

    def bounds(self, text: str, keep: Iterable[tuple[int, int]] = ()) -> list[int]:
        """The tokens' boundaries: 0, the end of each token in order (the last is ``len(text)``)."""
        self.warm_up()
        with self._lock:
            words = self._tokenizer.lcut(text)
        # jieba's words cover the text in order, so the running sums of their lengths are the boundaries
        bounds = list(accumulate(map(len, words), initial=0))
        spans = list(keep)
        if not spans:
            return bounds
        if all(a < b for a, b in spans) and all(b <= a for (_, b), (a, _) in pairwise(spans)):
            return _kept_in_order(bounds, spans)
        inside: set[int] = set()
        for a, b in spans:  # boundaries strictly inside a kept span go; the span's own edges stay
            inside.update(range(bisect_right(bounds, a), bisect_left(bounds, b)))
        edges = {x for span in spans for x in span}
        return sorted({x for k, x in enumerate(bounds) if k not in inside} | edges)

    def words(self, text: str) -> list[str]:
        """The token texts only (like ``jieba.lcut``)."""
        return [t.text for t in self.tokens(text)]
