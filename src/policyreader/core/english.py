"""The English matcher: whether an English text contains a glossary rendering, tolerating what
translators vary (inflections through a small suffix-stripping stemmer, British/American spelling,
hyphen and space variants of compounds, quotes), and never matching across a phrase break.

Terminology QA, corpus evidence and the reading of English documents all use it, so that a rendering
counts as found in exactly the same way everywhere. Matches are *claimed* longest first: a stretch of
English renders only one term (see :func:`claim_renderings`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from policyreader.core.cjk import HAN_RANGES
from policyreader.core.glossary import GlossaryEntry
from policyreader.core.model import GOOD_STATUSES as GOOD
from policyreader.core.model import Status

#: British/American and other spelling variants, applied to stems (after inflections are stripped).
SPELLING = {
    "judgement": "judgment", "acknowledgement": "acknowledgment", "centre": "center", "catalogue": "catalog",
    "licence": "license", "programme": "program", "defence": "defense", "offence": "offense",
    "fulfil": "fulfill", "enrol": "enroll", "practise": "practice", "ageing": "aging",
}
#: irregular verb forms, so "made public" is the rendering "make public" (applied before the suffixes)
IRREGULAR = {
    "made": "make", "taken": "take", "took": "take", "given": "give", "gave": "give", "kept": "keep",
    "held": "hold", "brought": "bring", "found": "find", "paid": "pay", "laid": "lay", "sought": "seek",
    "bought": "buy", "sold": "sell", "told": "tell", "shown": "show", "drawn": "draw", "drew": "draw",
    "broken": "break", "broke": "break", "built": "build", "set": "set", "put": "put", "met": "meet",
}
_ISE = re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$")
_VOWEL = re.compile(r"[aeiouy]")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")
#: characters that end a phrase: a rendering never matches across them (commas, hyphens, slashes and
#: quotes do not end one, so "double random, one public" and red-list still match).
_BREAK = re.compile(r"[.;:!?()\[\]{}\n\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f" + HAN_RANGES + "]")
_QUOTES = str.maketrans({"“": None, "”": None, '"': None, "‘": "'", "’": "'", "`": None, "«": None, "»": None})


def _undouble(w: str) -> str:
    if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in "aeiouylsz":
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A small suffix-stripping stemmer: plurals and possessives, -ing and -ed, spelling variants.

    Both the glossary renderings and the English text go through it word by word, so "credit
    reports", "credit reporting" and "credit reported" share the stems of "credit report"; words that
    merely start with another word keep their own stem ("creditor" is not "credit"). Derivational
    suffixes are left alone ("regulation" is not "regulate"): they often change the meaning.
    """
    if len(word) > 3 and word[-1] == "s" and word[:-1].isupper():
        word = word[:-1]  # the plural of an acronym: MOUs, NGOs
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    w = IRREGULAR.get(w, w)
    m = _ISE.match(w)
    if m:  # -ise/-isation are the -ize/-ization forms
        w = f"{m.group(1)}iz{m.group(2)}"
    # plural (and third person) -s
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    # -ing / -ed
    if len(w) > 4 and w.endswith("ied"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("eed"):
        w = w[:-1]
    elif w.endswith("ing") and len(w) >= 6 and _VOWEL.search(w[:-3]):
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) >= 5 and _VOWEL.search(w[:-2]):
        w = _undouble(w[:-2])
    w = SPELLING.get(w, w)
    if len(w) >= 6 and w.endswith("our"):
        w = w[:-2] + "r"  # behaviour → behavior
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # regulate/regulated, license/licensed
    return w


def rendering_alternatives(text: str) -> list[str]:
    """The matchable forms of a glossary rendering: quotes and parenthesised glosses removed,
    alternatives separated by ``;`` or ``/`` split apart (``"untrustworthy; untrustworthiness"``)."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    t = re.sub(r"[(（][^()（）]*[)）]", " ", t)
    out = []
    for part in re.split(r"[;/]", t):
        part = " ".join(part.split()).strip(" ,")
        if part and part not in out:
            out.append(part)
    return out


def rendering_key(text: str) -> str:
    """The stems of a (normalised) rendering, concatenated: the string searched for in an English text."""
    return "".join(stem(t) for t in _TOKEN.findall(text))


class EnglishText:
    """An English text prepared for rendering lookups.

    Each word becomes its stem; the stems are concatenated, with the positions where words start and
    end remembered. A rendering matches where its concatenated stems occur starting at a word start and
    ending at a word end, with no phrase break inside: so "redlist", "red list" and "red-list" match
    each other, while "list" never matches inside "blacklist" or "specialist".
    """

    def __init__(self, text: str):
        self.text = text
        norm = text.replace("’", "'")
        parts: list[str] = []
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        breaks: list[int] = []
        pos, last = 0, 0
        for m in _TOKEN.finditer(norm):
            if _BREAK.search(norm, last, m.start()):
                breaks.append(pos)
            s = stem(m.group())
            starts[pos] = m.start()
            parts.append(s)
            pos += len(s)
            ends[pos] = m.end()
            last = m.end()
        self._stems = "".join(parts)
        self._starts = starts
        self._ends = ends
        self._breaks = breaks

    def find(self, key: str) -> list[tuple[int, int]]:
        """Character spans (in the original text) where a rendering key occurs on word boundaries."""
        out: list[tuple[int, int]] = []
        if not key:
            return out
        s, i = self._stems, 0
        while True:
            i = s.find(key, i)
            if i < 0:
                return out
            j = i + len(key)
            if i in self._starts and j in self._ends:
                k = bisect.bisect_right(self._breaks, i)  # the first phrase break after i (breaks are sorted)
                if k == len(self._breaks) or self._breaks[k] >= j:
                    out.append((self._starts[i], self._ends[j]))
            i += 1


def contains_rendering(english: str, rendering: str) -> bool:
    """Whether *english* contains *rendering* under the English matcher's rules."""
    text = EnglishText(english)
    return any(text.find(key) for key in rendering_keys(rendering))


