"""TBX export: TBX-Basic v2 (martif) and v3, parsed back with ElementTree and read back by our importer."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from policyreader.core.glossary import Glossary, GlossaryEntry, Rendering
from policyreader.formats import read_termbase
from policyreader.formats.termbase import AnnotatedEntry, AnnotatedGlossary, export_glossary, render

from .conftest import CHENGXIN_DISPUTE, NOTE, essentials

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS3 = "{urn:iso:std:iso:30042:ed-2}"
# Our statuses as TBX-Basic administrativeStatus values (see exporters/tbx.py for why).
EXPECTED_STATUS = {
    "preferred": "preferredTerm-admn-sts",
    "accepted": "admittedTerm-admn-sts",
    "contested": "admittedTerm-admn-sts",
    "avoid": "deprecatedTerm-admn-sts",
}
# Element names per version: entry, language section, term group.
SHAPES = {"tbx": ("termEntry", "langSet", "tig", ""), "tbx3": ("conceptEntry", "langSec", "termSec", NS3)}


def parse(glossary: AnnotatedGlossary, fmt: str) -> ET.Element:
    return ET.fromstring(render(glossary, fmt))


def entries_of(root: ET.Element, fmt: str) -> list[ET.Element]:
    entry, _, _, ns = SHAPES[fmt]
    return root.findall(f"{ns}text/{ns}body/{ns}{entry}")


def terms(entry_el: ET.Element, fmt: str, lang: str) -> list[ET.Element]:
    """The term groups of one language section of an entry."""
    _, section, group, ns = SHAPES[fmt]
    return [g for s in entry_el.findall(f"{ns}{section}") if s.get(XML_LANG) == lang for g in s.findall(f"{ns}{group}")]


def test_v2_is_tbx_basic_martif_with_a_header_and_utf8_declaration(exported: AnnotatedGlossary) -> None:
    data = render(exported, "tbx")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(data)
    assert root.tag == "martif"
    assert root.get("type") == "TBX-Basic" and root.get(XML_LANG) == "en"
    assert root.find("martifHeader/fileDesc/sourceDesc/p") is not None


def test_v3_is_a_namespaced_tbx_basic_dca_document(exported: AnnotatedGlossary) -> None:
    root = parse(exported, "tbx3")
    assert root.tag == f"{NS3}tbx"
    assert (root.get("type"), root.get("style"), root.get(XML_LANG)) == ("TBX-Basic", "dca", "en")
    assert root.find(f"{NS3}tbxHeader/{NS3}fileDesc/{NS3}sourceDesc/{NS3}p") is not None


def test_omegat_finds_every_term_where_it_looks(exported: AnnotatedGlossary) -> None:
    # OmegaT reads martif/text/body/termEntry/langSet/tig/term.
    root = parse(exported, "tbx")
    found = {t.text for t in root.findall("text/body/termEntry/langSet/tig/term")}
    assert {ae.entry.term for ae in exported.entries} <= found
    assert "integrity" in found


@pytest.mark.parametrize("fmt", ["tbx", "tbx3"])
def test_one_entry_per_glossary_entry_with_its_id(exported: AnnotatedGlossary, glossary: Glossary, fmt: str) -> None:
    els = entries_of(parse(exported, fmt), fmt)
    assert len(els) == len(glossary) > 100
    assert [el.get("id") for el in els] == sorted(glossary.entries)


@pytest.mark.parametrize("fmt", ["tbx", "tbx3"])
def test_statuses_traditional_forms_and_domains(exported: AnnotatedGlossary, fmt: str) -> None:
    ns = SHAPES[fmt][3]
    for el, ae in zip(entries_of(parse(exported, fmt), fmt), exported.entries, strict=True):
        e = ae.entry
        zh = [g.findtext(f"{ns}term") for g in terms(el, fmt, "zh")]
        assert zh[0] == e.term
        assert e.traditional in zh
        assert [d.text for d in el.findall(f"{ns}descrip[@type='subjectField']")] == e.domains
        en = terms(el, fmt, "en")
        assert [g.findtext(f"{ns}term") for g in en] == [r.text for r in e.renderings]
        for g, r in zip(en, e.renderings, strict=True):
            assert g.findtext(f"{ns}termNote[@type='administrativeStatus']") == EXPECTED_STATUS[r.status]
            status_notes = [n.text for n in g.findall(f"{ns}note") if (n.text or "").startswith("Status: ")]
            assert status_notes == ([f"Status: {r.status}"] if r.status in ("contested", "avoid") else [])


def test_traditional_form_is_a_second_term_marked_as_variant(exported: AnnotatedGlossary) -> None:
    el = next(el for el in entries_of(parse(exported, "tbx"), "tbx") if el.get("id") == "chengxin")
    tigs = terms(el, "tbx", "zh")
    assert [t.findtext("term") for t in tigs] == ["诚信", "誠信"]
    assert tigs[1].findtext("termNote[@type='termType']") == "variant"
    assert "Pinyin: chéngxìn" in [n.text for n in tigs[0].findall("note")]


def test_sources_and_dispute_are_written(exported: AnnotatedGlossary) -> None:
    el = next(el for el in entries_of(parse(exported, "tbx"), "tbx") if el.get("id") == "chengxin")
    notes = [n.text or "" for n in el.findall("note")]
    assert any(n.startswith("Dispute: " + CHENGXIN_DISPUTE[:40]) for n in notes)
    integrity = terms(el, "tbx", "en")[0]
    sources = [a.text or "" for a in integrity.findall("admin[@type='source']")]
    assert sources[0].startswith("clt-2014: ")
    chengxin = next(a.entry for a in exported.entries if a.entry.id == "chengxin")
    locator = next(r for r in chengxin.renderings if r.text == "integrity").sources[0].locator
    assert f"locator: {locator}" in sources[0]


def test_user_annotation_notes_become_entry_notes(exported: AnnotatedGlossary) -> None:
    el = next(el for el in entries_of(parse(exported, "tbx"), "tbx") if el.get("id") == "chengxin")
    user = [n.text or "" for n in el.findall("note") if (n.text or "").startswith("User note: ")]
    assert len(user) == 2
    assert NOTE in user[0] and "rendering chosen: integrity" in user[0]


@pytest.mark.parametrize("fmt", ["tbx", "tbx3"])
def test_round_trip_keeps_every_entry(exported: AnnotatedGlossary, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "glossary.tbx"
    export_glossary(exported, fmt, path)
    back = read_termbase(path)
    assert [essentials(e) for e in back] == [essentials(ae.entry) for ae in exported.entries]
    assert all(e.origin == "user" for e in back)
    # More than the essentials survive: gloss, variants, domains, related, notes and examples.
    originals = {ae.entry.id: ae.entry for ae in exported.entries}
    for e in back:
        o = originals[e.id]
        assert (e.gloss, e.variants, e.domains, e.related, e.notes) == (o.gloss, o.variants, o.domains, o.related,
                                                                         o.notes)
        assert e.examples == o.examples


def test_hostile_text_still_makes_well_formed_xml(tmp_path: Path) -> None:
    entry = GlossaryEntry("odd", "测试<&>", traditional="測試", pinyin="cèshì", dispute="a ]]> b \x01 c",
                          renderings=[Rendering('a & "b" <c>', "preferred")], origin="user")
    g = AnnotatedGlossary([AnnotatedEntry(entry)], {})
    for fmt in ("tbx", "tbx3"):
        export_glossary(g, fmt, tmp_path / f"{fmt}.tbx")
        [back] = read_termbase(tmp_path / f"{fmt}.tbx")
        assert (back.term, back.renderings[0].text, back.dispute) == ("测试<&>", 'a & "b" <c>', "a ]]> b  c")

