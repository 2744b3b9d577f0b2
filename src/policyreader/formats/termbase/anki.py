"""An Anki deck (.apkg) of the glossary, written with genanki: one note per entry, cards both ways.

The note type has the fields Chinese, Traditional, Pinyin, Renderings (an HTML list with each
rendering's status), Dispute and Notes (our notes and the user's annotation notes), and two card
templates: Chinese → English and English → Chinese.

Ids are stable so that importing a new export into Anki updates the notes instead of duplicating them:
the deck and note-type ids are fixed numbers derived from a SHA-256 hash of a fixed string (see
:func:`stable_id`; Anki wants ids in [2**30, 2**31)), and each note's GUID is
``genanki.guid_for("policyreader", entry.id)``. Changing those strings or the note type's field list
makes Anki treat the deck as a new one.

The package is assembled here rather than with ``genanki.Package.write_to_file``, which leaves its
temporary database behind in the temp directory.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
import time
import zipfile
from html import escape
from itertools import count
from pathlib import Path
from typing import Any

import genanki

from .model import AnnotatedEntry, AnnotatedGlossary

FIELDS = ("Chinese", "Traditional", "Pinyin", "Renderings", "Dispute", "Notes")


def stable_id(name: str) -> int:
    """A fixed id in Anki's recommended range [2**30, 2**31) derived from *name*."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


MODEL_ID = stable_id("policyreader.exporters.anki: note type 'PolicyReader term' v1")
DECK_ID = stable_id("policyreader.exporters.anki: deck 'PolicyReader glossary' v1")

_CSS = """
.card { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
        font-size: 20px; text-align: center; color: #222; background: #fff; }
.zh { font-size: 40px; }
.trad { color: #777; font-size: 28px; }
.pinyin { color: #444; }
.renderings { text-align: left; display: inline-block; }
.preferred { color: #1b7a3a; } .accepted { color: #35608f; }
.contested { color: #a05a00; } .avoid { color: #b0282d; text-decoration: line-through; }
.dispute, .notes { text-align: left; font-size: 15px; color: #444; margin-top: 1em; }
"""

_ZH_FRONT = '<div class="zh" lang="zh-Hans">{{Chinese}}</div>{{#Traditional}}<div class="trad" lang="zh-Hant">' \
            '{{Traditional}}</div>{{/Traditional}}'
_DETAILS = '<div class="dispute">{{Dispute}}</div><div class="notes">{{Notes}}</div>'

TEMPLATES = [
    {"name": "Chinese → English",
     "qfmt": _ZH_FRONT,
     "afmt": '{{FrontSide}}<hr id="answer"><div class="pinyin">{{Pinyin}}</div>'
             '<div class="renderings">{{Renderings}}</div>' + _DETAILS},
    {"name": "English → Chinese",
     "qfmt": '<div class="renderings">{{Renderings}}</div>',
     "afmt": '{{FrontSide}}<hr id="answer">' + _ZH_FRONT + '<div class="pinyin">{{Pinyin}}</div>' + _DETAILS},
]


def _model() -> Any:
    return genanki.Model(MODEL_ID, "PolicyReader term", fields=[{"name": f} for f in FIELDS],
                         templates=TEMPLATES, css=_CSS)


def _text(text: str) -> str:
    """Plain text as an Anki field: escaped, paragraph breaks as blank lines."""
    paras = [" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip()]
    return "<br><br>".join(escape(p) for p in paras)


def _fields(ae: AnnotatedEntry) -> list[str]:
    e = ae.entry
    items = "".join(f'<li class="{escape(r.status)}">{escape(r.text)} <i>({escape(r.status)})</i></li>'
                    for r in e.renderings)
    notes = [_text(e.notes)] if e.notes.strip() else []
    for a in ae.annotations:
        if a.note.strip():
            chosen = f" — rendering chosen: {escape(a.rendering)}" if a.rendering else ""
            notes.append("<b>Your note:</b> " + _text(a.note) + chosen)
    trad = e.traditional if e.traditional != e.term else ""
    return [escape(e.term), escape(trad), escape(e.pinyin), f"<ul>{items}</ul>" if items else "",
            _text(e.dispute), "<br><br>".join(notes)]


def build_deck(glossary: AnnotatedGlossary) -> Any:
    """The genanki deck: one note per entry, with a GUID derived from the entry id."""
    model = _model()
    deck = genanki.Deck(DECK_ID, glossary.title)
    for ae in glossary.entries:
        tags = [d.replace(" ", "_") for d in ae.entry.domains]
        deck.add_note(genanki.Note(model=model, fields=_fields(ae), tags=tags,
                                   guid=genanki.guid_for("policyreader", ae.entry.id)))
    return deck


def write_apkg(glossary: AnnotatedGlossary, path: Path) -> None:
    """Write the deck as an Anki package: a zip holding ``collection.anki2`` and an empty ``media`` map."""
    package = genanki.Package(build_deck(glossary))
    timestamp = time.time()
    with tempfile.TemporaryDirectory(prefix="policyreader-anki-") as tmp:
        db_path = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        try:
            package.write_to_db(conn.cursor(), timestamp, count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            out.write(db_path, "collection.anki2")
            out.writestr("media", json.dumps({}))
