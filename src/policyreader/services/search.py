"""Full-text search over the library: Chinese (by characters and pairs of characters) and English.

No segmentation is needed, so searching loads no dictionary. A query of one or two Han characters is
one term of the index, and its rows are the answer; any other query's rows are checked verbatim. Hits
come in library order (documents as they were added, segments in order, Chinese before English),
each with a ``…left【match】right…`` snippet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policyreader.core.cjk import has_han
from policyreader.core.errors import UserError
from policyreader.services.engine import TextEngine
from policyreader.storage.library import LibraryRepository
from policyreader.storage.search_index import lookup_chinese, lookup_words


@dataclass
class SearchHit:
    doc: str
    segment: int
    side: str
    snippet: str
    title: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "segment": self.segment, "side": self.side, "snippet": self.snippet,
                "title": self.title}


class LibrarySearch:
    """Search over one library's documents."""

    def __init__(self, engine: TextEngine, repo: LibraryRepository):
        self.engine = engine
        self.repo = repo

    def search(self, query: str, limit: int = 50, doc: str | None = None) -> list[SearchHit]:
        """Segments containing *query* (Chinese or English), in library order, with a context snippet."""
        q = query.strip()
        if not q:
            raise UserError("empty search query")
        words: list[str] = []
        if has_han(q):
            lookup = lookup_chinese(q)  # found verbatim, case and all
            needle, fold = q, False
        else:
            words = re.findall(r"\w+", q.lower())
            lookup = lookup_words(words)  # every word on one side; the phrase, or else the first word, shown
            needle, fold = q.lower(), True
        if lookup is None:
            raise UserError(f"nothing to search for in {query!r}")
        hits: list[SearchHit] = []
        for doc_id, idx, side, text in self.repo.search_candidates(lookup, doc):
            snippet = make_snippet(text, needle, fold)
            if snippet is None and fold:
                snippet = make_snippet(text, words[0], True)
            if snippet is None:
                continue
            hits.append(SearchHit(doc_id, idx, side, snippet))
            if len(hits) >= limit:
                break
        titles = self.repo.titles(h.doc for h in hits)
        for h in hits:
            h.title = titles.get(h.doc, "")
        return hits


def make_snippet(text: str, needle: str, fold: bool, context: int = 24) -> str | None:
    """``…left【match】right…`` around the first occurrence of *needle*, or None if absent."""
    hay = text.lower() if fold else text
    pos = hay.find(needle)
    if pos < 0:
        return None
    end = pos + len(needle)
    left = text[max(0, pos - context):pos].replace("\n", " ")
    right = text[end:end + context].replace("\n", " ")
    return ("…" if pos > context else "") + left + "【" + text[pos:end] + "】" + right + (
        "…" if end + context < len(text) else "")