@dataclass(frozen=True)
class RenderingHit:
    """A stretch of English claimed as a rendering of a glossary entry."""

    entry: str
    status: str
    rendering: str  # the glossary rendering text
    start: int
    end: int
    text: str  # the English as written


@dataclass(frozen=True)
class RenderingPattern:
    """One searchable form of one rendering of an entry."""

    entry: str
    status: str
    rendering: str
    key: str
    size: int  # letters and digits in the surface form, to prefer the closest of two stem-equal renderings


_STATUS_RANK: dict[str, int] = {Status.PREFERRED: 0, Status.ACCEPTED: 0, Status.CONTESTED: 1, Status.AVOID: 2}
#: words that make a rendering a phrase rather than a compound of content words
_FUNCTION_WORDS = frozenset("a an the of and or for in on at to with by from as".split())


def _size(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def rendering_forms(text: str) -> list[str]:
    """The surface forms a rendering is searched by: each alternative, and for a compound of content
    words ("credit information sharing") also its *of*-inversion ("sharing of (the) credit information")."""
    out: list[str] = []
    for alt in rendering_alternatives(text):
        words = _TOKEN.findall(alt)
        forms = [alt]
        if len(words) >= 2 and not any(w.lower() in _FUNCTION_WORDS for w in words):
            head, rest = words[-1], " ".join(words[:-1])
            forms += [f"{head} of {rest}", f"{head} of the {rest}"]
        out += [f for f in forms if f not in out]
    return out


def rendering_keys(text: str) -> list[str]:
    """The stem keys of :func:`rendering_forms`."""
    return list(dict.fromkeys(k for k in map(rendering_key, rendering_forms(text)) if k))


def compile_patterns(entry: GlossaryEntry) -> list[RenderingPattern]:
    """Every searchable form of every rendering of an entry."""
    out: list[RenderingPattern] = []
    seen: set[tuple[str, str]] = set()
    for r in entry.renderings:
        for form in rendering_forms(r.text):
            key = rendering_key(form)
            if key and (r.text, key) not in seen:
                seen.add((r.text, key))
                out.append(RenderingPattern(entry.id, r.status, r.text, key, _size(form)))
    return out


def claim_renderings(text: EnglishText, patterns: Sequence[RenderingPattern],
                     occurrences: Mapping[str, int] | None = None) -> list[RenderingHit]:
    """Assign stretches of English to renderings, longest first, each stretch to one entry.

    *occurrences* (entry id → Chinese occurrences) makes this two passes: first every Chinese
    occurrence gets a stretch (longest first; only a good rendering closes an occurrence, and
    contested or avoided renderings are always taken, so they are never hidden), then repeated
    English mentions are assigned. So when "sharing of credit information" occurs twice in the
    English but 信用信息共享 once in the Chinese, the second mention's "credit information" goes to a
    separate 信用信息. Between entries whose
    renderings match the same stretch, the closer spelling wins ("credit report" is 信用报告, "credit
    reporting" 征信), then a good (preferred/accepted) rendering over a contested or avoided one.
    """
    cands: list[tuple[int, int, RenderingPattern]] = []
    for p in patterns:
        for s, e in text.find(p.key):
            cands.append((s, e, p))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    groups: list[tuple[int, int, list[RenderingPattern]]] = []
    for s, e, p in cands:
        if groups and groups[-1][0] == s and groups[-1][1] == e:
            groups[-1][2].append(p)
        else:
            groups.append((s, e, [p]))
    remaining = dict(occurrences or {})
    taken: list[tuple[int, int]] = []
    hits: list[RenderingHit] = []
    # where else each entry could be rendered: when two entries could take a stretch equally well, it goes
    # to the one with no other place (诚信 and 守信 both match "trustworthy"; 诚信 may also have "integrity")
    places: dict[str, set[tuple[int, int]]] = {}
    for s, e, p in cands:
        if p.status in GOOD:
            places.setdefault(p.entry, set()).add((s, e))

    def elsewhere(entry: str, s: int, e: int) -> int:
        return sum(1 for ps, pe in places.get(entry, ()) if (ps, pe) != (s, e)
                   and not (ps < e and s < pe) and not any(ps < te and ts < pe for ts, te in taken))

    for first_pass in (True, False):
        for s, e, group in groups:
            if any(s < te and ts < e for ts, te in taken):
                continue
            eligible = [p for p in group if remaining.get(p.entry, 0) > 0 or p.status not in GOOD] \
                if first_pass else group
            if not eligible:
                continue
            size = _size(text.text[s:e])
            best = min(eligible, key=lambda p: (remaining.get(p.entry, 0) <= 0, abs(p.size - size),
                                                min(elsewhere(p.entry, s, e), 1) if len(eligible) > 1 else 0,
                                                _STATUS_RANK.get(p.status, 3)))
            if best.status in GOOD:  # a contested or avoided rendering leaves the occurrence open
                remaining[best.entry] = remaining.get(best.entry, 0) - 1
            taken.append((s, e))
            hits.append(RenderingHit(best.entry, best.status, best.rendering, s, e, text.text[s:e]))
    hits.sort(key=lambda h: h.start)
    return hits
