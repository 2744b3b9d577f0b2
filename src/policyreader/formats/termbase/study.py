"""The study glossary, in Markdown and in self-contained HTML (which the PDF exporter typesets).

Per entry: the term, its traditional form, pinyin and literal gloss; a table of renderings (status,
who uses it, sources); the dispute and our notes; the corpus examples (Chinese, our English, the
document); the user's notes from annotations (the quoted text, the note, the rendering chosen and
why). A bibliography of the sources the exported entries cite closes the document.

The HTML needs nothing outside the file: the CSS is inline, there are no scripts, images or fonts to
fetch, every piece of text is escaped, and Chinese text carries ``lang`` attributes (``zh-Hans`` /
``zh-Hant``) so browsers and screen readers pick CJK fonts and voices. Annotation notes are Markdown;
the HTML shows them as text with their line breaks kept (no Markdown is rendered, so nothing a note
contains can become markup); the Markdown export includes them as written.
"""

from __future__ import annotations

import re
from html import escape

from policyreader.core.glossary import BibSource, Rendering
from policyreader.core.model import Annotation, Status

from ..markdown import md_escape, md_note
from .model import AnnotatedEntry, AnnotatedGlossary, citation, cited_source_ids, one_line

STATUS_LABEL: dict[str, str] = {s: s.value for s in Status}
_STATUS_COLOUR: dict[str, str] = {Status.PREFERRED: "#1b7a3a", Status.ACCEPTED: "#35608f", Status.CONTESTED: "#a05a00",
                  Status.AVOID: "#b0282d"}

BROWSER_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif'
_CSS = """
body { max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }
h1 { border-bottom: 2px solid #444; }
h2 { margin-top: 2em; border-bottom: 1px solid #bbb; }
.trad { color: #666; font-weight: normal; }
.pinyin { font-size: 1.15em; color: #333; }
.meta { color: #777; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
.status { font-weight: bold; }
.example { margin: 0.5em 0 0.5em 1em; }
.example .en { color: #555; }
.note { white-space: pre-wrap; }
blockquote { margin: 0.5em 0 0.5em 1em; padding-left: 0.8em; border-left: 3px solid #ccc; color: #444; }
"""


def _side_lang(side: str) -> str:
    return "zh-Hans" if side == "zh" else "en"


def _status_html(status: str) -> str:
    colour = _STATUS_COLOUR.get(status, "#444")
    return f'<span class="status" style="color:{colour}">{escape(STATUS_LABEL.get(status, status))}</span>'


