"""Annotation use cases: create, list and filter, edit, delete and undo, re-anchor after a document
changes, re-attach orphans, and exchange as W3C Web Annotation JSON-LD, Markdown or CSV."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from policyreader.core.anchoring import Anchorer, TextQuote, make_quote
from policyreader.core.document import join_side
from policyreader.core.errors import UserError
from policyreader.core.model import SIDES, AnchorStatus, Annotation, SegmentRow, now
from policyreader.formats import read_bytes, read_with
from policyreader.formats.annotations import MAX_FILE_BYTES, AnnotationSet
from policyreader.formats.registry import Kind, by_name, render
from policyreader.services.library import Library
from policyreader.storage.annotations import AnnotationRepository
from policyreader.storage.schema import write_transaction


class AnnotationService:
    """Annotations of the library's documents. :meth:`reanchor` is the library's replace hook; the
    application context registers it once."""

    def __init__(self, library: Library):
        self.library = library
        self.repo = AnnotationRepository(library.repo.db)
        self.changes = library.changes

    # -- creating and editing -----------------------------------------------------------------
    def side_text(self, doc: str, side: str) -> str:
        if side not in SIDES:
            raise UserError(f"--side must be zh or en, not {side!r}")
        return self.library.side_text(doc, side)[0]

    def create(self, doc: str, start: int, end: int, side: str = "zh", note: str = "",
               tags: Iterable[str] = (), term: str = "", colour: str = "", rendering: str = "",
               rationale: str = "") -> Annotation:
        """Annotate text[start:end] of one side of *doc* (offsets as in ``show DOC --json``, joined by newlines)."""
        self.library.get(doc)
        text = self.side_text(doc, side)
        if not (0 <= start < end <= len(text)):
            raise UserError(f"{doc}: span {start}–{end} is outside the {side} text (length {len(text)}); "
                            "offsets count characters of the segments joined by single newlines")
        if term and term not in self.library.engine.glossary.entries:
            raise UserError(f"--term {term}: no such glossary entry (see 'policyreader glossary export')")
        q = make_quote(text, start, end)
        stamp = now()
        a = Annotation(str(uuid.uuid4()), doc, side, start, end, q.exact, q.prefix, q.suffix, note,
                       sorted(dict.fromkeys(t.strip() for t in tags if t.strip())), colour, term, rendering,
                       rationale, AnchorStatus.EXACT, 1.0, stamp, stamp)
        self.repo.insert(a)
        self.changes.record(annotations=[doc])
        return a

    def get(self, ann_id: str) -> Annotation:
        a = self.repo.get(ann_id)
        if a is None:
            raise UserError(f"no annotation {ann_id!r}")
        return a

    def edit(self, ann_id: str, **changes: Any) -> Annotation:
        a = self.get(ann_id)
        for key, value in changes.items():
            if value is None:
                continue
            if key == "tags":
                value = sorted(dict.fromkeys(t.strip() for t in value if t.strip()))
            if not hasattr(a, key) or key in ("id", "doc", "side", "start", "end", "exact", "prefix", "suffix"):
                raise UserError(f"cannot edit {key!r} of an annotation")
            setattr(a, key, value)
        self.repo.update(a)
        self.changes.record(annotations=[a.doc])
        return a

    def delete(self, ann_id: str) -> None:
        a = self.get(ann_id)
        self.repo.set_deleted(ann_id, True)
        self.changes.record(annotations=[a.doc])

    def undelete(self, ann_id: str) -> Annotation:
        self.repo.set_deleted(ann_id, False)
        a = self.get(ann_id)
        self.changes.record(annotations=[a.doc])
        return a

    def reattach(self, ann_id: str, start: int, end: int, side: str | None = None) -> Annotation:
        """Place an (orphaned) annotation by hand on a new span; its quote becomes that span."""
        a = self.get(ann_id)
        side = side or a.side
        text = self.side_text(a.doc, side)
        if not (0 <= start < end <= len(text)):
            raise UserError(f"span {start}–{end} is outside the {side} text (length {len(text)})")
        q = make_quote(text, start, end)
        a.side, a.start, a.end, a.exact, a.prefix, a.suffix = side, start, end, q.exact, q.prefix, q.suffix
        a.status, a.score = AnchorStatus.EXACT, 1.0
        self.repo.update(a)
        self.changes.record(annotations=[a.doc])
        return a

    # -- listing ------------------------------------------------------------------------------
    def find(self, doc: str | None = None, tag: str | None = None, term: str | None = None,
             text: str | None = None, status: str | None = None) -> list[Annotation]:
        if doc is not None:
            self.library.get(doc)
        out = []
        needle = (text or "").lower()
        for a in self.repo.find(doc):
            if tag and tag not in a.tags:
                continue
            if term and a.term != term:
                continue
            if status and a.status != status:
                continue
            if needle and needle not in (a.note + " " + a.exact + " " + a.rationale + " " + a.rendering).lower():
                continue
            out.append(a)
        return out

    def tags(self) -> list[str]:
        return sorted({t for a in self.repo.find() for t in a.tags})

    # -- re-anchoring -------------------------------------------------------------------------
    def reanchor(self, doc: str, old: list[SegmentRow], new: list[SegmentRow]) -> dict[str, Any]:
        """Runs inside the replacement transaction: place every annotation of *doc* in the new text."""
        counts = {s.value: 0 for s in AnchorStatus}
        items = self.repo.find(doc)
        if not items:
            return {}
        texts: dict[str, str] = {side: join_side([s.zh if side == "zh" else s.en for s in new])[0] for side in SIDES}
        old_texts = {side: join_side([s.zh if side == "zh" else s.en for s in old])[0] for side in SIDES}
        anchorers: dict[str, Anchorer] = {side: Anchorer(texts[side], old_text=old_texts[side]) for side in SIDES}
        changed = []
        for a in items:
            anchor = anchorers[a.side].anchor(TextQuote(a.start, a.end, a.exact, a.prefix, a.suffix))
            counts[anchor.status] += 1
            if anchor.status == AnchorStatus.ORPHAN:
                a.status, a.score = AnchorStatus.ORPHAN, 0.0  # keep the old selectors: the quote is what the user sees
            else:
                q = anchor.quote(texts[a.side])
                a.start, a.end, a.exact, a.prefix, a.suffix = q.start, q.end, q.exact, q.prefix, q.suffix
                a.status, a.score = anchor.status, anchor.score
            a.modified = now()
            changed.append(a)
        self.repo.update_many(changed)
        return counts

    # -- exchange -----------------------------------------------------------------------------
    def annotation_set(self, items: list[Annotation]) -> AnnotationSet:
        """*items* with the document titles and term names an export shows."""
        titles = {d.id: (d.title, d.title_en) for d in self.library.documents()}
        terms = {eid: e.term for eid, e in self.library.engine.glossary.entries.items()}
        return AnnotationSet(items, titles, terms)

    def export(self, fmt: str, items: list[Annotation] | None = None) -> str:
        """The annotations (all, or *items*) in an annotations format of the registry, as text."""
        items = self.find() if items is None else items
        return render(by_name(Kind.ANNOTATIONS, fmt), self.annotation_set(items)).decode("utf-8")

    def import_jsonld(self, path: Path) -> dict[str, int]:
        """Import a JSON-LD collection (or a single annotation); existing ids are skipped, all in one transaction."""
        fmt = by_name(Kind.ANNOTATIONS, "jsonld")
        items = read_with(fmt, read_bytes(path, str(path), MAX_FILE_BYTES), str(path))
        assert isinstance(items, list)
        # All or nothing, and decided under the write lock: another process may import the same file at once.
        with write_transaction(self.repo.db):
            docs = {d.id for d in self.library.listing()}
            for i, a in enumerate(items):
                if a.doc not in docs:
                    raise UserError(f"{path}: item {i}: document {a.doc!r} is not in the library; import it first")
            new = [a for a in items if not self.repo.exists(a.id)]
            texts: dict[tuple[str, str], Anchorer] = {}
            for a in new:  # place each one in the text as it is in this library
                key = (a.doc, a.side)
                if key not in texts:
                    texts[key] = Anchorer(self.side_text(a.doc, a.side))
                anchor = texts[key].anchor(TextQuote(a.start, a.end, a.exact, a.prefix, a.suffix))
                if anchor.status == AnchorStatus.ORPHAN:
                    a.status, a.score = AnchorStatus.ORPHAN, 0.0
                else:
                    q = anchor.quote(texts[key].text)
                    a.start, a.end, a.exact, a.prefix, a.suffix = q.start, q.end, q.exact, q.prefix, q.suffix
                    a.status, a.score = anchor.status, anchor.score
            self.repo.insert_many(new)
        self.changes.record(annotations={a.doc for a in new})
        return {"imported": len(new), "skipped": len(items) - len(new)}
