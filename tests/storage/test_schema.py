"""The schema's migrations, tested on databases that released versions wrote, and the guard that refuses a
database written by a newer PolicyReader before anything is read or written."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyreader.cli import main
from policyreader.core.errors import DatabaseTooNew
from policyreader.core.matcher import with_nested
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from policyreader.storage.library import LibraryRepository
from policyreader.storage.schema import DB_FILE, SCHEMA_VERSION, known_migrations, open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "databases"


def _copy(name: str, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / name, data / DB_FILE)
    return data


def _applied(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]


def test_the_first_schema_is_migrated_to_this_version(tmp_path: Path) -> None:
    data = _copy("schema-m001.db", tmp_path)
    assert _applied(data / DB_FILE) == ["m001_meta_and_dictionary"]
    db = open_database(data / DB_FILE)
    assert _applied(data / DB_FILE) == known_migrations()
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT value FROM meta WHERE key = 'written_by'").fetchone()[0].startswith("first migration")
    assert {"documents", "segments", "annotations", "user_entries", "qa_accepted"} <= set(db.table_names())


def test_a_release_database_keeps_everything_it_held(tmp_path: Path) -> None:
    """0.1.0's database: a document, an annotation, a user entry, an accepted finding and a manual alignment."""
    data = _copy("release-0.1.0.db", tmp_path)
    runner = CliRunner()
    docs = runner.invoke(main, ["--data-dir", str(data), "docs", "--json"])
    assert docs.exit_code == 0, docs.output
    assert "fixture-measures" in docs.stdout
    notes = runner.invoke(main, ["--data-dir", str(data), "annotations", "list", "fixture-measures", "--json"])
    assert notes.exit_code == 0 and "诚信建设" in notes.stdout
    entry = runner.invoke(main, ["--data-dir", str(data), "glossary", "search", "诚信档案", "--json"])
    assert entry.exit_code == 0 and "integrity file" in entry.stdout
    show = runner.invoke(main, ["--data-dir", str(data), "show", "fixture-measures", "--json"])
    assert show.exit_code == 0 and show.stdout.count('"zh"') == 2  # the merge of segments 1 and 2 is kept
    db = open_database(data / DB_FILE)
    assert db.execute("SELECT count(*) FROM qa_accepted").fetchone()[0] == 1
    assert _applied(data / DB_FILE) == known_migrations()


def _future(tmp_path: Path) -> Path:
    data = _copy("release-0.1.0.db", tmp_path)
    with sqlite3.connect(data / DB_FILE) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('policyreader', 'm999_from_the_future', '2030-01-01')")
    return data


def test_a_newer_database_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    data = _future(tmp_path)
    before = hashlib.sha256((data / DB_FILE).read_bytes()).hexdigest()
    with pytest.raises(DatabaseTooNew, match="newer PolicyReader .*m999_from_the_future"):
        open_database(data / DB_FILE)
    assert hashlib.sha256((data / DB_FILE).read_bytes()).hexdigest() == before
    assert not (data / (DB_FILE + "-wal")).exists() or (data / (DB_FILE + "-wal")).stat().st_size == 0


@pytest.mark.parametrize("args", [["docs"], ["show", "fixture-measures"], ["import", "x.txt"],
                                  ["annotations", "list"]])
def test_the_cli_says_so_in_one_line_and_exits_2(tmp_path: Path, args: list[str]) -> None:
    data = _future(tmp_path)
    r = CliRunner().invoke(main, ["--data-dir", str(data), *args])
    assert r.exit_code == 2, r.output
    assert r.stderr.count("\n") == 1 and "newer PolicyReader" in r.stderr and "Traceback" not in r.stderr


def test_a_higher_user_version_is_refused_too(tmp_path: Path) -> None:
    data = _copy("release-0.1.0.db", tmp_path)
    with sqlite3.connect(data / DB_FILE) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(DatabaseTooNew, match="schema version"):
        open_database(data / DB_FILE)


