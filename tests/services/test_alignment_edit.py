"""Correcting the alignment by hand: merge, split, re-link; annotations follow; re-import keeps the edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyreader.cli import main
from policyreader.core.alignment import Link, apply_overrides
from policyreader.core.bilingual import parse_aligned
from policyreader.core.errors import UserError
from policyreader.services.alignment_edit import AlignmentEditor
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS

DOC = "samr_admin_penalty_info_publicity_2021"


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def imported(data_dir: Path, tmp_path: Path) -> tuple[Path, str, Path, Path]:
    blocks = parse_aligned((CORPUS / f"{DOC}.aligned.txt").read_text(encoding="utf-8"))
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("\n\n".join([*(z for b in blocks for z in b.zh), "附：本规定的英文译本仅供参考。"]), encoding="utf-8")
    en.write_text("\n\n".join(e for b in blocks for e in b.en), encoding="utf-8")
    code, out, err = cli(data_dir, "import", str(zh), "--translation", str(en), "--json")
    assert code == 0, err
    return data_dir, json.loads(out)["id"], zh, en


def segments(data_dir: Path, doc: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(cli(data_dir, "show", doc, "--json")[1])["segments"]  # type: ignore[no-any-return]


def editor(data_dir: Path) -> AlignmentEditor:
    return AppContext(resolve_paths(data_dir)).alignment


def test_merge_and_annotations_follow(imported) -> None:  # type: ignore[no-untyped-def]
    data_dir, doc, _zh, _en = imported
    before = segments(data_dir, doc)
    svc = AppContext(resolve_paths(data_dir)).annotations
    text = "\n".join(s["zh"] for s in before)
    phrase = before[6]["zh"][4:12]
    start = text.index(phrase)
    a = svc.create(doc, start, start + len(phrase), "zh", "note")
    report = editor(data_dir).merge(doc, 5)
    after = segments(data_dir, doc)
    assert len(after) == len(before) - 1
    assert after[5]["zh"] == before[5]["zh"] + "\n" + before[6]["zh"]
    assert after[5]["en"] == before[5]["en"] + "\n" + before[6]["en"]
    assert report == {"exact": 1, "fuzzy": 0, "orphan": 0}
    (b,) = svc.find(doc)
    assert b.id == a.id and b.status == "exact" and b.exact == phrase


def test_split_then_relink(imported) -> None:  # type: ignore[no-untyped-def]
    data_dir, doc, _zh, _en = imported
    ed = editor(data_dir)
    ed.merge(doc, 5)
    merged = segments(data_dir, doc)[5]
    cut = merged["zh"].index("\n")
    ed.split(doc, 5, "zh", cut)
    after = segments(data_dir, doc)
    assert after[5]["zh"] == merged["zh"][:cut] and after[6]["en"] == ""
    ed.push_english_down(doc, 5)
    after = segments(data_dir, doc)
    assert after[6]["en"] == merged["en"].split("\n")[1] and "\n" not in after[5]["en"]
    ed.pull_english_up(doc, 5)
    assert segments(data_dir, doc)[5]["en"] == merged["en"]
    with pytest.raises(UserError):
        ed.split(doc, 5, "zh", 0)


def test_reimport_keeps_manual_alignment_where_text_is_unchanged(imported) -> None:  # type: ignore[no-untyped-def]
    data_dir, doc, zh, en = imported
    editor(data_dir).merge(doc, 7)
    merged = segments(data_dir, doc)[7]
    code, out, err = cli(data_dir, "import", str(zh), "--translation", str(en), "--replace", doc, "--json")
    assert code == 0, err
    assert any(s["zh"] == merged["zh"] and s["en"] == merged["en"] for s in segments(data_dir, doc))
    # the text of the merged segments changed: the automatic alignment stands there
    text = zh.read_text(encoding="utf-8").replace(merged["zh"].split("\n")[1], "第八条 本条已修改。")
    zh.write_text(text, encoding="utf-8")
    cli(data_dir, "import", str(zh), "--translation", str(en), "--replace", doc)
    assert not any(s["zh"] == merged["zh"] for s in segments(data_dir, doc))


def test_apply_overrides_cuts_overlapping_links() -> None:
    zh, en = ["a", "b", "c"], ["A", "B", "C"]
    auto = [Link((0,), (0,), 1), Link((1,), (1,), 1), Link((2,), (2,), 1)]
    out = apply_overrides(zh, en, auto, [("a\nb", "A\nB")])
    assert [(lk.zh, lk.en) for lk in out] == [((0, 1), (0, 1)), ((2,), (2,))]
    assert apply_overrides(zh, en, auto, [("x\ny", "A")]) == auto
