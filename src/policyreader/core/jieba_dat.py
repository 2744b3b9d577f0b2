"""jieba 0.42.1's default segmentation (``lcut(text, HMM=True)``), with its dictionary in a compiled trie.

jieba spends four fifths of its time building each block's word graph and best route in Python. Here
the route comes from jieba_fast_dat's C++ double-array trie (``_get_DAG_and_calc``: the same
dictionary, the same log-probability sums, ties to the longer word), and everything else follows
jieba's own code step by step: its block and whitespace patterns, the buffer of single characters,
the HMM for unknown words (jieba's own probability tables, its Viterbi with its tie-breaking), the
frequencies ``add_word`` and ``suggest_freq`` give. jieba_fast_dat's own cutting is not used: it splits
some non-Han runs differently (``5%``, ``0.95``). ``tests/core/test_segmenter.py`` proves the output
identical to jieba's on the bundled corpus and on a generated library of laws.

The trie is built from jieba's ``dict.txt`` once and cached in the app's cache directory (a load takes
tens of milliseconds instead of jieba's second).
"""

from __future__ import annotations

import json
import os
import pickle
import re
import threading
from importlib.util import find_spec
from pathlib import Path
from typing import Any

# jieba/__init__.py and jieba/finalseg/__init__.py, 0.42.1
_RE_HAN_DEFAULT = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_RE_SKIP_DEFAULT = re.compile("(\r\n|\\s)", re.U)
_RE_ENG = re.compile("[a-zA-Z0-9]", re.U)
_RE_HMM_HAN = re.compile("([\u4E00-\u9FD5]+)")
_RE_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_MIN_FLOAT = -3.14e100
_PREV_STATUS = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}
_CACHE_FORMAT = 1


def _native() -> Any:
    """jieba_fast_dat's extension module, imported when a segmenter first loads (not at start-up)."""
    import jieba_fast_dat._jieba_fast_dat_functions_py3 as native

    return native


def jieba_dir() -> Path:
    """Where the jieba package is installed (found without importing it)."""
    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the jieba package is not installed (its dictionary and HMM tables are needed)")
    return Path(next(iter(spec.submodule_search_locations)))


class _HMM:
    """jieba's finalseg: Viterbi over B/M/E/S with jieba's probability tables."""

    def __init__(self, folder: Path):
        def load(name: str) -> Any:
            with (folder / name).open("rb") as fh:
                return pickle.load(fh)  # noqa: S301 - jieba's own installed tables

        self.start, self.trans, self.emit = load("prob_start.p"), load("prob_trans.p"), load("prob_emit.p")
        self._memo: dict[str, tuple[str, ...]] = {}

    def _viterbi(self, obs: str) -> list[str]:
        start, trans, emit = self.start, self.trans, self.emit
        prob = {y: start[y] + emit[y].get(obs[0], _MIN_FLOAT) for y in "BMES"}
        path = {y: [y] for y in "BMES"}
        for ch in obs[1:]:
            new_prob: dict[str, float] = {}
            new_path: dict[str, list[str]] = {}
            for y in "BMES":
                em = emit[y].get(ch, _MIN_FLOAT)
                best, state = max([(prob[y0] + trans[y0].get(y, _MIN_FLOAT) + em, y0) for y0 in _PREV_STATUS[y]])
                new_prob[y] = best
                new_path[y] = path[state] + [y]
            prob, path = new_prob, new_path
        _best, state = max((prob[y], y) for y in "ES")
        return path[state]

    def _cut_han(self, text: str, out: list[str], force_split: set[str]) -> None:
        states = self._viterbi(text)
        begin = nexti = 0
        for i, ch in enumerate(text):
            state = states[i]
            if state == "B":
                begin = i
            elif state == "E":
                word = text[begin:i + 1]
                out.extend(word if word in force_split else (word,))
                nexti = i + 1
            elif state == "S":
                out.append(ch)
                nexti = i + 1
        if nexti < len(text):
            word = text[nexti:]
            out.extend(word if word in force_split else (word,))

    def cut(self, text: str, out: list[str], force_split: set[str]) -> None:
        """jieba's ``finalseg.cut``; each distinct text is cut once (names and rare words recur)."""
        words = self._memo.get(text)
        if words is None:
            cut: list[str] = []
            self._cut(text, cut, force_split)
            if len(self._memo) >= 200_000:
                self._memo.clear()
            words = self._memo[text] = tuple(cut)
        out.extend(words)

    def forget(self) -> None:
        """Drop remembered cuts (the words that must be split changed)."""
        self._memo.clear()

    def _cut(self, text: str, out: list[str], force_split: set[str]) -> None:
        for block in _RE_HMM_HAN.split(text):
            if not block:
                continue
            if _RE_HMM_HAN.match(block):
                self._cut_han(block, out, force_split)
            else:
                out.extend(x for x in _RE_HMM_SKIP.split(block) if x)


