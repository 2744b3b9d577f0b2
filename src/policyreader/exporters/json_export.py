"""The glossary JSON shape with the user's annotations attached to each entry.

A top-level list of ``GlossaryEntry.to_json()`` objects, each with an ``"annotations"`` list of
``{id, doc, side, exact, note, tags, rendering, rationale}``. Offsets and selectors are left out:
they only mean something inside the library the annotations came from.
"""

from __future__ import annotations

import json
from typing import Any

from policyreader.core.model import Annotation

from .model import AnnotatedGlossary

ANNOTATION_KEYS = ("id", "doc", "side", "exact", "note", "tags", "rendering", "rationale")


def annotation_json(a: Annotation) -> dict[str, Any]:
    return {"id": a.id, "doc": a.doc, "side": a.side, "exact": a.exact, "note": a.note, "tags": list(a.tags),
            "rendering": a.rendering, "rationale": a.rationale}


def glossary_json(glossary: AnnotatedGlossary) -> list[dict[str, Any]]:
    return [{**ae.entry.to_json(), "annotations": [annotation_json(a) for a in ae.annotations]}
            for ae in glossary.entries]


def render_json(glossary: AnnotatedGlossary) -> bytes:
    return (json.dumps(glossary_json(glossary), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
