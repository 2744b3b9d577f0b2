"""Aligning a Chinese text with its English translation when they arrive as separate files.

A length-based dynamic programme in the manner of Gale & Church (1993), over paragraphs, producing
1-1, 1-2, 2-1, 1-0 and 0-1 links. Length alone is weak for Chinese–English, so each candidate pair is
also scored on anchors: article numbers (第十二条 ↔ Article 12), chapter numbers (第二章 ↔ Chapter II),
enumerated items (（一） ↔ (1)), Arabic numbers, and glossary renderings found on the English side.
Each link carries a confidence in [0, 1].
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from policyreader.core.document import chinese_numeral_to_int

CN_NUM = "〇零一二三四五六七八九十百千两"
_ZH_ARTICLE = re.compile(rf"^第([{CN_NUM}\d]+)条")
_ZH_CHAPTER = re.compile(rf"^第([{CN_NUM}\d]+)[章节]")
_ZH_ITEM = re.compile(rf"^[（(]([{CN_NUM}]+)[)）]")
_EN_ARTICLE = re.compile(r"^Article\s+(\d+)\b", re.IGNORECASE)
_EN_CHAPTER = re.compile(r"^(?:Chapter|Section)\s+([IVXLC]+|\d+)\b", re.IGNORECASE)
_EN_ITEM = re.compile(r"^\((\d+)\)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> int | None:
    s = s.upper()
    if s.isdigit():
        return int(s)
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


@dataclass(frozen=True)
class Link:
    """One alignment link: source paragraph indices, target paragraph indices, and a confidence."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    confidence: float

    @property
    def kind(self) -> str:
        return f"{len(self.zh)}-{len(self.en)}"


def _zh_marker(text: str) -> tuple[str, int] | None:
    for kind, rx in (("article", _ZH_ARTICLE), ("chapter", _ZH_CHAPTER), ("item", _ZH_ITEM)):
        m = rx.match(text)
        if m:
            n = chinese_numeral_to_int(m.group(1))
            if n is not None:
                return kind, n
    return None


def _en_marker(text: str) -> tuple[str, int] | None:
    t = text.lstrip()
    m = _EN_ARTICLE.match(t)
    if m:
        return "article", int(m.group(1))
    m = _EN_CHAPTER.match(t)
    if m:
        n = roman_to_int(m.group(1))
        return ("chapter", n) if n is not None else None
    m = _EN_ITEM.match(t)
    if m:
        return "item", int(m.group(1))
    return None


_MONTHS = {m: str(i) for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTH_RE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)


def _numbers(text: str) -> set[str]:
    """Arabic numbers in a paragraph; English month names count as their numbers (dates are anchors)."""
    found = {n.replace(",", "") for n in _NUMBER.findall(text)}
    found |= {_MONTHS[m.lower()] for m in _MONTH_RE.findall(text)}
    return found


@dataclass
class _Features:
    length: int
    marker: tuple[str, int] | None
    numbers: set[str]
    renderings: set[str]


TermRenderings = Callable[[str], set[str]]