class JiebaDat:
    """A jieba-compatible tokenizer over a cached double-array trie of jieba's dictionary.

    Not thread-safe on its own: ``Segmenter`` serialises calls.
    """

    def __init__(self, cache: Path | None = None):
        self._cache = cache  # one file: a JSON line (what it was built from, jieba's total), then the trie
        self._trie: Any = None
        self._dat: Any = None
        self.total = 0
        self._hmm: _HMM | None = None
        self._force_split: set[str] = set()
        self._lock = threading.Lock()

    # -- loading ------------------------------------------------------------------------------
    def initialize(self) -> None:
        with self._lock:
            if self._trie is not None:
                return
            folder = jieba_dir()
            self._dat = _native()
            trie, total = self._load(folder / "dict.txt")
            self._hmm = _HMM(folder / "finalseg")
            self.total, self._trie = total, trie

    def _load(self, dictionary: Path) -> tuple[Any, int]:
        _dat = self._dat
        key = {"format": _CACHE_FORMAT, "jieba": _jieba_version(), "size": dictionary.stat().st_size}
        if self._cache is not None:
            try:
                head, _sep, data = self._cache.read_bytes().partition(b"\n")
                meta = json.loads(head)
                trie = _dat.DatTrie()
                if meta.get("key") == key and trie.load_from_bytes(data) in (0, None, True):
                    return trie, int(meta["total"])
            except (OSError, ValueError, KeyError, TypeError, RuntimeError):
                pass
        trie = _dat.DatTrie()
        _dat.load_main_dict_from_path_pybind(trie, str(dictionary), {})
        total = _total(dictionary)
        if self._cache is not None:
            tmp = self._cache.with_name(f"{self._cache.name}.{os.getpid()}.tmp")
            try:  # written aside and renamed: a process reading the cache never sees half of it
                self._cache.parent.mkdir(parents=True, exist_ok=True)
                tmp.write_bytes(json.dumps({"key": key, "total": total}).encode() + b"\n" + trie.save_to_bytes())
                os.replace(tmp, self._cache)
            except OSError:
                tmp.unlink(missing_ok=True)  # a cache that cannot be written only costs start-up time
        return trie, total

    # -- jieba's API ----------------------------------------------------------------------------
    def freq(self, word: str) -> int:
        """The word's dictionary frequency; 0 when it is not a word (jieba's ``FREQ.get(word)``, falsy)."""
        return int(self._dat._get_freq(self._trie, word))

    def add_word(self, word: str, freq: int) -> None:
        """jieba's ``add_word(word, freq)``: the word gets *freq*, and the total grows by it."""
        self._trie.add_word(word, int(freq), "")
        self.total += int(freq)
        if freq == 0:
            self._force_split.add(word)
            if self._hmm is not None:
                self._hmm.forget()

    def suggest_freq(self, word: str) -> int:
        """jieba's ``suggest_freq(word, tune=False)`` for a single word.

        jieba multiplies ``FREQ.get(seg, 1)`` over the word's parts, where a known prefix counts 0 and an
        unknown string 1; the trie cannot tell those apart, so both count 1 here. The product only sets
        the suggestion when it exceeds the word's own frequency, which a part of frequency 0 or 1 cannot
        make happen (the product is then below 1 / total).
        """
        ftotal = float(self.total)
        freq = 1.0
        for seg in self._cut(word, hmm=False):
            freq *= (self.freq(seg) or 1) / ftotal
        return max(int(freq * self.total) + 1, self.freq(word) or 1)

    def lcut(self, text: str) -> list[str]:
        """``jieba.lcut(text, HMM=True)``."""
        return self._cut(text, hmm=True)

    # -- jieba's Tokenizer.cut, default mode ----------------------------------------------------
    def _cut(self, text: str, hmm: bool) -> list[str]:
        out: list[str] = []
        cut_block = self._cut_dag if hmm else self._cut_dag_no_hmm
        # split() with the pattern's group puts the blocks at odd places (jieba tests each with match())
        for n, block in enumerate(_RE_HAN_DEFAULT.split(text)):
            if not block:
                continue
            if n % 2:
                cut_block(block, out)
            elif "\r\n" not in block:
                out.extend(block)  # every character alone, whitespace or not
            else:
                for x in _RE_SKIP_DEFAULT.split(block):
                    if _RE_SKIP_DEFAULT.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def _route(self, block: str) -> list[int]:
        route: list[int] = []  # route[x] = the last index of the best word starting at x
        self._dat._get_DAG_and_calc(self._trie, block, route, float(self.total))
        return route

    def _flush(self, buf: str, out: list[str]) -> None:
        if len(buf) == 1:
            out.append(buf)
        elif not self.freq(buf):
            assert self._hmm is not None
            self._hmm.cut(buf, out, self._force_split)
        else:
            out.extend(buf)

    def _cut_dag(self, block: str, out: list[str]) -> None:
        route = self._route(block)
        x, n, buf = 0, len(block), ""
        while x < n:
            y = route[x] + 1
            if y - x == 1:
                buf += block[x]
            else:
                if buf:
                    self._flush(buf, out)
                    buf = ""
                out.append(block[x:y])
            x = y
        if buf:
            self._flush(buf, out)

    def _cut_dag_no_hmm(self, block: str, out: list[str]) -> None:
        route = self._route(block)
        x, n, buf = 0, len(block), ""
        while x < n:
            y = route[x] + 1
            word = block[x:y]
            if y - x == 1 and _RE_ENG.match(word):
                buf += word
            else:
                if buf:
                    out.append(buf)
                    buf = ""
                out.append(word)
            x = y
        if buf:
            out.append(buf)


def _jieba_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jieba")
    except PackageNotFoundError:  # a frozen app without the distribution's metadata
        return "unknown"


def _total(dictionary: Path) -> int:
    """The sum of every line's frequency, as jieba counts it (a word listed twice counts twice)."""
    total = 0
    with dictionary.open("rb") as fh:
        for line in fh:
            parts = line.strip().split(b" ")
            if len(parts) >= 2:
                total += int(parts[1])
    return total
