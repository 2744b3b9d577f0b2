"""The text engine as one object: glossary, matcher, segmenter, pinyin and dictionary together.

Both faces use it: the CLI builds one per process, the GUI one per window and warms it up off the GUI
thread. Loading the glossary is cheap; jieba's dictionary is loaded on first segmentation (or by
``warm_up``); CC-CEDICT is loaded into the database once per data directory.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import Any, NamedTuple

import sqlite_utils

from policyreader.core.coverage import EnglishLinker
from policyreader.core.errors import UserError
from policyreader.core.glossary import (
    Glossary,
    GlossaryEntry,
    GlossaryError,
    glossary_fingerprint,
    glossary_from_json,
    glossary_to_json,
    load_glossary,
)
from policyreader.core.glossary_merge import extend_entry
from policyreader.core.matcher import GlossaryMatcher, TermMatch
from policyreader.core.pinyin import word_pinyin, word_pinyin_numbers
from policyreader.core.resources import CEDICT_DATABASE, JIEBA_CACHE, shipped
from policyreader.core.segmenter import Segmenter, Token
from policyreader.services.paths import AppPaths, resolve_paths
from policyreader.storage.dictionary import DictionaryRepository, ensure_cedict
from policyreader.storage.schema import open_database
from policyreader.storage.user_glossary import UserEntryRecord, UserGlossaryRepository


class SegmentedToken(NamedTuple):
    """A token with its pinyin and, when it is a glossary term, the entry id. (A tuple: a 10 MB text
    has two million of them.)"""

    start: int
    end: int
    text: str
    pinyin: str
    entry: str | None


class TextEngine:
    """Segmentation, glossary linking, pinyin and dictionary lookup for one data directory."""

    def __init__(self, paths: AppPaths | None = None, extra_entries: Iterable[GlossaryEntry] = (),
                 db: sqlite_utils.Database | None = None):
        self.paths = paths or resolve_paths()
        self._extra = list(extra_entries)
        self._db = db
        self._lock = threading.Lock()
        self._generation = 0  # of the user's entries when the glossary was loaded (see glossary_outdated)
        self.glossary_version = 0  # bumped whenever the glossary is rebuilt; caches of it compare this

    # -- lazily built parts -------------------------------------------------------------------
    @property
    def has_database(self) -> bool:
        """True once the database connection has been opened."""
        return self._db is not None

    @property
    def db(self) -> sqlite_utils.Database:
        with self._lock:
            if self._db is None:
                if self.paths.seed is not None and not self.paths.database.exists():
                    from policyreader.services.seed import plant

                    plant(self.paths)  # a new data directory starts with the library built at install
                self._db = open_database(self.paths.database)
            return self._db

    def close(self) -> None:
        """Close the database connection, if one was opened; the next use opens it again."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    @cached_property
    def bundled_glossary(self) -> Glossary:
        """The curated glossary shipped in ``glossary/`` (no user entries).

        Parsing a hundred TOML files costs a noticeable part of start-up, so the parsed glossary is
        cached as JSON in the cache directory, keyed on the files' names, sizes and times.
        """
        cache = self.paths.cache_dir / "glossary.json"
        key = glossary_fingerprint(self.paths.glossary_dir)
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
            if data.get("key") == key:
                return glossary_from_json(data["glossary"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        try:
            g = load_glossary(self.paths.glossary_dir)
        except GlossaryError as exc:
            raise UserError(f"the glossary in {self.paths.glossary_dir} has errors:\n{exc}") from exc
        try:
            self.paths.cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(".tmp")
            tmp.write_text(json.dumps({"key": key, "glossary": glossary_to_json(g)}, ensure_ascii=False),
                           encoding="utf-8")
            tmp.replace(cache)
        except OSError:
            pass  # a read-only cache only costs speed
        return g

    @cached_property
    def glossary(self) -> Glossary:
        """Bundled entries with the user's entries applied: new terms added, extensions merged in."""
        bundled = self.bundled_glossary
        g = Glossary(dict(bundled.entries), bundled.sources)
        records = [UserEntryRecord(e, "new") for e in self._extra]
        if self.paths.database.exists() or self._db is not None:
            users = UserGlossaryRepository(self.db)
            self._generation = users.generation()
            records += users.all()
        for rec in records:
            base = g.entries.get(rec.entry.id)
            g.entries[rec.entry.id] = extend_entry(base, rec.entry) if rec.mode == "extends" and base else rec.entry
        return g

    @cached_property
    def matcher(self) -> GlossaryMatcher:
        return GlossaryMatcher.for_glossary(self.glossary)

    @cached_property
    def english_linker(self) -> EnglishLinker:
        """Finds the glossary's English renderings in English documents."""
        return EnglishLinker(self.glossary.entries, self.glossary.by_form())

    @cached_property
    def segmenter(self) -> Segmenter:
        return Segmenter(self.paths.cache_dir, self.matcher.forms.keys(), shipped(JIEBA_CACHE))

    @cached_property
    def _pinyin_by_form(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for form, eid in self.matcher.forms.items():
            p = self.glossary.entries[eid].pinyin
            if p:
                table[form] = p  # as the glossary writes it: words apart, per GB/T 16159
        return table

    @cached_property
    def dictionary(self) -> DictionaryRepository:
        ensure_cedict(self.db, prebuilt=shipped(CEDICT_DATABASE))
        return DictionaryRepository(self.db)

    def glossary_outdated(self) -> bool:
        """True when another process (or connection) changed the user's entries since they were loaded:
        links computed now would miss its changes. Cheap: one read of a counter."""
        if "glossary" not in self.__dict__ or self._db is None:
            return False
        return UserGlossaryRepository(self._db).generation() != self._generation

    def reload_glossary(self, extra_entries: Iterable[GlossaryEntry] | None = None) -> None:
        """Re-read user entries and rebuild everything that depends on the glossary."""
        if extra_entries is not None:
            self._extra = list(extra_entries)
        for name in ("glossary", "matcher", "english_linker", "_pinyin_by_form"):
            self.__dict__.pop(name, None)
        self.glossary_version += 1
        if "segmenter" in self.__dict__:
            self.segmenter.add_words(self.matcher.forms.keys())

    _SHARED = ("bundled_glossary", "glossary", "matcher", "english_linker", "segmenter", "_pinyin_by_form")

    def fork(self) -> TextEngine:
        """An engine for another thread: its own database connection, the same glossary and segmenter."""
        other = TextEngine(self.paths, self._extra)
        other.adopt(self)
        return other

    def adopt(self, other: TextEngine) -> None:
        """Take over what *other* has already loaded (a warm segmenter, the dictionary's headwords).

        The window warms an engine up in a worker; this hands the result to the GUI thread's engine
        without loading anything twice. The database connection stays this engine's own.
        """
        for name in self._SHARED:
            if name in other.__dict__ and (name == "segmenter" or name not in self.__dict__):
                self.__dict__[name] = other.__dict__[name]
        if "glossary" in self.__dict__ and self.__dict__["glossary"] is other.__dict__.get("glossary"):
            self._generation = other._generation
        if "dictionary" in other.__dict__:
            self.__dict__["dictionary"] = DictionaryRepository(self.db, other.dictionary.headwords())
        self.glossary_version = max(self.glossary_version, other.glossary_version)

    def warm_up(self) -> None:
        """Do the slow start-up work now (call from a worker thread in the GUI)."""
        self.segmenter.warm_up()
        self.warm_up_reading()

    def warm_up_reading(self) -> None:
        """Load what reading needs (pinyin tables, the dictionary's headwords), but not the segmenter:
        opening a document uses cached tokens, and jieba's dictionary costs ~120 MB and a second, so the
        window loads it only when an import or a re-link needs it."""
        word_pinyin("信用")  # loads pypinyin's tables (a third of a second), used for ids and readings
        self.dictionary.headwords()

    # -- operations -----------------------------------------------------------------------------
    def terms(self, text: str) -> list[TermMatch]:
        """Glossary occurrences in *text* (code-point offsets)."""
        return self.matcher.find(text)

    def tokens(self, text: str) -> list[Token]:
        """Tokens with glossary terms kept whole."""
        matches = self.matcher.find(text)
        return self.segmenter.tokens(text, [(m.start, m.end) for m in matches])

    def segment(self, text: str, tone_numbers: bool = False) -> Iterator[SegmentedToken]:
        """Tokens with pinyin and glossary entry ids, made a stretch of lines at a time, so that a long
        text never has all its tokens in memory at once. (Neither a glossary form nor a jieba word
        crosses a line break, so the stretches give the same tokens as the whole text.)"""
        pin = word_pinyin_numbers if tone_numbers else word_pinyin
        table = self._pinyin_by_form
        for offset, chunk in _stretches(text):
            matches = {(m.start, m.end): m.entry for m in self.matcher.find(chunk)}
            for t in self.segmenter.tokens(chunk, matches.keys()):
                yield SegmentedToken(t.start + offset, t.end + offset, t.text, pin(t.text, table),
                                     matches.get((t.start, t.end)))

    def lookup(self, word: str) -> dict[str, Any]:
        """Everything we know about a word: pinyin, glossary entries and dictionary entries."""
        word = word.strip()
        if not word:
            raise UserError("nothing to look up: give a Chinese word")
        ids = {m.entry for m in self.matcher.find(word) if m.start == 0 and m.end == len(word)}
        entries = [self.glossary.entries[i].to_json() for i in sorted(ids)]
        dict_entries = [e.to_json() for e in self.dictionary.lookup(word)]
        pinyin = (self.glossary.entries[sorted(ids)[0]].pinyin if ids
                  else " ".join(word_pinyin(t.text, self._pinyin_by_form) for t in self.tokens(word)
                                if word_pinyin(t.text)))
        return {"word": word, "pinyin": pinyin, "glossary": entries, "dictionary": dict_entries}

    def lookup_at(self, text: str, pos: int) -> dict[str, Any] | None:
        """The popup's answer at *pos*: the glossary term covering it, else the longest dictionary word."""
        for m in self.matcher.find(text):
            if m.start <= pos < m.end:
                entry = self.glossary.entries[m.entry]
                return {"kind": "glossary", "start": m.start, "end": m.end, "text": m.text,
                        "entry": entry.to_json(), "dictionary": [e.to_json() for e in self.dictionary.lookup(m.text)]}
            if m.start > pos:
                break
        word, entries = self.dictionary.longest_at(text, pos)
        if not word:
            return None
        return {"kind": "dictionary", "start": pos, "end": pos + len(word), "text": word,
                "dictionary": [e.to_json() for e in entries]}


def _stretches(text: str, size: int = 65_536) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces of *text* of about *size* characters, each ending with a line break (but
    the last)."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        yield start, text[start:end]
        start = end
