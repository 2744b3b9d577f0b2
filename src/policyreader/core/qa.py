"""Translation QA for aligned segments: glossary terminology, numbers, and untranslated text.

This module owns two pieces of knowledge: how an English text is matched against a glossary rendering
(the *English matcher*: tokens, a small suffix-stripping stemmer, spelling variants and compound
joining), and the rules that turn a (Chinese, English) segment into :class:`Finding` objects.

Terminology rules, per segment and per glossary entry found in the Chinese by :class:`GlossaryMatcher`
(leftmost-longest, so 信用 inside 社会信用体系 is not checked as an occurrence of its own):

* every rendering of every entry in the Chinese, nested ones included, is looked for in the English.
  A stretch of English renders only one term, so matches are *claimed*, longest first:
  ``social credit system`` is claimed by 社会信用体系 and its ``credit`` cannot also vouch for a
  separate 信用 (see :func:`claim_renderings` for how ties between entries are broken);
* an ``avoid`` rendering claimed by the entry → ``term-avoid`` (error), whatever else is there;
* else a preferred/accepted rendering → no finding; else a contested one → ``term-contested``
  (warning); else ``term-missing`` (error).

Counts are deliberately not compared: if 信用信息 occurs twice in the Chinese and ``credit
information`` once in the English, the segment passes, because translators pronominalise ("such
information", "it"). So there is at most one term finding per (segment, entry).

Numbers: Arabic numbers on both sides (万/亿 multiples and ``million``/``thousand`` scales resolved),
Chinese numerals in ordinal references (第十三届, 第二项) and before measure words (三个月, 五万元),
item markers (（一） ↔ (1)), English number words and month names. Article, chapter and section
references (第十二条 ↔ Article 12, 第二章 ↔ Chapter II) are compared on their own, as
``article-number`` findings; every other missing or extra number is one ``number`` finding.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from policyreader.core.alignment import CN_NUM, roman_to_int
from policyreader.core.document import chinese_numeral_to_int
from policyreader.core.glossary import GlossaryEntry
from policyreader.core.matcher import GlossaryMatcher

KINDS = ("term-missing", "term-contested", "term-avoid", "number", "article-number", "untranslated", "identical")
SEVERITY = {"term-missing": "error", "term-contested": "warning", "term-avoid": "error", "number": "error",
            "article-number": "error", "untranslated": "error", "identical": "warning"}
GOOD = ("preferred", "accepted")


@dataclass(frozen=True)
class Finding:
    """One QA problem in one segment."""

    segment: int
    kind: str
    severity: str
    term: str
    entry: str
    found: str
    expected: str
    message: str


@dataclass(frozen=True)
class QASegment:
    """A segment to check: its id (index in the document), Chinese and English text."""

    id: int
    zh: str
    en: str


# --------------------------------------------------------------------------------------------------
# The English matcher
# --------------------------------------------------------------------------------------------------

#: British/American and other spelling variants, applied to stems (after inflections are stripped).
SPELLING = {
    "judgement": "judgment", "acknowledgement": "acknowledgment", "centre": "center", "catalogue": "catalog",
    "licence": "license", "programme": "program", "defence": "defense", "offence": "offense",
    "fulfil": "fulfill", "enrol": "enroll", "practise": "practice", "ageing": "aging",
}
_ISE = re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$")
_VOWEL = re.compile(r"[aeiouy]")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")
#: characters that end a phrase: a rendering never matches across them (commas, hyphens, slashes and
#: quotes do not end one, so "double random, one public" and red-list still match).
_BREAK = re.compile(r"[.;:!?()\[\]{}\n\u3000-\u303f\u3400-\u9fff\uff01-\uff0f\uff1a-\uff1f]")
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
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
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
            if i in self._starts and j in self._ends and not any(i < b < j for b in self._breaks):
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


_STATUS_RANK = {"preferred": 0, "accepted": 0, "contested": 1, "avoid": 2}
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
                                                _STATUS_RANK.get(p.status, 3)))
            if best.status in GOOD:  # a contested or avoided rendering leaves the occurrence open
                remaining[best.entry] = remaining.get(best.entry, 0) - 1
            taken.append((s, e))
            hits.append(RenderingHit(best.entry, best.status, best.rendering, s, e, text.text[s:e]))
    hits.sort(key=lambda h: h.start)
    return hits


# --------------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------------

_CN = f"[{CN_NUM}]"
_MEASURE = (r"(?=元|年|个月|月|日|天|个?工作日|倍|人|名|家|周|小时|岁|次|项|种|类|件|份|个|位|所|条)")
_ZH_NUMBER = re.compile(
    rf"(?P<struct>第(?P<sn>{_CN}+|\d+)(?P<sk>条|章|节))"
    rf"|(?P<ord>第(?P<on>{_CN}+|\d+)(?=[款项目次届号方批类级期]))"
    rf"|(?P<pct>百分之(?P<pn>{_CN}+|\d+(?:\.\d+)?))"
    rf"|(?P<item>[(（](?P<inum>{_CN}+)[)）])"
    r"|(?P<arabic>(?P<an>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<am>万|亿)?)"
    rf"|(?P<cn>(?P<c1>{_CN}+)(?P<m1>万|亿)?(?:(?:至|到|或者|或|、)(?P<c2>{_CN}+)(?P<m2>万|亿)?)?){_MEASURE}"
)
_EN_STRUCT = re.compile(
    r"\b(?P<kind>(?i:Article|Chapter|Section))s?\s+(?P<first>\d+|[IVXLC]+\b)"
    r"(?P<more>(?:\s*(?:,|and|or|to|through|–|-)\s*(?:(?i:Article|Chapter|Section)s?\s+)?(?:\d+|[IVXLC]+\b))*)")
_EN_NUMBER = re.compile(
    r"(?<!\w)(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?:st|nd|rd|th)?\b"
    r"(?:\s*(?P<scale>million|billion|thousand)\b)?", re.IGNORECASE)
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_MONTH_RE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
        "eightieth": 80, "ninetieth": 90, "hundredth": 100, "once": 1, "twice": 2, "thrice": 3}
_WORD_VALUE: dict[str, int] = {w: i for i, w in enumerate(_UNITS)} | _TENS | _ORD
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD_RE = re.compile(r"[A-Za-z]+")
_MULT = {"万": Decimal(10_000), "亿": Decimal(100_000_000), None: Decimal(1)}
_EN_MULT = {"thousand": Decimal(1000), "million": Decimal(1_000_000), "billion": Decimal(1_000_000_000)}


def _canon(d: Decimal) -> str:
    return format(d.normalize(), "f")


_CN_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}


def chinese_int(text: str) -> int | None:
    """A Chinese numeral (十二, 一百零五, 二〇一三) or ASCII digits as an int."""
    if len(text) > 1 and all(c in _CN_DIGIT_VALUE for c in text):  # digit by digit, as in years
        return int("".join(str(_CN_DIGIT_VALUE[c]) for c in text))
    return chinese_numeral_to_int(text)


def _dec(text: str) -> Decimal | None:
    if re.fullmatch(r"[\d.,]+", text):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    n = chinese_int(text)
    return Decimal(n) if n is not None else None


@dataclass
class NumberSet:
    """Numbers of one side of a segment: required (must appear on the other side), optional (may
    vouch for the other side's numbers) and structural references (("article", 12), ("chapter", 2))."""

    required: set[str]
    optional: set[str]
    struct: set[tuple[str, int]]


_ZH_STRUCT_KIND = {"条": "article", "章": "chapter", "节": "section"}


def chinese_numbers(text: str) -> NumberSet:
    """The numbers of a Chinese text."""
    t = unicodedata.normalize("NFKC", text)
    req: set[str] = set()
    opt: set[str] = set()
    struct: set[tuple[str, int]] = set()
    for m in _ZH_NUMBER.finditer(t):
        if m.group("struct"):
            n = chinese_int(m.group("sn"))
            if n is not None:
                struct.add((_ZH_STRUCT_KIND[m.group("sk")], n))
        elif m.group("ord") or m.group("pct") or m.group("item"):
            d = _dec(m.group("on") or m.group("pn") or m.group("inum"))
            if d is not None:
                req.add(_canon(d))
        elif m.group("arabic"):
            d = _dec(m.group("an"))
            if d is not None:
                req.add(_canon(d * _MULT[m.group("am")]))
        else:
            for g, mult in (("c1", "m1"), ("c2", "m2")):
                if m.group(g):
                    d = _dec(m.group(g))
                    if d is None:
                        continue
                    value = d * _MULT[m.group(mult)]
                    # a bare 一 is usually "a"/"an" in English: it may vouch, it is not required
                    (opt if value == 1 and not m.group(mult) else req).add(_canon(value))
    return NumberSet(req, opt, struct)


def _word_numbers(text: str) -> Iterator[int]:
    """Numbers written as English words: "three", "twenty-two", "Thirteenth", "ten thousand"."""
    words = [w.lower() for w in _WORD_RE.findall(text)]
    i, n = 0, len(words)
    while i < n:
        if words[i] not in _WORD_VALUE:
            i += 1
            continue
        total, current = 0, _WORD_VALUE[words[i]]
        i += 1
        while i < n:
            w = words[i]
            v = _WORD_VALUE.get(w)
            if v is not None:
                if current == 0:
                    current = v
                elif current >= 100 and current % 100 == 0 and v < 100:
                    current += v  # "one hundred (and) five"
                elif 20 <= current < 100 and current % 10 == 0 and v < 10:
                    current += v  # "twenty-two", "twenty-second"
                else:
                    break
            elif w in _SCALE and current:
                if _SCALE[w] == 100:
                    current *= 100
                else:
                    total, current = total + current * _SCALE[w], 0
            elif not (w == "and" and current >= 100 and i + 1 < n and words[i + 1] in _WORD_VALUE):
                break
            i += 1
        yield total + current


def english_numbers(text: str) -> NumberSet:
    """The numbers of an English text; number words and month names only vouch (they are optional)."""
    t = unicodedata.normalize("NFKC", text)
    struct: set[tuple[str, int]] = set()

    def take_struct(m: re.Match[str]) -> str:
        kind = m.group("kind").lower()
        for tok in re.findall(r"\d+|[IVXLC]+\b", m.group("first") + " " + m.group("more")):
            n = roman_to_int(tok)
            if n is not None and (tok.isdigit() or kind != "article"):
                struct.add((kind, n))
        return " " * len(m.group())

    rest = _EN_STRUCT.sub(take_struct, t)
    req: set[str] = set()
    for m in _EN_NUMBER.finditer(rest):
        d = Decimal(m.group("n").replace(",", "") + (m.group("frac") or ""))
        scale = (m.group("scale") or "").lower()
        req.add(_canon(d * _EN_MULT.get(scale, Decimal(1))))
    opt = {str(_MONTHS.index(m) + 1) for m in _MONTH_RE.findall(rest)}
    opt |= {str(n) for n in _word_numbers(rest)}
    return NumberSet(req, opt, struct)


def _num_sort(values: set[str]) -> list[str]:
    return sorted(values, key=lambda v: (Decimal(v), v))


def _struct_label(ref: tuple[str, int]) -> str:
    return f"{ref[0].capitalize()} {ref[1]}"


# --------------------------------------------------------------------------------------------------
# The checker
# --------------------------------------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")


def mostly_cjk(text: str) -> bool:
    """More than half of the letters (not spaces, digits or punctuation) are CJK characters."""
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_CJK.findall(text)) * 2 > letters


