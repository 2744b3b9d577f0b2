"""The XLSX termbase: one row per rendering as openpyxl reads it, formula-proof text, and read back by our
own importer (LibreOffice opens it in ``make interop``)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from policyreader.cli import main
from policyreader.core.glossary import GlossaryEntry, Rendering, SourceRef
from policyreader.formats import ImportFailure, read_termbase
from policyreader.formats.termbase import AnnotatedEntry, AnnotatedGlossary, export_glossary
from policyreader.formats.termbase.xlsx import COLUMNS

from .conftest import CHENGXIN_DISPUTE, essentials


def sheet(path: Path) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    return [dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]]


def test_one_row_per_rendering_with_status_and_forbidden_flag(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    path = tmp_path / "termbase.xlsx"
    export_glossary(exported, "xlsx", path)
    rows = sheet(path)
    assert len(rows) == sum(len(ae.entry.renderings) for ae in exported.entries)
    expected = [(ae.entry.id, ae.entry.term, r.text, r.status) for ae in exported.entries for r in ae.entry.renderings]
    assert [(r["Entry_ID"], r["Chinese"], r["English"], r["Status"]) for r in rows] == expected
    assert {r["English"] for r in rows if r["Forbidden"] == "Yes"} == {
        r.text for ae in exported.entries for r in ae.entry.renderings if r.status == "avoid"}
    letter = next(r for r in rows if r["English"] == "letter of credit")
    assert (letter["Status"], letter["Forbidden"], letter["Chinese"]) == ("avoid", "Yes", "信用承诺书")
    integrity = next(r for r in rows if r["Entry_ID"] == "chengxin" and r["English"] == "integrity")
    assert str(integrity["Source"]).startswith("clt-2014: China Law Translate")
    chengxin = next(ae.entry for ae in exported.entries if ae.entry.id == "chengxin")
    cited = next(r for r in chengxin.renderings if r.text == "integrity").sources
    assert all(f"locator: {s.locator}" in str(integrity["Source"]) for s in cited)
    assert " ".join(str(integrity["Dispute"]).split()) == " ".join(CHENGXIN_DISPUTE.split())


def test_round_trip_through_our_importer(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    path = tmp_path / "termbase.xlsx"
    export_glossary(exported, "xlsx", path)
    back = read_termbase(path)
    assert [essentials(e) for e in back] == [essentials(ae.entry) for ae in exported.entries]
    originals = {ae.entry.id: ae.entry for ae in exported.entries}
    for e in back:
        o = originals[e.id]
        assert (e.gloss, e.domains) == (o.gloss, o.domains)
        assert [(r.used_by, r.ours, [(s.id, s.locator) for s in r.sources]) for r in e.renderings] == [
            (r.used_by, r.ours, [(s.id, s.locator) for s in r.sources]) for r in o.renderings]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    hostile = '=HYPERLINK("http://example.invalid","x")'
    entry = GlossaryEntry("odd", "测试", pinyin="cèshì", dispute="+1 -1 @sum\x01",
                          renderings=[Rendering(hostile, "preferred", sources=[SourceRef("s1", "p. 2")])],
                          origin="user")
    path = tmp_path / "odd.xlsx"
    export_glossary(AnnotatedGlossary([AnnotatedEntry(entry)], {}), "xlsx", path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    cells = {ws.cell(1, c).value: ws.cell(2, c) for c in range(1, len(COLUMNS) + 1)}
    assert cells["English"].data_type == "s" and cells["English"].value == hostile
    assert cells["Dispute"].value == "+1 -1 @sum"  # the control character is dropped, nothing else
    [back] = read_termbase(path)
    assert (back.renderings[0].text, back.renderings[0].sources[0].locator) == (hostile, "p. 2")


def test_another_tools_workbook_is_read_from_its_header(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["English", "Chinese", "Notes"], ["integrity", "诚信", "preferred"], ["good faith", "诚信", ""],
                ["credit", "信用", ""]):
        ws.append(row)
    path = tmp_path / "memoq.xlsx"
    wb.save(path)
    by_term = {e.term: e for e in read_termbase(path)}
    assert [(r.text, r.status) for r in by_term["诚信"].renderings] == [("integrity", "preferred"),
                                                                       ("good faith", "accepted")]
    assert by_term["信用"].id == "xin-yong"


@pytest.mark.parametrize(("content", "message"), [
    (b"PK\x03\x04 not really a zip", "not a readable Excel workbook"),
    (b"id,zh\n1,2\n", "not a readable Excel workbook"),
])
def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFailure, match=message):
        read_termbase(path)


def test_a_zip_that_is_not_a_workbook_and_an_empty_sheet(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ImportFailure, match="not a readable Excel workbook"):
        read_termbase(path)
    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    with pytest.raises(ImportFailure, match="the first worksheet is empty"):
        read_termbase(empty)


def test_bad_workbook_through_the_cli_is_one_line_and_exit_2(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"\x00\x01 garbage")
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), "glossary", "import", str(path)])
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and "not a readable Excel workbook" in r.stderr
    assert "Traceback" not in r.output
