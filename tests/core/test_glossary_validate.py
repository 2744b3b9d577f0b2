"""The validator: the real glossary is clean; broken fixtures give file:line: field: message."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyreader.core.glossary import load_glossary
from policyreader.services.glossary import validate
from tests.conftest import CORPUS, GLOSSARY

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "glossary_broken"


@pytest.fixture(scope="module")
def broken() -> list[str]:
    return [str(p) for p in validate(BROKEN, CORPUS)]


def test_real_glossary_has_no_problems() -> None:
    problems = validate(GLOSSARY, CORPUS)
    assert [str(p) for p in problems] == []


def test_real_glossary_is_big_enough_and_ids_are_unique() -> None:
    g = load_glossary(GLOSSARY)
    files = sorted((GLOSSARY / "entries").glob("*.toml"))
    assert len(g) == len(files) >= 100
    assert {p.stem for p in files} == set(g.entries)


def test_every_example_occurs_verbatim_in_its_document() -> None:
    g = load_glossary(GLOSSARY)
    n = 0
    for e in g.entries.values():
        for x in e.examples:
            assert x.zh in (CORPUS / f"{x.doc}.zh.txt").read_text(encoding="utf-8"), (e.id, x.zh)
            n += 1
    assert n >= 100


@pytest.mark.parametrize("expected", [
    "no-gloss.toml:1: gloss: missing required field",
    "bad-status.toml:17: renderings[1].status: 'favourite' is not one of preferred, accepted, contested, avoid",
    "bad-status.toml:19: renderings[1].sources: unknown source id 'no-such-source'",
    "dup-a.toml:1: id: '征信' is not a slug (lowercase letters, digits and hyphens)",
    "dup-b.toml:1: id: id 'dup-a' does not match the file name 'dup-b.toml'",
    "dup-c.toml:1: id: duplicate id 'dup-a' (also in dup-b.toml)",
    "dup-b.toml:7: related: unknown entry id 'nowhere'",
    "wrong-pinyin.toml:4: pinyin: 'háikuǎn' differs from pypinyin 'huánkuǎn'; fix it or set pinyin_override",
    "wrong-pinyin.toml:17: examples[0].zh: sentence not found verbatim in spc_shixin_list_provisions_2013",
    "no-locator.toml:13: renderings[0].sources[1].locator: claim on external source 'clt-2016' needs a locator"
    " quoting the words where the rendering appears",
    "no-locator.toml:20: renderings[1].sources[0].locator: claim on external source 'clt-2016' needs a locator"
    " quoting the words where the rendering appears",
])
def test_broken_fixture_messages(broken: list[str], expected: str) -> None:
    assert expected in broken


def test_locator_is_required_only_for_external_sources(broken: list[str]) -> None:
    """A bundled text (doc-*) attests the Chinese term: it needs no quoted locator; others do."""
    flagged = [m for m in broken if ".locator:" in m]
    assert flagged and all(m.startswith("no-locator.toml:") for m in flagged)
    assert not any("doc-spc_shixin_list_provisions_2013" in m for m in broken)


def test_unknown_source_is_reported_even_with_a_locator(broken: list[str]) -> None:
    (msg,) = [m for m in broken if "unknown source id" in m]
    assert msg == "bad-status.toml:19: renderings[1].sources: unknown source id 'no-such-source'"


def test_toml_syntax_error_names_its_line(broken: list[str]) -> None:
    (msg,) = [m for m in broken if m.startswith("syntax-error.toml")]
    assert msg.startswith("syntax-error.toml:5: toml: syntax error")


def test_an_exclusion_that_does_not_hold_the_term_is_reported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from policyreader.core.glossary import validate_glossary

    d = tmp_path / "glossary"
    shutil.copytree(GLOSSARY, d)
    path = d / "entries" / "xinyong-fen.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('excludes = ["信用分类", "信用分级"]',
                                                             'excludes = ["信用分类", "分级分类"]'), encoding="utf-8")
    problems = [str(p) for p in validate_glossary(d)]
    assert problems == ["xinyong-fen.toml:5: excludes[1]: '分级分类' does not contain a form of the term (an exclusion "
                        "is a longer string that holds the term but is not it)"]


def test_every_example_quotes_our_translation_of_its_passage() -> None:
    """An example's English is taken from the aligned translation of the block that holds its Chinese, so the
    glossary never shows a rendering our own corpus does not use."""
    from policyreader.core.bilingual import parse_aligned

    blocks = {p.name.removesuffix(".aligned.txt"): parse_aligned(p.read_text(encoding="utf-8"), p.name)
              for p in CORPUS.glob("*.aligned.txt")}
    wrong = []
    for e in load_glossary(GLOSSARY).entries.values():
        for ex in e.examples:
            block = next((b for b in blocks[ex.doc] if ex.zh in " ".join(b.zh)), None)
            if block is None or ex.en not in " ".join(block.en):
                wrong.append(f"{e.id}: {ex.location}: {ex.en[:60]}")
    assert wrong == []
