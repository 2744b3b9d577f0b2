"""JSON export: the glossary JSON shape with each entry's annotations attached."""

from __future__ import annotations

import json
from pathlib import Path

from policyreader.core.glossary import Glossary
from policyreader.core.model import Annotation
from policyreader.formats import read_termbase
from policyreader.formats.termbase import AnnotatedGlossary, export_glossary, render

from .conftest import NOTE, RATIONALE, essentials


def test_top_level_is_a_list_of_entries_in_the_glossary_shape(exported: AnnotatedGlossary,
                                                              glossary: Glossary) -> None:
    data = json.loads(render(exported, "json"))
    assert isinstance(data, list) and len(data) == len(glossary)
    for item, ae in zip(data, exported.entries, strict=True):
        annotations = item.pop("annotations")
        assert item == ae.entry.to_json()
        assert len(annotations) == len(ae.annotations)


def test_annotations_are_attached_to_their_entry(exported: AnnotatedGlossary,
                                                 annotations: list[Annotation]) -> None:
    data = {item["id"]: item for item in json.loads(render(exported, "json"))}
    assert data["chengxin"]["annotations"][0] == {
        "id": "ann-1", "doc": "enterprise_info_publicity_interim_regulation_2014", "side": "zh", "exact": "诚信",
        "note": NOTE, "tags": ["review"], "rendering": "integrity", "rationale": RATIONALE}
    assert [a["id"] for a in data["chengxin"]["annotations"]] == [a.id for a in annotations]
    assert data["xinyong"]["annotations"] == []


def test_chinese_is_written_as_utf8_not_escaped(exported: AnnotatedGlossary) -> None:
    assert "诚信".encode() in render(exported, "json")


def test_round_trip_keeps_every_entry(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    export_glossary(exported, "json", tmp_path / "glossary.json")
    back = read_termbase(tmp_path / "glossary.json")
    assert [essentials(e) for e in back] == [essentials(ae.entry) for ae in exported.entries]
    for e, ae in zip(back, exported.entries, strict=True):
        assert e.origin == "user"
        assert {**e.to_json(), "origin": "bundled"} == ae.entry.to_json()
