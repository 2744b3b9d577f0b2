"""Aligning a Chinese text with a translation that is paragraphed differently: Chinese paragraphs against
English *sentences*.

Users bring translations from websites, PDFs and colleagues, and their paragraphing never matches the
source: one English paragraph renders two or three Chinese ones, a sentence is missing, a paragraph was
never translated. Aligning paragraph to paragraph then has to merge Chinese paragraphs to match English
ones. This aligner never has to: every English paragraph is split into sentences, and a dynamic
programme gives each Chinese paragraph a run of consecutive English sentences (1-k), nothing (1-0, an
untranslated paragraph), or lets an English sentence stand alone (0-1, a translator's addition). Two
Chinese paragraphs share a run (2-k) only when no split of the English fits them better, so the result
is the finest correct segmentation.

A run is scored on the length ratio (Gale & Church), anchors (article, chapter and item numbers, Arabic
numbers and dates), glossary renderings of the paragraph's terms found in the run, lexical cues (English
words from CC-CEDICT definitions of the paragraph's words), and the English paragraph boundaries: a run
that starts or ends inside an English paragraph costs a little, so a translation paragraphed like the
source keeps its paragraphs whole. Every link carries a confidence in [0, 1].
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from policyreader.core.alignment import Link, en_marker, en_sentences, zh_marker
from policyreader.core.english import stem
from policyreader.core.numbers import NumberSet, chinese_numbers, english_numbers

TermRenderings = Callable[[str], set[str]]
Lexicon = Callable[[str], set[str]]

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
#: places inside an English "sentence" where a new unit starts although no full stop marks it: an article or
#: chapter heading (a paragraph merged into the one before it lost its line break, and headings and dates
#: have no stop), or an enumerated item after a colon
_UNIT_START = re.compile(r"\s+(?=(?:Article \d+|Chapter [IVXLC\d]+|Section [IVXLC\d]+) [A-Z])"
                         r"|\s+(?=(?:Adopted|Promulgated|Issued|Revised|Amended) (?:at|by|on) )"
                         r"|(?<=\b\d{4})\s+(?=[A-Z][a-z]+ )"  # a date line (promulgated … 2013) before the next line
                         r"|(?<=:)\s+(?=\(\d+\)\s)")


def alignment_units(paragraph: str) -> list[str]:
    """An English paragraph cut into sentences, and further before headings and items that lost their
    line break."""
    out: list[str] = []
    for s in en_sentences(paragraph) or [paragraph]:
        out += [p for p in _UNIT_START.split(s) if p]
    return out
_STOP = frozenset("""a an the of and or for in on at to with by from as is are be been shall may must not no
such other any this that these those its their it which who whom whose where when than then into upon under
within without between through about after before over all each every per""".split())


def _anchor_numbers(found: NumberSet) -> tuple[frozenset[str], frozenset[str]]:
    """Numbers that must appear on the other side (values, article/chapter references by number), and
    numbers that may (English month names and number words)."""
    return frozenset(found.required | {f"{kind}:{n}" for kind, n in found.struct}), frozenset(found.optional)


def zh_length(text: str) -> float:
    """The length of Chinese text in Chinese-character units: ASCII (digits, Latin words) translates about
    one to one into English, so it counts 1/RATIO per character."""
    ascii_chars = sum(1 for ch in text if ord(ch) < 128)
    return len(text) - ascii_chars + ascii_chars / SentenceAligner.RATIO


def english_stems(text: str) -> set[str]:
    """Content-word stems of an English text, for lexical cues."""
    return {stem(w.lower()) for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in _STOP}


@dataclass
class _Sentence:
    text: str
    para: int          # index of the English paragraph it came from
    starts: bool       # first sentence of its paragraph
    ends: bool         # last sentence of its paragraph
    length: int
    marker: tuple[str, int] | None
    numbers: frozenset[str]
    maybe: frozenset[str]
    lower: str
    stems: frozenset[str]


@dataclass
class _Unit:
    text: str
    length: float
    marker: tuple[str, int] | None
    numbers: frozenset[str]
    maybe: frozenset[str]
    renderings: frozenset[str]
    lexicon: frozenset[str]


@dataclass(frozen=True)
class _Group:
    """One or two consecutive Chinese paragraphs, as a run of English sentences is scored against them."""

    length: float
    marker: tuple[str, int] | None
    markers: float            # the cost of markers inside the group (after its first paragraph)
    numbers: frozenset[str]
    all_numbers: frozenset[str]
    renderings: frozenset[str]
    lexicon: frozenset[str]

    @staticmethod
    def of(units: Sequence[_Unit]) -> _Group:
        numbers = frozenset().union(*(u.numbers for u in units))
        return _Group(sum(u.length for u in units), units[0].marker,
                      sum(6.0 if u.marker[0] in ("article", "chapter") else 2.5 for u in units[1:] if u.marker),
                      numbers, numbers | frozenset().union(*(u.maybe for u in units)),
                      frozenset().union(*(u.renderings for u in units)),
                      frozenset().union(*(u.lexicon for u in units)))


@dataclass(frozen=True)
class Alignment:
    """The result: Chinese paragraphs, English pieces (whole paragraphs, or runs of sentences cut from one),
    and links between them, in reading order."""

    zh: list[str]
    en: list[str]
    links: list[Link]


class SentenceAligner:
    """Chinese paragraphs against English sentences. ``ratio``: English characters per Chinese character."""

    RATIO = 4.7
    VARIANCE = 12.0
    P_UNTRANSLATED = 5.0   # 1-0
    P_ADDITION = 5.0       # 0-1
    P_TWO = 5.0
    CUT = 0.3
    MAX_RUN = 40
    MAX_LENGTH_COST = 9.0
    BEAM = 25.0

    def __init__(self, renderings_for: TermRenderings | None = None, lexicon_for: Lexicon | None = None,
                 ratio: float | None = None, variance: float | None = None):
        self._renderings_for = renderings_for
        self._lexicon_for = lexicon_for
        self.ratio = ratio or self.RATIO
        self.variance = variance or self.VARIANCE

    # -- features -----------------------------------------------------------------------------
    def _unit(self, text: str) -> _Unit:
        rend = frozenset(r for r in (self._renderings_for(text) if self._renderings_for else set()) if r)
        lex = frozenset(self._lexicon_for(text)) if self._lexicon_for else frozenset()
        required, maybe = _anchor_numbers(chinese_numbers(text))
        return _Unit(text, zh_length(text), zh_marker(text), required, maybe, rend, lex)

    @staticmethod
    def _sentences(en: Sequence[str]) -> list[_Sentence]:
        out: list[_Sentence] = []
        for p, para in enumerate(en):
            sents = alignment_units(para)
            for k, s in enumerate(sents):
                required, maybe = _anchor_numbers(english_numbers(s))
                out.append(_Sentence(s, p, k == 0, k == len(sents) - 1, len(s), en_marker(s), required, maybe,
                                     s.lower(), frozenset(english_stems(s))))
        return out

    # -- costs --------------------------------------------------------------------------------
    def _length_cost(self, lz: float, le: int) -> float:
        mean = (lz + le / self.ratio) / 2
        delta = (le - lz * self.ratio) / math.sqrt(max(mean, 1.0) * self.variance)
        p = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12)
        # capped: a translation that is much shorter or longer (a missing sentence, a list of article
        # numbers) must still be able to pair up when its anchors agree
        return min(-math.log(p), self.MAX_LENGTH_COST)

    def _run_cost(self, units: Sequence[_Unit], sents: Sequence[_Sentence]) -> float:
        """The cost of aligning *units* with the run *sents* (see :meth:`_run_costs`)."""
        return list(self._run_costs(_Group.of(units), sents, len(sents)))[-1]

    def _run_costs(self, group: _Group, sents: Sequence[_Sentence], limit: int) -> Iterator[float]:
        """The costs of aligning a group of Chinese paragraphs with the runs ``sents[:1]``, ``sents[:2]`` …
        up to *limit* sentences, computed incrementally: the dynamic programme tries every run length from
        every state, so each run's features are the previous run's plus one sentence."""
        lz, zm, unit_markers, zn, zall, rend, lex = (group.length, group.marker, group.markers, group.numbers,
                                                      group.all_numbers, group.renderings, group.lexicon)
        first = sents[0] if sents else None
        le = -1
        sent_markers = 0.0
        enn: set[str] = set()
        eall: set[str] = set()
        stems: set[str] = set()
        found: set[str] = set()
        joined = ""
        for k, s in enumerate(sents[:limit]):
            le += s.length + 1
            if k and s.marker:
                sent_markers += 6.0 if s.marker[0] in ("article", "chapter") else 2.5
            enn |= s.numbers
            eall |= s.numbers
            eall |= s.maybe
            stems |= s.stems
            joined = s.lower if not k else joined + " " + s.lower
            cost = self._length_cost(lz, le)
            em = first.marker if first else None
            if zm and em:
                cost += -4.0 if zm == em else (6.0 if zm[0] == em[0] else 2.0)
            elif zm or em:
                kind = (zm or em)[0]  # type: ignore[index]
                cost += 8.0 if kind in ("article", "chapter") else 3.0
            cost += unit_markers + sent_markers
            if zn or enn:
                cost -= 1.5 * len(zall & eall)
                cost += 0.6 * min(len(zn - eall) + len(enn - zall), 6)
            if rend:
                # the run only grows, so a rendering found stays found: test only the others
                found |= {r for r in rend - found if r in joined}
                cost -= 0.6 * min(len(found), 5)
            if lex and stems:
                cost -= 2.0 * len(lex & stems) / math.sqrt(len(stems) + 4)
            if first is not None and not first.starts:
                cost += self.CUT
            if not s.ends:
                cost += self.CUT
            yield cost

    # -- the programme ------------------------------------------------------------------------
    def align(self, zh: Sequence[str], en: Sequence[str]) -> Alignment:
        units = [self._unit(t) for t in zh]
        sents = self._sentences(en)
        n, m = len(units), len(sents)
        inf = float("inf")
        cost = [dict[int, float]() for _ in range(n + 1)]
        back: list[dict[int, tuple[int, int, float]]] = [{} for _ in range(n + 1)]
        cost[0][0] = 0.0
        band = max(150, m // 3, abs(m - n))
        groups = [[_Group.of(units[i:i + dz]) for i in range(n - dz + 1)] for dz in (1, 2)]
        prefix = [0]
        for s in sents:
            prefix.append(prefix[-1] + s.length + 1)

        def relax(i: int, j: int, ni: int, nj: int, c: float) -> None:
            if nj > m:
                return
            total = cost[i][j] + c
            if total < cost[ni].get(nj, inf):
                cost[ni][nj] = total
                back[ni][nj] = (i, j, c)

        for i in range(n + 1):
            centre = (i * m / n) if n else 0
            row = cost[i]
            # a beam: states far worse than this row's best cannot end on the best path
            ceiling = min(row.values(), default=0.0) + self.BEAM
            # the row's states in increasing j; a 0-1 step adds state j + 1 to this same row as it goes
            keys = sorted(row)
            p = 0
            while p < len(keys):
                j = keys[p]
                p += 1
                if row[j] > ceiling or (abs(j - centre) > band and not (i == n or j == m)):
                    continue
                if i < n:
                    relax(i, j, i + 1, j, self.P_UNTRANSLATED)
                    for dz in (1, 2):
                        if i + dz > n:
                            break
                        group = groups[dz - 1][i]
                        lz = group.length
                        limit = max(3.0 * self.ratio * lz, self.ratio * lz + 400)
                        prior = 0.0 if dz == 1 else self.P_TWO
                        run = 0  # the longest run within the length limit
                        for k in range(1, self.MAX_RUN + 1):
                            if j + k > m or (k > 1 and prefix[j + k] - prefix[j] > limit):
                                break
                            run = k
                        for k, c in enumerate(self._run_costs(group, sents[j:j + run], run), start=1):
                            relax(i, j, i + dz, j + k, prior + c)
                if j < m:
                    relax(i, j, i, j + 1, self.P_ADDITION)
                    if j + 1 in row and (p == len(keys) or keys[p] != j + 1):
                        keys.insert(p, j + 1)
        if m not in cost[n]:  # cannot happen: 1-0 and 0-1 steps always reach the end
            raise RuntimeError("alignment failed")
        steps: list[tuple[int, int, int, int, float]] = []
        i, j = n, m
        while i > 0 or j > 0:
            pi, pj, c = back[i][j]
            steps.append((pi, i, pj, j, c))
            i, j = pi, pj
        steps.reverse()
        return self._assemble(zh, en, sents, steps)

    @staticmethod
    def _assemble(zh: Sequence[str], en: Sequence[str], sents: Sequence[_Sentence],
                  steps: Sequence[tuple[int, int, int, int, float]]) -> Alignment:
        """Links over English pieces: a run's sentences grouped by the paragraph they came from; a group that
        is a whole paragraph keeps the paragraph's own text."""
        out_en: list[str] = []
        links: list[Link] = []
        for zi, zj, si, sj, c in steps:
            pieces: list[int] = []
            run = sents[si:sj]
            k = 0
            while k < len(run):
                para = run[k].para
                group = [run[k]]
                while k + len(group) < len(run) and run[k + len(group)].para == para:
                    group.append(run[k + len(group)])
                whole = group[0].starts and group[-1].ends
                out_en.append(en[para] if whole else " ".join(s.text for s in group))
                pieces.append(len(out_en) - 1)
                k += len(group)
            conf = 1.0 / (1.0 + math.exp(c - 2.0)) if zj > zi and pieces else 0.5
            links.append(Link(tuple(range(zi, zj)), tuple(pieces), round(conf, 3)))
        return Alignment(list(zh), out_en, links)
