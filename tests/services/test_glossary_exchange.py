"""Annotated glossary export with selections, and termbase import with preview, through the CLI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from policyreader.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "glossary_files"


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def _annotate(data_dir: Path) -> None:
    doc = "zhengxin_industry_regulation_2013"
    text = "\n".join(s["zh"] for s in json.loads(cli(data_dir, "show", doc, "--json")[1])["segments"])
    start = text.index("征信业务")
    assert cli(data_dir, "annotate", doc, "--start", str(start), "--end", str(start + 4), "--term", "zhengxin",
               "--note", "PBOC says credit reporting", "--tag", "check")[0] == 0


def test_only_annotated_export_carries_the_notes(data_dir: Path, tmp_path: Path) -> None:
    _annotate(data_dir)
    out = tmp_path / "g.json"
    code, _, err = cli(data_dir, "glossary", "export", "--format", "json", "--only-annotated", "-o", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [e["id"] for e in data] == ["zhengxin"]
    assert data[0]["annotations"][0]["note"] == "PBOC says credit reporting"
    tbx = tmp_path / "g.tbx"
    cli(data_dir, "glossary", "export", "--format", "tbx", "--tag", "check", "-o", str(tbx))
    root = ET.parse(tbx).getroot()
    assert root.tag == "martif"
    entries = root.findall(".//termEntry")
    assert len(entries) == 1 and "PBOC says credit reporting" in ET.tostring(entries[0], encoding="unicode")


def test_export_terms_of_one_document(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "spc.tsv"
    code, _, err = cli(data_dir, "glossary", "export", "--format", "tsv", "--doc", "spc_shixin_list_provisions_2013",
                       "-o", str(out))
    assert code == 0
    terms = {line.split("\t")[0] for line in out.read_text(encoding="utf-8").splitlines()}
    assert "失信被执行人" in terms and "个人征信" not in terms
    assert all(len(line.split("\t")) == 3 for line in out.read_text(encoding="utf-8").splitlines())


def test_empty_selection_is_a_clear_error(data_dir: Path, tmp_path: Path) -> None:
    code, _, err = cli(data_dir, "glossary", "export", "--format", "csv", "--only-annotated", "-o",
                       str(tmp_path / "x.csv"))
    assert code == 2 and "selection is empty" in err and not (tmp_path / "x.csv").exists()


def test_import_previews_then_writes_user_entries_without_duplicates(data_dir: Path, tmp_path: Path) -> None:
    tsv = tmp_path / "omegat.tsv"
    tsv.write_text("履约\tperformance of agreements\tmy termbase\n"
                   "诚信\tprobity\tmy termbase\n"
                   "信用\tcredit\t\n", encoding="utf-8")
    code, out, _ = cli(data_dir, "glossary", "import", str(tsv), "--dry-run", "--json")
    report = json.loads(out)
    assert len(report["new"]) == 1 and report["changed"] == ["chengxin"] and "applied" not in report
    assert "履约" not in {e["term"] for e in json.loads(cli(data_dir, "glossary", "search", "履约", "--json")[1])}
    code, out, _ = cli(data_dir, "glossary", "import", str(tsv), "--json")
    assert json.loads(out)["applied"]["written"] == 2
    code, out, _ = cli(data_dir, "glossary", "import", str(tsv), "--json")
    again = json.loads(out)
    assert again["new"] == [] and again["changed"] == []  # no duplicates on a second import
    renderings = [r["text"] for r in json.loads(cli(data_dir, "glossary", "search", "诚信", "--json")[1])[0]
                  ["renderings"]]
    assert renderings.count("probity") == 1 and renderings[0] == "integrity"


def test_round_trip_of_our_own_tbx_changes_nothing(data_dir: Path, tmp_path: Path) -> None:
    for fmt, name in (("tbx", "v2.tbx"), ("tbx3", "v3.tbx"), ("json", "g.json")):
        out = tmp_path / name
        cli(data_dir, "glossary", "export", "--format", fmt, "-o", str(out))
        code, text, _ = cli(data_dir, "glossary", "import", str(out), "--dry-run", "--json")
        report = json.loads(text)
        assert (report["new"], report["changed"], report["conflicting"]) == ([], [], []), fmt
        assert report["unchanged"] >= 100


def test_hostile_and_broken_files_import_nothing(data_dir: Path) -> None:
    for name in sorted(p.name for p in FIXTURES.iterdir()):
        if not any(k in name for k in ("bomb", "external", "malformed", "broken", "invalid")):
            continue
        code, out, err = cli(data_dir, "glossary", "import", str(FIXTURES / name))
        assert code == 2, name
        assert name in err and "Traceback" not in err
    assert json.loads(cli(data_dir, "glossary", "search", "zzz-nothing", "--json")[1]) == []
