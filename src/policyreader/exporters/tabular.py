"""Tables of terms: the OmegaT glossary (TSV) and a one-row-per-entry CSV for memoQ and spreadsheets.

TSV (OmegaT): UTF-8 without a header, exactly three tab-separated fields per line,
``source<TAB>target<TAB>comment``. One line per (term, rendering) for the preferred, accepted and
contested renderings, in that order; "avoid" renderings are never offered as a target, only named in
the comment. The comment reads ``pinyin — status — gloss`` followed by `` — avoid: a / b`` when the
entry has renderings to avoid. Tabs and line breaks inside fields are folded into spaces.

CSV: see :func:`render_csv`.
"""

from __future__ import annotations

import csv
import io

from policyreader.core.model import Status

from .model import AnnotatedGlossary, annotation_notes, by_status, one_line

TSV_STATUSES = (Status.PREFERRED, Status.ACCEPTED, Status.CONTESTED)
CSV_COLUMNS = ("id", "zh", "zh-Hant", "pinyin", "en_preferred", "en_accepted", "en_contested", "en_avoid",
               "domains", "dispute", "user_notes", "sources")


def render_tsv(glossary: AnnotatedGlossary) -> bytes:
    """The OmegaT glossary: ``term<TAB>rendering<TAB>comment`` lines, UTF-8."""
    lines: list[str] = []
    for ae in glossary.entries:
        e = ae.entry
        avoid = [one_line(r.text) for r in by_status(e, Status.AVOID)]
        for status in TSV_STATUSES:
            for r in by_status(e, status):
                parts = [one_line(e.pinyin), status, one_line(e.gloss)]
                if avoid:
                    parts.append("avoid: " + " / ".join(avoid))
                comment = " — ".join(p for p in parts if p)
                lines.append("\t".join((one_line(e.term), one_line(r.text), comment)))
    return "".join(line + "\n" for line in lines).encode("utf-8")


def escape_item(text: str) -> str:
    r"""One item of a semicolon-separated cell: ``\`` and ``;`` inside it are escaped with ``\``."""
    return text.replace("\\", "\\\\").replace(";", "\\;")


def join_items(items: list[str]) -> str:
    return "; ".join(escape_item(i) for i in items)


def render_csv(glossary: AnnotatedGlossary) -> bytes:
    r"""One row per entry, for memoQ and spreadsheets: UTF-8 *with* a byte-order mark, so Excel opens it as UTF-8.

    Columns: ``id, zh, zh-Hant, pinyin, en_preferred, en_accepted, en_contested, en_avoid, domains,
    dispute, user_notes, sources``. ``en_preferred`` holds the one preferred rendering as it is; the
    other rendering columns, ``domains`` and ``sources`` (the cited source ids) are lists separated by
    ``"; "``, with a ``;`` or ``\`` inside an item escaped by ``\`` (some renderings contain ``;``).
    ``dispute`` keeps its line breaks and ``user_notes`` holds one annotation note per line; the csv
    module quotes such cells.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for ae in glossary.entries:
        e = ae.entry
        preferred = by_status(e, Status.PREFERRED)
        sources = sorted({s.id for r in e.renderings for s in r.sources if s.id})
        writer.writerow([
            e.id, e.term, e.traditional, e.pinyin,
            preferred[0].text if preferred else "",
            join_items([r.text for r in by_status(e, Status.ACCEPTED)]),
            join_items([r.text for r in by_status(e, Status.CONTESTED)]),
            join_items([r.text for r in by_status(e, Status.AVOID)]),
            join_items(e.domains), e.dispute, "\n".join(annotation_notes(ae)), join_items(sources),
        ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
