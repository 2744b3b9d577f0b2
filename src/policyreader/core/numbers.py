"""Numbers in aligned text: what a Chinese segment and its English must agree on.

Arabic numbers on both sides (万/亿 multiples and ``million``/``thousand`` scales resolved), Chinese
numerals in ordinal references (第十三届, 第二项) and before measure words (三个月, 五万元), item markers
(（一） ↔ (1)), English number words and month names. Article, chapter and section references
(第十二条 ↔ Article 12, 第二章 ↔ Chapter II) are kept apart as structural references.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from policyreader.core.alignment import CN_NUM, roman_to_int
from policyreader.core.document import chinese_numeral_to_int

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


def num_sort(values: set[str]) -> list[str]:
    return sorted(values, key=lambda v: (Decimal(v), v))


def struct_label(ref: tuple[str, int]) -> str:
    return f"{ref[0].capitalize()} {ref[1]}"
