"""CC-CEDICT from a prebuilt database (what the self-contained app ships) instead of the data file."""

from __future__ import annotations

import shutil
from itertools import islice
from pathlib import Path

import pytest

from policyreader.core.dictionary import iter_cedict
from policyreader.core.errors import UserError
from policyreader.services.paths import resolve_paths
from policyreader.storage.dictionary import DictionaryRepository, ensure_cedict, write_cedict_database
from policyreader.storage.schema import get_meta, open_database, write_transaction

ENTRIES = list(islice(iter_cedict(), 4000))  # the real file's first entries: enough, and quick


@pytest.fixture(scope="module")
def prebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("prebuilt") / "cedict.sqlite"
    write_cedict_database(path, ENTRIES)
    return path


def _rows(db_path: Path) -> list[tuple[str, ...]]:
    db = open_database(db_path)
    try:
        return [tuple(r) for r in db.execute(
            "SELECT simplified, traditional, pinyin, pinyin_numbers, definitions FROM cedict ORDER BY id")]
    finally:
        db.close()


def test_the_table_is_copied_once_with_every_reading_in_file_order(prebuilt: Path, tmp_path: Path) -> None:
    db = open_database(tmp_path / "policyreader.db")
    assert ensure_cedict(db, prebuilt=prebuilt) is True
    assert ensure_cedict(db, prebuilt=prebuilt) is False  # already there
    word = ENTRIES[3000].simplified
    expected = [(e.traditional, e.pinyin, e.definitions) for e in ENTRIES if word in (e.simplified, e.traditional)]
    got = DictionaryRepository(db).lookup(word)
    assert [(e.traditional, e.pinyin, e.definitions) for e in got] == expected
    assert db.execute("SELECT count(*) FROM cedict").fetchone()[0] == len(ENTRIES)
    db.close()


def test_copied_inside_a_transaction_too(prebuilt: Path, tmp_path: Path) -> None:
    db = open_database(tmp_path / "policyreader.db")
    with write_transaction(db):  # SQLite refuses ATTACH here: rows are copied one by one
        assert ensure_cedict(db, prebuilt=prebuilt) is True
    db.close()
    assert len(_rows(tmp_path / "policyreader.db")) == len(ENTRIES)


def test_a_database_loaded_from_the_data_file_is_not_loaded_again(prebuilt: Path, seeded_data_dir: Path,
                                                                   tmp_path: Path) -> None:
    """The venv and the bundle may share a data directory: same data file, same fingerprint, no reload."""
    data = tmp_path / "data"
    shutil.copytree(seeded_data_dir, data)
    db = open_database(resolve_paths(data).database)
    before = get_meta(db, "cedict_source")
    assert ensure_cedict(db, prebuilt=prebuilt) is False
    assert get_meta(db, "cedict_source") == before
    assert db.execute("SELECT count(*) FROM cedict").fetchone()[0] > len(ENTRIES)  # still the whole file
    db.close()


def test_a_damaged_prebuilt_database_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "cedict.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    db = open_database(tmp_path / "policyreader.db")
    with pytest.raises(UserError, match="CC-CEDICT database shipped with PolicyReader cannot be read"):
        ensure_cedict(db, prebuilt=bad)
    with pytest.raises(UserError, match="reinstall PolicyReader"):
        ensure_cedict(db, prebuilt=tmp_path / "missing.sqlite")
    assert db.execute("SELECT count(*) FROM cedict").fetchone()[0] == 0
    db.close()
