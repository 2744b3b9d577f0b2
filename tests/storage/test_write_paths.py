"""Every write starts as ``BEGIN IMMEDIATE``: a write that started as a deferred transaction (or with no
transaction at all) could not wait for another process's writer and would fail at once with "database
is locked". Every statement the services send SQLite is traced while they do each kind of write."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)
DOC = "spc_shixin_list_provisions_2013"


class Trace:
    """Follows the statements of one connection: which writes ran outside a BEGIN IMMEDIATE."""

    def __init__(self) -> None:
        self.immediate = False
        self.writes = 0
        self.outside: list[str] = []

    def __call__(self, sql: str) -> None:
        head = sql.strip().upper()
        if head.startswith("BEGIN"):
            self.immediate = head.startswith("BEGIN IMMEDIATE")
            if not self.immediate:
                self.outside.append(sql)  # a deferred BEGIN: its first write could not wait
        elif head.startswith(("COMMIT", "END", "ROLLBACK")) and "TO SAVEPOINT" not in head:
            self.immediate = False
        elif WRITE.match(sql) and not sql.lstrip().startswith("--"):
            self.writes += 1
            if not self.immediate:
                self.outside.append(sql[:120])


def test_every_write_path_starts_its_transaction_immediate(seeded_data_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(seeded_data_dir, data)
    ctx = AppContext(resolve_paths(data))
    trace = Trace()
    ctx.engine.db.conn.set_trace_callback(trace)

    lib = ctx.library
    assert lib.ensure_bundled() is True                                   # the bundled corpus
    source = tmp_path / "copy.txt"
    source.write_text((CORPUS / f"{DOC}.zh.txt").read_text(encoding="utf-8") + "\n附件：副本。\n", encoding="utf-8")
    doc = lib.import_path(source).id                                      # an import
    a = ctx.annotations.create(doc, 10, 18, note="n", tags=["t"])         # annotations
    ctx.annotations.edit(a.id, note="m")
    ctx.annotations.delete(a.id)
    ctx.annotations.undelete(a.id)
    ctx.annotations.reattach(a.id, 20, 26)
    source.write_text(source.read_text(encoding="utf-8") + "附件二：再版。\n", encoding="utf-8")
    lib.import_path(source, replace=doc)                                  # a replacement, re-anchoring
    entry = ctx.workbench.add("信用修复", ["credit repair"])                # the user glossary
    ctx.workbench.edit_entry(entry.id, ["credit restoration"])
    ctx.workbench.delete(entry.id)
    ctx.alignment.merge(DOC, 1)                                           # alignment correction
    findings = [(d.id, f) for d in lib.documents() for f, _a in ctx.qa.check_doc(d.id)]
    ctx.qa.set_accepted(findings[0][0], findings[0][1], True)             # QA
    out = tmp_path / "notes.jsonld"
    out.write_text(ctx.annotations.export("jsonld"), encoding="utf-8")
    tsv = tmp_path / "terms.tsv"
    tsv.write_text("信用修复\tcredit repair\n", encoding="utf-8")
    _incoming, preview = ctx.exchange.preview(tsv)
    ctx.exchange.apply(preview)                                           # a termbase import
    ctx.engine.dictionary.lookup("信用")                                   # CC-CEDICT (already loaded: no write)
    lib.repo.delete(doc)

    assert trace.writes > 50
    assert trace.outside == []
    assert json.loads(out.read_text(encoding="utf-8"))["total"] == 1
    ctx.close()
