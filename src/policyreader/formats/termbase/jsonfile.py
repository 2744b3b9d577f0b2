"""The glossary JSON shape with the user's annotations attached to each entry.

A top-level list of ``GlossaryEntry.to_json()`` objects, each with an ``"annotations"`` list of
``{id, doc, side, exact, note, tags, rendering, rationale}``. Offsets and selectors are left out:
they only mean something inside the library the annotations came from.
"""

from __future__ import annotations

import json
from typing import Any

from policyreader.core.glossary import GlossaryEntry, entry_from_dict
from policyreader.core.model import Annotation
from policyreader.formats.base import ImportFailure
from policyreader.formats.termbase.common import decode_termbase
from policyreader.formats.termbase.model import AnnotatedGlossary

ANNOTATION_KEYS = ("id", "doc", "side", "exact", "note", "tags", "rendering", "rationale")


def annotation_json(a: Annotation) -> dict[str, Any]:
    return {"id": a.id, "doc": a.doc, "side": a.side, "exact": a.exact, "note": a.note, "tags": list(a.tags),
            "rendering": a.rendering, "rationale": a.rationale}


def glossary_json(glossary: AnnotatedGlossary) -> list[dict[str, Any]]:
    return [{**ae.entry.to_json(), "annotations": [annotation_json(a) for a in ae.annotations]}
            for ae in glossary.entries]


def render_json(glossary: AnnotatedGlossary) -> bytes:
    return (json.dumps(glossary_json(glossary), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_json(data: bytes, name: str) -> list[GlossaryEntry]:
    try:
        doc = json.loads(decode_termbase(data, name))
    except json.JSONDecodeError as exc:
        raise ImportFailure(f"invalid JSON ({exc.msg}); repair the file or export it again", name,
                            f"line {exc.lineno}, column {exc.colno}") from None
    if isinstance(doc, dict) and isinstance(doc.get("entries"), list):
        doc = doc["entries"]
    if not isinstance(doc, list):
        raise ImportFailure("expected a list of glossary entries (the glossary JSON shape) at the top level, "
                            f"found a JSON {type(doc).__name__}", name)
    entries = []
    for number, item in enumerate(doc, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("term"), str) or not item["term"].strip():
            raise ImportFailure("each entry must be an object with a non-empty \"term\"", name, f"entry {number}")
        entries.append(entry_from_dict(item, origin="user"))
    return entries
