"""Import preview and merge: what importing entries would do, and merges that only ever add."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import pytest

from policyreader.core.glossary import Glossary, GlossaryEntry, Rendering, SourceRef, load_glossary
from policyreader.core.glossary_merge import conflicts, merge_entry, preview_import
from policyreader.formats import read_termbase
from policyreader.formats.termbase import AnnotatedEntry, AnnotatedGlossary, export_glossary

GLOSSARY_DIR = Path(__file__).resolve().parents[2] / "glossary"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY_DIR)


def user_copy(entry: GlossaryEntry, **changes: object) -> GlossaryEntry:
    return replace(copy.deepcopy(entry), origin="user", **changes)


@pytest.mark.parametrize("fmt", ["json", "tbx", "tbx3", "tsv", "csv"])
def test_importing_an_export_of_the_glossary_into_itself_changes_nothing(glossary: Glossary, tmp_path: Path,
                                                                         fmt: str) -> None:
    exported = AnnotatedGlossary([AnnotatedEntry(glossary.entries[k]) for k in sorted(glossary.entries)],
                                 glossary.sources)
    path = tmp_path / f"glossary.{'tbx' if fmt.startswith('tbx') else fmt}"
    export_glossary(exported, fmt, path)
    preview = preview_import(read_termbase(path), glossary.entries)
    assert (preview.new, preview.changed, preview.conflicting) == ([], [], [])
    assert len(preview.unchanged) == len(glossary)


def test_an_extra_rendering_is_a_change(glossary: Glossary) -> None:
    old = glossary.entries["chengxin"]
    new = user_copy(old, renderings=[Rendering("probity", "accepted", "a colleague")], notes="")
    preview = preview_import([new], glossary.entries)
    assert preview.changed == [(old, new)]
    assert preview.new == preview.conflicting == preview.unchanged == []


def test_same_term_with_another_status_is_a_conflict(glossary: Glossary) -> None:
    old = glossary.entries["chengxin"]
    # Matched by term: a TSV import gives the id "cheng-xin", not "chengxin".
    new = GlossaryEntry("cheng-xin", "诚信", renderings=[Rendering("Sincerity", "preferred")], origin="user")
    preview = preview_import([new], glossary.entries)
    assert preview.conflicting == [(old, new)]
    assert conflicts(old, new) == ["'Sincerity' is contested in the glossary but preferred in the file"]


def test_same_id_naming_another_term_is_a_conflict(glossary: Glossary) -> None:
    new = GlossaryEntry("chengxin", "信用", renderings=[Rendering("credit", "preferred")], origin="user")
    preview = preview_import([new], glossary.entries)
    assert preview.conflicting == [(glossary.entries["chengxin"], new)]
    assert "names 诚信 in the glossary but 信用 in the file" in conflicts(glossary.entries["chengxin"], new)[0]


def test_a_brand_new_term_is_new(glossary: Glossary) -> None:
    new = GlossaryEntry("xinyong-xiufu-test", "信用修复测试", renderings=[Rendering("credit repair test", "preferred")])
    preview = preview_import([new], glossary.entries)
    assert preview.new == [new]


def test_fewer_renderings_than_the_glossary_is_unchanged(glossary: Glossary) -> None:
    old = glossary.entries["chengxin"]
    new = GlossaryEntry("cheng-xin", "诚信", renderings=[Rendering("INTEGRITY", "preferred")], origin="user")
    assert preview_import([new], glossary.entries).unchanged == [new]
    assert merge_entry(old, new).to_json() == old.to_json()


def test_merge_adds_and_never_drops(glossary: Glossary) -> None:
    old = glossary.entries["chengxin"]
    before = copy.deepcopy(old)
    new = GlossaryEntry(
        "cheng-xin", "诚信", traditional="誠信", pinyin="chengxin", variants=["诚 信"], domains=["legal"],
        notes="Colleague: prefer good faith in contracts.",
        renderings=[Rendering("Good Faith", "avoid", "someone", [SourceRef("contract-law", "Art. 7")]),
                    Rendering("probity", "accepted", "a colleague")],
        origin="user")
    merged = merge_entry(old, new)
    assert old == before  # inputs are not modified
    assert [r.text for r in merged.renderings] == [r.text for r in old.renderings] + ["probity"]
    good_faith = next(r for r in merged.renderings if r.text == "good faith")
    assert good_faith.status == "accepted"  # the existing status is kept
    assert [s.id for s in good_faith.sources] == [s.id for s in old.renderings[5].sources] + ["contract-law"]
    assert merged.pinyin == old.pinyin and merged.traditional == old.traditional
    assert merged.notes == old.notes + "\n\nColleague: prefer good faith in contracts."
    assert merged.variants == ["诚 信"] and merged.domains == ["core", "moral", "legal"]
    assert (merged.id, merged.origin, merged.dispute) == (old.id, old.origin, old.dispute)
    assert merge_entry(merged, new).to_json() == merged.to_json()  # merging twice adds nothing more
