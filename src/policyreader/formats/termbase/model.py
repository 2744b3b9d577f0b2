"""What the exporters are handed, and the views of it that several formats share.

The caller (a service) selects and sorts the entries and attaches the user's annotations; the
exporters only format. This module also owns the few pieces of wording more than one format needs,
so they read the same everywhere: how a bibliography source is cited, which sources a selection
cites, and how text is folded onto one line for single-line fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policyreader.core.glossary import STATUSES, BibSource, GlossaryEntry, Rendering, SourceRef
from policyreader.core.model import Annotation


@dataclass
class AnnotatedEntry:
    """A glossary entry (bundled or the user's) with the user's annotations that link to it."""

    entry: GlossaryEntry
    annotations: list[Annotation] = field(default_factory=list)


@dataclass
class AnnotatedGlossary:
    """The entries to export, already selected and sorted by the caller, and the bibliography."""

    entries: list[AnnotatedEntry]
    sources: dict[str, BibSource]
    title: str = "PolicyReader glossary"


_WS = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Fold *text* (which may hold tabs and line breaks) onto one line with single spaces."""
    return _WS.sub(" ", text).strip()


def by_status(entry: GlossaryEntry, status: str) -> list[Rendering]:
    """The entry's renderings with *status*, in entry order."""
    return [r for r in entry.renderings if r.status == status]


def status_rank(status: str) -> int:
    """Sort key that puts preferred first and avoid last (unknown statuses after all known ones)."""
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


def citation(source: BibSource | None, ref: SourceRef | None = None) -> str:
    """A one-line human citation: ``Author, Title, Publisher (Year). URL``.

    A deep link on the reference (*ref.url*) wins over the source's own URL. An id the bibliography
    does not know is cited by the id alone.
    """
    if source is None:
        return ref.id if ref is not None else ""
    parts = [p for p in (source.author, source.title, source.publisher) if p]
    text = ", ".join(parts)
    if source.year:
        text += f" ({source.year})"
    url = (ref.url if ref is not None and ref.url else "") or source.url
    if url:
        text += f". {url}"
    return one_line(text)


def cited_source_ids(entries: list[AnnotatedEntry]) -> list[str]:
    """Every source id the entries' renderings cite, sorted (for a bibliography of just these entries)."""
    return sorted({s.id for ae in entries for r in ae.entry.renderings for s in r.sources if s.id})


def annotation_notes(entry: AnnotatedEntry) -> list[str]:
    """The non-empty annotation notes of an entry, each folded onto one line, in order."""
    return [one_line(a.note) for a in entry.annotations if a.note.strip()]
