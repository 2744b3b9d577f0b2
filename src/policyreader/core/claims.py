"""The claims summary of an English document: which glossary terms it uses, which of its renderings the
glossary contests or says to avoid, and for each term the entry's note — a reading group's or a
reviewer's digest of how a piece of coverage names the Chinese terms.

:func:`summarise` builds it from the renderings the :class:`~policyreader.core.coverage.EnglishLinker`
found; the formats that write it (JSON, Markdown, HTML) live in ``formats/claims.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from policyreader.core.coverage import Reading
from policyreader.core.english import RenderingHit
from policyreader.core.glossary import GlossaryEntry
from policyreader.core.model import GOOD_STATUSES, Status


@dataclass
class RenderingUse:
    """One glossary rendering as the document uses it."""

    rendering: str
    status: str
    count: int = 0
    written: list[str] = field(default_factory=list)  # the distinct ways the document writes it
    first: int = 0  # offset of its first mention in the document's text
    also: list[Reading] = field(default_factory=list)  # other entries the same words render
    unaccepted: bool = False  # no entry accepts these words for any term

    def to_json(self) -> dict[str, Any]:
        return {"rendering": self.rendering, "status": self.status, "count": self.count, "written": self.written,
                "first": self.first, "unaccepted": self.unaccepted,
                "also": [{"entry": r.entry, "term": r.term, "status": r.status} for r in self.also]}


@dataclass
class TermClaim:
    """A glossary term the document names, with the renderings it uses and what the entry says."""

    entry: str
    term: str
    pinyin: str
    preferred: str
    mentions: int
    renderings: list[RenderingUse]
    dispute: str = ""
    notes: str = ""
    in_regulations: int | None = None  # occurrences in the bundled regulations (None: not counted)

    @property
    def worst(self) -> str:
        """The least recommended status among the renderings used (what the term is flagged as)."""
        return max((r.status for r in self.renderings), key=lambda s: _SEVERITY.get(s, 0))

    @property
    def flagged(self) -> bool:
        return self.worst not in GOOD_STATUSES

    def to_json(self) -> dict[str, Any]:
        return {"entry": self.entry, "term": self.term, "pinyin": self.pinyin, "preferred": self.preferred,
                "mentions": self.mentions, "status": self.worst,
                "renderings": [r.to_json() for r in self.renderings], "dispute": self.dispute,
                "notes": self.notes, "in_regulations": self.in_regulations}


_SEVERITY: dict[str, int] = {Status.PREFERRED: 0, Status.ACCEPTED: 0, Status.CONTESTED: 1, Status.AVOID: 2}


@dataclass
class ClaimsSummary:
    """Every glossary term an English document names: avoided renderings first, then contested ones, then
    the rest by how often the document names them."""

    title: str
    source: str
    terms: list[TermClaim]

    @property
    def mentions(self) -> int:
        return sum(t.mentions for t in self.terms)

    def with_status(self, status: str) -> list[tuple[TermClaim, RenderingUse]]:
        """The (term, rendering) pairs whose rendering has *status*."""
        return [(t, r) for t in self.terms for r in t.renderings if r.status == status]

    @property
    def unaccepted(self) -> list[tuple[TermClaim, RenderingUse]]:
        """Renderings that no glossary entry accepts for any term."""
        return [(t, r) for t in self.terms for r in t.renderings if r.unaccepted]

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "source": self.source, "mentions": self.mentions,
                "terms_named": len(self.terms),
                "contested": len(self.with_status(Status.CONTESTED)), "avoid": len(self.with_status(Status.AVOID)),
                "unaccepted": sorted({r.rendering for _t, r in self.unaccepted}),
                "terms": [t.to_json() for t in self.terms]}


def summarise(title: str, source: str, hits: Sequence[RenderingHit], entries: Mapping[str, GlossaryEntry],
              readings: Callable[[str], list[Reading]],
              in_regulations: Mapping[str, int] | None = None) -> ClaimsSummary:
    """The summary of a document whose linked renderings are *hits*.

    *readings* tells which entries a stretch of English renders (``EnglishLinker.readings``);
    *in_regulations* how often each entry's term occurs in the bundled regulations.
    """
    by_entry: dict[str, dict[str, RenderingUse]] = {}
    for h in hits:
        uses = by_entry.setdefault(h.entry, {})
        use = uses.get(h.rendering)
        if use is None:
            found = readings(h.text)
            use = uses[h.rendering] = RenderingUse(
                h.rendering, h.status, first=h.start, also=[r for r in found if r.entry != h.entry],
                unaccepted=bool(found) and not any(r.accepted for r in found))
        use.count += 1
        if h.text not in use.written:
            use.written.append(h.text)
    terms: list[TermClaim] = []
    for eid, uses in by_entry.items():
        entry = entries.get(eid)
        if entry is None:
            continue
        preferred = entry.preferred()
        ordered = sorted(uses.values(), key=lambda u: (-_SEVERITY.get(u.status, 0), -u.count, u.first))
        terms.append(TermClaim(eid, entry.term, entry.pinyin, preferred.text if preferred else "",
                               sum(u.count for u in ordered), ordered, entry.dispute, entry.notes,
                               None if in_regulations is None else in_regulations.get(eid, 0)))
    terms.sort(key=lambda t: (-_SEVERITY.get(t.worst, 0), -t.mentions, min(u.first for u in t.renderings)))
    return ClaimsSummary(title, source, terms)