class ParagraphAligner:
    """Gale–Church style aligner with anchors. ``ratio`` is English characters per Chinese character."""

    PRIORS = {(1, 1): 0.0, (1, 0): 4.5, (0, 1): 4.5, (2, 1): 2.3, (1, 2): 2.3}

    #: English characters per Chinese character, and the variance of that ratio, measured on the
    #: bundled corpus's gold alignment (see benchmarks/test_alignment_bench.py).
    RATIO = 4.7
    VARIANCE = 12.0

    def __init__(self, renderings_for: TermRenderings | None = None, ratio: float | None = None,
                 variance: float | None = None):
        self._renderings_for = renderings_for
        self._ratio = ratio or self.RATIO
        self._variance = variance or self.VARIANCE

    def _features_zh(self, text: str) -> _Features:
        rend = self._renderings_for(text) if self._renderings_for else set()
        return _Features(len(text), _zh_marker(text), _numbers(text), rend)

    @staticmethod
    def _features_en(text: str) -> _Features:
        return _Features(len(text), _en_marker(text), _numbers(text), set())

    def _length_cost(self, lz: int, le: int, ratio: float) -> float:
        if lz == 0 and le == 0:
            return 0.0
        mean = (lz + le / ratio) / 2
        delta = (le - lz * ratio) / math.sqrt(max(mean, 1.0) * self._variance)
        # -log of the two-tailed normal probability of a deviation this large
        p = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12)
        return -math.log(p)

    def _pair_cost(self, zs: list[_Features], es: list[_Features], en_lower: list[str], ratio: float) -> float:
        lz = sum(f.length for f in zs)
        le = sum(f.length for f in es)
        if not zs or not es:
            # An unaligned paragraph costs its prior only: the length model says nothing about it, and
            # charging by length would make the programme drop short paragraphs to pair up long ones.
            return 0.0
        cost = self._length_cost(lz, le, ratio)
        zm = zs[0].marker if zs else None
        em = es[0].marker if es else None
        if zm and em:
            cost += -4.0 if zm == em else (6.0 if zm[0] == em[0] else 2.0)
        elif zm or em:
            # A numbered unit on one side only: articles and chapters are always numbered in both.
            kind = (zm or em)[0]  # type: ignore[index]
            cost += 8.0 if kind in ("article", "chapter") else 3.0
        # a marker in the middle of a merged group means two numbered units were glued together
        for group in (zs[1:], es[1:]):
            if any(f.marker for f in group):
                cost += 6.0
        zn = set().union(*(f.numbers for f in zs)) if zs else set()
        enn = set().union(*(f.numbers for f in es)) if es else set()
        if zn or enn:
            shared = len(zn & enn)
            cost -= 1.5 * shared
            cost += 0.5 * len(zn ^ enn)
        rend = set().union(*(f.renderings for f in zs)) if zs else set()
        if rend and en_lower:
            joined = " ".join(en_lower)
            hits = sum(1 for r in rend if r in joined)
            cost -= 0.6 * min(hits, 5)
        return cost

    def align(self, zh: Sequence[str], en: Sequence[str]) -> list[Link]:
        """Align paragraph lists; every index of both sides appears in exactly one link, in order."""
        n, m = len(zh), len(en)
        zf = [self._features_zh(t) for t in zh]
        ef = [self._features_en(t) for t in en]
        el = [t.lower() for t in en]
        ratio = self._ratio
        inf = float("inf")
        cost = [[inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        cost[0][0] = 0.0
        # A band around the diagonal keeps the programme near-linear on long documents.
        band = max(60, abs(n - m) + 60)
        for i in range(n + 1):
            centre = i * m / n if n else 0
            lo, hi = max(0, int(centre) - band), min(m, int(centre) + band)
            for j in range(lo, hi + 1):
                if i == 0 and j == 0:
                    continue
                best, arg = inf, None
                for (dz, de), prior in self.PRIORS.items():
                    pi, pj = i - dz, j - de
                    if pi < 0 or pj < 0 or cost[pi][pj] == inf:
                        continue
                    c = prior + self._pair_cost(zf[pi:i], ef[pj:j], el[pj:j], ratio)
                    if cost[pi][pj] + c < best:
                        best, arg = cost[pi][pj] + c, (dz, de, c)
                cost[i][j] = best
                back[i][j] = arg
        links: list[Link] = []
        i, j = n, m
        while i > 0 or j > 0:
            step = back[i][j]
            if step is None:  # outside the band: fall back to 1-0/0-1 steps
                step = (1, 0, 10.0) if i > 0 else (0, 1, 10.0)
            dz, de, c = step
            conf = 1.0 / (1.0 + math.exp(c - 2.0))
            links.append(Link(tuple(range(i - dz, i)), tuple(range(j - de, j)), round(conf, 3)))
            i, j = i - dz, j - de
        links.reverse()
        return links


def score_links(predicted: Sequence[Link], gold: Sequence[Link]) -> tuple[float, float, float]:
    """Precision, recall and F1 of predicted links against gold links (exact link match)."""
    p = {(lk.zh, lk.en) for lk in predicted}
    g = {(lk.zh, lk.en) for lk in gold}
    if not p or not g:
        return 0.0, 0.0, 0.0
    tp = len(p & g)
    prec, rec = tp / len(p), tp / len(g)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def _runs(paras: Sequence[str], text: str) -> list[int]:
    """Start indices i where paras[i:i+k] joined by newlines equals *text* (k = its paragraph count)."""
    parts = text.split("\n") if text else []
    k = len(parts)
    if not k:
        return []
    return [i for i in range(len(paras) - k + 1) if list(paras[i:i + k]) == parts]


def apply_overrides(zh: Sequence[str], en: Sequence[str], links: Sequence[Link],
                    overrides: Sequence[tuple[str, str]]) -> list[Link]:
    """Re-apply a user's manual alignment where the text it joined is unchanged.

    Each override is one segment the user made (its zh and en text, paragraphs joined by newlines). Where
    both texts still occur, once each, as runs of consecutive paragraphs, those paragraphs are linked as the
    user linked them; links that overlapped them are cut back to their remaining paragraphs.
    """
    result = list(links)
    for zh_text, en_text in overrides:
        zs, es = _runs(zh, zh_text), _runs(en, en_text)
        if len(zs) > 1 or len(es) > 1 or (not zs and zh_text) or (not es and en_text) or (not zs and not es):
            continue  # changed or ambiguous text: the automatic alignment stands
        zr = set(range(zs[0], zs[0] + len(zh_text.split("\n")))) if zs else set()
        er = set(range(es[0], es[0] + len(en_text.split("\n")))) if es else set()
        forced = Link(tuple(sorted(zr)), tuple(sorted(er)), 1.0)
        if forced in result:
            continue
        kept: list[Link] = []
        for lk in result:
            if not (set(lk.zh) & zr or set(lk.en) & er):
                kept.append(lk)
                continue
            rest_z = tuple(i for i in lk.zh if i not in zr)
            rest_e = tuple(j for j in lk.en if j not in er)
            if rest_z or rest_e:
                kept.append(Link(rest_z, rest_e, lk.confidence))
        kept.append(forced)
        result = _order(kept)
    return result


def _order(links: list[Link]) -> list[Link]:
    """Sort links in reading order (by their first Chinese, else English, paragraph)."""
    # an English-only link sits after the Chinese link that precedes it in English order
    with_z = sorted((lk for lk in links if lk.zh), key=lambda lk: lk.zh[0])
    out: list[Link] = []
    only_en = sorted((lk for lk in links if not lk.zh), key=lambda lk: lk.en[0])
    for lk in with_z:
        while only_en and lk.en and only_en[0].en[0] < lk.en[0]:
            out.append(only_en.pop(0))
        out.append(lk)
    out.extend(only_en)
    return out


# -- sentence level ----------------------------------------------------------------------------------
_ZH_SENTENCE_END = re.compile(r"(?<=[。！？；])")
_EN_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(“\"\d])")
_EN_ABBREVIATIONS = ("No.", "Art.", "Arts.", "e.g.", "i.e.", "etc.", "Co.", "Ltd.", "Mr.", "Ms.", "Dr.", "St.")


def zh_sentences(text: str) -> list[str]:
    """Split Chinese text after 。！？； (the punctuation stays with its sentence)."""
    return [s for s in (p.strip() for p in _ZH_SENTENCE_END.split(text)) if s]


def en_sentences(text: str) -> list[str]:
    """Split English text after . ! ? ; followed by a capital, a digit or an opening bracket, not after
    common abbreviations (No., Art., e.g. …)."""
    parts = _EN_SENTENCE_END.split(text.strip())
    out: list[str] = []
    for p in parts:
        if out and out[-1].endswith(_EN_ABBREVIATIONS):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return [p for p in out if p]


def refine_links(zh: Sequence[str], en: Sequence[str], links: Sequence[Link],
                 aligner: ParagraphAligner) -> tuple[list[str], list[str], list[Link]]:
    """Second, sentence-level pass: where several paragraphs on one side face one paragraph on the other
    (a 2-1 or 1-2 link), split that one paragraph into sentences and align them to the paragraphs; when
    every paragraph gets at least one sentence, in order, the link becomes 1-1 links.

    Returns the (possibly split) paragraph lists and the new links.
    """
    new_zh: list[str] = []
    new_en: list[str] = []
    out: list[Link] = []
    for lk in _with_gap_candidates(zh, en, links, aligner):
        groups: list[tuple[list[str], list[str], float]] | None = None
        if len(lk.zh) > 1 and len(lk.en) == 1:
            sents = en_sentences(en[lk.en[0]])
            groups = _split_one([zh[i] for i in lk.zh], sents, aligner, one_side="en")
        elif len(lk.en) > 1 and len(lk.zh) == 1:
            sents = zh_sentences(zh[lk.zh[0]])
            groups = _split_one([en[j] for j in lk.en], sents, aligner, one_side="zh")
        if groups is None:
            zi = tuple(range(len(new_zh), len(new_zh) + len(lk.zh)))
            ei = tuple(range(len(new_en), len(new_en) + len(lk.en)))
            new_zh += [zh[i] for i in lk.zh]
            new_en += [en[j] for j in lk.en]
            out.append(Link(zi, ei, lk.confidence))
            continue
        for zpart, epart, conf in groups:
            zi = tuple(range(len(new_zh), len(new_zh) + len(zpart)))
            ei = tuple(range(len(new_en), len(new_en) + len(epart)))
            new_zh += zpart
            new_en += epart
            out.append(Link(zi, ei, conf))
    return new_zh, new_en, out


def _with_gap_candidates(zh: Sequence[str], en: Sequence[str], links: Sequence[Link],
                         aligner: ParagraphAligner) -> list[Link]:
    """A 1-1 link next to a 1-0 (or 0-1) link often means one paragraph faces two: such neighbours become one
    2-1 (1-2) link when the sentence-level split of it is clean."""
    out: list[Link] = []
    i = 0
    while i < len(links):
        a = links[i]
        b = links[i + 1] if i + 1 < len(links) else None
        if b is not None and {a.kind, b.kind} in ({"1-1", "1-0"}, {"1-1", "0-1"}):
            merged = Link(a.zh + b.zh, a.en + b.en, min(a.confidence, b.confidence))
            if len(merged.zh) > 1 and len(merged.en) == 1:
                ok = _split_one([zh[k] for k in merged.zh], en_sentences(en[merged.en[0]]), aligner, "en")
            else:
                ok = _split_one([en[k] for k in merged.en], zh_sentences(zh[merged.zh[0]]), aligner, "zh")
            if ok is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _split_one(paras: list[str], sents: list[str], aligner: ParagraphAligner,
               one_side: str) -> list[tuple[list[str], list[str], float]] | None:
    """Group *sents* (of the single paragraph) under each of *paras*; None unless the grouping is clean."""
    if len(sents) < len(paras):
        return None
    joiner = " " if one_side == "en" else ""
    # align paragraphs (the many side) with sentences (the one side), allowing many sentences per paragraph
    if one_side == "en":
        links = _many_to_one(aligner, paras, sents, zh_side=True)
    else:
        links = _many_to_one(aligner, paras, sents, zh_side=False)
    if links is None:
        return None
    groups = []
    for p_idx, s_idx, conf in links:
        text = joiner.join(sents[k] for k in s_idx)
        if one_side == "en":
            groups.append(([paras[p_idx]], [text], conf))
        else:
            groups.append(([text], [paras[p_idx]], conf))
    return groups


def _many_to_one(aligner: ParagraphAligner, paras: list[str], sents: list[str],
                 zh_side: bool) -> list[tuple[int, tuple[int, ...], float]] | None:
    """A monotone split of *sents* into len(paras) consecutive non-empty runs minimising the aligner's cost."""
    n, m = len(paras), len(sents)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[-1] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    feats_p = [aligner._features_zh(p) if zh_side else aligner._features_en(p) for p in paras]
    feats_s = [aligner._features_en(s) if zh_side else aligner._features_zh(s) for s in sents]
    lower = [s.lower() for s in sents]
    for i in range(1, n + 1):
        for j in range(i, m - (n - i) + 1):
            for k in range(i - 1, j):
                if best[i - 1][k] == inf:
                    continue
                if zh_side:
                    c = aligner._pair_cost([feats_p[i - 1]], feats_s[k:j], lower[k:j], aligner._ratio)
                else:
                    c = aligner._pair_cost(feats_s[k:j], [feats_p[i - 1]], [paras[i - 1].lower()], aligner._ratio)
                if best[i - 1][k] + c < best[i][j]:
                    best[i][j], back[i][j] = best[i - 1][k] + c, k
    if best[n][m] == inf:
        return None
    runs: list[tuple[int, tuple[int, ...], float]] = []
    j = m
    for i in range(n, 0, -1):
        k = back[i][j]
        cost = best[i][j] - best[i - 1][k]
        runs.append((i - 1, tuple(range(k, j)), round(1.0 / (1.0 + math.exp(cost - 2.0)), 3)))
        j = k
    runs.reverse()
    # a split whose pieces disagree badly in length is no better than the merged link
    if any(conf < 0.05 for _p, _s, conf in runs):
        return None
    return runs
