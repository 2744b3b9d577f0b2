"""Annotations: the CLI contract, re-anchoring on re-import, orphans kept, exchange formats, durability."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyreader.cli import main
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS

DOC = "zhengxin_industry_regulation_2013"


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def side_text(data_dir: Path, side: str = "zh") -> str:
    code, out, _ = cli(data_dir, "show", DOC, "--json")
    assert code == 0
    return "\n".join(s[side] for s in json.loads(out)["segments"])


def annotate(data_dir: Path, phrase: str, side: str = "zh", *extra: str) -> dict:  # type: ignore[type-arg]
    text = side_text(data_dir, side)
    start = text.index(phrase)
    code, out, err = cli(data_dir, "annotate", DOC, "--start", str(start), "--end", str(start + len(phrase)),
                         "--side", side, "--note", f"note on {phrase}", *extra, "--json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_annotate_and_list_follow_the_cli_contract(data_dir: Path) -> None:
    a = annotate(data_dir, "保护当事人合法权益", "zh", "--tag", "rights", "--tag", "scope", "--term", "zhengxin")
    assert a["exact"] == "保护当事人合法权益"
    code, out, _ = cli(data_dir, "annotations", "list", DOC, "--json")
    (row,) = json.loads(out)
    assert set(row) >= {"id", "doc", "side", "start", "end", "exact", "prefix", "suffix", "note", "tags", "term",
                        "status"}
    assert (row["id"], row["tags"], row["term"], row["status"]) == (a["id"], ["rights", "scope"], "zhengxin", "exact")
    assert side_text(data_dir)[row["start"]:row["end"]] == row["exact"]
    en = annotate(data_dir, "credit reporting industry", "en")
    assert en["side"] == "en" and side_text(data_dir, "en")[en["start"]:en["end"]] == "credit reporting industry"
    code, out, _ = cli(data_dir, "annotations", "list", "--tag", "rights", "--json")
    assert [r["id"] for r in json.loads(out)] == [a["id"]]


def test_out_of_range_offsets_are_refused(data_dir: Path) -> None:
    code, _, err = cli(data_dir, "annotate", DOC, "--start", "10", "--end", "999999", "--note", "x")
    assert code == 2 and "outside the zh text" in err


def _edited_copy(tmp_path: Path) -> Path:
    text = (CORPUS / f"{DOC}.zh.txt").read_text(encoding="utf-8")
    text = text.replace("## 第五章", "【说明：本章为修订稿。】\n\n## 第五章")          # insertion far away
    text = text.replace("不得危害国家秘密，不得侵犯商业秘密和个人隐私", "不得危害国家秘密，不得侵犯他人商业秘密和个人隐私")  # light edit
    para = next(line for line in text.splitlines() if line.startswith("第四十七条"))
    text = text.replace(para, "")                                                       # deletion
    p = tmp_path / "zhengxin-revised.txt"
    p.write_text(text, encoding="utf-8")
    return p


def test_reimport_with_replace_reanchors_and_reports(data_dir: Path, tmp_path: Path) -> None:
    exact = annotate(data_dir, "保护当事人合法权益")
    fuzzy = annotate(data_dir, "不得危害国家秘密，不得侵犯商业秘密和个人隐私")
    para = next(line for line in side_text(data_dir).splitlines() if line.startswith("第四十七条"))
    orphan = annotate(data_dir, para[6:])
    code, out, err = cli(data_dir, "import", str(_edited_copy(tmp_path)), "--replace", DOC, "--json")
    assert code == 0, err
    report = json.loads(out)["anchoring"]
    assert report == {"exact": 1, "fuzzy": 1, "orphan": 1}
    code, out, _ = cli(data_dir, "annotations", "list", DOC, "--json")
    rows = {r["id"]: r for r in json.loads(out)}
    text = side_text(data_dir)
    assert rows[exact["id"]]["status"] == "exact" and text[rows[exact["id"]]["start"]:rows[exact["id"]]["end"]] == \
        "保护当事人合法权益"
    assert rows[fuzzy["id"]]["status"] == "fuzzy" and "他人商业秘密" in rows[fuzzy["id"]]["exact"]
    assert rows[orphan["id"]]["status"] == "orphan" and rows[orphan["id"]]["exact"] == orphan["exact"]
    code, out, _ = cli(data_dir, "import", str(_edited_copy(tmp_path)), "--replace", DOC)
    assert "annotations: 2 exact, 0 fuzzy, 1 orphaned" in out


def test_jsonld_round_trip(data_dir: Path, tmp_path: Path, seeded_data_dir: Path) -> None:
    annotate(data_dir, "保护当事人合法权益", "zh", "--tag", "rights", "--term", "zhengxin")
    annotate(data_dir, "credit reporting industry", "en")
    out_file = tmp_path / "a.jsonld"
    assert cli(data_dir, "annotations", "export", "--format", "jsonld", "-o", str(out_file))[0] == 0
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    assert doc["type"] == "AnnotationCollection"
    item = doc["first"]["items"][0]
    assert {s["type"] for s in item["target"]["selector"]} == {"TextPositionSelector", "TextQuoteSelector"}
    other = tmp_path / "other"
    import shutil

    shutil.copytree(seeded_data_dir, other)
    code, out, _ = cli(other, "annotations", "import", str(out_file), "--json")
    assert json.loads(out) == {"imported": 2, "skipped": 0}
    before = json.loads(cli(data_dir, "annotations", "list", "--json")[1])
    after = json.loads(cli(other, "annotations", "list", "--json")[1])
    assert after == before
    assert json.loads(cli(other, "annotations", "import", str(out_file), "--json")[1]) == {"imported": 0, "skipped": 2}


def test_markdown_and_csv_exports(data_dir: Path, tmp_path: Path) -> None:
    annotate(data_dir, "保护当事人合法权益", "zh", "--term", "zhengxin", "--rendering", "credit reporting",
             "--why", "PBOC's own English")
    md = tmp_path / "a.md"
    cli(data_dir, "annotations", "export", "--format", "md", "-o", str(md))
    text = md.read_text(encoding="utf-8")
    assert "## 征信业管理条例" in text and "### 征信 (zhengxin)" in text and "> 保护当事人合法权益" in text
    assert "rendering chosen: *credit reporting* — PBOC's own English" in text
    c = tmp_path / "a.csv"
    cli(data_dir, "annotations", "export", "--format", "csv", "-o", str(c))
    rows = list(csv.DictReader(io.StringIO(c.read_text(encoding="utf-8"))))
    assert rows[0]["exact"] == "保护当事人合法权益" and rows[0]["term"] == "zhengxin"


def test_malformed_jsonld_imports_nothing(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonld"
    bad.write_text('{"type": "AnnotationCollection", "first": {"items": [{"id": "x"', encoding="utf-8")
    code, _, err = cli(data_dir, "annotations", "import", str(bad))
    assert code == 2 and "line 1" in err


WRITER = r"""
import sys
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
svc = AppContext(resolve_paths(sys.argv[1])).annotations
text = svc.side_text(sys.argv[2], "zh")
i = 0
while True:
    start = (i * 37) % (len(text) - 20)
    a = svc.create(sys.argv[2], start, start + 8, "zh", note="n" * (i % 500), tags=[f"t{i % 7}"])
    print(a.id, flush=True)   # reported only after the transaction committed
    i += 1
"""


@pytest.mark.slow
def test_sigkill_while_writing_loses_no_reported_annotation(data_dir: Path) -> None:
    cli(data_dir, "docs")  # library ready, so the writer starts writing at once
    rng = random.Random(42)
    reported: list[str] = []
    for _round in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), DOC], stdout=subprocess.PIPE,
                                text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()  # wait until it is writing
        if first:
            reported.append(first)
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate()
        reported += [line.strip() for line in rest.splitlines() if line.strip()]
    con = sqlite3.connect(resolve_paths(data_dir).database)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {r[0] for r in con.execute("SELECT id FROM annotations")}
    assert len(reported) > 12
    missing = [r for r in reported if r not in stored]
    assert missing == []
