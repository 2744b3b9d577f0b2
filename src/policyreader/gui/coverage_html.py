"""The reverse popup (Qt rich text): for a rendering in an English document, the Chinese terms it renders,
its status for each, the entry's dispute note, and where each term occurs in the bundled regulations — the
article and the aligned sentence pair, each a link that opens the regulation there."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from policyreader.core.coverage import Reading
from policyreader.core.glossary import GlossaryEntry
from policyreader.gui.entry_html import STATUS_COLOUR, tone_coloured
from policyreader.gui.i18n import tr
from policyreader.gui.labels import status_label
from policyreader.services.coverage import RegulationUse, TermInRegulations

MAX_DISPUTE = 240
MAX_ZH = 70   # characters of Chinese shown around the term
MAX_EN = 170
EXAMPLES = 2  # occurrences shown per term; the rest are one click away in the concordance
WIDTH = 440   # a table of this width keeps the label from wrapping into a narrow column


def _status(status: str) -> str:
    label = escape(status_label(status))
    return f"<span style='color:{STATUS_COLOUR.get(status, '#555')};font-weight:600'>{label}</span>"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _marked(sentence: str, forms: Sequence[str]) -> str:
    """The sentence as HTML with the first written form of the term in bold, cut around it if long."""
    found = [(sentence.find(f), f) for f in forms if f and f in sentence]
    if not found:
        return escape(sentence if len(sentence) <= MAX_ZH else sentence[:MAX_ZH] + "…")
    at, form = min(found)
    lo = max(0, min(at - MAX_ZH // 3, len(sentence) - MAX_ZH))
    hi = min(len(sentence), lo + MAX_ZH)
    before, after = sentence[lo:at], sentence[at + len(form):hi]
    return (("…" if lo else "") + escape(before) + f"<b>{escape(form)}</b>" + escape(after)
            + ("…" if hi < len(sentence) else ""))


def _example(x: RegulationUse, forms: Sequence[str]) -> str:
    where = f"{escape(x.title)} · {escape(x.where)} · {escape(x.where_en)}"
    untranslated = escape(tr("(not yet translated)"))
    en = f"<br><span style='color:#555'>{escape(_clip(x.en, MAX_EN))}</span>" if x.en else \
        f"<br><span style='color:#888'>{untranslated}</span>"
    return (f"<div style='margin-top:3px'><a href='occ:{escape(x.doc)}:{x.segment}:{x.start}:{x.end}'>{where}</a>"
            f"<br>{_marked(x.zh, forms)}{en}</div>")


def _in_regulations(entry: GlossaryEntry, found: TermInRegulations | None) -> str:
    if found is None:
        return "<div style='color:#888'>" + escape(tr("Looking the term up in the regulations…")) + "</div>"
    if not found.occurrences:
        return "<div><b>" + escape(tr("No regulation in the library uses {term}.").format(term=entry.term)) \
            + "</b></div>"
    n, d = found.occurrences, found.documents
    label = escape(tr("In the regulations:"))
    if n == 1:
        counted = tr("{term} occurs once in 1 regulation.").format(term=entry.term)
    elif d == 1:
        counted = tr("{term} occurs {n} times in 1 regulation.").format(term=entry.term, n=n)
    else:
        counted = tr("{term} occurs {n} times in {d} regulations.").format(term=entry.term, n=n, d=d)
    head = f"<div><b>{label}</b> {escape(counted)}</div>"
    all_n = escape(tr("All {n} in the concordance…").format(n=n))
    more = (f"<div><a href='concordance:{escape(entry.id)}'>{all_n}</a></div>"
            if n > min(len(found.examples), EXAMPLES) else "")
    return head + "".join(_example(x, entry.forms()) for x in found.examples[:EXAMPLES]) + more


def rendering_popup_html(written: str, readings: Sequence[Reading], entries: Mapping[str, GlossaryEntry],
                         regulations: Mapping[str, TermInRegulations], colours: dict[int, str] | None = None,
                         show_traditional: bool = True) -> str:
    """The popup for *written*, a stretch of an English document that renders the entries of *readings*
    (the one it is linked to first). *regulations* holds what is known so far of where each term occurs."""
    html = [f"<div style='font-size:13pt'>“{escape(written)}”</div>"]
    if readings and not any(r.accepted for r in readings):
        html.append("<div style='color:#c62828'><b>" + escape(tr("No glossary entry accepts this rendering for any "
                                                                  "term.")) + "</b></div>")
    if len(readings) > 1:
        html.append("<div style='color:#888'>" + escape(tr("It renders {n} glossary terms.").format(n=len(readings)))
                    + "</div>")
    this_rendering, dispute_label = escape(tr("This rendering:")), escape(tr("Dispute."))
    full = escape(tr("Full entry…"))
    for r in readings:
        entry = entries.get(r.entry)
        if entry is None:
            continue
        trad = (f" <span style='font-size:12pt;color:#888'>{escape(entry.traditional)}</span>"
                if show_traditional and entry.traditional and entry.traditional != entry.term else "")
        preferred = entry.preferred()
        html.append(
            "<hr>"
            f"<div><span style='font-size:15pt;font-weight:600'>{escape(entry.term)}</span>{trad} &nbsp; "
            f"<span style='font-size:11pt'>{tone_coloured(entry.pinyin, colours)}</span></div>"
            f"<div>{this_rendering} {_status(r.status)}"
            + (" · " + escape(tr("preferred: “{text}”").format(text=preferred.text))
               if preferred and preferred.text != r.rendering else "")
            + "</div>")
        if entry.dispute:
            dispute = escape(_clip(entry.dispute, MAX_DISPUTE))
            html.append(f"<p style='margin-top:3px'><b>{dispute_label}</b> {dispute}</p>")
        html.append(_in_regulations(entry, regulations.get(r.entry)))
        html.append(f"<div style='margin-top:3px'><a href='entry:{escape(entry.id)}'>{full}</a></div>")
    return f"<table width='{WIDTH}' cellspacing='0' cellpadding='0'><tr><td>{''.join(html)}</td></tr></table>"
