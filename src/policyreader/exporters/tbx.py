"""TBX termbases: TBX-Basic in the TBX v2 ``martif`` form (what OmegaT, memoQ and Trados read) and TBX v3.

Both versions carry the same information; only the element names and the header differ
(``termEntry/langSet/tig`` in v2, ``conceptEntry/langSec/termSec`` in v3 DCA style).

One concept entry per glossary entry, with the entry id as its ``id``:

* entry level: one ``descrip type="subjectField"`` per domain; ``note``s prefixed ``Dispute: ``,
  ``Notes: `` and ``User note: `` (one per annotation with a note); ``ref type="crossReference"`` for
  each related entry that is also in the file (a dangling IDREF would make the file invalid).
* ``zh`` language section: the simplified term, with ``note``s ``Pinyin: ``, ``Gloss: `` and
  ``Traditional: `` (TBX-Basic has no pronunciation or script category) and the corpus examples as
  ``descripGrp``s (``descrip type="context"`` with the Chinese sentence, ``admin type="source"`` with
  ``document, location`` and a ``note`` with our English). The traditional form, when it differs, and
  each variant follow as further terms with ``termNote type="termType"`` ``variant`` and a ``note``
  ``Traditional form`` / ``Variant form``, so a CAT tool also finds the term in traditional text.
* ``en`` language section: one term per rendering, with ``termNote type="administrativeStatus"``,
  ``note``s ``Used by: `` and ``Ours: ``, and one ``admin type="source"`` per cited source, written
  ``id: Author, Title, Publisher (Year). URL`` with `` — locator: …`` when the citation has one.

Status mapping (ISO 12620 administrativeStatus picklist of TBX-Basic): preferred →
``preferredTerm-admn-sts``; accepted → ``admittedTerm-admn-sts``; avoid → ``deprecatedTerm-admn-sts``
(CAT tools' QA flags deprecated terms as forbidden, which is what "avoid" means); contested →
``admittedTerm-admn-sts``, because a contested rendering is one that some translators legitimately use
and marking it deprecated or superseded would make QA tools reject it (and rank it below "avoid").
Since admitted is then ambiguous, contested and avoid renderings also get a ``note`` ``Status:
contested`` / ``Status: avoid`` so PolicyReader's reader (importers.glossary_files) restores the exact
status. The note prefixes above are the contract with that reader.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from policyreader.core.glossary import GlossaryEntry, Rendering
from policyreader.core.model import Status

from .model import AnnotatedEntry, AnnotatedGlossary, citation

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"

ADMIN_STATUS: dict[str, str] = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ACCEPTED: "admittedTerm-admn-sts",
    Status.CONTESTED: "admittedTerm-admn-sts",
    Status.AVOID: "deprecatedTerm-admn-sts",
}
# Statuses whose administrativeStatus alone does not identify them (see the module docstring).
STATUS_NOTE = (Status.CONTESTED, Status.AVOID)

_XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_TBX3_PROLOGUE = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
)


@dataclass(frozen=True)
class _Names:
    """Element names of one TBX version."""

    entry: str
    lang: str
    term_group: str


_V2 = _Names("termEntry", "langSet", "tig")
_V3 = _Names("conceptEntry", "langSec", "termSec")


def _clean(text: str) -> str:
    """Text with the characters XML 1.0 cannot carry removed."""
    return _XML_INVALID.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text:
        el.text = _clean(text)
    return el


def _note(parent: ET.Element, text: str) -> None:
    if text.strip():
        _sub(parent, "note", text)


def _zh_section(parent: ET.Element, e: GlossaryEntry, names: _Names) -> None:
    lang = _sub(parent, names.lang, **{XML_LANG: "zh"})
    tig = _sub(lang, names.term_group)
    _sub(tig, "term", e.term)
    _note(tig, f"Pinyin: {e.pinyin}" if e.pinyin else "")
    _note(tig, f"Gloss: {e.gloss}" if e.gloss else "")
    _note(tig, f"Traditional: {e.traditional}" if e.traditional else "")
    for x in e.examples:
        grp = _sub(tig, "descripGrp")
        _sub(grp, "descrip", x.zh, type="context")
        _sub(grp, "admin", ", ".join(p for p in (x.doc, x.location) if p), type="source")
        _note(grp, x.en)
    others = [(e.traditional, "Traditional form")] if e.traditional and e.traditional != e.term else []
    others += [(v, "Variant form") for v in e.variants if v not in (e.term, e.traditional)]
    for form, label in others:
        tig = _sub(lang, names.term_group)
        _sub(tig, "term", form)
        _sub(tig, "termNote", "variant", type="termType")
        _note(tig, label)


def _rendering(parent: ET.Element, r: Rendering, glossary: AnnotatedGlossary, names: _Names) -> None:
    tig = _sub(parent, names.term_group)
    _sub(tig, "term", r.text)
    if r.status in ADMIN_STATUS:
        _sub(tig, "termNote", ADMIN_STATUS[r.status], type="administrativeStatus")
    if r.status in STATUS_NOTE:
        _note(tig, f"Status: {r.status}")
    _note(tig, f"Used by: {r.used_by}" if r.used_by else "")
    _note(tig, f"Ours: {r.ours}" if r.ours else "")
    for ref in r.sources:
        text = f"{ref.id}: {citation(glossary.sources.get(ref.id), ref)}"
        if ref.locator:
            text += f" — locator: {ref.locator}"
        _sub(tig, "admin", text, type="source")


def _user_note(ae: AnnotatedEntry) -> list[str]:
    out = []
    for a in ae.annotations:
        if not (a.note.strip() or a.rendering or a.rationale):
            continue
        parts = [a.note.strip()]
        if a.rendering:
            parts.append(f"rendering chosen: {a.rendering}")
        if a.rationale:
            parts.append(f"why: {a.rationale}")
        if a.exact:
            parts.append(f"on “{a.exact}” in {a.doc}" if a.doc else f"on “{a.exact}”")
        out.append("User note: " + " — ".join(p for p in parts if p))
    return out


def _entry(body: ET.Element, ae: AnnotatedEntry, glossary: AnnotatedGlossary, names: _Names,
           in_file: dict[str, str]) -> None:
    e = ae.entry
    entry = _sub(body, names.entry, id=e.id)
    for d in e.domains:
        _sub(entry, "descrip", d, type="subjectField")
    _note(entry, f"Dispute: {e.dispute}" if e.dispute else "")
    _note(entry, f"Notes: {e.notes}" if e.notes else "")
    for text in _user_note(ae):
        _note(entry, text)
    for rel in e.related:
        if rel in in_file:
            _sub(entry, "ref", in_file[rel], type="crossReference", target=rel)
    _zh_section(entry, e, names)
    if e.renderings:
        en = _sub(entry, names.lang, **{XML_LANG: "en"})
        for r in e.renderings:
            _rendering(en, r, glossary, names)


def _serialise(root: ET.Element, prologue: str = "") -> bytes:
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + prologue + body + "\n").encode("utf-8")


def _header_text(glossary: AnnotatedGlossary) -> str:
    return (f"Exported from PolicyReader: {len(glossary.entries)} entries. Renderings carry PolicyReader's "
            "statuses (preferred, accepted, contested, avoid); see the notes 'Status: …'.")


def render_tbx2(glossary: AnnotatedGlossary) -> bytes:
    """TBX-Basic in the TBX v2 (ISO 30042:2008) ``martif`` form, UTF-8."""
    root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = _sub(root, "martifHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", glossary.title)
    _sub(_sub(file_desc, "sourceDesc"), "p", _header_text(glossary))
    _sub(_sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _sub(_sub(root, "text"), "body")
    in_file = {ae.entry.id: ae.entry.term for ae in glossary.entries}
    for ae in glossary.entries:
        _entry(body, ae, glossary, _V2, in_file)
    return _serialise(root)


def render_tbx3(glossary: AnnotatedGlossary) -> bytes:
    """TBX-Basic in the TBX v3 (ISO 30042:2019) DCA form, UTF-8."""
    # The namespace is written as a plain attribute so that the children need no prefix and
    # ElementTree's global prefix registry is left alone.
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en", "xmlns": TBX3_NAMESPACE})
    header = _sub(root, "tbxHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", glossary.title)
    _sub(_sub(file_desc, "sourceDesc"), "p", _header_text(glossary))
    body = _sub(_sub(root, "text"), "body")
    in_file = {ae.entry.id: ae.entry.term for ae in glossary.entries}
    for ae in glossary.entries:
        _entry(body, ae, glossary, _V3, in_file)
    return _serialise(root, _TBX3_PROLOGUE)
