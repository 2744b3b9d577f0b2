"""Annotated glossaries out and glossaries in: choose what goes into an export, write it in any format,
and import other people's termbases into the user glossary after a preview."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyreader.core.glossary import GlossaryEntry
from policyreader.core.glossary_merge import ImportPreview, conflicts, merge_entry, preview_import
from policyreader.exporters import EXTENSIONS, FORMATS, AnnotatedEntry, AnnotatedGlossary, export_glossary
from policyreader.importers import ImportFailure
from policyreader.importers.glossary_files import read_glossary_file
from policyreader.services.annotations import AnnotationService
from policyreader.services.errors import UserError
from policyreader.services.library import Library
from policyreader.services.workbench import GlossaryWorkbench


@dataclass
class Selection:
    """What goes into an export. Empty fields mean no restriction."""

    domains: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)      # entries with an annotation carrying one of these tags
    docs: list[str] = field(default_factory=list)      # entries that occur in one of these documents
    only_annotated: bool = False
    only_user: bool = False


class GlossaryExchange:
    def __init__(self, library: Library):
        self.library = library
        self.engine = library.engine
        self.annotations = AnnotationService(library)
        self.workbench = GlossaryWorkbench(library)

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

    def export(self, fmt: str, output: Path, selection: Selection) -> int:
        if fmt not in FORMATS:
            raise UserError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        glossary = self.build(selection)
        if not glossary.entries:
            raise UserError("the selection is empty: no entries match (check --doc, --domain, --tag)")
        try:
            export_glossary(glossary, fmt, output)
        except (OSError, RuntimeError) as exc:
            raise UserError(f"{output}: cannot write the {fmt} export: {exc}") from exc
        return len(glossary.entries)

    @staticmethod
    def default_name(fmt: str) -> str:
        return "policyreader-glossary" + EXTENSIONS[fmt]

    # -- in -----------------------------------------------------------------------------------
    def preview(self, path: Path) -> tuple[list[GlossaryEntry], ImportPreview]:
        """Read a termbase and compare it with the glossary; nothing is written."""
        try:
            incoming = read_glossary_file(path)
        except ImportFailure as exc:
            raise UserError(str(exc)) from exc
        return incoming, preview_import(incoming, dict(self.engine.glossary.entries))

    def apply(self, preview: ImportPreview, take_conflicts: bool = False) -> dict[str, int]:
        """Write new and changed entries (and, if asked, conflicting ones) to the user glossary in one go."""
        users = self.workbench.users
        written = 0
        db = self.library.repo.db
        with db.atomic():
            for e in preview.new:
                users.save(_as_user(e), "new")
                written += 1
            for old, new in [*preview.changed, *(preview.conflicting if take_conflicts else [])]:
                merged = merge_entry(old, new)
                users.save(_as_user(merged), "extends" if old.origin in ("bundled", "extended") else "new")
                written += 1
        self.engine.reload_glossary()
        self.library.relink()
        return {"new": len(preview.new), "changed": len(preview.changed),
                "conflicting": len(preview.conflicting), "unchanged": len(preview.unchanged),
                "written": written}

    @staticmethod
    def preview_json(p: ImportPreview) -> dict[str, Any]:
        return {"new": [e.id for e in p.new], "changed": [o.id for o, _n in p.changed],
                "conflicting": [{"id": o.id, "term": o.term, "why": conflicts(o, n)} for o, n in p.conflicting],
                "unchanged": len(p.unchanged)}


def _as_user(e: GlossaryEntry) -> GlossaryEntry:
    e.origin = "user"
    return e
