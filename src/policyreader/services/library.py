"""Library use cases: the bundled corpus, importing files (with alignment), replacing and showing them.

Opening a document reads cached tokens and glossary links from SQLite, so it needs no jieba. Imports
are one write transaction each, the duplicate check and the choice of id inside it, so two processes
importing the same file at once store it once; importing identical content twice returns the existing
document. Replacing a document runs the replace hooks (annotation re-anchoring) in the same transaction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyreader.core.alignment import Link, apply_overrides
from policyreader.core.bilingual import BilingualFormatError, parse_aligned
from policyreader.core.cjk import has_han
from policyreader.core.coverage import detect_language, short_title
from policyreader.core.document import build_outline, join_side, parse_source
from policyreader.core.errors import UserError
from policyreader.core.matcher import inner_forms
from policyreader.core.model import DocumentListing, DocumentRow, Language, SegmentRow, TranslationStatus
from policyreader.core.pinyin import pypinyin
from policyreader.formats import ImportedDocument, read_document
from policyreader.services.analysis import DocumentAnalyser
from policyreader.services.changes import ChangeLog
from policyreader.services.engine import TextEngine
from policyreader.storage.library import LibraryRepository
from policyreader.storage.packed import PackedSegments
from policyreader.storage.reviews import AlignmentOverrideRepository
from policyreader.storage.schema import get_meta, set_meta, write_transaction

BUNDLED_META_KEY = "bundled_corpus"
TERM_INDEX_META, TERM_INDEX_PENDING = "term_index", "links only"  # set by migration m010_compact_library
_LANGUAGE_NAME: dict[str, str] = {Language.ZH: "a Chinese document", Language.EN: "an English document"}


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
    lang: str = Language.ZH

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "segments": self.segments,
                               "aligned": self.aligned, "duplicate": self.duplicate}
        if self.lang != Language.ZH:
            out["lang"] = self.lang
        if self.replaced:
            out["replaced"] = True
        if self.encoding:
            out["encoding"] = self.encoding
        if self.report:
            out["anchoring"] = self.report
        return out


def content_hash(zh: Sequence[str], en: Sequence[str]) -> str:
    h = hashlib.sha256()
    for part in ("\n".join(zh), "\x00", "\n".join(en)):
        h.update(unicodedata.normalize("NFC", part).encode("utf-8"))
    return h.hexdigest()


def _same_document(a: DocumentRow, b: DocumentRow) -> bool:
    """Same content and the same description (what a bundled document's manifest may change)."""
    return (a.content_hash, a.title, a.title_en, a.metadata, a.translation_status, a.bundled) == (
        b.content_hash, b.title, b.title_en, b.metadata, b.translation_status, b.bundled)


def slugify(title: str, fallback: str = "document") -> str:
    """An ASCII id for a document: pinyin for Chinese titles, lower-case words otherwise."""
    words = pypinyin().lazy_pinyin(title) if has_han(title) else [title]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    return (slug or fallback)[:60].strip("-")


@dataclass
class PreparedImport:
    """A file read and analysed for a new document, nothing written yet (``Library.prepare``)."""

    path: Path
    src: ImportedDocument
    chash: str
    segments: list[SegmentRow]
    title: str
    status: str
    lang: str = Language.ZH
    generation: int | None = None
    """Of the user's glossary its links were made with, when another process analysed it."""
    packed: PackedSegments | None = None
    """Its segments in the form written, when another process analysed it (``for_writer``): ``segments``
    and the source's paragraphs are then left out."""
    slug: str = ""
    """The id it is given unless the library has that one already (computed with ``packed``)."""

    def for_writer(self, repo: LibraryRepository) -> PreparedImport:
        """What a worker process sends the writing one: the segments packed (``LibraryRepository.pack``, as
        far as it can be done without writing) and the slug computed, so the writer only writes."""
        return dataclasses.replace(self, src=dataclasses.replace(self.src, paragraphs=[]), segments=[],
                                   packed=repo.pack(self.segments, assign=False),
                                   slug=slugify(self.title, self.path.stem))

    @property
    def segment_count(self) -> int:
        return self.packed.count if self.packed is not None else len(self.segments)

    @property
    def aligned(self) -> int:
        return self.packed.aligned if self.packed is not None else sum(1 for s in self.segments if s.zh and s.en)


# Callbacks run inside the replacement transaction: (doc_id, old_segments, new_segments) -> report
ReplaceHook = Callable[[str, list[SegmentRow], list[SegmentRow]], dict[str, Any]]


class Library:
    """The document library of one data directory."""

    def __init__(self, engine: TextEngine, changes: ChangeLog | None = None):
        self.engine = engine
        self.repo = LibraryRepository(engine.db)
        self.repo.nested = self.nested_terms
        self._forms: tuple[int, dict[str, str]] = (-1, {})
        self._inner: dict[str, list[tuple[int, int, str]]] = {}
        self.overrides = AlignmentOverrideRepository(engine.db)
        self.analyser = DocumentAnalyser(engine, self.repo)
        self.changes = changes or ChangeLog()
        self._replace_hooks: list[ReplaceHook] = []

    def nested_terms(self, zh: str, links: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Glossary terms written inside the segment's links (社会信用体系 in 社会信用体系建设): the term index
        holds them with the links, so a concordance finds a term wherever it is written."""
        if self._forms[0] != self.engine.glossary_version:
            self._forms = (self.engine.glossary_version, self.engine.matcher.forms)
            self._inner.clear()
        forms, known = self._forms[1], self._inner
        own = set(links)
        out: list[tuple[int, int, str]] = []
        for start, end, eid in links:
            span = zh[start:end]
            inner = known.get(span)
            if inner is None:  # the same terms are linked over and over: each span's inner forms found once
                inner = known[span] = inner_forms(span, forms)
            out.extend(t for i, j, e in inner if e != eid and (t := (start + i, start + j, e)) not in own)
        return sorted(out)

    def on_replace(self, hook: ReplaceHook) -> None:
        """Run *hook* inside every replacement transaction (the application context wires this once)."""
        if hook in self._replace_hooks:
            raise ValueError("replace hook registered twice")
        self._replace_hooks.append(hook)

    def build_segments(self, zh_paras: Sequence[str], levels: Sequence[int], en_paras: Sequence[str],
                       links: Sequence[Link]) -> list[SegmentRow]:
        return self.analyser.build_segments(zh_paras, levels, en_paras, links)

    def relink(self, doc_ids: Sequence[str] | None = None) -> int:
        """Recompute cached glossary links after the glossary changed; the number of segments changed."""
        return self.analyser.relink(doc_ids)

    # -- bundled corpus -----------------------------------------------------------------------
    def corpus_fingerprint(self) -> str:
        """Changes when the bundled corpus or the bundled glossary's forms change."""
        h = hashlib.sha256()
        cdir = self.engine.paths.corpus_dir
        for p in sorted(cdir.glob("*.txt")) + [cdir / "manifest.toml"]:
            if p.exists():
                h.update(p.name.encode())
                h.update(p.read_bytes())
        bundled = self.engine.bundled_glossary.entries  # user entries are linked by relink(), not by re-import
        for eid in sorted(bundled):
            h.update(eid.encode())
            h.update("|".join(bundled[eid].forms() + ["-", *bundled[eid].excludes]).encode())
        return h.hexdigest()

    def ensure_bundled(self, progress: Callable[[int, int, str], bool] | None = None) -> bool:
        """Import (or refresh) the bundled corpus when the data dir has not got this version of it (and
        complete the term index of a library that an older version wrote)."""
        if get_meta(self.repo.db, TERM_INDEX_META) == TERM_INDEX_PENDING:
            self.relink()  # adds the terms nested in links, which the migration to the compact library could not know
            set_meta(self.repo.db, TERM_INDEX_META, "complete")
        if not self.needs_bundled():
            return False
        fp = self.corpus_fingerprint()
        manifest = self.manifest()
        for n, meta in enumerate(manifest):
            if progress and not progress(n, len(manifest), meta["id"]):
                return False
            self._import_bundled(meta)
        set_meta(self.repo.db, BUNDLED_META_KEY, fp)
        self.changes.record(library=True)
        return True

    def import_first_bundled(self) -> bool:
        """In an empty library, import the first bundled document alone (a first start shows it while
        ``ensure_bundled`` imports the rest); False if the library has documents already."""
        if self.count():
            return False
        manifest = self.manifest()
        if manifest:
            self._import_bundled(manifest[0])
            self.changes.record(library=True)
        return bool(manifest)

    def needs_bundled(self) -> bool:
        """True when this data directory has not got this version of the bundled corpus, or its term index
        is to be completed (and it can take them: a read-only library is shown as it is)."""
        return not self.repo.read_only and (get_meta(self.repo.db, BUNDLED_META_KEY) != self.corpus_fingerprint()
                                            or get_meta(self.repo.db, TERM_INDEX_META) == TERM_INDEX_PENDING)

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
        # one segment per gold block, so a block's reviewed QA findings belong to the segment of its index
        reviewed = [[i, kind, term, reason] for i, b in enumerate(blocks) for kind, term, reason in b.qa_accept]
        meta = {**meta, "qa_accept": reviewed} if reviewed else meta
        doc = DocumentRow(
            id=doc_id, title=meta.get("title_zh", zh[0] if zh else doc_id), title_en=meta.get("title_en", ""),
            source_path=f"docs_corpus/{zh_path.name}", format="txt", encoding="utf-8",
            content_hash=content_hash(zh, en), metadata={**source.metadata, **{k: v for k, v in meta.items()
                                                                                 if k != "id"}},
            translation_status=meta.get("translation", TranslationStatus.PARTIAL), bundled=True)
        with write_transaction(self.repo.db):
            # decided under the write lock: several processes may be starting on a new data directory at once
            current = self.repo.get(doc_id)
            if current is None:
                self.repo.insert(doc, segments)
            elif _same_document(current, doc):
                return  # another process stored this very version meanwhile
            else:
                self.replace_content(doc, segments)
            self._relink_if_outdated(doc_id)

    # -- importing user files -----------------------------------------------------------------
    def read_file(self, path: Path) -> ImportedDocument:
        """Read any supported file; bad input becomes a UserError naming the file."""
        return read_document(path)

    def import_path(self, path: str | Path, translation: str | Path | None = None, title: str | None = None,
                    replace: str | None = None, cancelled: Callable[[], bool] | None = None,
                    lang: str | None = None) -> ImportResult:
        """Import a file (and optionally its translation) into the library, in one transaction.

        *lang* says whether the file is a Chinese source (``zh``) or an English document (``en``); by
        default a file without a translation is English when it reads as English. *cancelled* is polled
        between steps; when it returns True nothing is written.
        """
        def check() -> None:
            if cancelled is not None and cancelled():
                raise ImportCancelled(f"import of {path} cancelled; nothing was written")

        self.repo.require_writable()
        prepared = self._prepare(path, translation, title, replace, check, lang)
        if isinstance(prepared, ImportResult):
            return prepared
        if replace is None:
            return self.store(prepared)
        return self._replace(prepared, replace, title)

    def prepare(self, path: str | Path) -> PreparedImport | ImportResult:
        """Read and analyse a file for a new document (its language as it reads), writing nothing: what
        ``store`` adds, or (as an ``ImportResult``) the document already in the library with this content."""
        return self._prepare(path, None, None, None, lambda: None, None)

    def _prepare(self, path: str | Path, translation: str | Path | None, title: str | None, replace: str | None,
                 check: Callable[[], None], lang: str | None) -> PreparedImport | ImportResult:
        src = self.read_file(Path(path))
        check()
        zh = [p.text for p in src.paragraphs]
        levels = [p.level for p in src.paragraphs]
        if not zh:
            raise UserError(f"{path}: no text found to import")
        if self._language(path, zh, lang, translation is not None or src.translation is not None) == Language.EN:
            return self._prepare_english(path, src, title, replace, check)
        en: list[str] = []
        links: list[Link]
        if translation is not None:
            tr = self.read_file(Path(translation))
            en = [p.text for p in tr.paragraphs]
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
        chash = content_hash(zh, en)  # the content as imported, before English paragraphs are cut
        if translation is not None:
            # Chinese paragraphs against English sentences: the translation's own paragraphing does not matter
            alignment = self.analyser.sentence_aligner().align(zh, en)
            en, links = alignment.en, alignment.links
        if replace is not None and en:
            # keep the user's manual alignment wherever the text it joined is unchanged
            overrides = self.overrides.get(replace)
            if overrides:
                links = apply_overrides(zh, en, links, overrides)
        if replace is None and (existing := self.repo.find_by_hash(chash)) is not None:
            return self._duplicate(existing, src)
        check()
        segments = self.build_segments(zh, levels, en, links)
        check()
        doc_title = title or src.metadata.get("title") or src.metadata.get("document") or zh[0][:40]
        status = (TranslationStatus.NONE if not en else TranslationStatus.FULL if all(s.en for s in segments if s.zh)
                  else TranslationStatus.PARTIAL)
        return PreparedImport(Path(path), src, chash, segments, doc_title, status, Language.ZH)

    def _replace(self, prepared: PreparedImport, replace: str, title: str | None) -> ImportResult:
        src, chash, segments, lang = prepared.src, prepared.chash, prepared.segments, prepared.lang
        with write_transaction(self.repo.db):  # the checks and the replacement see the same library
            old = self.repo.get(replace)
            if old is None:
                raise UserError(f"--replace {replace}: no such document in the library (see 'policyreader docs')")
            if old.lang != lang:
                raise UserError(f"{prepared.path}: {replace} is {_LANGUAGE_NAME[old.lang]} and this file is "
                                f"{_LANGUAGE_NAME[lang]}; import it as a new document instead (nothing was replaced)")
            same = self.repo.find_by_hash(chash)
            if same is not None and same.id != replace:
                raise UserError(f"{prepared.path}: this content is already in the library as {same.id} "
                                f"({same.title}); nothing was replaced")
            doc = DocumentRow(old.id, title or old.title, old.title_en, str(prepared.path), src.format,
                              src.encoding or "", chash, {**old.metadata, **src.metadata}, prepared.status,
                              old.bundled, lang=lang)
            report = self.replace_content(doc, segments)
            self._relink_if_outdated(doc.id)
        return ImportResult(doc.id, doc.title, len(segments), prepared.aligned, replaced=True,
                            encoding=src.encoding or "", report=report, lang=lang)

    def store(self, prepared: PreparedImport) -> ImportResult:
        """Add a prepared document in one write transaction."""
        with write_transaction(self.repo.db):
            return self.add_prepared(prepared)

    def add_prepared(self, prepared: PreparedImport) -> ImportResult:
        """Add a prepared document inside the caller's write transaction (several can share one): the
        duplicate check and the choice of id are made under the write lock, with the insert."""
        src, path = prepared.src, prepared.path
        # checked again under the write lock: another process may have imported it meanwhile
        if (existing := self.repo.find_by_hash(prepared.chash)) is not None:
            return self._duplicate(existing, src)
        doc_id = self.repo.unused_id(prepared.slug or slugify(prepared.title, path.stem))
        doc = DocumentRow(doc_id, prepared.title, "", str(path), src.format, src.encoding or "", prepared.chash,
                          dict(src.metadata), prepared.status, False, lang=prepared.lang)
        self.repo.add(doc, prepared.segments, prepared.packed)
        self._relink_if_outdated(doc_id)
        if prepared.generation is not None and prepared.generation != self.engine.user_generation():
            self.relink([doc_id])  # linked by a worker process that held another version of the user's glossary
        self.changes.record(library=True, documents=[doc_id])
        return ImportResult(doc_id, prepared.title, prepared.segment_count, prepared.aligned,
                            encoding=src.encoding or "", lang=prepared.lang)

    @staticmethod
    def _language(path: str | Path, paragraphs: Sequence[str], lang: str | None, translated: bool) -> Language:
        """The language a file is imported as: *lang* if given, else what its text reads as. A file that
        comes with a translation is a Chinese source."""
        if lang is not None:
            if lang not in tuple(Language):
                raise UserError(f"--lang {lang}: choose zh (a Chinese source) or en (an English document)")
            if lang == Language.EN and translated:
                raise UserError(f"{path}: an English document has no translation to align; import the Chinese "
                                "source with its translation, or the English on its own with --lang en")
            return Language(lang)
        return Language.ZH if translated else detect_language("\n".join(paragraphs))

    def _prepare_english(self, path: str | Path, src: ImportedDocument, title: str | None, replace: str | None,
                         check: Callable[[], None]) -> PreparedImport | ImportResult:
        """An English document: its paragraphs on the English side, the glossary's renderings linked."""
        paragraphs = [p.text for p in src.paragraphs]
        chash = content_hash([], paragraphs)
        if replace is None and (existing := self.repo.find_by_hash(chash)) is not None:
            return self._duplicate(existing, src)
        segments = self.analyser.build_english_segments(paragraphs, [p.level for p in src.paragraphs])
        check()
        doc_title = title or src.metadata.get("title") or short_title(paragraphs[0])
        return PreparedImport(Path(path), src, chash, segments, doc_title, TranslationStatus.NONE, Language.EN)

    def _relink_if_outdated(self, doc_id: str) -> None:
        """Inside a write transaction: if another process changed the user's glossary while this document
        was being analysed, link it again with the glossary as it now is (cheap; no re-segmentation)."""
        if self.engine.glossary_outdated():
            self.engine.reload_glossary()
            self.relink([doc_id])

    def _duplicate(self, existing: DocumentRow, src: ImportedDocument) -> ImportResult:
        return ImportResult(existing.id, existing.title, self.repo.segment_count(existing.id), 0, duplicate=True,
                            encoding=src.encoding or "", lang=existing.lang)

    def replace_content(self, doc: DocumentRow, segments: list[SegmentRow]) -> dict[str, Any]:
        """Replace a document's segments in one transaction; replace hooks (annotation re-anchoring) run
        inside it, on the old segments as read under the same write lock. Returns what the hooks report."""
        report: dict[str, Any] = {}
        with write_transaction(self.repo.db):
            old_segments = self.repo.segments(doc.id)

            def run_hooks() -> None:
                for hook in self._replace_hooks:
                    report.update(hook(doc.id, old_segments, segments))

            self.repo.replace(doc, segments, [run_hooks])
        self.changes.record(library=True, documents=[doc.id], annotations=[doc.id])
        return report

    # -- reading ------------------------------------------------------------------------------
    def documents(self) -> list[DocumentRow]:
        return self.repo.documents()

    def titles(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """The titles of these documents (those that exist)."""
        return self.repo.titles(doc_ids)

    def count(self) -> int:
        return self.repo.count()

    def listing(self) -> list[DocumentListing]:
        """Ids, titles and status of every document, cheaply (for lists of tens of thousands)."""
        return self.repo.listing()

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
        return self.outline_of(self.repo.segments(doc_id))

    @staticmethod
    def outline_of(segs: Sequence[SegmentRow]) -> list[dict[str, Any]]:
        """Chapters, sections, articles and items of a document's segments; an English document's headings."""
        if segs and not any(s.zh for s in segs):
            return [{"kind": "title" if s.level == 1 else "section", "segment": s.idx, "depth": min(s.level - 1, 2),
                     "label": s.en if len(s.en) <= 48 else s.en[:48].rsplit(" ", 1)[0] + " …"}
                    for s in segs if s.level]
        items = build_outline([s.zh for s in segs], [s.level for s in segs])
        return [{"kind": i.kind, "label": i.label, "segment": i.segment_index, "depth": i.depth} for i in items]
