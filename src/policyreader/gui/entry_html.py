"""Rich-text (Qt HTML subset) views of glossary and dictionary entries for the popup and entry view."""

from __future__ import annotations

from html import escape
from typing import Any

from policyreader.core.dictionary import readable_definition
from policyreader.core.model import Status
from policyreader.core.pinyin import marks_to_numbers
from policyreader.gui.i18n import tr
from policyreader.gui.labels import domain_label, status_label

STATUS_COLOUR: dict[str, str] = {Status.PREFERRED: "#2e7d32", Status.ACCEPTED: "#1565c0", Status.CONTESTED: "#e67e00",
                 Status.AVOID: "#c62828"}


def origin_label(origin: str) -> str:
    """Where an entry comes from: the bundled glossary, the user's own, or a bundled one the user added to."""
    return {"bundled": tr("bundled"), "user": tr("user"), "extended": tr("extended")}.get(origin, origin)


def tone_coloured(pinyin: str, colours: dict[int, str] | None) -> str:
    """Pinyin as HTML; with *colours*, each syllable coloured by its tone."""
    if not colours:
        return escape(pinyin)
    out = []
    for word in pinyin.split():
        numbered = marks_to_numbers(word).split()
        # split the tone-marked word into syllables of the same count
        syllables = _split_like(word, len(numbered))
        parts = []
        for syl, num in zip(syllables, numbered, strict=False):
            tone = int(num[-1]) if num and num[-1].isdigit() else 5
            parts.append(f'<span style="color:{colours[tone]}">{escape(syl)}</span>')
        out.append("".join(parts) if len(syllables) == len(numbered) else escape(word))
    return " ".join(out)


def _split_like(word: str, n: int) -> list[str]:
    from policyreader.core.pinyin import _SYLLABLE

    parts = _SYLLABLE.findall(word.replace("'", ""))
    return parts if len(parts) == n else [word]


def _status(status: str) -> str:
    label = escape(status_label(status))
    return f'<span style="color:{STATUS_COLOUR.get(status, "#555")};font-weight:600">{label}</span>'


def glossary_popup_html(entry: dict[str, Any], colours: dict[int, str] | None = None,
                        show_traditional: bool = True, max_renderings: int = 6,
                        terms: dict[str, str] | None = None) -> str:
    """The popup for a glossary term: term, pinyin, renderings with status and sources, dispute, related."""
    term = escape(entry["term"])
    trad = entry.get("traditional") or ""
    head = f'<span style="font-size:16pt;font-weight:600">{term}</span>'
    if show_traditional and trad and trad != entry["term"]:
        head += f' <span style="font-size:13pt;color:#888">{escape(trad)}</span>'
    html = [f"<div>{head} &nbsp; <span style='font-size:12pt'>{tone_coloured(entry['pinyin'], colours)}</span></div>"]
    if entry.get("gloss"):
        html.append(f"<div style='color:#888'><i>{escape(entry['gloss'])}</i></div>")
    rows = []
    ours_label, dispute_label = escape(tr("(our rendering)")), escape(tr("Dispute."))
    related_label = escape(tr("Related:"))
    our_rendering = f" <i>{ours_label}</i>"
    for r in entry["renderings"][:max_renderings]:
        srcs = ", ".join(escape(s["id"]) for s in r.get("sources", []))
        ours = our_rendering if r.get("ours") else ""
        # the status never wraps: a narrow column would break 可接受 after 可接
        rows.append(f"<tr><td><b>{escape(r['text'])}</b>{ours}</td>"
                    f"<td style='white-space:nowrap'>&nbsp;{_status(r['status'])}</td>"
                    f"<td style='color:#888'>&nbsp;{srcs}</td></tr>")
    more = len(entry["renderings"]) - max_renderings
    html.append("<table cellspacing='0' cellpadding='1'>" + "".join(rows) + "</table>")
    if more > 0:
        more_renderings = escape(tr("+{n} more renderings").format(n=more))
        html.append(f"<div style='color:#888'>{more_renderings}</div>")
    if entry.get("dispute"):
        dispute = entry["dispute"]
        if len(dispute) > 420:
            dispute = dispute[:420].rsplit(" ", 1)[0] + " …"
        html.append(f"<p style='margin-top:4px'><b>{dispute_label}</b> {escape(dispute)}</p>")
    if entry.get("related"):
        names = terms or {}
        links = "、".join(f"<a href='entry:{escape(r)}'>{escape(names.get(r, r))}</a>" for r in entry["related"][:8])
        html.append(f"<div><b>{related_label}</b> {links}</div>")
    full = escape(tr("Full entry…"))
    html.append(f"<div style='margin-top:4px'><a href='entry:{escape(entry['id'])}'>{full}</a></div>")
    return "".join(html)


