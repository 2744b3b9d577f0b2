"""Annotated glossaries out and glossaries in: choose what goes into an export, write it in any format,
and import other people's termbases into the user glossary after a preview; the bibliography for
reference managers, and the citation of one entry."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyreader.core.errors import UserError
from policyreader.core.glossary import GlossaryEntry
from policyreader.core.glossary_merge import ImportPreview, conflicts, merge_entry, preview_import
from policyreader.formats import read_termbase
from policyreader.formats.bibliography import STYLE as CITATION_STYLE
from policyreader.formats.bibliography import Bibliography, entry_citation
from policyreader.formats.registry import Kind, by_name, render, write_file
from policyreader.formats.termbase.losses import dropped
from policyreader.formats.termbase.model import AnnotatedEntry, AnnotatedGlossary
from policyreader.services.annotations import AnnotationService
from policyreader.services.library import Library
from policyreader.services.workbench import GlossaryWorkbench
from policyreader.storage.schema import write_transaction

__all__ = ["CITATION_STYLE", "GlossaryExchange", "Selection"]


@dataclass
class Selection:
    """What goes into an export. Empty fields mean no restriction."""

    domains: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)      # entries with an annotation carrying one of these tags
    docs: list[str] = field(default_factory=list)      # entries that occur in one of these documents
    only_annotated: bool = False
    only_user: bool = False


@dataclass(frozen=True)
class Exported:
    """What an export wrote: how many entries, and what its format left out ("" when nothing)."""

    entries: int
    dropped: str = ""


class GlossaryExchange:
    """The annotated glossary out (every termbase format of the registry) and termbases in."""

    def __init__(self, library: Library, annotations: AnnotationService, workbench: GlossaryWorkbench):
        self.library = library
        self.engine = library.engine
        self.annotations = annotations
        self.workbench = workbench

    # -- out ----------------------------------------------------------------------------------
    def build(self, selection: Selection, title: str = "PolicyReader glossary") -> AnnotatedGlossary:
        notes: dict[str, list[Any]] = {}
        for a in self.annotations.find():
            if a.term:
                notes.setdefault(a.term, []).append(a)
        occurring: set[str] | None = None
        if selection.docs:
            occurring = set()
            for doc in selection.docs:
                self.library.get(doc)
                for s in self.library.repo.segments(doc):
                    occurring.update(eid for _a, _b, eid in s.terms)
        chosen = []
        for e in sorted(self.engine.glossary.entries.values(), key=lambda e: (e.pinyin.lower(), e.term)):
            anns = notes.get(e.id, [])
            if selection.domains and not set(selection.domains) & set(e.domains):
                continue
            if selection.tags and not any(set(selection.tags) & set(a.tags) for a in anns):
                continue
            if occurring is not None and e.id not in occurring:
                continue
            if selection.only_annotated and not anns:
                continue
            if selection.only_user and e.origin == "bundled":
                continue
            chosen.append(AnnotatedEntry(e, anns))
        return AnnotatedGlossary(chosen, self.engine.glossary.sources, title)

    def export(self, fmt: str, output: Path, selection: Selection) -> Exported:
        format_ = by_name(Kind.TERMBASE, fmt)
        glossary = self.build(selection)
        if not glossary.entries:
            raise UserError("the selection is empty: no entries match (check --doc, --domain, --tag)")
        try:
            write_file(format_, glossary, output)
        except (OSError, RuntimeError) as exc:
            raise UserError(f"{output}: cannot write the {fmt} export: {exc}") from exc
        return Exported(len(glossary.entries), dropped(fmt, glossary))

    def render(self, fmt: str, selection: Selection) -> tuple[bytes, Exported]:
        """A text termbase format's bytes (for standard output), and what it left out."""
        glossary = self.build(selection)
        return render(by_name(Kind.TERMBASE, fmt), glossary), Exported(len(glossary.entries), dropped(fmt, glossary))

    @staticmethod
    def default_name(fmt: str) -> str:
        return "policyreader-glossary" + by_name(Kind.TERMBASE, fmt).extension

    # -- citations ----------------------------------------------------------------------------
    def bibliography(self) -> Bibliography:
        """Every source of the glossary's bibliography, by id."""
        sources = self.engine.glossary.sources
        return Bibliography([sources[k] for k in sorted(sources)])

    def write_bibliography(self, fmt: str, output: Path) -> int:
        bib = self.bibliography()
        try:
            write_file(by_name(Kind.BIBLIOGRAPHY, fmt, "bibliography"), bib, output)
        except OSError as exc:
            raise UserError(f"{output}: cannot write the bibliography ({exc.strerror or exc})") from exc
        return len(bib.sources)

    def render_bibliography(self, fmt: str) -> bytes:
        return render(by_name(Kind.BIBLIOGRAPHY, fmt, "bibliography"), self.bibliography())

    def citation(self, entry_id: str) -> str:
        """How to cite one glossary entry, in the style :data:`CITATION_STYLE`."""
        from policyreader.services.exports import app_version

        entry = self.engine.glossary.entries.get(entry_id)
        if entry is None:
            raise UserError(f"no glossary entry {entry_id!r}")
        return entry_citation(entry, app_version())

    # -- in -----------------------------------------------------------------------------------
    def preview(self, path: Path) -> tuple[list[GlossaryEntry], ImportPreview]:
        """Read a termbase and compare it with the glossary; nothing is written."""
        incoming = read_termbase(path)
        return incoming, preview_import(incoming, dict(self.engine.glossary.entries))

    def apply(self, preview: ImportPreview, take_conflicts: bool = False) -> dict[str, int]:
        """Write new and changed entries (and, if asked, conflicting ones) to the user glossary in one go."""
        users = self.workbench.users
        written = 0
        with write_transaction(self.library.repo.db):
            # Merged into the entries as they are now, under the write lock, so that what another process
            # added since the preview is kept.
            self.engine.reload_glossary()
            current = self.engine.glossary.entries
            for e in preview.new:
                base = current.get(e.id)
                if base is None:
                    users.save(_as_user(e), "new")
                else:
                    users.save(_as_user(merge_entry(base, e)), _mode(base))
                written += 1
            for old, new in [*preview.changed, *(preview.conflicting if take_conflicts else [])]:
                base = current.get(old.id, old)
                users.save(_as_user(merge_entry(base, new)), _mode(base))
                written += 1
            self.engine.reload_glossary()
            self.library.relink()
        self.library.changes.record(glossary=True)
        return {"new": len(preview.new), "changed": len(preview.changed),
                "conflicting": len(preview.conflicting), "unchanged": len(preview.unchanged),
                "written": written}

    @staticmethod
    def preview_json(p: ImportPreview) -> dict[str, Any]:
        return {"new": [e.id for e in p.new], "changed": [o.id for o, _n in p.changed],
                "conflicting": [{"id": o.id, "term": o.term, "why": conflicts(o, n)} for o, n in p.conflicting],
                "unchanged": len(p.unchanged)}


def _mode(base: GlossaryEntry) -> str:
    return "extends" if base.origin in ("bundled", "extended") else "new"


def _as_user(e: GlossaryEntry) -> GlossaryEntry:
    e.origin = "user"
    return e
