"""Consistency across the library and the user's saved checks, in ``qa DOC``, ``qa --all`` and the
service, and the QA report as a workbook — on the real corpus plus one imported translation that
renders a corpus article differently."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from policyreader.cli import main
from policyreader.core.model import FindingKind
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths

SAMR = "samr_admin_penalty_info_publicity_2021"  # a translation QA finds nothing wrong with


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def import_variant(data_dir: Path, tmp_path: Path) -> tuple[str, int, str]:
    """Import a translation of SAMR's article 1 worded differently; (doc id, SAMR's segment, its English)."""
    ctx = AppContext(resolve_paths(data_dir))
    seg = next(s for s in ctx.library.repo.segments(SAMR) if s.zh.startswith("第一条"))
    zh, en = tmp_path / "variant.zh.txt", tmp_path / "variant.en.txt"
    zh.write_text("关于名单的规定\n\n" + seg.zh + "\n", encoding="utf-8")
    changed = seg.en.replace("Article 1 ", "Article 1 In order to ", 1)
    assert changed != seg.en
    en.write_text("Provisions on the list\n\n" + changed + "\n", encoding="utf-8")
    doc = ctx.library.import_path(zh, en, title="Variant").id
    ctx.close()
    return doc, seg.idx, seg.en


def test_qa_doc_and_qa_all_report_the_inconsistency_on_both_sides(data_dir: Path, tmp_path: Path) -> None:
    doc, spc_segment, spc_english = import_variant(data_dir, tmp_path)
    code, out, _ = cli(data_dir, "qa", SAMR, "--format", "json")
    spc = [f for f in json.loads(out) if f["kind"] == "inconsistent-target"]
    assert [(f["segment"], f["found"]) for f in spc] == [(spc_segment, spc_english)]
    assert "doc" not in spc[0]  # one document: the shape the README documents
    assert code == 0  # a warning, not an error
    _code, out, _ = cli(data_dir, "qa", doc, "--format", "json")
    mine = [f for f in json.loads(out) if f["kind"] == "inconsistent-target"]
    assert len(mine) == 1 and mine[0]["expected"] == spc_english and f"{SAMR} §{spc_segment + 1}" in mine[0]["message"]
    code, out, err = cli(data_dir, "qa", "--all", "--format", "json")
    every = json.loads(out)
    assert code == 0  # warnings only: every error of the bundled corpus is fixed or a reviewed departure
    assert list(every[0])[0] == "doc" and {f["doc"] for f in every} >= {SAMR, doc}
    assert {(f["doc"], f["kind"]) for f in every if f["kind"].startswith("inconsistent")} == {
        (SAMR, "inconsistent-target"), (doc, "inconsistent-target")}
    assert f"{len(every)} finding(s)" in err


def test_saved_checks_run_with_every_qa(data_dir: Path) -> None:
    code, out, _ = cli(data_dir, "checks", "add", "no judgment debtor", "--never", "judgment debtor", "--json")
    assert code == 0 and json.loads(out)["rule"] == "never “judgment debtor”"
    code, _out, _err = cli(data_dir, "checks", "add", "shixin", "--always", "dishonest", "--when", "失信",
                           "--severity", "warning")
    assert code == 0
    code, out, _ = cli(data_dir, "checks", "list", "--json")
    assert [c["name"] for c in json.loads(out)] == ["no judgment debtor", "shixin"]
    code, out, _ = cli(data_dir, "qa", SAMR, "--format", "json")
    checks = [f for f in json.loads(out) if f["kind"] == "user-check"]
    assert [f["term"] for f in checks] == ["shixin"]  # 失信 once, rendered without "dishonest"; no "judgment debtor"
    assert all(f["severity"] == "warning" for f in checks) and code == 0
    svc = AppContext(resolve_paths(data_dir)).qa  # saved in the database, seen by a new process
    assert [c.name for c in svc.checks()] == ["no judgment debtor", "shixin"]
    assert cli(data_dir, "checks", "delete", "shixin")[0] == 0
    code, out, _ = cli(data_dir, "qa", SAMR, "--format", "json")
    assert not [f for f in json.loads(out) if f["kind"] == "user-check"]


def test_bad_checks_are_one_line_and_exit_2(data_dir: Path) -> None:
    for args, message in [(("checks", "add", "x", "--never", "(", "--regex"), "not a valid regular expression"),
                          (("checks", "add", "x"), "give either --never TEXT or --always TEXT"),
                          (("checks", "delete", "nope"), "no check named 'nope'")]:
        code, _out, err = cli(data_dir, *args)
        assert code == 2 and message in err and err.count("\n") == 1, err


def test_the_qa_report_as_a_workbook(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "qa.xlsx"
    code, _o, err = cli(data_dir, "qa", "--all", "--format", "xlsx", "-o", str(out))
    assert code == 0 and "wrote" in err
    findings = json.loads(cli(data_dir, "qa", "--all", "--format", "json")[1])
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("doc", "segment", "kind")
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [(f["doc"], f["segment"], f["kind"]) for f in findings]
    code, _o, err = cli(data_dir, "qa", SAMR, "--format", "xlsx")
    assert code == 2 and "binary file: give -o FILE" in err


def test_service_check_all_names_documents_and_keeps_acceptance(data_dir: Path, tmp_path: Path) -> None:
    doc, _segment, _english = import_variant(data_dir, tmp_path)
    svc = AppContext(resolve_paths(data_dir)).qa
    before = {(f.doc, f.kind, f.segment) for f, a in svc.check_all() if a}  # the corpus's reviewed departures
    mine = next(f for f, _a in svc.check_doc(doc) if f.kind == FindingKind.INCONSISTENT_TARGET)
    svc.set_accepted(doc, mine, True)
    accepted = {(f.doc, f.kind, f.segment) for f, a in svc.check_all() if a}
    assert accepted - before == {(doc, FindingKind.INCONSISTENT_TARGET, mine.segment)} and before <= accepted


def test_two_files_are_checked_for_consistency_within_themselves(data_dir: Path, tmp_path: Path) -> None:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("第一条 信用信息应当依法公开。\n\n第二条 信用信息应当依法公开。\n\n第一条 信用信息应当依法公开。\n",
                  encoding="utf-8")
    en.write_text("Article 1 Credit information shall be made public according to law.\n\n"
                  "Article 2 Credit information shall be made public according to law.\n\n"
                  "Article 1 Credit information shall be disclosed in accordance with the law.\n", encoding="utf-8")
    _code, out, _ = cli(data_dir, "qa", str(zh), str(en), "--format", "json")
    inconsistent = sorted((f["segment"], f["kind"]) for f in json.loads(out) if f["kind"].startswith("inconsistent"))
    assert inconsistent == [(0, "inconsistent-target"), (2, "inconsistent-target")]
