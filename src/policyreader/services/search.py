"""Full-text search over the library: Chinese (by jieba tokens and by characters) and English.

Every candidate the index returns is checked verbatim, so results are exact; each comes with a
``…left【match】right…`` snippet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policyreader.core.cjk import has_han, is_han
from policyreader.core.errors import UserError
from policyreader.services.engine import TextEngine
from policyreader.storage.library import LibraryRepository

_WORDLIKE = re.compile(r"\w", re.UNICODE)


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
        """Segments containing *query* (Chinese or English), best first, with a context snippet."""
        q = query.strip()
        if not q:
            raise UserError("empty search query")
        if has_han(q):
            words = [t.text for t in self.engine.tokens(q) if _WORDLIKE.search(t.text)]
            # the query's jieba tokens find most hits; its characters then find the rest (a query that
            # jieba cuts differently in the document), every candidate being checked verbatim below
            expressions = [" AND ".join(_fts_quote(w) for w in words),
                           " AND ".join(_fts_quote(ch) for ch in dict.fromkeys(q) if is_han(ch))]
            needle, fold = q, False
        else:
            words = re.findall(r"\w+", q.lower())
            if not words:
                raise UserError(f"nothing to search for in {query!r}")
            expressions = [" AND ".join(_fts_quote(w) for w in words)]
            needle, fold = q.lower(), True
        hits: list[SearchHit] = []
        seen: set[tuple[str, int, str]] = set()
        for expr in expressions:
            if not expr:
                continue
            for doc_id, idx, side, text in self.repo.search_candidates(expr):
                if (doc_id, idx, side) in seen or (doc and doc_id != doc):
                    continue
                seen.add((doc_id, idx, side))
                snippet = make_snippet(text, needle, fold)
                if snippet is None and fold:
                    snippet = make_snippet(text, words[0], True)
                if snippet is None:
                    continue
                hits.append(SearchHit(doc_id, idx, side, snippet))
                if len(hits) >= limit:
                    break
            if len(hits) >= limit:
                break
        titles = self.repo.titles(h.doc for h in hits)
        for h in hits:
            h.title = titles.get(h.doc, "")
        return hits


def _fts_quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


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
