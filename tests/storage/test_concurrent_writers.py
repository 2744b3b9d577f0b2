"""Several processes writing one library at once: every write waits its turn (BEGIN IMMEDIATE), the
duplicate check and the insert happen under one lock, and nothing is lost or stored twice.

Each writer is a real process running a seeded mix of CLI commands (see ``concurrent_writer``); the
same files are imported by every writer, the same glossary entries extended by all of them.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from policyreader.core.model import Annotation
from policyreader.formats.annotations import to_jsonld
from policyreader.storage.schema import DB_FILE
from tests.conftest import CORPUS, ROOT
from tests.storage.concurrent_writer import SHARED_FILES

WRITERS = 4
OPS = 75
JSONLD_ITEMS = 5


def prepare(files: Path) -> None:
    """The files every writer imports: real regulations, each with a line of its own, and one JSON-LD file."""
    files.mkdir()
    sources = sorted(CORPUS.glob("*.zh.txt"), key=lambda p: p.stat().st_size)  # the shortest: quicker to segment
    for k in range(SHARED_FILES):
        (files / f"shared-{k}.txt").write_text(sources[k].read_text(encoding="utf-8")
                                               + f"\n附件{k}：本文件由多个进程同时导入。\n", encoding="utf-8")
    quotes = ["市场监督管理部门", "行政处罚决定", "国家企业信用信息公示系统", "市场主体", "公示信息"][:JSONLD_ITEMS]
    items = [Annotation(str(uuid.UUID(int=i + 1)), "samr_admin_penalty_info_publicity_2021", "zh", -1, -1,
                        quote, "", "", f"shared note {i}", ["shared"], "", "", "", "", "exact", 1.0, "", "")
             for i, quote in enumerate(quotes)]
    (files / "shared.jsonld").write_text(json.dumps(to_jsonld(items), ensure_ascii=False), encoding="utf-8")


def run_writers(data: Path, files: Path, writers: int, ops: int, seed: int) -> list[dict[str, Any]]:
    """Start *writers* processes at once; their results, one dict per command."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "tests.storage.concurrent_writer", str(data), str(files),
                               str(w), str(ops), str(seed)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for w in range(writers)]
    results: list[dict[str, Any]] = []
    for p in procs:
        out, err = p.communicate(timeout=1800)
        assert p.returncode == 0, err[-3000:]
        results += [json.loads(line) for line in out.splitlines()]
    return results


def check_library(data: Path, files: Path, results: list[dict[str, Any]], others: int = 0) -> dict[str, int]:
    """What the library must hold after the run (*others*: annotations made by someone else meanwhile)."""
    con = sqlite3.connect(data / DB_FILE)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    done = [r for r in results if r["ok"]]
    # every shared file is stored once, under the one id every writer was told
    shared_ids: dict[str, set[str]] = {}
    for r in done:
        if r["op"] == "import_shared":
            shared_ids.setdefault(r["args"][1], set()).add(json.loads(r["out"])["id"])
    for path, ids in shared_ids.items():
        stored = con.execute("SELECT id FROM documents WHERE source_path = ?", [path]).fetchall()
        assert len(ids) == 1 and [i for (i,) in stored] == sorted(ids), (path, ids, stored)
    hashes = Counter(h for (h,) in con.execute("SELECT content_hash FROM documents"))
    assert [h for h, n in hashes.items() if n > 1] == []
    # every reported annotation is there, and the shared JSON-LD file's items once each
    made = {json.loads(r["out"])["id"] for r in done if r["op"] == "annotate"}
    stored_ids = {i for (i,) in con.execute("SELECT id FROM annotations")}
    assert made <= stored_ids
    imported = any(r["op"] == "annotations_import" for r in done)
    assert len(stored_ids) == len(made) + (JSONLD_ITEMS if imported else 0) + others
    # no addition to a glossary entry is lost, even when several writers extend the same entry at once
    renderings: dict[str, set[str]] = {}
    for eid, data_json in con.execute("SELECT id, data FROM user_entries"):
        renderings[eid] = {r["text"] for r in json.loads(data_json)["renderings"]}
    added = {r["args"][4] for r in done if r["op"] in ("glossary_add", "glossary_extend")}
    kept = set().union(*renderings.values()) if renderings else set()
    assert added <= kept, sorted(added - kept)
    own = {json.loads(r["out"])["id"] for r in done if r["op"] == "import_own"}
    assert own <= {i for (i,) in con.execute("SELECT id FROM documents")}
    con.close()
    return {"shared files": len(shared_ids), "annotations": len(stored_ids), "renderings added": len(added)}


@pytest.mark.slow
def test_several_hundred_mixed_operations_from_concurrent_processes(data_dir: Path, tmp_path: Path) -> None:
    files = tmp_path / "files"
    prepare(files)
    results = run_writers(data_dir, files, WRITERS, OPS, seed=14)
    failures = [(r["op"], r["code"], r["err"][-400:]) for r in results if not r["ok"]]
    assert failures == []
    assert len(results) >= WRITERS * OPS * 0.9
    ops = Counter(r["op"] for r in results)
    assert ops["import_shared"] >= 20 and ops["annotate"] >= 20 and ops["glossary_add"] >= 5, ops
    counts = check_library(data_dir, files, results)
    assert counts["shared files"] == SHARED_FILES


@pytest.mark.slow
def test_the_same_file_imported_by_several_processes_at_once_is_stored_once(data_dir: Path, tmp_path: Path) -> None:
    """Real ``policyreader import`` processes started together, five times over."""
    from tests.environment import process

    source = (CORPUS / "zhengxin_industry_regulation_2013.zh.txt").read_text(encoding="utf-8")
    for attempt in range(5):
        path = tmp_path / f"copy-{attempt}.txt"
        path.write_text(source + f"\n附则{attempt}：同时导入。\n", encoding="utf-8")
        procs = [subprocess.Popen([str(Path(sys.executable).with_name("policyreader")), "--data-dir", str(data_dir),
                                   "import", str(path), "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(3)]
        outs = [p.communicate(timeout=300) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], [e for _o, e in outs]
        results = [json.loads(o) for o, _e in outs]
        assert len({r["id"] for r in results}) == 1
        assert sorted(r["duplicate"] for r in results) == [False, True, True]
    r = process("--data-dir", str(data_dir), "docs", "--json")
    docs = json.loads(r.stdout)
    assert len(docs) == 10 + 5


def test_a_unique_index_is_the_last_defence_against_a_second_copy(data_dir: Path) -> None:
    con = sqlite3.connect(data_dir / DB_FILE)
    row = con.execute("SELECT * FROM documents LIMIT 1").fetchone()
    cols = [d[0] for d in con.execute("SELECT * FROM documents LIMIT 0").description]
    copy = dict(zip(cols, row, strict=True)) | {"id": "a-second-copy", "key": None}  # a key of its own
    try:
        con.execute(f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    list(copy.values()))
        raise AssertionError("a second document with the same content was stored")
    except sqlite3.IntegrityError as exc:
        assert "content_hash" in str(exc)
    finally:
        con.close()
