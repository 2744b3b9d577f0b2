"""The glossary's bibliography for reference managers (BibTeX, CSL JSON — Zotero imports both), and the
citation of one glossary entry that the window copies.

Names in the bibliography are kept whole, as written (organisations, translators with their role,
official document numbers): BibTeX gets them in braces and CSL JSON as ``literal`` names, so no tool
splits "China Law Translate (Jeremy Daum, ed.)" into a first and a last name. Official texts bundled
in the corpus (ids ``doc-…``) are ``legislation`` in CSL; everything else was seen as a web page (``webpage``).
BibTeX has no such types: every source is ``@misc``, with ``url`` and ``note``. A missing year stays
missing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from policyreader.core.glossary import BibSource, GlossaryEntry

STYLE = "APA 7th edition, entry in a reference work"
PROJECT = "PolicyReader project"
WORK = "PolicyReader glossary of Chinese social-credit terminology"
LICENCE = "CC BY 4.0"


@dataclass(frozen=True)
class Bibliography:
    """The sources to write, in order."""

    sources: list[BibSource]


def csl_type(source: BibSource) -> str:
    return "legislation" if source.id.startswith("doc-") else "webpage" if source.url else "document"


# --- BibTeX --------------------------------------------------------------------------------------

_KEY_BAD = re.compile(r"[^A-Za-z0-9_:./-]")


def _escape_field(text: str) -> str:
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\textbackslash{}")
        elif ch in "&%$#_{}":
            out.append("\\" + ch)
        elif ch == "~":
            out.append("\\textasciitilde{}")
        elif ch == "^":
            out.append("\\textasciicircum{}")
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def _url_field(url: str) -> str:
    """A URL as BibTeX's ``url`` field takes it: verbatim, with braces and backslashes percent-encoded."""
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def bibtex_key(source_id: str) -> str:
    return _KEY_BAD.sub("-", source_id)


def bibtex_entry(s: BibSource) -> str:
    fields: list[tuple[str, str]] = []
    if s.author:
        fields.append(("author", "{" + _escape_field(s.author) + "}"))  # one name, never split
    if s.title:
        fields.append(("title", "{" + _escape_field(s.title) + "}"))  # case kept as written
    if s.publisher:
        fields.append(("publisher", _escape_field(s.publisher)))
    if s.year:
        fields.append(("year", str(s.year)))
    if s.url:
        fields.append(("url", _url_field(s.url)))
    if s.note:
        fields.append(("note", _escape_field(s.note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(s.id)},\n{body}\n}}\n"


def render_bibtex(bib: Bibliography) -> bytes:
    head = (f"% Bibliography of the {WORK} ({len(bib.sources)} sources), exported by PolicyReader.\n"
            "% Names are kept whole, in braces.\n\n")
    return (head + "\n".join(bibtex_entry(s) for s in bib.sources)).encode("utf-8")


# --- CSL JSON ------------------------------------------------------------------------------------


def csl_item(s: BibSource) -> dict[str, Any]:
    item: dict[str, Any] = {"id": s.id, "type": csl_type(s)}
    if s.title:
        item["title"] = s.title
    if s.author:
        item["author"] = [{"literal": s.author}]
    if s.publisher:
        item["publisher"] = s.publisher
    if s.year:
        item["issued"] = {"date-parts": [[s.year]]}
    if s.url:
        item["URL"] = s.url
    if s.note:
        item["note"] = s.note
    return item


def render_csl_json(bib: Bibliography) -> bytes:
    return (json.dumps([csl_item(s) for s in bib.sources], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- one entry -----------------------------------------------------------------------------------


def entry_citation(entry: GlossaryEntry, version: str) -> str:
    """How to cite one glossary entry (:data:`STYLE`): the project as author, no date, the entry as title
    with its id, the glossary with its version. A user's own entry says that it is theirs."""
    title = entry.term + (f" ({entry.pinyin})" if entry.pinyin else "")
    if entry.origin == "user":
        return (f"{title} [Personal glossary entry “{entry.id}”, not part of the published {WORK}, "
                f"version {version}].")
    extended = " with the user's additions" if entry.origin == "extended" else ""
    return (f"{PROJECT}. (n.d.). {title} [Glossary entry “{entry.id}”{extended}]. In {WORK} (Version {version}). "
            f"{LICENCE}.")
