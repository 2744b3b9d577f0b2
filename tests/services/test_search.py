"""Library search gives the same hits as before the index changed: every query of the recorded fixture
(Chinese of one, two and more characters, English words and phrases, mixed scripts) on the bundled corpus,
in library order; one and two Han characters are answered by the index alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policyreader.core.cjk import has_han, is_han
from policyreader.services.engine import TextEngine
from policyreader.services.library import Library
from policyreader.services.paths import resolve_paths
from policyreader.services.search import LibrarySearch
from policyreader.storage.search_index import lookup_chinese
from tests.fixtures.search.record_results import QUERIES, RESULTS

RECORDED: dict[str, list[list[object]]] = json.loads(RESULTS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def search(corpus_seed: Path, tmp_path_factory: pytest.TempPathFactory) -> LibrarySearch:
    data = tmp_path_factory.mktemp("search") / "data"
    shutil.copytree(corpus_seed, data)
    engine = TextEngine(resolve_paths(data))
    return LibrarySearch(engine, Library(engine).repo)


def test_the_fixture_covers_every_query() -> None:
    assert list(RECORDED) == QUERIES
    assert sum(len(v) for v in RECORDED.values()) > 5000  # a fixture of nothing would prove nothing


@pytest.mark.parametrize("query", QUERIES)
def test_search_gives_the_recorded_hits(search: LibrarySearch, query: str) -> None:
    hits = [[h.doc, h.segment, h.side, h.snippet] for h in search.search(query, limit=1_000_000)]
    assert sorted(map(tuple, hits)) == sorted(map(tuple, RECORDED[query]))


def test_hits_come_in_library_order(search: LibrarySearch) -> None:
    """Documents as they were added, segments in order, Chinese before English; a limit keeps the first."""
    added = {doc: n for n, (doc,) in enumerate(search.repo.db.execute("SELECT id FROM documents ORDER BY key"))}
    for query in ("信用", "credit", "的", "shall"):
        hits = [(added[h.doc], h.segment, h.side) for h in search.search(query, limit=1_000_000)]
        assert hits == sorted(hits) and len(hits) > 50
        assert [(added[h.doc], h.segment, h.side) for h in search.search(query)] == hits[:50]


@pytest.mark.parametrize("query", [q for q in QUERIES if has_han(q) and len(q) <= 2 and all(map(is_han, q))])
def test_one_and_two_characters_are_one_index_term_and_nothing_is_checked(search: LibrarySearch, query: str) -> None:
    lookup = lookup_chinese(query)
    assert lookup is not None and lookup.exact and lookup.expression == f'"{query}"'
    rows = list(search.repo.search_candidates(lookup))
    assert all(query in text for _d, _i, _s, text in rows)  # every row the index gives is a hit
    assert len(rows) == len(RECORDED[query])
