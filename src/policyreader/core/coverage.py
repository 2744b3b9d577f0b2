"""Reading English coverage against the glossary: whether a text is English, every rendering of a glossary
entry in it, and which Chinese terms a stretch of English can render.

News, blogs and forum threads about China's social credit system use the glossary's renderings without
the Chinese beside them. :class:`EnglishLinker` finds them with the English matcher that terminology QA
uses (:mod:`policyreader.core.english`: inflections, British/American spelling, hyphen and space variants,
no match across a phrase break) and claims them leftmost-longest: at each point the longest rendering
that starts there, so "social credit system" comes before "credit", and "social credit regulations" is
*social credit* and regulations, because English puts modifiers first. A stretch that several entries
share ("credit rating" renders 信用评级, 信用等级 and 信用评价) goes to the entry whose rendering is spelt
closest to the text, then to the entry that recommends it most (preferred, accepted, contested, avoid),
unless the text names the Chinese term in brackets beside it ("credit rating (信用等级)").
:meth:`EnglishLinker.readings` lists every entry a stretch can render: what the reverse popup shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from policyreader.core.cjk import HAN_RANGES
from policyreader.core.english import (
    EnglishText,
    RenderingHit,
    RenderingPattern,
    compile_patterns,
    rendering_key,
)
from policyreader.core.glossary import GlossaryEntry
from policyreader.core.model import GOOD_STATUSES, Language, Status

#: an English text has at least this many Latin letters per Han character: English coverage quotes a few
#: Chinese terms (a ratio of 30 and more), a Chinese text with its translation interleaved stays under 5
ENGLISH_RATIO = 8
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_HAN_RUN = re.compile(f"[{HAN_RANGES}]+")
_QUOTE = re.compile("[\"“”«»]")
_SAMPLE = 200_000

#: how strongly an entry recommends a rendering, for choosing between entries that share a stretch
STATUS_RANK: dict[str, int] = {Status.PREFERRED: 0, Status.ACCEPTED: 1, Status.CONTESTED: 2, Status.AVOID: 3}

# a Chinese term named in brackets right after the English ("credit rating (信用等级)") or right before it
# ("信用等级 (credit rating)")
_HINT_AFTER = re.compile(rf"\s*[(（]\s*([{HAN_RANGES}]+)")
_HINT_BEFORE = re.compile(rf"([{HAN_RANGES}]+)\s*[(（]\s*[\"“‘']?$")


def detect_language(text: str) -> Language:
    """English when Latin letters outnumber Han characters by :data:`ENGLISH_RATIO` to one, else Chinese.

    Judged on the start of the text (enough to decide, cheap on a 50 MB file). A text with neither
    letters nor characters counts as Chinese, the library's first language.
    """
    sample = text[:_SAMPLE]
    latin = sum(map(len, _LATIN_RUN.findall(sample)))  # counted a run at a time: a third of the time
    han = sum(map(len, _HAN_RUN.findall(sample)))
    return Language.EN if latin > 0 and latin >= ENGLISH_RATIO * han else Language.ZH


def short_title(first_line: str, limit: int = 120) -> str:
    """A title for an English text that has none of its own: its first line, cut at a word if long."""
    return first_line if len(first_line) <= limit else first_line[:limit].rsplit(" ", 1)[0] + " …"


@dataclass(frozen=True)
class Reading:
    """One way of reading a stretch of English: as *rendering* of the glossary *entry* (Chinese *term*),
    which the entry marks *status*."""

    entry: str
    term: str
    rendering: str
    status: str

    @property
    def accepted(self) -> bool:
        """The entry recommends this rendering (preferred or accepted)."""
        return self.status in GOOD_STATUSES


def _size(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


class EnglishLinker:
    """Finds the glossary's English renderings in English text (see the module docstring)."""

    def __init__(self, entries: Mapping[str, GlossaryEntry], forms: Mapping[str, str] | None = None):
        """*entries* by id; *forms* maps Chinese written forms to entry ids (for bracketed hints)."""
        self._entries = entries
        self._forms = dict(forms or {})
        self._longest_form = max((len(f) for f in self._forms), default=0)
        by_key: dict[str, list[RenderingPattern]] = {}
        for entry in entries.values():
            for p in compile_patterns(entry):
                by_key.setdefault(p.key, []).append(p)
        self._by_key = by_key

    @property
    def keys(self) -> int:
        """How many distinct searchable forms the glossary's renderings have."""
        return len(self._by_key)

    def _rank(self, p: RenderingPattern, size: int, hint: str | None) -> tuple[int, int, int, bool, int, str]:
        """Between entries that render the same stretch: the one a bracketed Chinese term names, the closest
        spelling, the better status, a rendering written as it is over one shortened from a bracket
        ("credit investigation" is 征信's; 征信业务's is "credit investigation (business)"), the longer term."""
        term = self._entries[p.entry].term
        shortened = "(" in p.rendering or "（" in p.rendering
        return (p.entry != hint, abs(p.size - size), STATUS_RANK.get(p.status, 4), shortened, -len(term), p.entry)

    def link(self, text: str) -> list[RenderingHit]:
        """Every rendering in *text*, in text order: leftmost-longest (at each point the longest rendering
        that starts there, as the Chinese matcher does), each stretch given to one entry."""
        english = EnglishText(text)
        spans: dict[tuple[int, int], list[RenderingPattern]] = {}
        for key, patterns in self._by_key.items():
            for span in english.find(key):
                spans.setdefault(span, []).extend(patterns)
        hits: list[RenderingHit] = []
        claimed = bytearray(len(text))
        # leftmost, then longest; a stretch with a double quote inside (keep "trust-breaking") yields to one
        # without, because a quotation mark opens or closes a phrase of its own
        for s, e in sorted(spans, key=lambda se: (_QUOTE.search(text, se[0], se[1]) is not None, se[0], se[0] - se[1])):
            if claimed.find(1, s, e) >= 0:
                continue
            claimed[s:e] = b"\x01" * (e - s)
            size, hint = _size(text[s:e]), self._hint(text, s, e)
            best = min(spans[(s, e)], key=lambda p: self._rank(p, size, hint))
            hits.append(RenderingHit(best.entry, best.status, best.rendering, s, e, text[s:e]))
        hits.sort(key=lambda h: h.start)
        return hits

    def _hint(self, text: str, start: int, end: int) -> str | None:
        """The entry of a Chinese glossary term written in brackets beside the stretch, if any."""
        if not self._forms:
            return None
        m = _HINT_AFTER.match(text, end, min(len(text), end + 40))
        chinese = m.group(1) if m else None
        if chinese is None:
            m = _HINT_BEFORE.search(text, max(0, start - 40), start)
            chinese = m.group(1) if m else None
        if chinese is None:
            return None
        for n in range(min(len(chinese), self._longest_form), 0, -1):
            if chinese[:n] in self._forms:
                return self._forms[chinese[:n]]
        return None

    def readings(self, surface: str) -> list[Reading]:
        """Every entry a stretch of English renders, and how: the closest spelling first, then the entries
        that recommend it most. Empty when the stretch is not a rendering of any entry."""
        patterns = self._by_key.get(rendering_key(surface), [])
        size = _size(surface)
        best: dict[str, RenderingPattern] = {}
        for p in sorted(patterns, key=lambda p: self._rank(p, size, None)):
            best.setdefault(p.entry, p)
        return [Reading(p.entry, self._entries[p.entry].term, p.rendering, p.status)
                for p in sorted(best.values(), key=lambda p: self._rank(p, size, None))]

    def reading(self, entry: str, surface: str) -> Reading | None:
        """How *entry* reads the stretch *surface*: its closest rendering, or None if it has none."""
        return next((r for r in self.readings(surface) if r.entry == entry), None)


Mention = tuple[int, int, str]  # start, end, entry id


def score_mentions(predicted: Iterable[Mention], gold: Iterable[Mention]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of linked mentions against gold mentions: a
    mention counts when its span and its entry are both exactly right."""
    p, g = set(predicted), set(gold)
    return len(p & g), len(p - g), len(g - p)
