"""TBX for OmegaT: TBX-Basic v2 (``martif``) shaped by how OmegaT's own glossary reader uses a file.

OmegaT (``GlossaryReaderTBX``) pairs every source-language term of an entry with every target-language
term and offers each pair as a translation. It does not understand ``administrativeStatus``: a
``deprecatedTerm-admn-sts`` rendering is still offered, with the raw code in the comment. It builds one
comment for all pairs of an entry from the entry's notes and descriptions, then those of the language
sections and terms, then the target terms' ``termNote`` values.

So this profile writes, per glossary entry:

* the Chinese term, its traditional form and variants as source terms (OmegaT matches the form the text
  uses); the English renderings that may be used (preferred, accepted, contested) as target terms, in
  that order, with no ``termNote`` (so no raw status codes);
* renderings to *avoid* never as target terms: they are named in a note that says so;
* the comment as entry-level notes, in this order: the dispute note, the renderings with their status in
  words, the renderings to avoid, the sources (short citations, per rendering), and the user's own notes.
  No examples, subject fields or pinyin: OmegaT would show them all in one block.

TBX-Basic (:mod:`.tbx`) keeps everything, with ``deprecatedTerm-admn-sts`` for tools that understand it
(memoQ, Trados, translate-toolkit); use it, or JSON, to move the glossary between PolicyReader installs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from policyreader.core.glossary import BibSource, Rendering
from policyreader.core.model import Status
from policyreader.formats.termbase.model import AnnotatedEntry, AnnotatedGlossary, by_status, one_line
from policyreader.formats.termbase.tbx import XML_LANG, _note, _serialise, _sub, _user_note

OFFERED = (Status.PREFERRED, Status.ACCEPTED, Status.CONTESTED)
AVOID_NOTE = "Avoid (not offered as a translation): "


def offered(ae: AnnotatedEntry) -> list[Rendering]:
    """The renderings this profile offers as translations, preferred first."""
    return [r for status in OFFERED for r in by_status(ae.entry, status)]


def short_citation(source: BibSource | None, source_id: str) -> str:
    """``Publisher (Year)`` — or the author, or the id — for a one-line comment."""
    if source is None:
        return source_id
    who = source.publisher or source.author or source_id
    return f"{who} ({source.year})" if source.year else who


def comment_lines(ae: AnnotatedEntry, glossary: AnnotatedGlossary) -> list[str]:
    """The entry's comment for OmegaT, one note per line (see the module docstring)."""
    e = ae.entry
    lines = [f"Dispute: {one_line(e.dispute)}"] if e.dispute.strip() else []
    use = offered(ae)
    if use:
        lines.append("Renderings: " + "; ".join(f"{one_line(r.text)} ({r.status})" for r in use))
    avoid = by_status(e, Status.AVOID)
    if avoid:
        lines.append(AVOID_NOTE + "; ".join(one_line(r.text) for r in avoid))
    cited = []
    for r in use:
        names = list(dict.fromkeys(short_citation(glossary.sources.get(s.id), s.id) for s in r.sources))
        if names:
            cited.append(f"{one_line(r.text)}: {', '.join(names)}")
        elif r.ours:
            cited.append(f"{one_line(r.text)}: our rendering")
    if cited:
        lines.append("Sources: " + " | ".join(cited))
    lines += [one_line(n) for n in _user_note(ae)]
    return lines


def render_tbx_omegat(glossary: AnnotatedGlossary) -> bytes:
    """TBX-Basic v2 for OmegaT, UTF-8 (see the module docstring)."""
    root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = _sub(root, "martifHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", glossary.title)
    _sub(_sub(file_desc, "sourceDesc"), "p", (
        f"Exported from PolicyReader for OmegaT: {len(glossary.entries)} entries. Renderings to avoid are named "
        "in each entry's note and never offered as translations."))
    _sub(_sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _sub(_sub(root, "text"), "body")
    for ae in glossary.entries:
        e = ae.entry
        entry = _sub(body, "termEntry", id=e.id)
        for line in comment_lines(ae, glossary):
            _note(entry, line)
        zh = _sub(entry, "langSet", **{XML_LANG: "zh"})
        for i, form in enumerate(e.forms()):
            tig = _sub(zh, "tig")
            _sub(tig, "term", form)
            if i:
                _sub(tig, "termNote", "variant", type="termType")
        use = offered(ae)
        if use:
            en = _sub(entry, "langSet", **{XML_LANG: "en"})
            for r in use:
                _sub(_sub(en, "tig"), "term", r.text)
    return _serialise(root)
