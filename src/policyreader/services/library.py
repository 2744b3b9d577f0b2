"""Library use cases: the bundled corpus, importing files (with alignment), showing and searching.

Opening a document reads cached tokens and glossary links from SQLite, so it needs no jieba. Imports
are one transaction each; importing identical content twice returns the existing document.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyreader.core.alignment import Link, ParagraphAligner, apply_overrides, refine_links
from policyreader.core.bilingual import BilingualFormatError, parse_aligned
from policyreader.core.cjk import has_han, is_han
from policyreader.core.document import build_outline, join_side, outline_kind, parse_source
from policyreader.core.model import DocumentRow, SegmentRow, TranslationStatus
from policyreader.importers import ImportedDocument, ImportFailure, read_document
from policyreader.services.engine import TextEngine
from policyreader.services.errors import UserError
from policyreader.storage.db import get_meta, set_meta
from policyreader.storage.library import LibraryRepository

_WORDLIKE = re.compile(r"\w", re.UNICODE)
BUNDLED_META_KEY = "bundled_corpus"


@dataclass
class ImportCancelled(UserError):
    """The user cancelled an import before anything was written."""


@dataclass
class ImportResult:
    """What an import did: the document id, counts, and whether it was already in the library."""

    id: str
    title: str
    segments: int
    aligned: int
    duplicate: bool = False
    replaced: bool = False
    encoding: str = ""
    report: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "segments": self.segments,
                               "aligned": self.aligned, "duplicate": self.duplicate}
        if self.replaced:
            out["replaced"] = True
        if self.encoding:
            out["encoding"] = self.encoding
        if self.report:
            out["anchoring"] = self.report
        return out


@dataclass
class SearchHit:
    doc: str
    segment: int
    side: str
    snippet: str
    title: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "segment": self.segment, "side": self.side, "snippet": self.snippet,
                "title": self.title}


def content_hash(zh: Sequence[str], en: Sequence[str]) -> str:
    h = hashlib.sha256()
    for part in ("\n".join(zh), "\x00", "\n".join(en)):
        h.update(unicodedata.normalize("NFC", part).encode("utf-8"))
    return h.hexdigest()


def slugify(title: str, fallback: str = "document") -> str:
    """An ASCII id for a document: pinyin for Chinese titles, lower-case words otherwise."""
    from pypinyin import lazy_pinyin

    words = lazy_pinyin(title) if has_han(title) else [title]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    return (slug or fallback)[:60].strip("-")


# Callbacks run inside the replacement transaction: (doc_id, old_segments, new_segments) -> report
ReplaceHook = Callable[[str, list[SegmentRow], list[SegmentRow]], dict[str, Any]]


class Library:
    """The document library of one data directory."""

    def __init__(self, engine: TextEngine):
        self.engine = engine
        self.repo = LibraryRepository(engine.db)
        self.replace_hooks: list[ReplaceHook] = []

    # -- analysis -----------------------------------------------------------------------------
    def _renderings_for(self, zh: str) -> set[str]:
        out: set[str] = set()
        for m in self.engine.terms(zh):
            out.update(r.text.lower() for r in self.engine.glossary.entries[m.entry].renderings)
        return out

    def aligner(self) -> ParagraphAligner:
        return ParagraphAligner(self._renderings_for)

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

    @staticmethod
    def _index_terms(words: list[str]) -> str:
        """Index text for one Chinese segment: its jieba tokens, then each Chinese character once.

        Tokens answer most queries directly; the characters let a query that jieba cuts differently
        (诚信 inside 诚信建设) still find its candidates, which ``search`` then checks verbatim.
        """
        tokens = [w for w in words if _WORDLIKE.search(w)]
        chars = dict.fromkeys(ch for w in tokens if len(w) > 1 for ch in w if is_han(ch))
        return " ".join(tokens) + " " + " ".join(chars)

    def build_segments(self, zh_paras: Sequence[str], levels: Sequence[int], en_paras: Sequence[str],
                       links: Sequence[Link]) -> list[SegmentRow]:
        """Segments from aligned links, each with cached tokens, glossary links and index text."""
        zh_texts = ["\n".join(zh_paras[i] for i in link.zh) for link in links]
        # One pass of the matcher and of jieba over the whole document (joined by newlines, which neither
        # a glossary form nor a jieba word crosses), then the results are cut back to each segment.
        whole, spans = join_side(zh_texts)
        matches = self.engine.terms(whole)
        tokens = self.engine.segmenter.tokens(whole, [(m.start, m.end) for m in matches]) if whole else []
        m_i = t_i = 0
        segments: list[SegmentRow] = []
        for idx, (link, zh, (start, end)) in enumerate(zip(links, zh_texts, spans, strict=True)):
            seg_matches = []
            while m_i < len(matches) and matches[m_i].start < end:
                m = matches[m_i]
                seg_matches.append((m.start - start, m.end - start, m.entry))
                m_i += 1
            seg_tokens = []
            while t_i < len(tokens) and tokens[t_i].start <= end:
                t = tokens[t_i]
                if t.start >= start and t.end <= end and t.text != "\n":
                    seg_tokens.append(t)
                t_i += 1
            en = "\n".join(en_paras[j] for j in link.en)
            level = levels[link.zh[0]] if link.zh else 0
            segments.append(SegmentRow(
                idx=idx, zh=zh, en=en, level=level, kind=outline_kind(zh, level) or "" if zh else "",
                link=link.kind, confidence=link.confidence, tokens=[t.end - start for t in seg_tokens],
                terms=seg_matches, en_terms=self._en_terms(en, {e for _a, _b, e in seg_matches}),
                index_zh=self._index_terms([t.text for t in seg_tokens])))
        return segments

    def relink(self, doc_ids: Sequence[str] | None = None) -> int:
        """Recompute the cached glossary links of documents after the glossary changed (no re-segmentation).

        Returns the number of segments whose links changed.
        """
        changed = 0
        for doc_id in doc_ids if doc_ids is not None else [d.id for d in self.repo.documents()]:
            updates = []
            for s in self.repo.segments(doc_id):
                terms = [(m.start, m.end, m.entry) for m in self.engine.terms(s.zh)]
                en_terms = self._en_terms(s.en, {t[2] for t in terms})
                if terms != [tuple(t) for t in s.terms] or en_terms != [tuple(t) for t in s.en_terms]:
                    updates.append((s.idx, terms, en_terms))
            self.repo.update_links(doc_id, updates)
            changed += len(updates)
        return changed

    # -- bundled corpus -----------------------------------------------------------------------
    def _corpus_fingerprint(self) -> str:
        h = hashlib.sha256()
        cdir = self.engine.paths.corpus_dir
        for p in sorted(cdir.glob("*.txt")) + [cdir / "manifest.toml"]:
            if p.exists():
                h.update(p.name.encode())
                h.update(p.read_bytes())
        bundled = self.engine.bundled_glossary.entries  # user entries are linked by relink(), not by re-import
        for eid in sorted(bundled):
            h.update(eid.encode())
            h.update("|".join(bundled[eid].forms()).encode())
        return h.hexdigest()

    def ensure_bundled(self, progress: Callable[[int, int, str], bool] | None = None) -> bool:
        """Import (or refresh) the bundled corpus when the data dir has not got this version of it."""
        fp = self._corpus_fingerprint()
        if get_meta(self.repo.db, BUNDLED_META_KEY) == fp:
            return False
        manifest = self.manifest()
        for n, meta in enumerate(manifest):
            if progress and not progress(n, len(manifest), meta["id"]):
                return False
            self._import_bundled(meta)
        set_meta(self.repo.db, BUNDLED_META_KEY, fp)
        return True

    def manifest(self) -> list[dict[str, Any]]:
        path = self.engine.paths.corpus_dir / "manifest.toml"
        try:
            return list(tomllib.loads(path.read_text(encoding="utf-8"))["document"])
        except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
            raise UserError(f"{path}: cannot read the corpus manifest: {exc}") from exc

    def _import_bundled(self, meta: dict[str, Any]) -> None:
        cdir = self.engine.paths.corpus_dir
        doc_id = meta["id"]
        zh_path, al_path = cdir / f"{doc_id}.zh.txt", cdir / f"{doc_id}.aligned.txt"
        source = parse_source(zh_path.read_text(encoding="utf-8"))
        try:
            blocks = parse_aligned(al_path.read_text(encoding="utf-8"), al_path.name)
        except BilingualFormatError as exc:
            raise UserError(str(exc)) from exc
        zh = [p.text for p in source.paragraphs]
        if [z for b in blocks for z in b.zh] != zh:
            raise UserError(f"{al_path.name}: zh: lines do not match the paragraphs of {zh_path.name}")
        levels = [p.level for p in source.paragraphs]
        en: list[str] = []
        links: list[Link] = []
        zi = 0
        for b in blocks:
            links.append(Link(tuple(range(zi, zi + len(b.zh))), tuple(range(len(en), len(en) + len(b.en))), 1.0))
            zi += len(b.zh)
            en.extend(b.en)
        segments = self.build_segments(zh, levels, en, links)
        doc = DocumentRow(
            id=doc_id, title=meta.get("title_zh", zh[0] if zh else doc_id), title_en=meta.get("title_en", ""),
            source_path=f"docs_corpus/{zh_path.name}", format="txt", encoding="utf-8",
            content_hash=content_hash(zh, en), metadata={**source.metadata, **{k: v for k, v in meta.items()
                                                                                 if k != "id"}},
            translation_status=meta.get("translation", TranslationStatus.PARTIAL), bundled=True)
        if self.repo.get(doc_id):
            self.replace_content(doc, segments)
        else:
            self.repo.insert(doc, segments)

    # -- importing user files -----------------------------------------------------------------
    def read_file(self, path: Path) -> ImportedDocument:
        """Read any supported file; bad input becomes a UserError naming the file."""
        try:
            return read_document(path)
        except ImportFailure as exc:
            raise UserError(str(exc)) from exc

    def import_path(self, path: str | Path, translation: str | Path | None = None, title: str | None = None,
                    replace: str | None = None, cancelled: Callable[[], bool] | None = None) -> ImportResult:
        """Import a file (and optionally its translation) into the library, in one transaction.

        *cancelled* is polled between steps; when it returns True nothing is written.
        """
        def check() -> None:
            if cancelled is not None and cancelled():
                raise ImportCancelled(f"import of {path} cancelled; nothing was written")

        src = self.read_file(Path(path))
        check()
        zh = [p.text for p in src.paragraphs]
        levels = [p.level for p in src.paragraphs]
        if not zh:
            raise UserError(f"{path}: no text found to import")
        en: list[str] = []
        links: list[Link]
        if translation is not None:
            tr = self.read_file(Path(translation))
            en = [p.text for p in tr.paragraphs]
            aligner = self.aligner()
            links = aligner.align(zh, en)
        elif src.translation is not None:
            en_by_para = src.translation
            links = []
            for i, t in enumerate(en_by_para):
                if t:
                    links.append(Link((i,), (len(en),), 1.0))
                    en.append(t)
                else:
                    links.append(Link((i,), (), 1.0))
        else:
            links = [Link((i,), (), 1.0) for i in range(len(zh))]
        chash = content_hash(zh, en)  # the content as imported, before any splitting
        if translation is not None and en:
            # sentence-level pass: a paragraph facing several on the other side is split where it aligns cleanly
            level_of = dict(zip(zh, levels, strict=False))
            zh, en, links = refine_links(zh, en, links, aligner)
            levels = [level_of.get(p, 0) for p in zh]
        if replace is not None and en:
            # keep the user's manual alignment wherever the text it joined is unchanged
            overrides = [(r[0], r[1]) for r in self.repo.db.execute(
                "SELECT zh, en FROM alignment_overrides WHERE doc_id = ? ORDER BY seq", [replace])]
            if overrides:
                links = apply_overrides(zh, en, links, overrides)
        if replace is None:
            existing = self.repo.find_by_hash(chash)
            if existing is not None:
                return ImportResult(existing.id, existing.title, self.repo.segment_count(existing.id),
                                    0, duplicate=True, encoding=src.encoding or "")
        check()
        segments = self.build_segments(zh, levels, en, links)
        check()
        aligned = sum(1 for s in segments if s.zh and s.en)
        doc_title = title or src.metadata.get("title") or src.metadata.get("document") or zh[0][:40]
        status = (TranslationStatus.NONE if not en else TranslationStatus.FULL if all(s.en for s in segments if s.zh)
                  else TranslationStatus.PARTIAL)
        if replace is not None:
            old = self.repo.get(replace)
            if old is None:
                raise UserError(f"--replace {replace}: no such document in the library (see 'policyreader docs')")
            doc = DocumentRow(old.id, title or old.title, old.title_en, str(path), src.format, src.encoding or "",
                              chash, {**old.metadata, **src.metadata}, status, old.bundled)
            report = self.replace_content(doc, segments)
            return ImportResult(doc.id, doc.title, len(segments), aligned, replaced=True,
                                encoding=src.encoding or "", report=report)
        doc_id = self._unique_id(slugify(doc_title, Path(path).stem))
        doc = DocumentRow(doc_id, doc_title, "", str(path), src.format, src.encoding or "", chash,
                          dict(src.metadata), status, False)
        self.repo.insert(doc, segments)
        return ImportResult(doc_id, doc_title, len(segments), aligned, encoding=src.encoding or "")

    def replace_content(self, doc: DocumentRow, segments: list[SegmentRow]) -> dict[str, Any]:
        """Replace a document's segments in one transaction; replace hooks (annotation re-anchoring) run
        inside it. Returns what the hooks report."""
        old_segments = self.repo.segments(doc.id)
        report: dict[str, Any] = {}

        def run_hooks() -> None:
            for hook in self.replace_hooks:
                report.update(hook(doc.id, old_segments, segments))

        self.repo.replace(doc, segments, [run_hooks])
        return report

    def _unique_id(self, base: str) -> str:
        ids = self.repo.ids()
        if base not in ids:
            return base
        n = 2
        while f"{base}-{n}" in ids:
            n += 1
        return f"{base}-{n}"

    # -- reading ------------------------------------------------------------------------------
    def documents(self) -> list[DocumentRow]:
        return self.repo.documents()

    def get(self, doc_id: str) -> DocumentRow:
        doc = self.repo.get(doc_id)
        if doc is None:
            raise UserError(f"no document {doc_id!r} in the library (see 'policyreader docs')")
        return doc

    def show(self, doc_id: str) -> dict[str, Any]:
        doc = self.get(doc_id)
        segs = self.repo.segments(doc_id)
        return {"id": doc.id, "title": doc.title, "title_en": doc.title_en,
                "translation": doc.translation_status,
                "segments": [{"id": s.idx, "zh": s.zh, "en": s.en, "link": s.link, "confidence": s.confidence}
                             for s in segs]}

    def side_text(self, doc_id: str, side: str) -> tuple[str, list[tuple[int, int]]]:
        """The text of one side, segments joined by single newlines, with each segment's span."""
        segs = self.repo.segments(doc_id)
        return join_side([s.zh if side == "zh" else s.en for s in segs])

    def outline(self, doc_id: str) -> list[dict[str, Any]]:
        segs = self.repo.segments(doc_id)
        items = build_outline([s.zh for s in segs], [s.level for s in segs])
        return [{"kind": i.kind, "label": i.label, "segment": i.segment_index, "depth": i.depth} for i in items]

    # -- search -------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50, doc: str | None = None) -> list[SearchHit]:
        """Segments containing *query* (Chinese or English), best first, with a context snippet."""
        q = query.strip()
        if not q:
            raise UserError("empty search query")
        if has_han(q):
            words = [t.text for t in self.engine.tokens(q) if _WORDLIKE.search(t.text)]
            # the query's jieba tokens find most hits; its characters then find the rest (a query that
            # jieba cuts differently in the document), every candidate being checked verbatim below
            expressions = [" AND ".join(_fts_quote(w) for w in words),
                           " AND ".join(_fts_quote(ch) for ch in dict.fromkeys(q) if is_han(ch))]
            needle, fold = q, False
        else:
            words = re.findall(r"\w+", q.lower())
            if not words:
                raise UserError(f"nothing to search for in {query!r}")
            expressions = [" AND ".join(_fts_quote(w) for w in words)]
            needle, fold = q.lower(), True
        hits: list[SearchHit] = []
        seen: set[tuple[str, int, str]] = set()
        for expr in expressions:
            if not expr:
                continue
            for doc_id, idx, side, text in self.repo.search_candidates(expr):
                if (doc_id, idx, side) in seen or (doc and doc_id != doc):
                    continue
                seen.add((doc_id, idx, side))
                snippet = make_snippet(text, needle, fold)
                if snippet is None and fold:
                    snippet = make_snippet(text, words[0], True)
                if snippet is None:
                    continue
                hits.append(SearchHit(doc_id, idx, side, snippet))
                if len(hits) >= limit:
                    break
            if len(hits) >= limit:
                break
        titles = self.repo.titles(h.doc for h in hits)
        for h in hits:
            h.title = titles.get(h.doc, "")
        return hits


def _fts_quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def make_snippet(text: str, needle: str, fold: bool, context: int = 24) -> str | None:
    """``…left【match】right…`` around the first occurrence of *needle*, or None if absent."""
    hay = text.lower() if fold else text
    pos = hay.find(needle)
    if pos < 0:
        return None
    end = pos + len(needle)
    left = text[max(0, pos - context):pos].replace("\n", " ")
    right = text[end:end + context].replace("\n", " ")
    return ("…" if pos > context else "") + left + "【" + text[pos:end] + "】" + right + (
        "…" if end + context < len(text) else "")
