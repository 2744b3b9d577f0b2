"""The glossary as an Excel termbase (.xlsx): one row per rendering, for the Excel imports of memoQ and
Trados (Glossary Converter / MultiTerm), which map each column to a language or a field.

Columns: ``Entry_ID`` (rows of one entry share it, so a tool groups them into one concept), ``Chinese``
and ``English`` (the terms, one column per language), ``Traditional``, ``Pinyin``, ``Status`` (preferred,
accepted, contested, avoid), ``Forbidden`` (``Yes`` for an avoid rendering: the flag CAT tools use to
warn when it is typed), ``Definition`` (the literal gloss), ``Note`` (who uses the rendering, and why we
propose it when it is ours), ``Dispute``, ``Source`` (one cited source a line, ``id: citation — locator:
…``) and ``Domain``. An entry without renderings still gets a row, with the English empty.

Reading: a workbook in this layout comes back entry by entry (statuses, sources, gloss, dispute and
domains included); any other workbook is read like a CSV termbase, from a header that names the Chinese
and English columns (``zh``/``en``, ``Chinese``/``English``, ``Source``/``Target``…), one row per pair.
"""

from __future__ import annotations

from pathlib import Path

from policyreader.core.glossary import STATUSES, GlossaryEntry, Rendering
from policyreader.core.model import Status
from policyreader.formats.base import ImportFailure
from policyreader.formats.termbase.common import TermRow, entries_from_rows
from policyreader.formats.termbase.model import AnnotatedGlossary, citation
from policyreader.formats.termbase.tabular import _COMMENT_HEADER, _EN_HEADER, _ZH_HEADER, join_items, split_items
from policyreader.formats.termbase.tbx import _source_ref
from policyreader.formats.workbook import read_rows, write_sheets

COLUMNS = ("Entry_ID", "Chinese", "Traditional", "Pinyin", "English", "Status", "Forbidden", "Definition",
           "Note", "Dispute", "Source", "Domain")
WIDTHS = {"Entry_ID": 24, "Chinese": 16, "Traditional": 16, "Pinyin": 18, "English": 36, "Status": 11,
          "Forbidden": 10, "Definition": 30, "Note": 50, "Dispute": 60, "Source": 60, "Domain": 18}
USED_BY, OURS = "Used by: ", "Ours: "


def termbase_rows(glossary: AnnotatedGlossary) -> list[list[str]]:
    """The rows of the termbase sheet, in :data:`COLUMNS` order."""
    rows = []
    for ae in glossary.entries:
        e = ae.entry
        for r in e.renderings or [Rendering("", "")]:
            note = "\n".join(p for p in (USED_BY + r.used_by if r.used_by else "", OURS + r.ours if r.ours else "")
                             if p)
            sources = "\n".join(f"{s.id}: {citation(glossary.sources.get(s.id), s)}"
                                + (f" — locator: {s.locator}" if s.locator else "") for s in r.sources)
            rows.append([e.id, e.term, e.traditional, e.pinyin, r.text, r.status,
                         ("Yes" if r.status == Status.AVOID else "No") if r.text else "", e.gloss, note, e.dispute,
                         sources, join_items(e.domains)])
    return rows


def write_xlsx(glossary: AnnotatedGlossary, path: Path) -> None:
    write_sheets(path, [("Termbase", COLUMNS, termbase_rows(glossary))], WIDTHS)


# --- reading -------------------------------------------------------------------------------------


def _our_rows(rows: list[tuple[int, list[str]]], header: list[str], name: str) -> list[GlossaryEntry]:
    entries: dict[str, GlossaryEntry] = {}
    for line, row in rows:
        cells = dict(zip(header, row + [""] * (len(header) - len(row)), strict=False))

        def get(column: str, cells: dict[str, str] = cells) -> str:
            return cells.get(column, "")

        eid, term = get("entry_id"), get("chinese")
        if not term:
            raise ImportFailure("the Chinese cell is empty; fill it in or delete the row", name, f"row {line}")
        e = entries.get(eid or term)
        if e is None:
            e = entries[eid or term] = GlossaryEntry(
                id=eid, term=term, traditional=get("traditional"), pinyin=get("pinyin"), gloss=get("definition"),
                dispute=get("dispute"), domains=split_items(get("domain")), origin="user")
        elif e.term != term:
            raise ImportFailure(f"entry {eid!r} has two Chinese terms ({e.term} and {term}); rows of one entry "
                                "must share their Chinese", name, f"row {line}")
        if not get("english"):
            continue
        status = get("status").lower() or (Status.AVOID if get("forbidden").lower() in ("yes", "true", "1")
                                           else Status.ACCEPTED)
        if status not in STATUSES:
            raise ImportFailure(f"the status {get('status')!r} is not one of {', '.join(STATUSES)}", name,
                                f"row {line}")
        r = Rendering(get("english"), status)
        for part in get("note").split("\n"):
            if part.startswith(USED_BY):
                r.used_by = part[len(USED_BY):].strip()
            elif part.startswith(OURS):
                r.ours = part[len(OURS):].strip()
        r.sources = [_source_ref(s.strip()) for s in get("source").split("\n") if s.strip()]
        e.renderings.append(r)
    return list(entries.values())


def read_xlsx(data: bytes, name: str) -> list[GlossaryEntry]:
    _title, rows = read_rows(data, name)
    if not rows:
        raise ImportFailure("the first worksheet is empty; put the termbase on the first sheet", name)
    (header_line, header_cells), body = rows[0], rows[1:]
    header = [h.strip().lower() for h in header_cells]
    if {"entry_id", "chinese", "english", "status"} <= set(header):
        return _our_rows(body, header, name)
    zh_col = next((i for i, h in enumerate(header) if _ZH_HEADER.match(h)), None)
    en_col = next((i for i, h in enumerate(header) if _EN_HEADER.match(h) and i != zh_col), None)
    if zh_col is None or en_col is None:
        raise ImportFailure("cannot tell which column is Chinese and which English: the first row must name "
                            f"them (for example 'Chinese' and 'English'); found: {', '.join(header_cells)}",
                            name, f"row {header_line}")
    comment_col = next((i for i, h in enumerate(header) if h in _COMMENT_HEADER), None)
    out = []
    for line, cells in body:
        cells = cells + [""] * (len(header) - len(cells))
        term, target = cells[zh_col], cells[en_col]
        if not term or not target:
            raise ImportFailure(f"the {'Chinese' if not term else 'English'} cell is empty; fill it in or delete "
                                "the row", name, f"row {line}")
        out.append(TermRow(term, target, cells[comment_col] if comment_col is not None else "", line))
    return entries_from_rows(out)
