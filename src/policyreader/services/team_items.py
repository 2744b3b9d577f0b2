"""The library's side of a team sync: the items it shares (the user glossary and the annotations), read
as canonical texts and written back one by one, through the same repositories the rest of the app uses.

Annotations are named for the team by their document's content hash; one that arrives for a document
this library does not have waits (``PENDING``) and is placed when the document is imported. An arriving
annotation is placed in this library's text as an imported one is (exactly, fuzzily or as an orphan);
a deleted one is marked deleted, as the window's delete does, so it can still be brought back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace

from policyreader.core.anchoring import Anchorer, TextQuote
from policyreader.core.glossary import GlossaryEntry
from policyreader.core.glossary_merge import merge_entry
from policyreader.core.model import AnchorStatus, Annotation
from policyreader.formats.team import (
    ANNOTATION,
    ENTRY,
    annotation_from_text,
    annotation_text,
    doc_key,
    entry_from_text,
    entry_text,
    item_key,
    split_key,
)
from policyreader.services.annotations import AnnotationService
from policyreader.services.library import Library
from policyreader.services.workbench import GlossaryWorkbench
from policyreader.storage.team import PENDING

Shared = GlossaryEntry | Annotation


@dataclass
class SharedItems:
    """Reads and writes the shared items of one library; :meth:`finish` after writing re-links once."""

    library: Library
    annotations: AnnotationService
    workbench: GlossaryWorkbench
    entries_changed: bool = False
    docs_changed: set[str] = field(default_factory=set)
    _anchorers: dict[tuple[str, str], Anchorer] = field(default_factory=dict)

    # -- reading ------------------------------------------------------------------------------
    def documents(self) -> dict[str, str]:
        """Each document's team name (content hash) → its id in this library."""
        out: dict[str, str] = {}
        for d in self.library.repo.documents():
            out.setdefault(doc_key(d.content_hash, d.id), d.id)
        return out

    def read(self) -> dict[str, str]:
        """Every shared item of this library: key → canonical text."""
        items = {item_key(ENTRY, r.entry.id): entry_text(r.entry, r.mode == "extends")
                 for r in self.workbench.users.all()}
        names = {doc_id: name for name, doc_id in self.documents().items()}
        for a in self.annotations.repo.find():
            if a.doc in names:
                items[item_key(ANNOTATION, a.id)] = annotation_text(a, names[a.doc])
        return items

    def current(self, key: str) -> str | None:
        """One item's canonical text in the library now (None when it is not there)."""
        kind, item_id = split_key(key)
        if kind == ENTRY:
            record = self.workbench.users.get(item_id)
            return None if record is None else entry_text(record.entry, record.mode == "extends")
        a = self.annotations.repo.get(item_id)
        doc = self.library.repo.get(a.doc) if a is not None else None
        return None if a is None or doc is None else annotation_text(a, doc_key(doc.content_hash, doc.id))

    @staticmethod
    def decode(key: str, text: str | None) -> Shared | None:
        """An item's canonical text as an entry or an annotation (whose ``doc`` is the team's name)."""
        if text is None:
            return None
        return entry_from_text(text)[0] if split_key(key)[0] == ENTRY else annotation_from_text(text)

    # -- writing ------------------------------------------------------------------------------
    def apply(self, key: str, text: str | None) -> str | None:
        """Make the library's version of *key* be *text* (None: delete it). Returns the library's version
        afterwards, or PENDING for an annotation whose document is not in this library."""
        kind, item_id = split_key(key)
        if kind == ENTRY:
            if text is None:
                self.entries_changed |= self.workbench.users.delete(item_id)
            else:
                entry, extends = entry_from_text(text)
                self.workbench.users.save(entry, "extends" if extends else "new")
                self.entries_changed = True
            return self.current(key)
        repo = self.annotations.repo
        if text is None:
            a = repo.get(item_id)
            if a is not None:
                repo.set_deleted(item_id, True)
                self.docs_changed.add(a.doc)
            return None
        incoming = annotation_from_text(text)
        doc_id = self.documents().get(incoming.doc)
        if doc_id is None:
            return self.current(key) if repo.get(item_id) is not None else PENDING
        placed = self._place(replace(incoming, doc=doc_id))
        if repo.exists(placed.id):
            repo.update_many([placed])  # as it came, its dates kept; a deleted one comes back
        else:
            repo.insert_many([placed])
        self.docs_changed.add(doc_id)
        return self.current(key)

    def add_copy(self, text: str) -> str:
        """Store another person's annotation as a new one of its own (keeping both versions); its key."""
        incoming = annotation_from_text(text)
        copy = replace(incoming, id=str(uuid.uuid4()))
        key = item_key(ANNOTATION, copy.id)
        self.apply(key, annotation_text(copy, incoming.doc))
        return key

    def merge_entries(self, mine: str, theirs: str) -> None:
        """My entry with what theirs adds (their renderings, notes, sources), as the glossary import merges."""
        entry, extends = entry_from_text(mine)
        merged = merge_entry(entry, entry_from_text(theirs)[0])
        self.apply(item_key(ENTRY, entry.id), entry_text(merged, extends))

    def _place(self, a: Annotation) -> Annotation:
        """*a* placed in this library's text of its document (its quote found again, or orphaned)."""
        k = (a.doc, a.side)
        if k not in self._anchorers:
            self._anchorers[k] = Anchorer(self.annotations.side_text(a.doc, a.side))
        anchorer = self._anchorers[k]
        anchor = anchorer.anchor(TextQuote(a.start, a.end, a.exact, a.prefix, a.suffix))
        if anchor.status == AnchorStatus.ORPHAN:
            return replace(a, status=AnchorStatus.ORPHAN, score=0.0)
        q = anchor.quote(anchorer.text)
        return replace(a, start=q.start, end=q.end, exact=q.exact, prefix=q.prefix, suffix=q.suffix,
                       status=anchor.status, score=anchor.score)

    def finish(self) -> None:
        """After writing: reload the glossary and re-link the library once, and record what changed."""
        if self.entries_changed:
            self.library.engine.reload_glossary()
            self.library.relink()
            self.library.changes.record(glossary=True)
        if self.docs_changed:
            self.library.changes.record(annotations=self.docs_changed)
        self.entries_changed, self.docs_changed = False, set()
        self._anchorers.clear()
