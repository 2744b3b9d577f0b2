"""Glossary matching: every occurrence of every glossary form, leftmost-longest, without segmentation.

Recall must not depend on jieba: a term split by the segmenter is still found. Each entry contributes
its simplified form, traditional form, listed variants, and the traditional forms OpenCC derives from
the simplified one, so documents in either script link to the same entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policyreader.core.scripts import converter

if TYPE_CHECKING:
    from policyreader.core.glossary import Glossary


@dataclass(frozen=True)
class TermMatch:
    """An occurrence of a glossary form: code-point span, the matched text and the entry id."""

    start: int
    end: int
    text: str
    entry: str


def script_variants(form: str) -> set[str]:
    """Traditional-script spellings of a simplified form (Mainland, Taiwan and Hong Kong standards)."""
    return {converter(c).convert(form) for c in ("s2t", "s2tw", "s2hk")} | {converter("t2s").convert(form)}


class GlossaryMatcher:
    """Finds glossary forms in text with a first-character index and leftmost-longest preference."""

    def __init__(self, forms: Mapping[str, str], derive_scripts: bool = True,
                 excludes: Mapping[str, Iterable[tuple[int, str]]] | None = None):
        table: dict[str, str] = {}
        if derive_scripts:
            for form, entry in forms.items():
                for v in script_variants(form):
                    if len(v) == len(form):
                        table.setdefault(v, entry)
        table.update(forms)  # listed forms win over derived ones
        self._forms = table
        # where a form must not match: at offset k inside a longer string x (both scripts)
        blocked: dict[str, set[tuple[int, str]]] = {}
        for form, places in (excludes or {}).items():
            for k, x in places:
                blocked.setdefault(form, set()).add((k, x))
                if derive_scripts:
                    for vx in script_variants(x):
                        if len(vx) == len(x):
                            blocked.setdefault(vx[k:k + len(form)], set()).add((k, vx))
        self._blocked = blocked
        # candidates are indexed by their first two characters (one for single-character forms)
        index: dict[str, list[str]] = {}
        for form in table:
            if form:
                index.setdefault(form[:2], []).append(form)
        for cands in index.values():
            cands.sort(key=len, reverse=True)
        self._index = index
        firsts = sorted({f[0] for f in table if f})
        # the regex engine skips, in C, to the next character that can start a form
        self._starts = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None

    @classmethod
    def for_glossary(cls, glossary: Glossary) -> GlossaryMatcher:
        """The matcher of a glossary: every form of every entry, and the entries' exclusions."""
        return cls(glossary.by_form(), excludes=glossary.exclusions())

    @property
    def forms(self) -> dict[str, str]:
        return dict(self._forms)

    def find(self, text: str) -> list[TermMatch]:
        """All non-overlapping matches, scanning left to right and taking the longest at each point."""
        out: list[TermMatch] = []
        if self._starts is None:
            return out
        index, search, forms = self._index, self._starts.search, self._forms
        m = search(text)
        while m is not None:
            i = m.start()
            found = None
            for form in index.get(text[i:i + 2], ()):
                if text.startswith(form, i) and not self._excluded(text, i, form):
                    found = form
                    break
            single = index.get(text[i])
            if found is None and single and not self._excluded(text, i, single[0]):
                found = single[0]
            if found is None:
                m = search(text, i + 1)
                continue
            end = i + len(found)
            out.append(TermMatch(i, end, found, forms[found]))
            m = search(text, end)
        return out

    def _excluded(self, text: str, i: int, form: str) -> bool:
        """Whether *form* at *i* is part of a longer string its entry says is not the term."""
        places = self._blocked.get(form)
        if not places:
            return False
        return any(i >= k and text.startswith(x, i - k) for k, x in places)

    def find_all_forms(self, texts: Iterable[str]) -> list[list[TermMatch]]:
        return [self.find(t) for t in texts]


def with_nested(zh: str, links: Iterable[tuple[int, int, str]], forms: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """A segment's links and the terms nested inside them, in text order: 社会信用体系建设 is linked as itself,
    and 社会信用体系 (and 社会信用, 信用) occur inside it. Concordance and "where a term occurs" count these,
    since a reader looking for 社会信用体系 wants it wherever it is written."""
    out: list[tuple[int, int, str]] = []
    for start, end, eid in links:
        out.append((start, end, eid))
        out.extend((start + i, start + j, inner) for i, j, inner in inner_forms(zh[start:end], forms) if inner != eid)
    return sorted(out)


def inner_forms(span: str, forms: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Every glossary form written inside *span* other than the whole of it: (start, end, entry)."""
    out = []
    for i in range(len(span)):
        for j in range(i + 1, len(span) + 1):
            inner = forms.get(span[i:j])
            if inner is not None and (i, j) != (0, len(span)):
                out.append((i, j, inner))
    return out
