"""What importing glossary entries would do, and how an imported entry is merged into an existing one.

Pure logic, no I/O. :func:`preview_import` sorts the entries read from a file into new terms, entries
that would gain something (renderings, notes, forms…), entries that disagree with the glossary and
entries that add nothing, so the user can decide before anything is written. An incoming entry is
matched to an existing one by id, else by its simplified term. :func:`merge_entry` only ever adds:
existing renderings, statuses, notes and forms are kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from .glossary import Example, GlossaryEntry, SourceRef


@dataclass
class ImportPreview:
    """Incoming entries sorted by what importing them would do (pairs are ``(existing, incoming)``)."""

    new: list[GlossaryEntry] = field(default_factory=list)
    changed: list[tuple[GlossaryEntry, GlossaryEntry]] = field(default_factory=list)
    conflicting: list[tuple[GlossaryEntry, GlossaryEntry]] = field(default_factory=list)
    unchanged: list[GlossaryEntry] = field(default_factory=list)


def rendering_key(text: str) -> str:
    """Renderings are the same rendering when their texts match ignoring case and outer spaces."""
    return " ".join(text.split()).casefold()


def _union(old: Iterable[str], new: Iterable[str]) -> list[str]:
    return list(dict.fromkeys([*old, *(x for x in new if x)]))


def _append_text(old: str, new: str) -> str:
    """*old* with *new* appended as a paragraph, unless *new* is empty or already part of *old*."""
    new = new.strip()
    if not new or new in old:
        return old
    return f"{old}\n\n{new}" if old.strip() else new


def _merge_sources(old: list[SourceRef], new: list[SourceRef]) -> list[SourceRef]:
    seen = {(s.id, s.locator) for s in old}
    out = [replace(s) for s in old]
    for s in new:
        if (s.id, s.locator) not in seen:
            seen.add((s.id, s.locator))
            out.append(replace(s))
    return out


def merge_entry(old: GlossaryEntry, new: GlossaryEntry) -> GlossaryEntry:
    """*old* with what *new* adds: renderings it lacks, more sources for the renderings both have,
    notes and dispute text, forms, domains, related ids and examples, and any field *old* left empty.

    Nothing of *old* is dropped or overwritten; a rendering both have keeps *old*'s status (a
    different status is a conflict for the user to resolve, see :func:`conflicts`). The result keeps
    *old*'s id, term, origin and path.
    """
    renderings = [replace(r, sources=[replace(s) for s in r.sources]) for r in old.renderings]
    index = {rendering_key(r.text): r for r in renderings}
    for r in new.renderings:
        mine = index.get(rendering_key(r.text))
        if mine is None:
            added = replace(r, sources=[replace(s) for s in r.sources])
            renderings.append(added)
            index[rendering_key(r.text)] = added
            continue
        mine.sources = _merge_sources(mine.sources, r.sources)
        mine.used_by = mine.used_by or r.used_by
        mine.ours = mine.ours or r.ours
    known = {(x.doc, x.zh) for x in old.examples}
    examples = [replace(x) for x in old.examples]
    examples += [Example(x.doc, x.location, x.zh, x.en) for x in new.examples if (x.doc, x.zh) not in known]
    return replace(
        old,
        traditional=old.traditional or new.traditional,
        pinyin=old.pinyin or new.pinyin,
        gloss=old.gloss or new.gloss,
        variants=[v for v in _union(old.variants, new.variants) if v not in (old.term, old.traditional)],
        domains=_union(old.domains, new.domains),
        related=[r for r in _union(old.related, new.related) if r != old.id],
        dispute=_append_text(old.dispute, new.dispute),
        notes=_append_text(old.notes, new.notes),
        renderings=renderings,
        examples=examples,
    )


def extend_entry(base: GlossaryEntry, extension: GlossaryEntry) -> GlossaryEntry:
    """A bundled entry with a user's stored additions merged in (see :func:`merge_entry`); the bundled
    data is never changed or dropped, the user's notes are marked as theirs, and the origin is "extended"."""
    mine = replace(extension, notes=f"User note: {extension.notes}" if extension.notes else "",
                   domains=[d for d in extension.domains if d != "user"])
    merged = merge_entry(base, mine)
    merged.origin = "extended"
    return merged


def conflicts(old: GlossaryEntry, new: GlossaryEntry) -> list[str]:
    """Why *new* disagrees with *old*: the same id names another term, or a rendering's status differs."""
    reasons = []
    if old.id == new.id and old.term != new.term:
        reasons.append(f"id {old.id!r} names {old.term} in the glossary but {new.term} in the file")
    statuses = {rendering_key(r.text): r for r in old.renderings}
    for r in new.renderings:
        mine = statuses.get(rendering_key(r.text))
        if mine is not None and mine.status != r.status:
            reasons.append(f"{r.text!r} is {mine.status} in the glossary but {r.status} in the file")
    return reasons


def _same(a: GlossaryEntry, b: GlossaryEntry) -> bool:
    # to_json() holds every field a user sees (renderings with their sources, examples, origin…).
    return a.to_json() == b.to_json() and a.pinyin_override == b.pinyin_override


def find_existing(entry: GlossaryEntry, existing: Mapping[str, GlossaryEntry],
                  by_term: Mapping[str, GlossaryEntry] | None = None) -> GlossaryEntry | None:
    """The existing entry *entry* would update: the one with its id, else the one with its simplified term."""
    if entry.id and entry.id in existing:
        return existing[entry.id]
    if by_term is None:
        by_term = {e.term: e for e in existing.values()}
    return by_term.get(entry.term)


def preview_import(incoming: list[GlossaryEntry], existing: dict[str, GlossaryEntry]) -> ImportPreview:
    """Sort *incoming* entries by what importing them into *existing* (id → entry) would do."""
    by_term: dict[str, GlossaryEntry] = {}
    for e in existing.values():
        by_term.setdefault(e.term, e)
    preview = ImportPreview()
    for new in incoming:
        old = find_existing(new, existing, by_term)
        if old is None:
            preview.new.append(new)
        elif conflicts(old, new):
            preview.conflicting.append((old, new))
        elif _same(merge_entry(old, new), old):
            preview.unchanged.append(new)
        else:
            preview.changed.append((old, new))
    return preview