def _quote(texts: Sequence[str]) -> str:
    return " or ".join(f"“{t}”" for t in texts) if texts else "(no preferred or accepted rendering)"


class TerminologyChecker:
    """Checks aligned segments against the glossary and for numbers and untranslated text."""

    def __init__(self, entries: Mapping[str, GlossaryEntry], matcher: GlossaryMatcher):
        self._entries = entries
        self._matcher = matcher
        self._patterns = {eid: compile_patterns(e) for eid, e in entries.items()}
        index: dict[str, list[tuple[str, str]]] = {}
        for form, eid in matcher.forms.items():
            if form and eid in entries:
                index.setdefault(form[0], []).append((form, eid))
        self._index = index

    def occurrences(self, zh: str) -> tuple[dict[str, list[str]], dict[str, int]]:
        """The entries to check (leftmost-longest occurrences, with the forms as written) and how often
        each entry's forms occur at all, nested ones included (信用 inside 社会信用体系).

        The nested counts let a nested term claim English: "public credit information" inside the
        English of 公共信用信息服务平台 belongs to its nested 公共信用信息, not to a separate 信用.
        """
        checked: dict[str, list[str]] = {}
        counts: dict[str, int] = {}
        for m in self._matcher.find(zh):
            if m.entry not in self._entries:
                continue
            checked.setdefault(m.entry, []).append(m.text)
            counts[m.entry] = counts.get(m.entry, 0) + 1
            for i in range(m.start, m.end):
                for form, eid in self._index.get(zh[i], ()):
                    end = i + len(form)
                    if end <= m.end and (i, end) != (m.start, m.end) and zh.startswith(form, i):
                        counts[eid] = counts.get(eid, 0) + 1
        return checked, counts

    def hits(self, zh: str, en: str) -> list[RenderingHit]:
        """The stretches of *en* claimed as renderings of the glossary terms found in *zh* (nested
        terms included)."""
        return self._claims(zh, en)[1]

    def _claims(self, zh: str, en: str) -> tuple[dict[str, list[str]], list[RenderingHit]]:
        checked, counts = self.occurrences(zh)
        if not checked:
            return checked, []
        patterns = [p for eid in counts for p in self._patterns[eid]]
        return checked, claim_renderings(EnglishText(en), patterns, counts)

    def check(self, segments: Sequence[QASegment]) -> list[Finding]:
        """All findings, in segment order."""
        out: list[Finding] = []
        for seg in segments:
            out.extend(self.check_segment(seg))
        return out

    def check_segment(self, seg: QASegment) -> list[Finding]:
        """The findings of one segment: identical/untranslated, else terminology then numbers."""
        zh, en = seg.zh.strip(), seg.en.strip()
        if not zh:
            return []
        out: list[Finding] = []
        if " ".join(zh.split()) == " ".join(en.split()):
            out.append(self._finding(seg.id, "identical", found=en, expected="",
                                     message="The English is identical to the Chinese."))
        if not en or mostly_cjk(en):
            out.append(self._finding(seg.id, "untranslated", found=en, expected="",
                                     message="The segment has no English translation." if not en
                                     else "The English consists mostly of Chinese characters."))
            return out
        out.extend(self._terms(seg.id, zh, en))
        out.extend(self._numbers(seg.id, zh, en))
        return out

    @staticmethod
    def _finding(segment: int, kind: str, *, term: str = "", entry: str = "", found: str, expected: str,
                 message: str) -> Finding:
        return Finding(segment, kind, SEVERITY[kind], term, entry, found, expected, message)

    def _terms(self, sid: int, zh: str, en: str) -> list[Finding]:
        occurrences, hits_all = self._claims(zh, en)
        by_entry: dict[str, list[RenderingHit]] = {}
        for h in hits_all:
            by_entry.setdefault(h.entry, []).append(h)
        out: list[Finding] = []
        for eid, forms in occurrences.items():
            entry = self._entries[eid]
            term = forms[0]
            good = [r.text for r in entry.renderings if r.status in GOOD]
            expected = " | ".join(good)
            hits = by_entry.get(eid, [])
            avoided = [h for h in hits if h.status == "avoid"]
            if avoided:
                found = " | ".join(dict.fromkeys(h.text for h in avoided))
                out.append(self._finding(
                    sid, "term-avoid", term=term, entry=eid, found=found, expected=expected,
                    message=f"{term} is rendered as “{avoided[0].text}”, which the glossary says to avoid; "
                            f"use {_quote(good)}."))
            elif any(h.status in GOOD for h in hits):
                continue
            elif hits:
                found = " | ".join(dict.fromkeys(h.text for h in hits))
                out.append(self._finding(
                    sid, "term-contested", term=term, entry=eid, found=found, expected=expected,
                    message=f"{term} is rendered as “{hits[0].text}”, a contested rendering; "
                            f"the glossary prefers {_quote(good[:1])}."))
            else:
                out.append(self._finding(
                    sid, "term-missing", term=term, entry=eid, found="", expected=expected,
                    message=f"{term} has none of its glossary renderings in the English; expected "
                            f"{_quote(good)}."))
        return out

    def _numbers(self, sid: int, zh: str, en: str) -> list[Finding]:
        z, e = chinese_numbers(zh), english_numbers(en)
        out: list[Finding] = []
        if z.struct != e.struct:
            exp = ", ".join(_struct_label(r) for r in sorted(z.struct))
            fnd = ", ".join(_struct_label(r) for r in sorted(e.struct))
            out.append(self._finding(
                sid, "article-number", found=fnd, expected=exp,
                message=f"Article/chapter references differ: the Chinese has {exp or 'none'}, "
                        f"the English has {fnd or 'none'}."))
        missing = z.required - e.required - e.optional
        extra = e.required - z.required - z.optional
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"{', '.join(_num_sort(missing))} missing from the English")
            if extra:
                parts.append(f"{', '.join(_num_sort(extra))} not in the Chinese")
            out.append(self._finding(
                sid, "number", found=", ".join(_num_sort(e.required | (e.optional & z.required))),
                expected=", ".join(_num_sort(z.required)),
                message=f"Numbers differ: {'; '.join(parts)}."))
        return out
