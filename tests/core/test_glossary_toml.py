"""A glossary entry written in the bundled TOML format reads back as the same entry: every bundled entry,
and entries made of awkward text (quotes, backslashes, control characters, triple quotes)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyreader.core.glossary import (
    GlossaryEntry,
    GlossaryError,
    Rendering,
    SourceRef,
    load_glossary,
    read_glossary_dir,
)
from policyreader.core.glossary_toml import entry_from_toml, entry_to_toml

GLOSSARY_DIR = Path(__file__).resolve().parents[2] / "glossary"


def test_every_bundled_entry_reads_back_the_same() -> None:
    glossary = load_glossary(GLOSSARY_DIR)
    assert len(glossary) > 90
    for entry in glossary.entries.values():
        back, extends = entry_from_toml(entry_to_toml(entry), entry.path, "bundled")
        assert replace(back, path=entry.path) == entry, entry.id
        assert extends is False


def test_written_files_read_as_a_glossary_folder_with_the_bundled_layout(tmp_path: Path) -> None:
    glossary = load_glossary(GLOSSARY_DIR)
    entry = glossary.entries["baihang-zhengxin"]
    (tmp_path / "entries").mkdir()
    text = entry_to_toml(entry)
    (tmp_path / "entries" / "baihang-zhengxin.toml").write_text(text, encoding="utf-8")
    entries, _texts, _sources, problems = read_glossary_dir(tmp_path)
    assert [p for p in problems if p.field != "bibliography"] == []
    assert entries[0].renderings == entry.renderings
    # laid out as the bundled files are: scalars, then long notes as multi-line strings, then renderings
    assert text.index('pinyin = "Bǎiháng Zhēngxìn"') < text.index('dispute = """') < text.index("[[renderings]]")


def test_an_extension_is_marked() -> None:
    entry = GlossaryEntry(id="xinyong", term="信用", renderings=[Rendering("trust", "preferred", "me", [], "mine")])
    text = entry_to_toml(entry, extends=True)
    assert "extends = true" in text
    assert entry_from_toml(text, "xinyong.toml")[1] is True


@pytest.mark.parametrize("text, field", [("id = \"x\"\nterm = ", "toml"), ('term = "信用"\n', "id"),
                                         ('id = "x"\n', "term")])
def test_a_broken_file_names_the_problem(text: str, field: str) -> None:
    with pytest.raises(GlossaryError) as err:
        entry_from_toml(text, "x.toml")
    assert err.value.problems[0].field == field
    assert str(err.value).startswith("x.toml:")


awkward = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(gloss=awkward, note=awkward, rendering=awkward, used_by=awkward, locator=awkward, zh=awkward)
def test_any_text_survives_the_round_trip(gloss: str, note: str, rendering: str, used_by: str, locator: str,
                                          zh: str) -> None:
    entry = GlossaryEntry(
        id="user-x", term="信用" + zh, gloss=gloss, notes=note, dispute=note + '"""' + "\\",
        variants=[gloss, zh], domains=["user"],
        renderings=[Rendering(rendering, "preferred", used_by, [SourceRef("src", locator, "")], note)],
        origin="user")
    back, _ = entry_from_toml(entry_to_toml(entry), "user-x.toml")
    # outer spaces of the dispute and notes do not count, as in the bundled files
    assert back == replace(entry, notes=entry.notes.strip(), dispute=entry.dispute.strip(), path="user-x.toml")
