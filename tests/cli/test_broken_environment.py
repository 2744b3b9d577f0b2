"""A broken environment gets one line on stderr and exit code 2, never a traceback, and loses nothing: a
damaged library, a read-only one (which still reads), a full disk, HOME that is a file, an output
folder that does not exist."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from policyreader.core.errors import DiskFull
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from policyreader.storage.schema import DB_FILE
from tests.conftest import CORPUS
from tests.environment import ROOT, assert_one_line_error, cli, process, read_only, small_disk

DOC = "spc_shixin_list_provisions_2013"
SOURCE = CORPUS / "samr_admin_penalty_info_publicity_2021.zh.txt"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage(data: Path, how: str) -> None:
    db = data / DB_FILE
    if how == "garbage":
        db.write_bytes(bytes(range(256)) * 400)
    elif how == "truncated":
        db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    elif how == "overwritten-pages":  # the header survives, the pages after it do not
        raw = bytearray(db.read_bytes())
        raw[4096:4096 * 40] = b"\xa5" * (4096 * 39)
        db.write_bytes(bytes(raw))
    else:
        db.write_text("not a database at all\n", encoding="utf-8")


@pytest.mark.parametrize("how", ["garbage", "truncated", "overwritten-pages", "text"])
@pytest.mark.parametrize("args", [["docs"], ["show", DOC, "--json"], ["import", str(SOURCE)],
                                  ["annotations", "list"], ["glossary", "add", "信用修复", "--rendering", "credit repair"],
                                  ["search", "信用"]])
def test_a_damaged_library_is_named_and_left_alone(data_dir: Path, how: str, args: list[str]) -> None:
    _damage(data_dir, how)
    before = _digest(data_dir / DB_FILE)
    code, _out, err = cli(data_dir, *args)
    assert_one_line_error(code, err, str(data_dir / DB_FILE), "damaged", "move it aside")
    assert _digest(data_dir / DB_FILE) == before


def test_a_damaged_library_in_a_real_process(data_dir: Path) -> None:
    _damage(data_dir, "garbage")
    r = process("--data-dir", str(data_dir), "docs")
    assert_one_line_error(r.returncode, r.stderr, "damaged")


READS = [["docs", "--json"], ["show", DOC, "--json"], ["search", "失信被执行人", "--json"],
         ["annotations", "list", "--json"], ["lookup", "信用", "--json"], ["glossary", "search", "xinyong", "--json"],
         ["concordance", "失信被执行人", "--json"]]
WRITES = [["annotate", DOC, "--start", "0", "--end", "4", "--note", "n"], ["import", str(SOURCE), "--title", "x"],
          ["glossary", "add", "信用修复", "--rendering", "credit repair"]]


def test_a_read_only_library_reads_and_refuses_writes_in_one_line(data_dir: Path) -> None:
    cli(data_dir, "lookup", "信用")  # CC-CEDICT loaded while the folder could still be written
    expected = [cli(data_dir, *args) for args in READS]
    before = _digest(data_dir / DB_FILE)
    with read_only(data_dir):
        for args, want in zip(READS, expected, strict=True):
            assert cli(data_dir, *args) == want, args
        for args in WRITES:
            code, _out, err = cli(data_dir, *args)
            assert_one_line_error(code, err, "read-only")
    assert _digest(data_dir / DB_FILE) == before


def test_a_read_only_folder_without_a_library_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with read_only(empty):
        code, _out, err = cli(empty, "docs")
    assert_one_line_error(code, err, "read-only", "no library can be created")


def _integrity(db: Path) -> tuple[str, int, int]:
    con = sqlite3.connect(db)
    try:
        return (con.execute("PRAGMA integrity_check").fetchone()[0],
                con.execute("SELECT count(*) FROM documents").fetchone()[0],
                con.execute("SELECT count(*) FROM segments").fetchone()[0])
    finally:
        con.close()


def _big_source(tmp_path: Path) -> Path:
    """About 1 MB of real regulations, each copy marked so that it is new content."""
    text = "\n\n".join(p.read_text(encoding="utf-8").replace("第一条", f"第一条（第{i}份）")
                       for i in range(6) for p in sorted(CORPUS.glob("*.zh.txt")))
    path = tmp_path / "compilation.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_disk_during_import_rolls_back_and_says_so(data_dir: Path, tmp_path: Path) -> None:
    """As root on a real tmpfs that fills up, in a real process; otherwise with SQLite's page limit,
    which fails a write exactly as a full disk does (SQLITE_FULL)."""
    big = _big_source(tmp_path)
    before = _integrity(data_dir / DB_FILE)
    if ROOT:
        size = (data_dir / DB_FILE).stat().st_size + sum(p.stat().st_size for p in (data_dir / "cache").iterdir())
        with small_disk(tmp_path / "disk", size // 2**20 + 4) as disk:
            shutil.copytree(data_dir, disk / "data")
            r = process("--data-dir", str(disk / "data"), "import", str(big))
            assert_one_line_error(r.returncode, r.stderr, "disk is full", "nothing was written")
            assert _integrity(disk / "data" / DB_FILE) == before
            # the library still works, and a small import fits
            ok = process("--data-dir", str(disk / "data"), "import", str(CORPUS / f"{DOC}.zh.txt"), "--title", "t")
            assert ok.returncode == 0, ok.stderr
        return
    ctx = AppContext(resolve_paths(data_dir))
    pages = ctx.engine.db.execute("PRAGMA page_count").fetchone()[0]
    ctx.engine.db.execute(f"PRAGMA max_page_count = {pages + 200}")
    with pytest.raises(DiskFull, match="disk is full"):
        try:
            ctx.library.import_path(big)
        except sqlite3.Error as exc:
            raise ctx.explain(exc) from exc
    ctx.close()
    assert _integrity(data_dir / DB_FILE) == before


def test_home_that_is_a_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder\n", encoding="utf-8")
    env = {"HOME": str(home), "XDG_DATA_HOME": "", "XDG_CACHE_HOME": "", "POLICYREADER_DATA_DIR": ""}
    r = process("docs", env=env)
    assert_one_line_error(r.returncode, r.stderr, "cannot create the data directory", "--data-dir")
    # commands that need no library still work
    seg = process("segment", str(CORPUS / f"{DOC}.zh.txt"), "--json", env=env)
    assert seg.returncode == 0 and json.loads(seg.stdout), seg.stderr


@pytest.mark.parametrize("args", [["annotations", "export", "--format", "csv", "-o"],
                                  ["qa", DOC, "--format", "json", "-o"],
                                  ["glossary", "export", "--format", "csv", "-o"],
                                  ["glossary", "export", "--format", "anki", "-o"]])
def test_output_into_a_missing_folder(data_dir: Path, tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "no-such-folder" / "out.file"
    code, _out, err = cli(data_dir, *args, str(target))
    assert_one_line_error(code, err, str(target.parent), "does not exist")
    assert not target.parent.exists()


def test_a_reader_that_goes_away_is_not_an_error(data_dir: Path) -> None:
    """``policyreader show DOC | head -c 10``: the pipe closes early; no message, no traceback."""
    import subprocess

    from tests.environment import POLICYREADER

    p = subprocess.Popen([str(POLICYREADER), "--data-dir", str(data_dir), "show", DOC], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    assert len(p.stdout.read(10)) == 10
    p.stdout.close()
    err = p.stderr.read().decode()
    p.stderr.close()
    assert p.wait(timeout=60) in (0, 1) and err == ""