def _text_html(text: str) -> str:
    """Escaped text with its paragraph breaks kept (single line breaks are source wrapping)."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{escape(one_line(p))}</p>" for p in paras)


def _sources_html(r: Rendering, sources: dict[str, BibSource]) -> str:
    cites = []
    for ref in r.sources:
        label = escape(ref.id) + (f", {escape(ref.locator)}" if ref.locator else "")
        cites.append(f'<a href="#src-{escape(ref.id)}">{label}</a>' if ref.id in sources else label)
    if r.ours:
        cites.append(f"<i>ours:</i> {escape(r.ours)}")
    return "<br>".join(cites)


def _annotation_html(a: Annotation) -> str:
    h = ['<div class="annotation">']
    if a.exact:
        where = f' <span class="meta">({escape(a.doc)}, {escape(a.side)})</span>' if a.doc else ""
        h.append(f'<blockquote><span lang="{_side_lang(a.side)}">{escape(a.exact)}</span>{where}</blockquote>')
    if a.note.strip():
        h.append(f'<p class="note">{escape(a.note.strip())}</p>')
    if a.rendering:
        h.append(f"<p>Rendering chosen: <b>{escape(a.rendering)}</b></p>")
    if a.rationale:
        h.append(f"<p>Why: {escape(a.rationale)}</p>")
    if a.tags:
        h.append(f'<p class="meta">Tags: {escape(", ".join(a.tags))}</p>')
    h.append("</div>")
    return "".join(h)


def _entry_html(ae: AnnotatedEntry, sources: dict[str, BibSource]) -> str:
    e = ae.entry
    trad = (f' <span class="trad" lang="zh-Hant">{escape(e.traditional)}</span>'
            if e.traditional and e.traditional != e.term else "")
    h = [f'<section id="entry-{escape(e.id)}">',
         f'<h2><span lang="zh-Hans">{escape(e.term)}</span>{trad}</h2>']
    if e.pinyin:
        h.append(f'<p class="pinyin" lang="zh-Latn-pinyin">{escape(e.pinyin)}</p>')
    if e.gloss:
        h.append(f"<p><i>Literally:</i> {escape(e.gloss)}</p>")
    if e.variants:
        forms = "、".join(f'<span lang="zh-Hans">{escape(v)}</span>' for v in e.variants)
        h.append(f"<p>Also written: {forms}</p>")
    meta = [f"id <code>{escape(e.id)}</code>"]
    if e.domains:
        meta.insert(0, "Domains: " + escape(", ".join(e.domains)))
    if e.origin == "user":
        meta.append("your entry")
    h.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if e.renderings:
        h.append('<table border="1" cellspacing="0" cellpadding="4" width="100%">'
                 "<tr><th>Rendering</th><th>Status</th><th>Used by</th><th>Sources</th></tr>")
        for r in e.renderings:
            h.append(f"<tr><td><b>{escape(r.text)}</b></td><td>{_status_html(r.status)}</td>"
                     f"<td>{escape(r.used_by)}</td><td>{_sources_html(r, sources)}</td></tr>")
        h.append("</table>")
    if e.dispute:
        h.append("<h3>How the translation is disputed</h3>" + _text_html(e.dispute))
    if e.notes:
        h.append("<h3>Notes</h3>" + _text_html(e.notes))
    if e.examples:
        h.append("<h3>Examples</h3>")
        for x in e.examples:
            where = ", ".join(escape(p) for p in (x.doc, x.location) if p)
            h.append(f'<div class="example"><p><span lang="zh-Hans">{escape(x.zh)}</span><br>'
                     f'<span class="en">{escape(x.en)}</span><br><span class="meta">{where}</span></p></div>')
    if ae.annotations:
        h.append("<h3>Your notes</h3>" + "".join(_annotation_html(a) for a in ae.annotations))
    h.append("</section>")
    return "".join(h)


def _bibliography_html(glossary: AnnotatedGlossary) -> str:
    items = []
    for sid in cited_source_ids(glossary.entries):
        src = glossary.sources.get(sid)
        if src is None:
            continue
        year = f" ({src.year})" if src.year else ""
        pub = f", {escape(src.publisher)}" if src.publisher else ""
        link = f' <a href="{escape(src.url)}">{escape(src.url)}</a>' if src.url else ""
        note = f" — {escape(src.note)}" if src.note else ""
        items.append(f'<li id="src-{escape(sid)}"><b>{escape(sid)}</b>: {escape(src.author)}{year}, '
                     f"<i>{escape(src.title)}</i>{pub}.{link}{note}</li>")
    if not items:
        return ""
    return "<h2>Bibliography</h2><ul>" + "".join(items) + "</ul>"


def html_document(glossary: AnnotatedGlossary, font_family: str = BROWSER_FONTS) -> str:
    """The whole study glossary as one self-contained HTML page.

    *font_family* is the CSS font stack of the body; ``""`` leaves it out (the PDF exporter sets its
    fonts on the document instead).
    """
    n = len(glossary.entries)
    css = (f"body {{ font-family: {font_family}; }}" if font_family else "") + _CSS
    body = "".join(_entry_html(ae, glossary.sources) for ae in glossary.entries)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(glossary.title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
            f"<h1>{escape(glossary.title)}</h1>\n<p class=\"meta\">{n} {'entry' if n == 1 else 'entries'}</p>\n"
            f"{body}\n{_bibliography_html(glossary)}\n</body>\n</html>\n")


def render_html(glossary: AnnotatedGlossary) -> bytes:
    return html_document(glossary).encode("utf-8")


# --- Markdown -------------------------------------------------------------------------------------

def _md_paragraphs(text: str) -> str:
    paras = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "\n\n".join(md_escape(p) for p in paras)


def _md_annotation(a: Annotation) -> list[str]:
    head = f"- “{md_escape(a.exact)}”" if a.exact else "- (no quote)"
    if a.doc:
        head += f" — {md_escape(a.doc)} ({md_escape(a.side)})"
    out = [head]
    if a.note.strip():
        out.append("")
        # The note is the user's own Markdown: kept as written (HTML and code-running links made inert),
        # indented into the list item.
        out += [("  " + line) if line.strip() else "" for line in md_note(a.note.strip()).splitlines()]
    extra = []
    if a.rendering:
        extra.append(f"Rendering chosen: **{md_escape(a.rendering)}**")
    if a.rationale:
        extra.append(f"Why: {md_escape(a.rationale)}")
    if a.tags:
        extra.append(f"Tags: {md_escape(', '.join(a.tags))}")
    for line in extra:
        out += ["", "  " + line]
    return out


def _md_entry(ae: AnnotatedEntry) -> list[str]:
    e = ae.entry
    trad = f" ({md_escape(e.traditional)})" if e.traditional and e.traditional != e.term else ""
    out = [f"## {md_escape(e.term)}{trad}", ""]
    facts = []
    if e.pinyin:
        facts.append(f"**Pinyin:** {md_escape(e.pinyin)}")
    if e.gloss:
        facts.append(f"**Literally:** {md_escape(e.gloss)}")
    if e.variants:
        facts.append(f"**Also written:** {md_escape('、'.join(e.variants))}")
    if e.domains:
        facts.append(f"**Domains:** {md_escape(', '.join(e.domains))}")
    facts.append(f"**Id:** `{e.id}`")
    out += [f + "  " for f in facts[:-1]] + [facts[-1], ""]
    if e.renderings:
        out += ["| Rendering | Status | Used by | Sources |", "|---|---|---|---|"]
        for r in e.renderings:
            cites = [md_escape(s.id + (f", {s.locator}" if s.locator else "")) for s in r.sources]
            if r.ours:
                cites.append("*ours:* " + md_escape(r.ours))
            out.append(f"| **{md_escape(r.text)}** | {md_escape(r.status)} | {md_escape(r.used_by)} | "
                       f"{'; '.join(cites)} |")
        out.append("")
    if e.dispute:
        out += ["### How the translation is disputed", "", _md_paragraphs(e.dispute), ""]
    if e.notes:
        out += ["### Notes", "", _md_paragraphs(e.notes), ""]
    if e.examples:
        out += ["### Examples", ""]
        for x in e.examples:
            where = ", ".join(md_escape(p) for p in (x.doc, x.location) if p)
            out += [f"- {md_escape(x.zh)}  ", f"  {md_escape(x.en)}  ", f"  *{where}*" if where else "", ""]
    if ae.annotations:
        out += ["### Your notes", ""]
        for a in ae.annotations:
            out += _md_annotation(a) + [""]
    return out


def render_markdown(glossary: AnnotatedGlossary) -> bytes:
    n = len(glossary.entries)
    out = [f"# {md_escape(glossary.title)}", "", f"{n} {'entry' if n == 1 else 'entries'}", ""]
    for ae in glossary.entries:
        out += _md_entry(ae)
    ids = [sid for sid in cited_source_ids(glossary.entries) if sid in glossary.sources]
    if ids:
        out += ["## Bibliography", ""]
        for sid in ids:
            src = glossary.sources[sid]
            note = f" — {md_escape(src.note)}" if src.note else ""
            out.append(f"- **{md_escape(sid)}**: {md_escape(citation(src))}{note}")
        out.append("")
    text = "\n".join(out)
    return (re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n").encode("utf-8")
