"""TBX termbases: TBX-Basic in the TBX v2 ``martif`` form (what memoQ, Trados and OmegaT read; the profile
shaped for OmegaT's reader is :mod:`.tbx_omegat`) and TBX v3.

Both versions carry the same information; only the element names and the header differ
(``termEntry/langSet/tig`` in v2, ``conceptEntry/langSec/termSec`` in v3 DCA style).

One concept entry per glossary entry, with the entry id as its ``id``:

* entry level: a ``note`` prefixed ``Dispute: ``, one ``descrip type="subjectField"`` per domain; ``note``s
  prefixed ``Notes: `` and ``User note: `` (one per annotation with a note); ``ref type="crossReference"`` for
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
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

from policyreader.core.glossary import STATUSES, Example, GlossaryEntry, Rendering, SourceRef
from policyreader.core.model import Status
from policyreader.formats.base import ImportFailure
from policyreader.formats.termbase.model import AnnotatedEntry, AnnotatedGlossary, citation
from policyreader.formats.xmlsafe import parse_xml

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

XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

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
    return XML_INVALID.sub("", text)


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
    _note(entry, f"Dispute: {e.dispute}" if e.dispute else "")  # first: OmegaT shows entry notes in file order
    for d in e.domains:
        _sub(entry, "descrip", d, type="subjectField")
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


# --- reading -------------------------------------------------------------------------------------

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# administrativeStatus (and the older normativeAuthorization) values → our statuses.
_ADMIN_STATUS = {
    "preferredterm-admn-sts": Status.PREFERRED, "preferred": Status.PREFERRED,
    "admittedterm-admn-sts": Status.ACCEPTED, "admitted": Status.ACCEPTED,
    "deprecatedterm-admn-sts": Status.AVOID, "deprecated": Status.AVOID,
    "supersededterm-admn-sts": Status.AVOID, "superseded": Status.AVOID,
}
_TRADITIONAL_LANGS = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
_SOURCE_ID = re.compile(r"^([a-z0-9][a-z0-9._-]*): (.*)$", re.S)


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _kids(el: Element, *names: str) -> list[Element]:
    return [c for c in el if _local(c.tag) in names]


def _text(el: Element) -> str:
    return "".join(el.itertext()).strip()


def _language(el: Element) -> str:
    return str(el.get(XML_LANG) or el.get("lang") or "").strip().lower()


def _prefixed(text: str, prefix: str) -> str | None:
    return text[len(prefix):].strip() if text.lower().startswith(prefix.lower()) else None


@dataclass
class _TermInfo:
    """What a tig/ntig/termSec holds."""

    term: str = ""
    term_notes: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    contexts: list[Element] = field(default_factory=list)
    descrips: list[str] = field(default_factory=list)


def _term_info(group: Element) -> _TermInfo:
    info = _TermInfo()

    def walk(el: Element) -> None:
        for c in el:
            n = _local(c.tag)
            if n in ("termGrp", "termNoteGrp", "adminGrp", "noteGrp"):
                walk(c)
            elif n == "term" and not info.term:
                info.term = _text(c)
            elif n == "termNote":
                info.term_notes.setdefault(str(c.get("type", "")), _text(c))
            elif n == "note" and _text(c):
                info.notes.append(_text(c))
            elif n == "admin" and c.get("type") == "source" and _text(c):
                info.sources.append(_text(c))
            elif n == "descripGrp":
                info.contexts.append(c)
            elif n == "descrip" and _text(c):
                info.descrips.append(f"{c.get('type', 'description')}: {_text(c)}")

    walk(group)
    return info


def _source_ref(text: str) -> SourceRef:
    """``id: citation — locator: …`` as written by our exporter; any other text is kept whole as the id."""
    m = _SOURCE_ID.match(text)
    if not m:
        return SourceRef(text)
    rest = m.group(2)
    locator = rest.rsplit(" — locator: ", 1)[1] if " — locator: " in rest else ""
    return SourceRef(m.group(1), locator.strip())


def _example(grp: Element) -> Example | None:
    zh = doc = location = en = ""
    for c in grp:
        n = _local(c.tag)
        if n == "descrip" and c.get("type") == "context":
            zh = _text(c)
        elif n == "admin" and c.get("type") == "source":
            doc, _, location = _text(c).partition(", ")
        elif n == "note":
            en = _text(c)
    return Example(doc.strip(), location.strip(), zh, en) if zh else None


def _read_rendering(info: _TermInfo, notes: list[str]) -> Rendering:
    status_note = info.term_notes.get("administrativeStatus") or info.term_notes.get("normativeAuthorization", "")
    r = Rendering(info.term, _ADMIN_STATUS.get(status_note.strip().lower(), Status.ACCEPTED))
    for note in info.notes:
        if (v := _prefixed(note, "Status:")) is not None and v.lower() in STATUSES:
            r.status = v.lower()
        elif (v := _prefixed(note, "Used by:")) is not None:
            r.used_by = v
        elif (v := _prefixed(note, "Ours:")) is not None:
            r.ours = v
        else:
            notes.append(f"{info.term}: {note}")
    r.sources = [_source_ref(s) for s in info.sources]
    return r


class _TbxEntry:
    """Collects one termEntry/conceptEntry into a GlossaryEntry."""

    def __init__(self, el: Element, lang_name: str, group_names: tuple[str, ...]):
        self.entry = GlossaryEntry(id=str(el.get("id", "")).strip(), term="", origin="user")
        self.notes: list[str] = []
        self.disputes: list[str] = []
        self._zh_forms: list[tuple[str, str]] = []  # (form, "term" | "traditional" | "variant")
        self._entry_level(el)
        for section in _kids(el, lang_name):
            lang = _language(section)
            for c in section:
                if _local(c.tag) == "note":
                    self._note(_text(c))
                elif _local(c.tag) == "descrip" and _text(c):
                    self.notes.append(f"{c.get('type', 'description')} ({lang}): {_text(c)}")
            for group in _kids(section, *group_names):
                info = _term_info(group)
                if not info.term:
                    continue
                if lang.startswith("zh"):
                    self._chinese(info, lang)
                elif lang.startswith("en"):
                    self.entry.renderings.append(_read_rendering(info, self.notes))
        self._finish()

    def _entry_level(self, el: Element) -> None:
        for c in el:
            n = _local(c.tag)
            if n == "descrip" and c.get("type") == "subjectField" and _text(c):
                self.entry.domains.append(_text(c))
            elif n == "descrip" and _text(c):
                self.notes.append(f"{c.get('type', 'description')}: {_text(c)}")
            elif n == "note":
                self._note(_text(c))
            elif n == "ref" and c.get("type") == "crossReference" and c.get("target"):
                self.entry.related.append(str(c.get("target")))

    def _note(self, text: str) -> None:
        if not text:
            return
        if (v := _prefixed(text, "Dispute:")) is not None:
            self.disputes.append(v)
        elif (v := _prefixed(text, "Notes:")) is not None:
            self.notes.append(v)
        elif _prefixed(text, "User note:") is None:  # annotations are not glossary data
            self.notes.append(text)

    def _chinese(self, info: _TermInfo, lang: str) -> None:
        marks = " ".join(info.notes).lower()
        if "traditional form" in marks or lang in _TRADITIONAL_LANGS:
            kind = "traditional"
        elif any(kind == "term" for _, kind in self._zh_forms):
            kind = "variant"
        elif info.term_notes.get("termType", "").lower() == "variant" or "variant form" in marks:
            kind = "variant"
        else:
            kind = "term"
        self._zh_forms.append((info.term, kind))
        e = self.entry
        for note in info.notes:
            if (v := _prefixed(note, "Pinyin:")) is not None:
                e.pinyin = e.pinyin or v
            elif (v := _prefixed(note, "Gloss:")) is not None:
                e.gloss = e.gloss or v
            elif (v := _prefixed(note, "Traditional:")) is not None:
                e.traditional = e.traditional or v
            elif note.lower() not in ("traditional form", "variant form"):
                self.notes.append(f"{info.term}: {note}")
        self.notes += [f"{info.term}: {d}" for d in info.descrips]
        e.examples += [x for x in (_example(g) for g in info.contexts) if x is not None]

    def _finish(self) -> None:
        e = self.entry
        forms = self._zh_forms
        main = [f for f, kind in forms if kind == "term"] or [f for f, kind in forms if kind == "variant"]
        e.term = main[0] if main else ""
        e.traditional = e.traditional or next((f for f, kind in forms if kind == "traditional"), "")
        e.variants = list(dict.fromkeys(f for f, _ in forms if f not in (e.term, e.traditional)))
        e.dispute = "\n\n".join(self.disputes)
        e.notes = "\n\n".join(dict.fromkeys(self.notes))


def read_tbx(data: bytes, name: str) -> list[GlossaryEntry]:
    root = parse_xml(data, name)
    kind = _local(root.tag)
    groups: tuple[str, ...]
    if kind == "martif":
        entry_name, lang_name, groups = "termEntry", "langSet", ("tig", "ntig")
    elif kind == "tbx":
        entry_name, lang_name, groups = "conceptEntry", "langSec", ("termSec",)
    else:
        raise ImportFailure(f"not a TBX file: the root element is <{kind}>, expected <martif> (TBX v2) or <tbx> "
                            "(TBX v3)", name)
    text = next(iter(_kids(root, "text")), None)
    body = next(iter(_kids(text, "body")), None) if text is not None else None
    if body is None:
        raise ImportFailure("the TBX file has no <text><body>; export the termbase again", name, f"<{kind}>")
    entries: list[GlossaryEntry] = []
    languages: set[str] = set()
    for el in _kids(body, entry_name):
        languages.update(_language(s) for s in _kids(el, lang_name))
        entry = _TbxEntry(el, lang_name, groups).entry
        if entry.term:
            entries.append(entry)
    if not entries and languages:
        raise ImportFailure(
            "no Chinese terms found: no language section has an xml:lang starting with 'zh' (languages in the "
            f"file: {', '.join(sorted(la for la in languages if la)) or 'none'}); import a Chinese termbase", name)
    return entries
