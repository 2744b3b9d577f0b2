"""CSV export for memoQ and spreadsheets: one row per entry, UTF-8 with a byte-order mark."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from policyreader.formats import read_termbase
from policyreader.formats.termbase import AnnotatedGlossary, export_glossary, render
from policyreader.formats.termbase.tabular import split_items

from .conftest import CHENGXIN_DISPUTE, NOTE

COLUMNS = ["id", "zh", "zh-Hant", "pinyin", "en_preferred", "en_accepted", "en_contested", "en_avoid", "domains",
           "dispute", "user_notes", "sources"]


def rows(glossary: AnnotatedGlossary) -> list[dict[str, str]]:
    data = render(glossary, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the file as UTF-8 only with the BOM
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def test_one_row_per_entry(exported: AnnotatedGlossary) -> None:
    got = rows(exported)
    assert [r["id"] for r in got] == [ae.entry.id for ae in exported.entries]
    assert [r["zh"] for r in got] == [ae.entry.term for ae in exported.entries]


def test_chengxin_row(exported: AnnotatedGlossary) -> None:
    [row] = [r for r in rows(exported) if r["id"] == "chengxin"]
    assert (row["zh-Hant"], row["pinyin"], row["en_preferred"]) == ("誠信", "chéngxìn", "integrity")
    assert split_items(row["en_accepted"]) == ["honesty and integrity", "creditworthiness", "trustworthiness",
                                               "honesty", "good faith"]
    assert row["en_contested"] == "sincerity" and row["en_avoid"] == ""
    assert split_items(row["domains"]) == ["core", "moral"]
    assert row["dispute"].startswith(CHENGXIN_DISPUTE[:40])
    assert NOTE in row["user_notes"].split("\n")
    assert "clt-2014" in split_items(row["sources"])


def test_semicolons_inside_renderings_survive_the_list_cells(exported: AnnotatedGlossary) -> None:
    [row] = [r for r in rows(exported) if r["id"] == "shixin"]
    assert row["en_preferred"] == "untrustworthy; untrustworthiness"
    assert "trust-breaking\\; breaking trust; " in row["en_accepted"]
    assert split_items(row["en_accepted"])[0] == "trust-breaking; breaking trust"
    assert split_items(row["en_contested"])[0] == "dishonest; dishonesty"


def test_round_trip_through_the_importer(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    export_glossary(exported, "csv", tmp_path / "glossary.csv")
    back = read_termbase(tmp_path / "glossary.csv")
    assert len(back) == len(exported.entries)
    order = {"preferred": 0, "accepted": 1, "contested": 2, "avoid": 3}
    for e, ae in zip(back, exported.entries, strict=True):
        o = ae.entry
        assert (e.id, e.term, e.traditional, e.pinyin, e.domains, e.dispute) == (
            o.id, o.term, o.traditional, o.pinyin, o.domains, o.dispute)
        expected = sorted(((r.text, r.status) for r in o.renderings), key=lambda t: order[t[1]])
        assert [(r.text, r.status) for r in e.renderings] == expected
