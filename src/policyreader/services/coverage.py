"""English coverage as use cases: the glossary's renderings in an English text, the reverse lookup of a
rendering (the Chinese terms it renders, and where those terms occur in the bundled regulations: the
article and the aligned sentence pair), and the claims summary of an English document or file.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policyreader.core.alignment import zh_sentences
from policyreader.core.claims import ClaimsSummary, summarise
from policyreader.core.coverage import Reading, detect_language, short_title
from policyreader.core.document import article_number, chinese_numeral_to_int, join_side
from policyreader.core.english import RenderingHit
from policyreader.core.errors import UserError
from policyreader.core.matcher import with_nested
from policyreader.core.model import DocumentRow, Language, SegmentRow
from policyreader.formats.registry import Kind, by_name, render, write_file
from policyreader.services.engine import TextEngine
from policyreader.services.library import Library


@dataclass(frozen=True)
class EnglishMention:
    """A rendering found in an English text: where, as written, which entry and term, and its status."""

    start: int
    end: int
    text: str
    entry: str
    term: str
    status: str
    rendering: str

    def to_json(self) -> dict[str, Any]:
        """The shape ``policyreader terms FILE --json`` prints for English text."""
        return {"start": self.start, "end": self.end, "text": self.text, "entry": self.entry, "term": self.term,
                "status": self.status}


@dataclass(frozen=True)
class RegulationUse:
    """One occurrence of a term in a bundled regulation: the article, and the sentence with its English."""

    doc: str
    title: str
    title_en: str
    segment: int
    start: int  # the term's span in the segment's Chinese
    end: int
    where: str  # 第二十六条, 第三章, 标题 …
    where_en: str  # Article 26, Chapter 3, title …
    zh: str  # the Chinese sentence that holds the term
    en: str  # its English in our aligned translation ("" where the segment is untranslated)

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "title": self.title, "title_en": self.title_en, "segment": self.segment,
                "start": self.start, "end": self.end, "where": self.where, "where_en": self.where_en,
                "zh": self.zh, "en": self.en}


@dataclass
class TermInRegulations:
    """How often a term occurs in the bundled regulations, in how many of them, and a few examples."""

    entry: str
    occurrences: int
    documents: int
    examples: list[RegulationUse]

    def to_json(self) -> dict[str, Any]:
        return {"entry": self.entry, "occurrences": self.occurrences, "documents": self.documents,
                "examples": [x.to_json() for x in self.examples]}


def english_mentions(engine: TextEngine, text: str) -> list[EnglishMention]:
    """Every glossary rendering in an English *text* (code-point offsets into it); needs no library."""
    entries = engine.glossary.entries
    return [EnglishMention(h.start, h.end, h.text, h.entry, entries[h.entry].term, h.status, h.rendering)
            for h in engine.english_linker.link(text)]


_STRUCTURE = ("article", "chapter", "section", "title")
_WHERE_EN = {"chapter": "Chapter", "section": "Section"}


def location(segments: Sequence[SegmentRow], idx: int) -> tuple[str, str]:
    """Where segment *idx* stands in its regulation, in Chinese and English: its article (第二十六条 /
    Article 26), else its chapter or section, the title, or the preamble."""
    for s in reversed(segments[:idx + 1]):
        if s.kind not in _STRUCTURE:
            continue
        head = s.zh.split()[0] if s.zh.split() else s.zh
        if s.kind == "article":
            head = head[:head.index("条") + 1] if "条" in head else head
            return head, f"Article {article_number(s.zh)}"
        if s.kind == "title":  # the title itself; what follows it before the first article is the preamble
            return ("标题", "title") if s.idx == segments[idx].idx else ("序言", "preamble")
        marker = "章" if s.kind == "chapter" else "节"
        head = head[:head.index(marker) + 1] if marker in head else head
        return head, f"{_WHERE_EN[s.kind]} {chinese_numeral_to_int(head[1:-1]) or head[1:-1]}"
    return "序言", "preamble"


Occurrence = tuple[str, int, int, int]  # document, segment, start, end


def _examples(found: Sequence[Occurrence], translated: Callable[[Occurrence], bool], n: int) -> list[Occurrence]:
    """Up to *n* occurrences to show: one per regulation first, translated segments before untranslated
    ones, in corpus order."""
    ranked = sorted(found, key=lambda o: not translated(o))  # stable: corpus order within each group
    first: dict[str, Occurrence] = {}
    for o in ranked:
        first.setdefault(o[0], o)
    chosen = list(first.values())
    seen = set(chosen)
    chosen += [o for o in ranked if o not in seen]
    return chosen[:n]


class CoverageService:
    """English documents read against the glossary and the bundled regulations."""

    EXAMPLES = 3

    def __init__(self, library: Library):
        self.library = library
        self.engine = library.engine
        self._index: tuple[Any, dict[str, list[Occurrence]], dict[str, list[SegmentRow]],
                           dict[str, DocumentRow]] | None = None

    # -- linking ------------------------------------------------------------------------------
    def mentions(self, text: str) -> list[EnglishMention]:
        """Every glossary rendering in an English *text* (code-point offsets into it)."""
        return english_mentions(self.engine, text)

    def readings(self, surface: str) -> list[Reading]:
        """Every entry a stretch of English renders, best first (the reverse popup's terms)."""
        return self.engine.english_linker.readings(surface)

    # -- the bundled regulations --------------------------------------------------------------
    def _regulations(self) -> tuple[dict[str, list[Occurrence]], dict[str, list[SegmentRow]],
                                    dict[str, DocumentRow]]:
        """Every linked occurrence of every entry in the bundled regulations (read once per glossary and
        corpus version): entry → (doc, segment, start, end), with the documents' segments and rows."""
        docs = [d for d in self.library.documents() if d.bundled and d.lang == Language.ZH]
        key = (self.engine.glossary_version, tuple((d.id, d.updated_at) for d in docs))
        if self._index is None or self._index[0] != key:
            by_entry: dict[str, list[Occurrence]] = {}
            segments: dict[str, list[SegmentRow]] = {}
            forms = self.engine.matcher.forms
            for d in docs:
                segments[d.id] = self.library.repo.segments(d.id)
                for s in segments[d.id]:
                    # a term inside a longer one occurs there too: 社会信用体系 in 社会信用体系建设
                    for start, end, eid in with_nested(s.zh, s.terms, forms):
                        by_entry.setdefault(eid, []).append((d.id, s.idx, start, end))
            self._index = (key, by_entry, segments, {d.id: d for d in docs})
        return self._index[1], self._index[2], self._index[3]

    def in_regulations(self, entry_ids: Iterable[str], examples: int = EXAMPLES) -> dict[str, TermInRegulations]:
        """For each entry: its occurrences in the bundled regulations and up to *examples* of them, one per
        regulation first and translated segments first, each with its article and aligned sentence pair."""
        by_entry, segments, docs = self._regulations()
        out: dict[str, TermInRegulations] = {}
        for eid in dict.fromkeys(entry_ids):
            found = by_entry.get(eid, [])
            picked = _examples(found, lambda o: bool(segments[o[0]][o[1]].en), examples)
            out[eid] = TermInRegulations(eid, len(found), len({d for d, *_ in found}),
                                         [self._use(docs[d], segments[d], i, s, e) for d, i, s, e in picked])
        return out

    def _use(self, doc: DocumentRow, segments: Sequence[SegmentRow], idx: int, start: int, end: int) -> RegulationUse:
        seg = segments[idx]
        zh, en = self.sentence_pair(seg, start)
        where, where_en = location(segments, idx)
        return RegulationUse(doc.id, doc.title, doc.title_en, idx, start, end, where, where_en, zh, en)

    def sentence_pair(self, seg: SegmentRow, start: int) -> tuple[str, str]:
        """The Chinese sentence of *seg* that holds offset *start*, and the English sentences the aligner
        pairs with it (the segment's whole English when it has one sentence)."""
        sentences = zh_sentences(seg.zh) or [seg.zh]
        ends, pos = [], 0
        for sentence in sentences:
            pos = seg.zh.find(sentence, pos) + len(sentence)
            ends.append(pos)
        k = min(bisect.bisect_right(ends, start), len(sentences) - 1)
        if not seg.en or len(sentences) == 1:
            return sentences[k], seg.en
        alignment = self.library.analyser.sentence_aligner().align(sentences, [seg.en])
        link = next((lk for lk in alignment.links if k in lk.zh), None)
        english = " ".join(alignment.en[j] for j in link.en) if link is not None else ""
        return sentences[k], english or seg.en

    # -- the claims summary -------------------------------------------------------------------
    def claims(self, target: str, lang: str | None = None) -> ClaimsSummary:
        """The claims summary of *target*: an English file (txt, md, html, docx, pdf), or a library document."""
        path = Path(target)
        if not path.exists() and self.library.repo.get(target) is not None:
            return self.claims_for_doc(target)
        return self.claims_for_file(path, lang)

    def claims_for_doc(self, doc_id: str) -> ClaimsSummary:
        doc = self.library.get(doc_id)
        if doc.lang != Language.EN:
            raise UserError(f"{doc_id} is a Chinese document; the claims summary reads English documents "
                            "(news, blogs, forum posts) against the glossary")
        text, _spans = join_side([s.en for s in self.library.repo.segments(doc_id)])
        return self._summary(doc.title, doc.source_path or doc.id, text)

    def claims_for_file(self, path: Path, lang: str | None = None) -> ClaimsSummary:
        src = self.library.read_file(path)
        text, _spans = join_side([p.text for p in src.paragraphs])
        if lang not in (None, Language.ZH, Language.EN):
            raise UserError(f"--lang {lang}: choose zh or en")
        if (lang or detect_language(text)) != Language.EN:
            raise UserError(f"{path}: this reads as Chinese; the claims summary reads English documents against "
                            "the glossary (give --lang en if it is English)")
        title = src.metadata.get("title") or short_title(src.paragraphs[0].text if src.paragraphs else path.name)
        return self._summary(title, str(path), text)

    def _summary(self, title: str, source: str, text: str) -> ClaimsSummary:
        linker = self.engine.english_linker
        hits: list[RenderingHit] = linker.link(text)
        counts = {eid: t.occurrences for eid, t in self.in_regulations({h.entry for h in hits}, 0).items()}
        return summarise(title, source, hits, self.engine.glossary.entries, linker.readings, counts)

    @staticmethod
    def render(summary: ClaimsSummary, fmt: str) -> bytes:
        """The summary in one of the registry's claims formats (json, md, html)."""
        return render(by_name(Kind.CLAIMS, fmt, "claims summary"), summary)

    @staticmethod
    def export(summary: ClaimsSummary, fmt: str, path: Path) -> None:
        """Write the summary to *path*, atomically; a folder that is missing or not writable is a UserError."""
        if not path.parent.is_dir():
            raise UserError(f"{path}: the folder {path.parent} does not exist; create it or choose another place")
        try:
            write_file(by_name(Kind.CLAIMS, fmt, "claims summary"), summary, path)
        except OSError as exc:
            raise UserError(f"{path}: cannot write the file ({exc.strerror or exc})") from exc
