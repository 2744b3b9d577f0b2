"""OmegaT glossary export: term<TAB>rendering<TAB>comment, never an "avoid" rendering as a target."""

from __future__ import annotations

from pathlib import Path

from policyreader.core.glossary import GlossaryEntry, Rendering
from policyreader.formats import read_termbase
from policyreader.formats.termbase import AnnotatedEntry, AnnotatedGlossary, export_glossary, render


def lines(glossary: AnnotatedGlossary) -> list[list[str]]:
    text = render(glossary, "tsv").decode("utf-8")
    assert text.endswith("\n") and not text.startswith("\ufeff")
    return [line.split("\t") for line in text.split("\n")[:-1]]


def test_every_line_has_exactly_three_fields(exported: AnnotatedGlossary) -> None:
    rows = lines(exported)
    assert len(rows) > len(exported.entries)
    assert all(len(row) == 3 and row[0] and row[1] for row in rows)


def test_one_line_per_usable_rendering_in_status_order(exported: AnnotatedGlossary) -> None:
    rows = lines(exported)
    for ae in exported.entries:
        e = ae.entry
        expected = [r.text for s in ("preferred", "accepted", "contested") for r in e.renderings if r.status == s]
        assert [row[1] for row in rows if row[0] == e.term] == expected


def test_avoid_renderings_only_appear_in_the_comment(exported: AnnotatedGlossary) -> None:
    rows = lines(exported)
    [baihang] = [ae.entry for ae in exported.entries if ae.entry.id == "baihang-zhengxin"]
    mine = [row for row in rows if row[0] == baihang.term]
    assert "Baixing Credit Information" not in [row[1] for row in mine]
    assert all(row[2].endswith("avoid: Baixing Credit Information") for row in mine)
    assert mine[0][2].startswith("Bǎiháng Zhēngxìn — preferred — hundred + trades")


def test_contested_rows_say_so(exported: AnnotatedGlossary) -> None:
    [sincerity] = [row for row in lines(exported) if row[:2] == ["诚信", "sincerity"]]
    assert " — contested — " in sincerity[2]


def test_tabs_and_line_breaks_inside_fields_are_folded() -> None:
    entry = GlossaryEntry("x", "测试", pinyin="cè\tshì", gloss="one\ntwo",
                          renderings=[Rendering("a\tb\nc", "preferred")], origin="user")
    assert lines(AnnotatedGlossary([AnnotatedEntry(entry)], {})) == [["测试", "a b c", "cè shì — preferred — one two"]]


def test_round_trip_keeps_preferred_accepted_and_contested_renderings(exported: AnnotatedGlossary,
                                                                      tmp_path: Path) -> None:
    export_glossary(exported, "tsv", tmp_path / "omegat.tsv")
    back = {e.term: e for e in read_termbase(tmp_path / "omegat.tsv")}
    assert len(back) == len(exported.entries)
    for ae in exported.entries:
        e = ae.entry
        got = back[e.term]
        assert [(r.text, r.status) for r in got.renderings] == [
            (r.text, r.status) for s in ("preferred", "accepted", "contested") for r in e.renderings if r.status == s]
        assert (got.pinyin, got.gloss) == (" ".join(e.pinyin.split()), " ".join(e.gloss.split()))
