"""Corpus evidence for a glossary entry: which of its renderings translators actually used, and where.

The caller supplies the aligned segments whose Chinese contains the term (one tuple per segment); this
module finds each rendering in the English with the QA English matcher (stems, spelling variants,
compound joining, longest match first), so the counts agree with what the QA check accepts.
An occurrence counts each rendering found in it once; an occurrence with none of the entry's
renderings counts as ``none``. Whether the term is really an occurrence (and not part of a longer
glossary term) is the caller's concern: pass only the segments the glossary matcher links to the entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from policyreader.core.english import EnglishText, claim_renderings, compile_patterns
from policyreader.core.glossary import GlossaryEntry

NONE = "none"


@dataclass
class RenderingUsage:
    """How often each rendering of an entry appears in the English of the segments containing the term."""

    entry: str
    term: str
    total: int = 0
    renderings: dict[str, int] = field(default_factory=dict)
    none: int = 0
    by_document: dict[str, dict[str, int]] = field(default_factory=dict)
    by_year: dict[int, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape; years become string keys, as JSON requires."""
        return {
            "entry": self.entry,
            "term": self.term,
            "total": self.total,
            "renderings": dict(self.renderings),
            "none": self.none,
            "by_document": {doc: dict(c) for doc, c in self.by_document.items()},
            "by_year": {str(year): dict(c) for year, c in sorted(self.by_year.items())},
        }


def rendering_usage(entry: GlossaryEntry, occurrences: Iterable[tuple[str, int, str, str]]) -> RenderingUsage:
    """Count the renderings of *entry* in ``(doc_id, year, zh, en)`` occurrences.

    ``renderings`` lists every rendering of the entry (zero when unused); the per-document and
    per-year breakdowns list the renderings found there, and always ``none``.
    """
    patterns = compile_patterns(entry)
    usage = RenderingUsage(entry.id, entry.term, renderings={r.text: 0 for r in entry.renderings})
    for doc, year, _zh, en in occurrences:
        usage.total += 1
        found = list(dict.fromkeys(h.rendering for h in claim_renderings(EnglishText(en), patterns)))
        for bucket in (usage.by_document.setdefault(doc, {NONE: 0}), usage.by_year.setdefault(year, {NONE: 0})):
            for text in found or [NONE]:
                bucket[text] = bucket.get(text, 0) + 1
        if not found:
            usage.none += 1
        for text in found:
            usage.renderings[text] = usage.renderings.get(text, 0) + 1
    return usage
