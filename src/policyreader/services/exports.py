"""Aligned documents out of the library, as a use case: one document or the whole library as TMX, the
English as plain text, or a bilingual Word table (the formats are the registry's writable document
formats). Each segment is labelled with the article it belongs to."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from policyreader.core.document import article_label, outline_kind
from policyreader.core.errors import UserError
from policyreader.core.model import SegmentRow, TranslationStatus
from policyreader.formats.registry import Kind, by_name, render, write_file
from policyreader.formats.segments_out import AlignedExport, ExportDocument, ExportSegment
from policyreader.services.library import Library


def app_version() -> str:
    try:
        return version("policyreader")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def with_articles(segments: Sequence[SegmentRow]) -> list[ExportSegment]:
    """The segments, each with the article (第十二条) it belongs to: from an article's first paragraph to
    the next article, chapter or section heading."""
    out = []
    current = ""
    for s in segments:
        first = s.zh.split("\n", 1)[0]
        kind = outline_kind(first, s.level)
        if kind == "article":
            current = article_label(first)
        elif kind in ("chapter", "section", "title"):
            current = ""
        out.append(ExportSegment(s.idx, s.zh, s.en, current))
    return out


class DocumentExporter:
    """Writes library documents in the registry's document formats."""

    def __init__(self, library: Library):
        self.library = library

    def build(self, doc_ids: Sequence[str] | None = None) -> AlignedExport:
        """One document per id (every document with a translation when *doc_ids* is None)."""
        if doc_ids is None:
            rows = [d for d in self.library.documents() if d.translation_status != TranslationStatus.NONE]
            if not rows:
                raise UserError("no document in the library has a translation to export")
        else:
            rows = [self.library.get(d) for d in doc_ids]
        docs = [ExportDocument(d.id, d.title, d.title_en, with_articles(self.library.repo.segments(d.id)))
                for d in rows]
        created = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        return AlignedExport(docs, app_version(), created)

    def export(self, fmt: str, path: Path, doc_ids: Sequence[str] | None = None) -> AlignedExport:
        """Write the documents to *path* in *fmt*, atomically; returns what was written."""
        format_ = by_name(Kind.DOCUMENT, fmt, "export")
        if not format_.writable:
            raise UserError(f"PolicyReader cannot write {format_.label} files; export as "
                            "txt, docx or tmx")
        data = self.build(doc_ids)
        if fmt == "tmx" and not data.translated:
            raise UserError("nothing to export: the document has no English (TMX holds translated segments only)")
        path = Path(path)
        if not path.parent.is_dir():
            raise UserError(f"{path}: the folder {path.parent} does not exist; create it or choose another place")
        try:
            write_file(format_, data, path)
        except OSError as exc:
            raise UserError(f"{path}: cannot write the {fmt} export ({exc.strerror or exc})") from exc
        return data

    def render(self, fmt: str, doc_ids: Sequence[str] | None = None) -> bytes:
        """A text format's bytes (for standard output)."""
        return render(by_name(Kind.DOCUMENT, fmt, "export"), self.build(doc_ids))
