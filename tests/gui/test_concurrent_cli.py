"""The CLI writing to the library while the window is open and writing too: neither side fails, nothing
is lost or stored twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.gui.driving import open_doc, wait_idle
from tests.storage.test_concurrent_writers import check_library, prepare

DOCS = ["spc_shixin_list_provisions_2013", "samr_admin_penalty_info_publicity_2021"]


@pytest.mark.slow
def test_cli_processes_and_the_window_write_at_once(window, qtbot, gui_data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = tmp_path / "files"
    prepare(files)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "tests.storage.concurrent_writer", str(gui_data_dir), str(files),
                               str(w), "30", "7"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for w in range(2)]
    failures: list[BaseException] = []
    window.ops.failure_handler = failures.append  # collected here instead of shown, so the test can count them
    made: list[str] = []
    for i in range(24):
        doc = DOCS[i % 2]
        if i % 6 == 0:
            open_doc(window, qtbot, doc)
        start = 20 + 7 * i
        window.annotations.write(lambda ctx, doc=doc, start=start, i=i: ctx.annotations.create(
            doc, start, start + 5, note=f"from the window {i}"), "Annotating",
            done=lambda a: made.append(a.id))
        if i % 4 == 0:
            window.ops.run(lambda ctx, _oc, i=i: ctx.workbench.add("信用承诺书", [f"window pledge {i}"]),
                           label="Adding a rendering")
        wait_idle(window, qtbot)
    results = []
    for p in procs:
        out, err = p.communicate(timeout=900)
        assert p.returncode == 0, err[-3000:]
        results += [json.loads(line) for line in out.splitlines()]
    assert failures == []
    assert [(r["op"], r["err"][-300:]) for r in results if not r["ok"]] == []
    assert len(made) == 24
    check_library(gui_data_dir, files, results, others=len(made))
    stored = {a.id for a in window.ctx.annotations.find()}
    assert set(made) <= stored
    texts = {r.text for e in window.ctx.workbench.user_entries() for r in e.renderings}
    assert {f"window pledge {i}" for i in range(0, 24, 4)} <= texts
