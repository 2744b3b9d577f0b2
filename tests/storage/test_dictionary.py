"""CC-CEDICT in a database of its own, beside the library: read straight from a prebuilt copy when the
package ships one, else built once in the cache folder (or in memory where nothing can be written)."""

from __future__ import annotations

import os
import stat
import threading
from itertools import islice
from pathlib import Path

import pytest

from policyreader.core.dictionary import iter_cedict
from policyreader.storage.dictionary import CEDICT_FILE, DictionaryRepository, open_dictionary, write_cedict_database
from policyreader.storage.schema import open_database

ENTRIES = list(islice(iter_cedict(), 4000))  # the real file's first entries: enough, and quick


@pytest.fixture(scope="module")
def prebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("prebuilt") / "cedict.sqlite"
    write_cedict_database(path, ENTRIES)
    return path


def test_a_prebuilt_dictionary_is_read_as_it_is_with_every_reading_in_file_order(prebuilt: Path,
                                                                                  tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    db = open_dictionary(cache, prebuilt)
    word = ENTRIES[3000].simplified
    expected = [(e.traditional, e.pinyin, e.definitions) for e in ENTRIES if word in (e.simplified, e.traditional)]
    assert [(e.traditional, e.pinyin, e.definitions) for e in DictionaryRepository(db).lookup(word)] == expected
    assert not cache.exists()  # nothing copied, nothing built
    with pytest.raises(Exception, match="readonly"):
        db.execute("DELETE FROM cedict")


def test_without_a_prebuilt_one_it_is_built_once_in_the_cache_folder(seeded_data_dir: Path, tmp_path: Path) -> None:
    cache = seeded_data_dir / "cache"
    built = cache / CEDICT_FILE
    assert built.is_file()  # the session's seeded data directory built it on its first lookup
    before = built.stat().st_mtime_ns
    db = open_dictionary(cache)
    assert DictionaryRepository(db).lookup("信用") and built.stat().st_mtime_ns == before  # not built again
    assert {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")} >= {
        "idx_cedict_simplified", "idx_cedict_traditional"}


def test_two_builders_at_once_never_see_half_of_one(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import policyreader.storage.dictionary as d

    monkeypatch.setattr(d, "iter_cedict", lambda *a: iter(ENTRIES))
    cache = tmp_path / "cache"
    results: list[int] = []

    def build() -> None:
        results.append(len(DictionaryRepository(open_dictionary(cache)).headwords()))

    threads = [threading.Thread(target=build) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 3 and len(set(results)) == 1 and results[0] > 3000
    assert [p.name for p in cache.iterdir()] == [CEDICT_FILE]  # no side file left behind


def test_a_read_only_cache_folder_gives_a_dictionary_in_memory(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import policyreader.storage.dictionary as d

    if os.geteuid() == 0:
        monkeypatch.setattr(d.os, "replace", lambda *a: (_ for _ in ()).throw(PermissionError("read-only")))
    monkeypatch.setattr(d, "iter_cedict", lambda *a: iter(ENTRIES))
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        db = open_dictionary(cache)
        assert DictionaryRepository(db).lookup(ENTRIES[10].simplified)
        assert not (cache / CEDICT_FILE).exists()
    finally:
        cache.chmod(stat.S_IRWXU)


def test_the_library_no_longer_holds_the_dictionary(tmp_path: Path) -> None:
    db = open_database(tmp_path / "policyreader.db")
    assert "cedict" not in db.table_names()
    db.close()


def test_a_damaged_cache_file_is_built_again(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import policyreader.storage.dictionary as d

    monkeypatch.setattr(d, "iter_cedict", lambda *a: iter(ENTRIES))
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / CEDICT_FILE).write_text("not a database", encoding="utf-8")
    assert DictionaryRepository(open_dictionary(cache)).lookup(ENTRIES[5].simplified)
