"""Translation QA for aligned segments: glossary terminology, numbers, and untranslated text.

This module owns the rules that turn a (Chinese, English) segment into :class:`Finding` objects; how
a rendering is found in English is the English matcher's (:mod:`policyreader.core.english`), how numbers
are read is :mod:`policyreader.core.numbers`'.

Terminology rules, per segment and per glossary entry found in the Chinese by :class:`GlossaryMatcher`
(leftmost-longest, so 信用 inside 社会信用体系 is not checked as an occurrence of its own):

* every rendering of every entry in the Chinese, nested ones included, is looked for in the English.
  A stretch of English renders only one term, so matches are *claimed*, longest first:
  ``social credit system`` is claimed by 社会信用体系 and its ``credit`` cannot also vouch for a
  separate 信用;
* an ``avoid`` rendering claimed by the entry → ``term-avoid`` (error), whatever else is there;
* else a preferred/accepted rendering → no finding; else a contested one → ``term-contested``
  (warning); else ``term-missing`` (error).

Counts are deliberately not compared: if 信用信息 occurs twice in the Chinese and ``credit
information`` once in the English, the segment passes, because translators pronominalise ("such
information", "it"). So there is at most one term finding per (segment, entry).

Numbers: every missing or extra number is one ``number`` finding; article, chapter and section
references are compared on their own, as ``article-number`` findings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from policyreader.core.cjk import HAN_RANGES
from policyreader.core.english import EnglishText, RenderingHit, claim_renderings, compile_patterns
from policyreader.core.glossary import GlossaryEntry
from policyreader.core.matcher import GlossaryMatcher
from policyreader.core.model import GOOD_STATUSES as GOOD
from policyreader.core.model import FindingKind, Severity, Status
from policyreader.core.numbers import chinese_numbers, english_numbers, num_sort, struct_label

KINDS = tuple(FindingKind)
SEVERITY = {FindingKind.TERM_MISSING: Severity.ERROR, FindingKind.TERM_CONTESTED: Severity.WARNING,
            FindingKind.TERM_AVOID: Severity.ERROR, FindingKind.NUMBER: Severity.ERROR,
            FindingKind.ARTICLE_NUMBER: Severity.ERROR, FindingKind.UNTRANSLATED: Severity.ERROR,
            FindingKind.IDENTICAL: Severity.WARNING, FindingKind.INCONSISTENT_TARGET: Severity.WARNING,
            FindingKind.INCONSISTENT_SOURCE: Severity.WARNING, FindingKind.USER_CHECK: Severity.ERROR}


@dataclass(frozen=True)
class Finding:
    """One QA problem in one segment (of the document *doc*, when findings of several documents are listed
    together; user checks name themselves in *term*)."""

    segment: int
    kind: FindingKind
    severity: Severity
    term: str
    entry: str
    found: str
    expected: str
    message: str
    doc: str = ""


@dataclass(frozen=True)
class QASegment:
    """A segment to check: its id (index in the document), Chinese and English text."""

    id: int
    zh: str
    en: str


_CJK = re.compile(f"[{HAN_RANGES}]")
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
            out.append(self._finding(seg.id, FindingKind.IDENTICAL, found=en, expected="",
                                     message="The English is identical to the Chinese."))
        if not en or mostly_cjk(en):
            out.append(self._finding(seg.id, FindingKind.UNTRANSLATED, found=en, expected="",
                                     message="The segment has no English translation." if not en
                                     else "The English consists mostly of Chinese characters."))
            return out
        out.extend(self._terms(seg.id, zh, en))
        out.extend(self._numbers(seg.id, zh, en))
        return out

    @staticmethod
    def _finding(segment: int, kind: FindingKind, *, term: str = "", entry: str = "", found: str, expected: str,
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
            avoided = [h for h in hits if h.status == Status.AVOID]
            if avoided:
                found = " | ".join(dict.fromkeys(h.text for h in avoided))
                out.append(self._finding(
                    sid, FindingKind.TERM_AVOID, term=term, entry=eid, found=found, expected=expected,
                    message=f"{term} is rendered as “{avoided[0].text}”, which the glossary says to avoid; "
                            f"use {_quote(good)}."))
            elif any(h.status in GOOD for h in hits):
                continue
            elif hits:
                found = " | ".join(dict.fromkeys(h.text for h in hits))
                out.append(self._finding(
                    sid, FindingKind.TERM_CONTESTED, term=term, entry=eid, found=found, expected=expected,
                    message=f"{term} is rendered as “{hits[0].text}”, a contested rendering; "
                            f"the glossary prefers {_quote(good[:1])}."))
            else:
                out.append(self._finding(
                    sid, FindingKind.TERM_MISSING, term=term, entry=eid, found="", expected=expected,
                    message=f"{term} has none of its glossary renderings in the English; expected "
                            f"{_quote(good)}."))
        return out

    def _numbers(self, sid: int, zh: str, en: str) -> list[Finding]:
        z, e = chinese_numbers(zh), english_numbers(en)
        out: list[Finding] = []
        if z.struct != e.struct:
            exp = ", ".join(struct_label(r) for r in sorted(z.struct))
            fnd = ", ".join(struct_label(r) for r in sorted(e.struct))
            out.append(self._finding(
                sid, FindingKind.ARTICLE_NUMBER, found=fnd, expected=exp,
                message=f"Article/chapter references differ: the Chinese has {exp or 'none'}, "
                        f"the English has {fnd or 'none'}."))
        missing = z.required - e.required - e.optional
        extra = e.required - z.required - z.optional
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"{', '.join(num_sort(missing))} missing from the English")
            if extra:
                parts.append(f"{', '.join(num_sort(extra))} not in the Chinese")
            out.append(self._finding(
                sid, FindingKind.NUMBER, found=", ".join(num_sort(e.required | (e.optional & z.required))),
                expected=", ".join(num_sort(z.required)),
                message=f"Numbers differ: {'; '.join(parts)}."))
        return out
