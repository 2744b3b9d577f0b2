"""Turning aligned paragraphs into library segments: tokens, glossary links and English renderings found.
Also the aligner, which uses the glossary as anchors. An English document's paragraphs become segments
with their text on the English side and the glossary renderings the English linker finds in it.

One pass of the matcher and of jieba runs over a whole document, then results are cut back to each
segment, so importing costs little more than segmenting.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from policyreader.core.alignment import Link
from policyreader.core.cjk import has_han
from policyreader.core.document import join_side, outline_kind
from policyreader.core.model import Language, SegmentRow
from policyreader.core.sentence_align import SentenceAligner, english_stems
from policyreader.services.engine import TextEngine
from policyreader.storage.library import LibraryRepository


class DocumentAnalyser:
    """Segments and links for the documents of one library."""

    def __init__(self, engine: TextEngine, repo: LibraryRepository):
        self.engine = engine
        self.repo = repo
        self._lexicon_cache: dict[str, frozenset[str]] = {}

    def _renderings_for(self, zh: str) -> set[str]:
        out: set[str] = set()
        for m in self.engine.terms(zh):
            out.update(r.text.lower() for r in self.engine.glossary.entries[m.entry].renderings)
        return out

    def lexicon_for(self, zh: str) -> set[str]:
        """English content-word stems of the CC-CEDICT definitions of the words of *zh*: what a
        translation of it is likely to contain (a lexical cue for alignment)."""
        out: set[str] = set()
        for t in self.engine.tokens(zh):
            if not has_han(t.text):
                continue
            stems = self._lexicon_cache.get(t.text)
            if stems is None:
                stems = frozenset().union(*(english_stems(d) for e in self.engine.dictionary.lookup(t.text)
                                            for d in e.definitions[:8]))
                self._lexicon_cache[t.text] = stems
            out |= stems
        return out

    def sentence_aligner(self) -> SentenceAligner:
        """The aligner for a translation that may be paragraphed differently (user imports)."""
        return SentenceAligner(self._renderings_for, self.lexicon_for)


    def _en_terms(self, en: str, entries: set[str]) -> list[tuple[int, int, str]]:
        """Renderings of the segment's glossary entries found in its English (case-insensitive, whole words)."""
        if not en or not entries:
            return []
        low = en.lower()
        found: list[tuple[int, int, str]] = []
        for eid in sorted(entries):
            for r in self.engine.glossary.entries[eid].renderings:
                text = r.text.lower().strip()
                if not text:
                    continue
                for m in re.finditer(r"(?<![\w-])" + re.escape(text) + r"(?:s|es)?(?![\w-])", low):
                    found.append((m.start(), m.end(), eid))
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        out: list[tuple[int, int, str]] = []
        last = -1
        for s, e, eid in found:
            if s >= last:
                out.append((s, e, eid))
                last = e
        return out

    def build_segments(self, zh_paras: Sequence[str], levels: Sequence[int], en_paras: Sequence[str],
                       links: Sequence[Link]) -> list[SegmentRow]:
        """Segments from aligned links, each with cached tokens and glossary links."""
        zh_texts = ["\n".join(zh_paras[i] for i in link.zh) for link in links]
        # One pass of the matcher and of jieba over the whole document (joined by newlines, which neither
        # a glossary form nor a jieba word crosses), then the results are cut back to each segment.
        whole, spans = join_side(zh_texts)
        matches = self.engine.terms(whole)
        bounds = self.engine.segmenter.bounds(whole, [(m.start, m.end) for m in matches]) if whole else [0]
        m_i = 0
        segments: list[SegmentRow] = []
        for idx, (link, zh, (start, end)) in enumerate(zip(links, zh_texts, spans, strict=True)):
            seg_matches = []
            while m_i < len(matches) and matches[m_i].start < end:
                m = matches[m_i]
                seg_matches.append((m.start - start, m.end - start, m.entry))
                m_i += 1
            # the tokens wholly inside the segment, but its own line breaks
            lo, hi = bisect_left(bounds, start), bisect_right(bounds, end) - 1
            ends = bounds[lo + 1:hi + 1]
            if "\n" in zh:
                ends = [b for a, b in zip(bounds[lo:hi], ends, strict=True) if whole[a:b] != "\n"]
            en = "\n".join(en_paras[j] for j in link.en)
            level = levels[link.zh[0]] if link.zh else 0
            segments.append(SegmentRow(
                idx=idx, zh=zh, en=en, level=level, kind=outline_kind(zh, level) or "" if zh else "",
                link=link.kind, confidence=link.confidence, tokens=[b - start for b in ends],
                terms=seg_matches, en_terms=self._en_terms(en, {e for _a, _b, e in seg_matches})))
        return segments

    def english_links(self, paragraphs: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """The renderings in each paragraph of an English document, as (start, end, entry id): one pass of
        the English linker over the whole text (a rendering never crosses a line break)."""
        whole, spans = join_side(list(paragraphs))
        hits = self.engine.english_linker.link(whole)
        out: list[list[tuple[int, int, str]]] = [[] for _ in spans]
        i = 0
        for n, (start, end) in enumerate(spans):
            while i < len(hits) and hits[i].start < end:
                out[n].append((hits[i].start - start, hits[i].end - start, hits[i].entry))
                i += 1
        return out

    def build_english_segments(self, paragraphs: Sequence[str], levels: Sequence[int]) -> list[SegmentRow]:
        """Segments of an English document: one per paragraph, its glossary renderings linked."""
        links = self.english_links(paragraphs)
        return [SegmentRow(idx=i, zh="", en=text, level=level, kind="title" if level == 1 else "", link="0-1",
                           en_terms=found)
                for i, (text, level, found) in enumerate(zip(paragraphs, levels, links, strict=True))]

    def relink(self, doc_ids: Sequence[str] | None = None) -> int:
        """Recompute the cached glossary links of documents after the glossary changed (no re-segmentation).

        Returns the number of segments whose links changed.
        """
        changed = 0
        for doc_id in doc_ids if doc_ids is not None else [d.id for d in self.repo.documents()]:
            doc, segments = self.repo.get(doc_id), self.repo.segments(doc_id)
            english = self.english_links([s.en for s in segments]) if doc and doc.lang == Language.EN else None
            updates = []
            for n, s in enumerate(segments):
                terms = [(m.start, m.end, m.entry) for m in self.engine.terms(s.zh)]
                en_terms = english[n] if english is not None else self._en_terms(s.en, {t[2] for t in terms})
                if (terms != [tuple(t) for t in s.terms] or en_terms != [tuple(t) for t in s.en_terms]
                        or (self.repo.nested(s.zh, terms) if terms else []) != [tuple(t) for t in s.nested]):
                    updates.append((s.idx, terms, en_terms))
            self.repo.update_links(doc_id, updates)
            changed += len(updates)
        return changed