def note_html(note: str) -> str:
    """Your annotation's note at the top of the popup, as plain text (never markup from user input)."""
    text = escape(note.strip()).replace("\n", "<br>")
    label = escape(tr("Your note:"))
    return f"<div style='background:#fff4c2;color:#333;padding:4px;margin-bottom:6px'><b>{label}</b> {text}</div>"


def dictionary_popup_html(word: str, entries: list[dict[str, Any]], colours: dict[int, str] | None = None,
                          show_traditional: bool = True) -> str:
    """The popup for a non-glossary word: every CC-CEDICT reading of the longest word at the point."""
    parts = []
    for e in entries[:6]:
        head = f'<span style="font-size:16pt;font-weight:600">{escape(e["simplified"])}</span>'
        if show_traditional and e["traditional"] != e["simplified"]:
            head += f' <span style="font-size:13pt;color:#888">{escape(e["traditional"])}</span>'
        defs = "; ".join(escape(readable_definition(d)) for d in e["definitions"][:8])
        parts.append(f"<div>{head} &nbsp; <span style='font-size:12pt;white-space:nowrap'>"
                     f"{tone_coloured(e['pinyin'], colours)}</span></div><div style='margin-bottom:4px'>{defs}</div>")
    if not parts:
        parts.append("<div>" + escape(tr("{word}: not in CC-CEDICT").format(word=word)) + "</div>")
    parts.append("<div style='color:#888;font-size:8pt'>CC-CEDICT (CC BY-SA 4.0)</div>")
    return "".join(parts)


def evidence_html(ev: dict[str, Any], titles: dict[str, str] | None = None) -> str:
    """Corpus evidence as a table with horizontal bars (rendered by Qt's rich text, no chart library);
    documents are named by *titles* where known."""
    titles = titles or {}
    total = max(ev.get("total", 0), 1)
    rows = sorted(ev["renderings"].items(), key=lambda kv: -kv[1]) + [(tr("(none of the known renderings)"),
                                                                       ev["none"])]
    occurrences = tr("{n} aligned occurrence(s) of {term}.").format(n=ev["total"], term=ev["term"])
    heading, by_document = escape(tr("In the corpus")), escape(tr("By document:"))
    by_year_label = escape(tr("By year:"))
    h = [f"<h3>{heading}</h3><p>{escape(occurrences)}</p>"
         "<table cellspacing='0' cellpadding='2' width='100%'>"]
    for text, n in rows:
        pct = int(round(100 * n / total))
        bar = (f"<table cellspacing='0' cellpadding='0' width='{max(pct, 1)}%'><tr>"
               f"<td bgcolor='#4a90d9' height='10'></td></tr></table>") if n else ""
        h.append(f"<tr><td width='40%'>{escape(text)}</td><td width='8%' align='right'>{n}</td>"
                 f"<td width='52%'>{bar}</td></tr>")
    h.append("</table>")
    by_doc = ev.get("by_document", {})
    if by_doc:
        h.append(f"<p style='color:#888'>{by_document} " + "; ".join(
            f"{escape(titles.get(doc, doc))}: " + ", ".join(f"{escape(k)} {v}" for k, v in counts.items() if v)
            for doc, counts in sorted(by_doc.items())) + "</p>")
    by_year = ev.get("by_year", {})
    if by_year:
        h.append(f"<p style='color:#888'>{by_year_label} " + "; ".join(
            f"{y}: " + ", ".join(f"{escape(k)} {v}" for k, v in counts.items() if v)
            for y, counts in sorted(by_year.items(), key=lambda kv: str(kv[0]))) + "</p>")
    return "".join(h)