def test_a_database_of_the_schema_before_the_compact_library_keeps_its_segments_links_and_search(
        tmp_path: Path) -> None:
    """schema-m009.db: the fixture document with its annotation and alignment edit, and two bundled laws,
    written before segments, glossary links and the search index were stored compactly (issue 17)."""
    data = _copy("schema-m009.db", tmp_path)
    with sqlite3.connect(data / DB_FILE) as conn:
        before = conn.execute("SELECT doc_id, idx, zh, en, level, kind, link, confidence, tokens, terms "
                              "FROM segments ORDER BY doc_id, idx").fetchall()
    assert len(before) == 70
    db = open_database(data / DB_FILE)
    assert _applied(data / DB_FILE) == known_migrations()
    repo = LibraryRepository(db)
    after = [(d, s.idx, s.zh, s.en, s.level, s.kind, s.link, s.confidence, s.tokens,
              {"zh": [list(t) for t in s.terms], "en": [list(t) for t in s.en_terms]})
             for d in sorted(r[0] for r in db.execute("SELECT id FROM documents")) for s in repo.segments(d)]
    assert after == [(*r[:8], json.loads(r[8]), json.loads(r[9])) for r in before]
    ctx = AppContext(resolve_paths(data))  # services only: the CLI would add the rest of the bundled corpus
    hits = ctx.search.search("失信被执行人", limit=1000)
    expected = sorted((r[0], r[1]) for r in before if "失信被执行人" in r[2])
    assert sorted((h.doc, h.segment) for h in hits) == expected and expected
    lines = ctx.workbench.concordance("行政处罚")
    assert sorted({(ln.doc, ln.segment) for ln in lines}) == sorted(
        (r[0], r[1]) for r in before if any(t[2] == "xingzheng-chufa" for t in json.loads(r[9])["zh"]))
    # terms nested in links need the glossary: the library adds them before anything else
    assert db.execute("SELECT value FROM meta WHERE key = 'term_index'").fetchone()[0] == "links only"
    ctx.library.ensure_bundled()
    assert db.execute("SELECT value FROM meta WHERE key = 'term_index'").fetchone()[0] == "complete"
    forms = ctx.engine.matcher.forms
    nested = sorted({(r[0], r[1]) for r in before for a, b, e in with_nested(r[2], json.loads(r[9])["zh"], forms)
                     if e == "xingzheng-chufa"})
    assert sorted({(ln.doc, ln.segment) for ln in ctx.workbench.concordance("行政处罚")
                   if ln.doc in {r[0] for r in before}}) == nested
    assert ctx.annotations.find("fixture-measures")[0].exact == "诚信建设"


def test_what_sqlite_failures_mean_for_the_user(tmp_path: Path) -> None:
    """Real SQLite errors, each turned into the one-line error a user sees."""
    from policyreader.core.errors import DatabaseDamaged, DatabaseReadOnly, DiskFull
    from policyreader.storage.schema import database_error

    data = _copy("release-0.1.0.db", tmp_path)
    db = open_database(data / DB_FILE)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(sqlite3.OperationalError) as full:
        db.execute("INSERT INTO meta (key, value) VALUES ('big', ?)", ["x" * 10**6])
    assert isinstance(database_error(full.value, data / DB_FILE), DiskFull)
    db.close()
    ro = sqlite3.connect((data / DB_FILE).as_uri() + "?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as read_only:
        ro.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    ro.close()
    assert isinstance(database_error(read_only.value, data / DB_FILE), DatabaseReadOnly)
    (tmp_path / "junk.db").write_bytes(b"\x01" * 8192)
    with pytest.raises(sqlite3.DatabaseError) as junk:
        sqlite3.connect(tmp_path / "junk.db").execute("SELECT * FROM sqlite_master")
    err = database_error(junk.value, tmp_path / "junk.db")
    assert isinstance(err, DatabaseDamaged) and "move it aside" in str(err) and "\n" not in str(err)


def test_moving_a_damaged_library_aside_keeps_every_byte(tmp_path: Path) -> None:
    from policyreader.storage.schema import move_aside

    data = _copy("release-0.1.0.db", tmp_path)
    db = data / DB_FILE
    (data / (DB_FILE + "-wal")).write_bytes(b"wal bytes")
    before = db.read_bytes()
    moved = move_aside(db)
    assert not db.exists() and not (data / (DB_FILE + "-wal")).exists()
    assert moved.read_bytes() == before and Path(f"{moved}-wal").read_bytes() == b"wal bytes"
    assert open_database(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 0  # a fresh library


def test_a_library_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    from policyreader.core.errors import DatabaseReadOnly
    from policyreader.storage.schema import is_read_only, set_meta
    from tests.environment import read_only

    data = _copy("release-0.1.0.db", tmp_path)
    open_database(data / DB_FILE).close()  # migrated while it could be written
    with read_only(data):
        db = open_database(data / DB_FILE)
        try:
            assert is_read_only(db)
            assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
            with pytest.raises(sqlite3.OperationalError) as exc:
                set_meta(db, "k", "v")
            from policyreader.storage.schema import database_error

            assert isinstance(database_error(exc.value, data / DB_FILE), DatabaseReadOnly)
        finally:
            db.close()
