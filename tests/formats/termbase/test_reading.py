"""Glossary files in: TBX, OmegaT TSV, CSV and JSON read into user entries; bad or hostile files refused whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyreader.core.glossary import GlossaryEntry, load_glossary
from policyreader.formats import ImportFailure, read_termbase
from policyreader.formats.termbase.common import slug_for_term
from policyreader.formats.termbase.tabular import split_items

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "glossary_files"


def renderings(entry: GlossaryEntry) -> list[tuple[str, str]]:
    return [(r.text, r.status) for r in entry.renderings]


def refused(path: Path) -> ImportFailure:
    with pytest.raises(ImportFailure) as info:
        read_termbase(path)
    assert str(path) in str(info.value)
    return info.value


# --- hostile and broken files -------------------------------------------------------------------


def test_entity_bomb_is_refused_before_expansion() -> None:
    exc = refused(FIXTURES / "entity_bomb.tbx")
    assert exc.message.startswith("refused: the file declares XML entities")
    assert "billion laughs" in exc.message
    assert exc.where == "line 3"


def test_external_entity_is_refused_without_reading_the_target() -> None:
    exc = refused(FIXTURES / "external_entity.tbx")
    assert exc.message.startswith("refused: the file declares an external XML entity 'xxe' (file:///etc/passwd)")
    assert "root:" not in str(exc)


def test_malformed_tbx_names_line_and_column() -> None:
    exc = refused(FIXTURES / "malformed.tbx")
    assert "malformed XML (mismatched tag)" in exc.message
    assert exc.where == "line 7, column 26"


def test_tsv_row_with_too_many_fields_names_its_line() -> None:
    exc = refused(FIXTURES / "broken_row.tsv")
    assert exc.where == "line 3"
    assert "expected 2 or 3 tab-separated fields" in exc.message and "found 4" in exc.message


def test_csv_row_with_the_wrong_number_of_fields_names_its_line() -> None:
    exc = refused(FIXTURES / "broken_row.csv")
    assert exc.where == "line 3"
    assert "expected 2 comma-separated fields" in exc.message


def test_invalid_json_names_line_and_column() -> None:
    exc = refused(FIXTURES / "invalid.json")
    assert exc.where == "line 7, column 5"
    assert exc.message.startswith("invalid JSON")


def test_json_of_the_wrong_shape_or_status_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"term": "诚信"}))
    assert "expected a list of glossary entries" in refused(path).message
    path.write_text(json.dumps([{"term": "诚信"}, {"id": "x"}]))
    assert refused(path).where == "entry 2"
    path.write_text(json.dumps([{"term": "诚信", "renderings": [{"text": "integrity", "status": "best"}]}]))
    assert "status 'best'" in refused(path).message


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps([{"id": "a", "term": "诚信"}, {"id": "a", "term": "信用"}]), encoding="utf-8")
    assert "two entries have the id 'a'" in refused(path).message


def test_text_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gbk.tsv"
    path.write_bytes("诚信\tintegrity\n".encode() + "信用\tcredit\n".encode("gbk"))
    exc = refused(path)
    assert exc.where == "line 2" and "not UTF-8" in exc.message


def test_unsupported_extension_and_missing_file(tmp_path: Path) -> None:
    assert "unsupported glossary file type '.xls'" in refused(tmp_path / "terms.xls").message
    assert "file not found" in refused(tmp_path / "missing.tbx").message


def test_termbase_without_chinese_lists_its_languages() -> None:
    exc = refused(FIXTURES / "no_chinese.tbx")
    assert "no Chinese terms found" in exc.message and "de, en" in exc.message


# --- TBX from other tools -----------------------------------------------------------------------


def test_tbx_from_another_tool() -> None:
    # ntig/termGrp, zh-CN and zh-TW sections, no ids, a DOCTYPE line (allowed: no DTD is loaded).
    [entry] = read_termbase(FIXTURES / "other_tool.tbx")  # the German-only entry has no Chinese term
    assert (entry.id, entry.term, entry.traditional, entry.origin) == (
        "shi-xin-bei-zhi-xing-ren", "失信被执行人", "失信被執行人", "user")
    assert renderings(entry) == [
        ("judgment defaulter", "preferred"),
        ("dishonest judgment debtor", "accepted"),
        ("discredited person subject to enforcement", "accepted"),  # no status: accepted
        ("deadbeat", "avoid"),  # deprecated
        ("laolai", "avoid"),  # superseded
    ]
    assert entry.renderings[0].sources[0].id == "Supreme People's Court English site"
    assert entry.domains == ["credit"]
    assert "common in translations of 2016 documents" in entry.notes


# --- TSV (OmegaT) -------------------------------------------------------------------------------


def test_omegat_rows_are_grouped_by_term() -> None:
    entries = {e.term: e for e in read_termbase(FIXTURES / "omegat.txt")}
    assert list(entries) == ["诚信", "信用", "黑名单"]
    # First unlabelled row preferred; a comment naming a status sets it, but "avoid: …" lists other renderings.
    assert renderings(entries["诚信"]) == [("integrity", "preferred"), ("sincerity", "contested"),
                                           ("good faith", "accepted")]
    assert "good faith: civil law; avoid: honesty" in entries["诚信"].notes
    assert renderings(entries["信用"]) == [("credit", "preferred")]  # the duplicate row adds nothing
    # A row labelled preferred wins over the first unlabelled one.
    assert renderings(entries["黑名单"]) == [("blacklist", "avoid"),
                                             ("list of seriously untrustworthy entities", "preferred")]
    assert entries["诚信"].id == "cheng-xin"


def test_utf16_tsv_from_excel_is_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.txt"
    path.write_bytes("诚信\tintegrity\n".encode("utf-16"))
    assert renderings(read_termbase(path)[0]) == [("integrity", "preferred")]


# --- CSV ----------------------------------------------------------------------------------------


def test_memoq_style_csv_with_language_headers() -> None:
    entries = read_termbase(FIXTURES / "memoq.csv")
    assert [(e.term, renderings(e)) for e in entries] == [
        ("诚信", [("integrity", "preferred"), ("good faith", "accepted")]),
        ("失信被执行人", [("judgment defaulter, dishonest", "preferred")]),
    ]
    assert entries[0].notes == "good faith: civil law"


@pytest.mark.parametrize("text", ["zh,en\n诚信,integrity\n", "Term,Translation\n诚信,integrity\n",
                                  "诚信,integrity\n", "English;中文\nintegrity;诚信\n"])
def test_two_column_csv_variants(tmp_path: Path, text: str) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(text, encoding="utf-8")
    [entry] = read_termbase(path)
    assert (entry.term, renderings(entry)) == ("诚信", [("integrity", "preferred")])


def test_csv_without_recognisable_columns_says_what_it_needs(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    exc = refused(path)
    assert exc.where == "line 1" and "cannot tell which column is Chinese" in exc.message


def test_split_items_unescapes() -> None:
    assert split_items(r"a\; b; c\\; d") == ["a; b", "c\\", "d"]
    assert split_items("") == []


# --- ids ----------------------------------------------------------------------------------------


def test_slug_for_term() -> None:
    assert slug_for_term("失信被执行人") == "shi-xin-bei-zhi-xing-ren"
    assert slug_for_term("绿色信用") == "lv-se-xin-yong"
    assert slug_for_term("A级纳税人") == "a-ji-na-shui-ren"


def test_generated_ids_are_unique_and_do_not_take_a_given_id(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps([{"term": "诚信"}, {"id": "cheng-xin", "term": "誠信"}, {"term": "诚信 "}]),
                    encoding="utf-8")
    assert [e.id for e in read_termbase(path)] == ["cheng-xin-2", "cheng-xin", "cheng-xin-3"]


def test_bundled_glossary_json_reads_as_user_entries(tmp_path: Path) -> None:
    glossary = load_glossary(ROOT / "glossary")
    path = tmp_path / "glossary.json"
    path.write_text(json.dumps([e.to_json() for e in glossary.entries.values()], ensure_ascii=False),
                    encoding="utf-8")
    back = read_termbase(path)
    assert [e.id for e in back] == list(glossary.entries)
    assert {e.origin for e in back} == {"user"}