def entry_page_html(entry: dict[str, Any], sources: dict[str, Any], colours: dict[int, str] | None = None,
                    terms: dict[str, str] | None = None, evidence: dict[str, Any] | None = None,
                    titles: dict[str, str] | None = None) -> str:
    """The full entry view: everything the entry holds, typeset for reading."""
    h = [f"<h2>{escape(entry['term'])} <span style='color:#888;font-weight:normal'>{escape(entry['traditional'])}"
         f"</span></h2><p style='font-size:13pt'>{tone_coloured(entry['pinyin'], colours)}</p>"]
    if entry.get("gloss"):
        literally = escape(tr("Literally:"))
        h.append(f"<p><i>{literally}</i> {escape(entry['gloss'])}</p>")
    domains = tr(", ").join(domain_label(d) for d in entry.get("domains", []))
    origin = origin_label(entry.get("origin", "bundled"))
    domains_label, renderings = escape(tr("Domains:")), escape(tr("Renderings"))
    h.append(f"<p style='color:#888'>{domains_label} {escape(domains)}"
             f" · id <code>{escape(entry['id'])}</code> · {escape(origin)}</p>")
    # one block per rendering rather than a four-column table: it reads the same in a narrow dock
    h.append(f"<h3>{renderings}</h3>")
    used_by, our_rendering, sources_label = tr("Used by: {who}"), tr("Our rendering: {why}"), tr("Sources:")
    for r in entry["renderings"]:
        cites = []
        for s in r.get("sources", []):
            src = sources.get(s["id"])
            label = escape(s["id"]) + (f", {escape(s['locator'])}" if s.get("locator") else "")
            url = s.get("url") or (src.url if src is not None else "")
            cites.append(f"<a href='{escape(url)}'>{label}</a>" if url else label)
        h.append(f"<p style='margin-bottom:0'><b>{escape(r['text'])}</b> — {_status(r['status'])}</p>")
        if r.get("used_by"):
            h.append(f"<p style='margin:0 0 0 14px;color:#666'>{escape(used_by.format(who=r['used_by']))}</p>")
        if r.get("ours"):
            h.append(f"<p style='margin:0 0 0 14px'><i>{escape(our_rendering.format(why=r['ours']))}</i></p>")
        if cites:
            h.append(f"<p style='margin:0 0 0 14px'>{escape(sources_label)} {'; '.join(cites)}</p>")
    if entry.get("dispute"):
        h.append("<h3>" + escape(tr("How the translation is disputed")) + f"</h3><p>{escape(entry['dispute'])}</p>")
    if entry.get("notes"):
        h.append("<h3>" + escape(tr("Notes")) + f"</h3><p>{escape(entry['notes'])}</p>")
    if entry.get("examples"):
        h.append("<h3>" + escape(tr("Examples from the corpus")) + "</h3>")
        for x in entry["examples"]:
            where = (titles or {}).get(x["doc"], x["doc"])  # the document's title, not its id
            h.append(f"<p>{escape(x['zh'])}<br><span style='color:#555'>{escape(x['en'])}</span><br>"
                     f"<a href='doc:{escape(x['doc'])}'>{escape(where)}</a>, {escape(x['location'])}</p>")
    eid = escape(entry["id"])
    concordance, cite = escape(tr("Concordance…")), escape(tr("Copy citation"))
    actions = [f"<a href='concordance:{eid}'>{concordance}</a>", f"<a href='cite:{eid}'>{cite}</a>"]
    if entry.get("origin") == "user":
        edit, delete = escape(tr("Edit my entry…")), escape(tr("Delete my entry"))
        actions += [f"<a href='edit:{eid}'>{edit}</a>", f"<a href='delete:{eid}'>{delete}</a>"]
    elif entry.get("origin") == "extended":
        remove = escape(tr("Remove my additions"))
        actions.append(f"<a href='delete:{eid}'>{remove}</a>")
    h.append("<p>" + " · ".join(actions) + "</p>")
    if evidence:
        h.append(evidence_html(evidence, titles))
    if entry.get("related"):
        names = terms or {}
        h.append("<h3>" + escape(tr("Related terms")) + "</h3><p>" + "、".join(
            f"<a href='entry:{escape(r)}'>{escape(names.get(r, r))}</a>" for r in entry["related"]) + "</p>")
    cited = {s["id"] for r in entry["renderings"] for s in r.get("sources", [])}
    if cited:
        h.append("<h3>" + escape(tr("Bibliography")) + "</h3><ul>")
        for sid in sorted(cited):
            src = sources.get(sid)
            if src is None:
                continue
            year = f" ({src.year})" if src.year else ""
            link = f" <a href='{escape(src.url)}'>{escape(src.url)}</a>" if src.url else ""
            h.append(f"<li><b>{escape(sid)}</b>: {escape(src.author)}{year}, <i>{escape(src.title)}</i>"
                     f"{', ' + escape(src.publisher) if src.publisher else ''}.{link}"
                     f"{' — ' + escape(src.note) if src.note else ''}</li>")
        h.append("</ul>")
    return "".join(h)
