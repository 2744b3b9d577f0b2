"""Anki export: an .apkg (a zip holding an Anki SQLite collection) with cards both ways and stable ids."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import genanki

from policyreader.formats.termbase import AnnotatedGlossary, export_glossary
from policyreader.formats.termbase.anki import DECK_ID, MODEL_ID

from .conftest import CHENGXIN_DISPUTE, NOTE


def open_collection(apkg: Path, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(apkg) as z:
        assert "collection.anki2" in z.namelist()
        target = tmp_path / f"{apkg.stem}.anki2"
        target.write_bytes(z.read("collection.anki2"))
    return sqlite3.connect(target)


def export(glossary: AnnotatedGlossary, tmp_path: Path, name: str) -> sqlite3.Connection:
    path = tmp_path / f"{name}.apkg"
    export_glossary(glossary, "anki", path)
    return open_collection(path, tmp_path)


def test_one_note_per_entry_and_two_cards_per_note(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    db = export(exported, tmp_path, "deck")
    notes = db.execute("SELECT count(*) FROM notes").fetchone()[0]
    assert notes == len(exported.entries)
    assert db.execute("SELECT count(*) FROM cards").fetchone()[0] == 2 * notes
    assert {row[0] for row in db.execute("SELECT DISTINCT ord FROM cards")} == {0, 1}
    assert {row[0] for row in db.execute("SELECT DISTINCT did FROM cards")} == {DECK_ID}


def test_note_type_fields_and_templates(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    db = export(exported, tmp_path, "deck")
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    model = models[str(MODEL_ID)]
    assert [f["name"] for f in model["flds"]] == ["Chinese", "Traditional", "Pinyin", "Renderings", "Dispute",
                                                  "Notes"]
    assert [t["name"] for t in model["tmpls"]] == ["Chinese → English", "English → Chinese"]


def test_chengxin_note_fields(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    db = export(exported, tmp_path, "deck")
    guid = genanki.guid_for("policyreader", "chengxin")
    fields = db.execute("SELECT flds FROM notes WHERE guid = ?", [guid]).fetchone()[0].split("\x1f")
    assert fields[:3] == ["诚信", "誠信", "chéngxìn"]
    assert '<li class="preferred">integrity <i>(preferred)</i></li>' in fields[3]
    assert '<li class="contested">sincerity <i>(contested)</i></li>' in fields[3]
    assert fields[4].startswith(CHENGXIN_DISPUTE[:40])
    assert NOTE in fields[5]


def test_re_export_keeps_the_note_guids(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    first = export(exported, tmp_path, "first")
    second = export(exported, tmp_path, "second")
    guids = [row[0] for row in first.execute("SELECT guid FROM notes ORDER BY guid")]
    assert guids == [row[0] for row in second.execute("SELECT guid FROM notes ORDER BY guid")]
    assert sorted(genanki.guid_for("policyreader", ae.entry.id) for ae in exported.entries) == guids
    assert 2**30 <= MODEL_ID < 2**31 and 2**30 <= DECK_ID < 2**31  # Anki's recommended id range
