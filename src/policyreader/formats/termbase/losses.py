"""What a termbase export leaves out, so the user is told rather than finding out on the way back.

TBX is XML, which cannot hold most control characters: they are removed. The OmegaT TSV has three
columns (term, rendering, comment), so most of an entry stays behind; the CSV has no column for some
fields. :func:`dropped` says, in one sentence, each kind of thing left out and how many entries it
concerns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from policyreader.core.model import Status

from .model import AnnotatedEntry, AnnotatedGlossary
from .tbx import XML_INVALID

Check = Callable[[AnnotatedEntry], bool]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def _annotation_texts(ae: AnnotatedEntry) -> Iterator[str]:
    for a in ae.annotations:
        yield from (a.note, a.rendering, a.rationale, a.exact, a.doc)


def _other_forms(ae: AnnotatedEntry) -> bool:
    e = ae.entry
    return bool(e.traditional and e.traditional != e.term) or any(v not in (e.term, e.traditional)
                                                                   for v in e.variants)


def _attribution(ae: AnnotatedEntry) -> bool:
    return any(r.used_by or r.ours or r.sources for r in ae.entry.renderings)


def _locators(ae: AnnotatedEntry) -> bool:
    return any(r.used_by or r.ours or any(s.locator or s.url for s in r.sources) for r in ae.entry.renderings)


def _user_notes(ae: AnnotatedEntry) -> bool:
    return any(a.note.strip() or a.rendering or a.rationale for a in ae.annotations)


def _user_choices(ae: AnnotatedEntry) -> bool:
    return any(a.rendering or a.rationale for a in ae.annotations)


def _no_target(ae: AnnotatedEntry) -> bool:
    return not any(r.status != Status.AVOID for r in ae.entry.renderings)


TSV_LOSSES: list[tuple[str, Check]] = [
    ("whole entries with no rendering to offer as a target", _no_target),
    ("traditional and variant forms", _other_forms),
    ("domains", lambda ae: bool(ae.entry.domains)),
    ("disputes", lambda ae: bool(ae.entry.dispute.strip())),
    ("notes", lambda ae: bool(ae.entry.notes.strip())),
    ("your annotation notes", _user_notes),
    ("examples", lambda ae: bool(ae.entry.examples)),
    ("sources and who uses each rendering", _attribution),
    ("related terms", lambda ae: bool(ae.entry.related)),
]
CSV_LOSSES: list[tuple[str, Check]] = [
    ("preferred renderings after the first", lambda ae: sum(r.status == Status.PREFERRED
                                                            for r in ae.entry.renderings) > 1),
    ("glosses", lambda ae: bool(ae.entry.gloss.strip())),
    ("variant forms", lambda ae: any(v not in (ae.entry.term, ae.entry.traditional) for v in ae.entry.variants)),
    ("notes", lambda ae: bool(ae.entry.notes.strip())),
    ("your chosen renderings and reasons", _user_choices),
    ("examples", lambda ae: bool(ae.entry.examples)),
    ("who uses each rendering, and source locators", _locators),
    ("related terms", lambda ae: bool(ae.entry.related)),
]
WHY = {"tsv": "an OmegaT glossary has only term, rendering and comment columns",
       "csv": "the CSV has no columns for them"}


def _count(glossary: AnnotatedGlossary, check: Check) -> int:
    return sum(1 for ae in glossary.entries if check(ae))


def dropped(fmt: str, glossary: AnnotatedGlossary) -> str:
    """What writing *glossary* as *fmt* leaves out, in one sentence; "" when nothing is."""
    if fmt in ("tbx", "tbx3"):
        removed, entries = 0, 0
        for ae in glossary.entries:
            n = sum(len(XML_INVALID.findall(s)) for s in (*_strings(ae.entry.to_json()), *_annotation_texts(ae)))
            removed += n
            entries += bool(n)
        if not removed:
            return ""
        return (f"removed {removed} control character{'s' if removed != 1 else ''} from {entries} "
                f"entr{'ies' if entries != 1 else 'y'}, as XML cannot hold them")
    losses = {"tsv": TSV_LOSSES, "csv": CSV_LOSSES}.get(fmt, [])
    found = [f"{what} ({n} entr{'ies' if n != 1 else 'y'})" for what, check in losses
             if (n := _count(glossary, check))]
    return f"left out, as {WHY[fmt]}: {', '.join(found)}" if found else ""
