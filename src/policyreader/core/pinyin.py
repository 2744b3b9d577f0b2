"""Pinyin for words and texts: tone marks or tone numbers, with reviewed overrides.

pypinyin picks a reading per word; we feed it our own segmentation so heteronyms (行 háng/xíng,
还 huán/hái …) are resolved in context. A small reviewed table fixes phrases pypinyin gets wrong, and a
glossary entry's own pinyin wins over both.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
import threading
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

from policyreader.core.cjk import has_han

_LOADING = threading.Lock()
_KEY_LINE = re.compile(r'^"[^"\n]*": \[$', re.MULTILINE)  # a key of phrases_dict.json, as pypinyin writes it
_CHUNK = 500  # phrases decoded at a time


def pypinyin() -> ModuleType:
    """pypinyin, loaded without holding the interpreter for long.

    Imported as it is, pypinyin decodes its 2.5 MB phrase table in one call, which holds the interpreter
    lock for 0.1–0.35 s: in the window's warm-up thread that froze the window just after it appeared.
    Here it is imported without its phrases (``PYPINYIN_NO_PHRASES``, pypinyin's own switch) and they are
    added through its public ``load_phrases_dict``, decoded a few thousand at a time. The result is the
    same table (a test compares readings with pypinyin imported as it is)."""
    if "pypinyin.constants" not in sys.modules:
        with _LOADING:
            if "pypinyin.constants" not in sys.modules:
                _import_in_steps()
    import pypinyin as module

    return module


def _import_in_steps() -> None:
    before = os.environ.get("PYPINYIN_NO_PHRASES")
    os.environ["PYPINYIN_NO_PHRASES"] = "1"
    try:
        import pypinyin as module
    finally:
        if before is None:
            del os.environ["PYPINYIN_NO_PHRASES"]
        else:
            os.environ["PYPINYIN_NO_PHRASES"] = before
    table = Path(module.__file__ or "").with_name("phrases_dict.json")
    module.load_phrases_dict(_phrases(_read_in_steps(table)))


def _read_in_steps(path: Path, step: int = 1 << 18) -> str:
    """A UTF-8 file's text, read and decoded a quarter of a megabyte at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    parts = []
    with path.open("rb") as f:
        while chunk := f.read(step):
            parts.append(decoder.decode(chunk))
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def _phrases(text: str) -> dict[str, Any]:
    """pypinyin's phrase table, decoded in slices of ``_CHUNK`` entries (at the lines that start an entry);
    in one piece if the file is not laid out as expected."""
    starts = [m.start() for m in _KEY_LINE.finditer(text)]
    body_end = text.rfind("}")
    if not starts or not text.lstrip().startswith("{") or body_end < starts[-1]:
        return dict(json.loads(text))
    out: dict[str, Any] = {}
    bounds = [*starts[::_CHUNK], body_end]
    try:
        for a, b in zip(bounds, bounds[1:], strict=False):
            out.update(json.loads("{" + text[a:b].rstrip().rstrip(",") + "}"))
    except ValueError:
        return dict(json.loads(text))
    return out


@lru_cache(maxsize=1)
def overrides() -> dict[str, str]:
    """The reviewed phrase overrides: ``data/pinyin_overrides.tsv`` (word TAB tone-marked pinyin)."""
    table: dict[str, str] = {}
    text = resources.files("policyreader").joinpath("data/pinyin_overrides.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, reading = line.split("\t")[:2]
        table[word.strip()] = reading.strip()
    return table


_TONE_MARKS = {
    "ā": ("a", 1), "á": ("a", 2), "ǎ": ("a", 3), "à": ("a", 4),
    "ē": ("e", 1), "é": ("e", 2), "ě": ("e", 3), "è": ("e", 4),
    "ī": ("i", 1), "í": ("i", 2), "ǐ": ("i", 3), "ì": ("i", 4),
    "ō": ("o", 1), "ó": ("o", 2), "ǒ": ("o", 3), "ò": ("o", 4),
    "ū": ("u", 1), "ú": ("u", 2), "ǔ": ("u", 3), "ù": ("u", 4),
    "ǖ": ("ü", 1), "ǘ": ("ü", 2), "ǚ": ("ü", 3), "ǜ": ("ü", 4),
}


def syllable_to_numbers(syllable: str) -> str:
    """``huán`` → ``huan2``; a syllable with no mark gets tone 5 (neutral)."""
    tone = 5
    out = []
    for ch in syllable:
        if ch in _TONE_MARKS:
            base, tone = _TONE_MARKS[ch]
            out.append(base)
        else:
            out.append(ch)
    return "".join(out).replace("ü", "v") + str(tone)


def marks_to_numbers(pinyin: str) -> str:
    """Convert space-separated tone-marked words to tone numbers, syllable by syllable."""
    return " ".join(_split_syllables_numbers(w) for w in pinyin.split())


_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜv]+(?:ng|n(?![aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])|r(?![aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]))?",
    re.IGNORECASE)


def _split_syllables_numbers(word: str) -> str:
    parts = _SYLLABLE.findall(word.replace("'", ""))
    if not parts:
        return word
    return " ".join(syllable_to_numbers(p) for p in parts)


def word_pinyin(word: str, entries: Mapping[str, str] | None = None) -> str:
    """Tone-marked pinyin of one word (syllables joined): glossary > overrides > pypinyin."""
    if entries and word in entries:
        return entries[word]
    return _marks(word)


def word_pinyin_numbers(word: str, entries: Mapping[str, str] | None = None) -> str:
    """Tone-number pinyin of one word: syllables separated by spaces (``huan2 kuan3``)."""
    if entries and word in entries:
        return marks_to_numbers(entries[word])
    return _numbers(word)


# A text has a few thousand distinct words and hundreds of thousands of tokens: each word's reading is
# computed once (pypinyin costs tens of microseconds a word).
@lru_cache(maxsize=200_000)
def _marks(word: str) -> str:
    table = overrides()
    if word in table:
        return table[word]
    if not has_han(word):
        return ""
    p = pypinyin()  # loaded on first use: it takes a third of a second
    return "".join(p.lazy_pinyin(word, style=p.Style.TONE, errors="default"))


@lru_cache(maxsize=200_000)
def _numbers(word: str) -> str:
    if word in overrides():
        return marks_to_numbers(overrides()[word])
    if not has_han(word):
        return ""
    p = pypinyin()
    return " ".join(p.lazy_pinyin(word, style=p.Style.TONE3, neutral_tone_with_five=True, errors="default"))


def text_pinyin(words: list[str], entries: Mapping[str, str] | None = None) -> str:
    """Pinyin of a segmented text, words separated by spaces, non-Chinese tokens dropped."""
    return " ".join(p for p in (word_pinyin(w, entries) for w in words) if p)


def term_pinyin(term: str) -> str:
    """pypinyin's reading of a term with overrides applied, for checking glossary entries."""
    table = overrides()
    if term in table:
        return table[term]
    p = pypinyin()
    return "".join(p.lazy_pinyin(term, style=p.Style.TONE))
