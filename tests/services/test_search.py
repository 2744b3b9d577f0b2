"""Library search gives the same hits as before the index changed: every query of the recorded fixture
(Chinese of one, two and more characters, English words and phrases, mixed scripts) on the bundled corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policyreader.services.engine import TextEngine
from policyreader.services.library import Library
from policyreader.services.paths import resolve_paths
from policyreader.services.search import LibrarySearch
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
