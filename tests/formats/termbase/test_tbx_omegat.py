"""TBX for OmegaT, and both TBX flavours as translate-toolkit reads them (a real consumer, from PyPI).

OmegaT itself reads these files in ``make interop`` (tests/interop/run_interop.py): it is a Debian
package with a JVM, too heavy for ``make test``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from translate.storage.tbx import tbxfile

from policyreader.core.model import Status
from policyreader.formats import read_termbase
from policyreader.formats.termbase import AnnotatedGlossary, export_glossary, render
from policyreader.formats.termbase.tbx_omegat import offered

from .conftest import CHENGXIN_DISPUTE

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
AVOID = {"xinyong-chengnuoshu": "letter of credit", "xinyong-fen": "social credit score"}


def entries_by_id(data: bytes) -> dict[str, ET.Element]:
    return {el.get("id", ""): el for el in ET.fromstring(data).findall("text/body/termEntry")}


def langset(entry: ET.Element, lang: str) -> list[str]:
    return [t.text or "" for s in entry.findall("langSet") if s.get(XML_LANG) == lang for t in s.findall("tig/term")]


def test_avoid_renderings_are_never_offered_as_translations(exported: AnnotatedGlossary) -> None:
    data = render(exported, "tbx-omegat")
    els = entries_by_id(data)
    assert len(els) == len(exported.entries)
    for ae in exported.entries:
        e = ae.entry
        targets = langset(els[e.id], "en")
        assert targets == [r.text for s in (Status.PREFERRED, Status.ACCEPTED, Status.CONTESTED)
                           for r in e.renderings if r.status == s]
        assert langset(els[e.id], "zh") == e.forms()
    for eid, bad in AVOID.items():
        assert bad not in langset(els[eid], "en")
        notes = [n.text or "" for n in els[eid].findall("note")]
        assert f"Avoid (not offered as a translation): {bad}" in notes


def test_comments_are_concise_dispute_first_then_sources_and_no_status_codes(exported: AnnotatedGlossary) -> None:
    data = render(exported, "tbx-omegat")
    assert b"admn-sts" not in data and b"termNote type=\"administrativeStatus\"" not in data
    assert b"descripGrp" not in data and b"subjectField" not in data  # no examples or domains in the comment
    chengxin = entries_by_id(data)["chengxin"]
    notes = [n.text or "" for n in chengxin.findall("note")]
    assert notes[0] == "Dispute: " + " ".join(CHENGXIN_DISPUTE.split())
    assert notes[1].startswith("Renderings: integrity (preferred); ")
    assert notes[2].startswith("Sources: integrity: China Law Translate")
    assert [n[:11] for n in notes[3:]] == ["User note: "] * 2  # the user's two annotations, last
    assert all("\n" not in n for n in notes)  # one line each: OmegaT shows them as lines


def test_translate_toolkit_reads_every_entry_of_the_omegat_profile(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    path = tmp_path / "omegat.tbx"
    export_glossary(exported, "tbx-omegat", path)
    store = tbxfile.parsefile(str(path))
    units = {u.getid(): u for u in store.units}
    assert len(units) == len(exported.entries)
    for ae in exported.entries:
        u = units[ae.entry.id]
        assert [t.text for t in u.get_source_terms()] == ae.entry.forms()
        assert [t.text for t in u.get_target_terms()] == [r.text for r in offered(ae)]  # preferred first
        assert {t.text for t in u.get_target_terms()} == {r.text for r in ae.entry.renderings
                                                         if r.status != Status.AVOID}
        assert not any(t.deprecated for t in u.get_target_terms())
    assert units["chengxin"].getnotes().startswith("Dispute: ")


def test_translate_toolkit_reads_tbx_basic_in_full_with_avoid_marked_deprecated(exported: AnnotatedGlossary,
                                                                               tmp_path: Path) -> None:
    path = tmp_path / "basic.tbx"
    export_glossary(exported, "tbx", path)
    units = {u.getid(): u for u in tbxfile.parsefile(str(path)).units}
    assert len(units) == len(exported.entries)
    for ae in exported.entries:
        terms = units[ae.entry.id].get_target_terms()
        assert [t.text for t in terms] == [r.text for r in ae.entry.renderings]
        assert [t.deprecated for t in terms] == [r.status == Status.AVOID for r in ae.entry.renderings]
    avoid = sum(r.status == Status.AVOID for ae in exported.entries for r in ae.entry.renderings)
    assert avoid >= 10 and sum(t.deprecated for u in units.values() for t in u.get_target_terms()) == avoid
    assert "Dispute: " in units["chengxin"].getnotes()


@pytest.mark.parametrize("fmt", ["tbx", "tbx3"])
def test_tbx_basic_puts_the_dispute_before_the_subject_fields(exported: AnnotatedGlossary, fmt: str) -> None:
    root = ET.fromstring(render(exported, fmt))
    entry = next(el for el in root.iter() if el.get("id") == "chengxin")
    first = entry[0]
    assert first.tag.endswith("note") and (first.text or "").startswith("Dispute: ")


def test_our_reader_reads_the_omegat_profile(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    path = tmp_path / "omegat.tbx"
    export_glossary(exported, "tbx-omegat", path)
    back = {e.id: e for e in read_termbase(path)}
    assert set(back) == {ae.entry.id for ae in exported.entries}
    assert [r.text for r in back["xinyong-chengnuoshu"].renderings] == ["credit commitment letter"]
    assert " ".join(back["chengxin"].dispute.split()) == " ".join(CHENGXIN_DISPUTE.split())
