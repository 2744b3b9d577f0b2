"""Tables of terms: the OmegaT glossary (TSV) and a one-row-per-entry CSV for memoQ and spreadsheets.

TSV (OmegaT): UTF-8 without a header, exactly three tab-separated fields per line,
``source<TAB>target<TAB>comment``. One line per (term, rendering) for the preferred, accepted and
contested renderings, in that order; "avoid" renderings are never offered as a target, only named in
the comment. The comment reads ``pinyin — status — gloss`` followed by `` — avoid: a / b`` when the
entry has renderings to avoid. Tabs and line breaks inside fields are folded into spaces; a field that
a spreadsheet would take for a formula starts with an apostrophe (see ``formats/spreadsheet.py``), which
the reader removes.

CSV: see :func:`render_csv`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from policyreader.core.cjk import has_han
from policyreader.core.glossary import GlossaryEntry, Rendering
from policyreader.core.model import Status
from policyreader.formats.base import ImportFailure
from policyreader.formats.spreadsheet import SafeWriter, safe_cell, unsafe_cell
from policyreader.formats.termbase.common import TermRow, decode_termbase, entries_from_rows
from policyreader.formats.termbase.model import AnnotatedGlossary, annotation_notes, by_status, one_line

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
                lines.append("\t".join(safe_cell(x) for x in (one_line(e.term), one_line(r.text), comment)))
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
    writer = SafeWriter(out)
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


# --- reading -------------------------------------------------------------------------------------


def read_tsv(data: bytes, name: str) -> list[GlossaryEntry]:
    rows = []
    for number, line in enumerate(decode_termbase(data, name).split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = [unsafe_cell(f) for f in line.split("\t")]
        if len(fields) not in (2, 3):
            raise ImportFailure(
                f"expected 2 or 3 tab-separated fields (term, rendering, optional comment) but found "
                f"{len(fields)}; fix this line (a tab inside a field splits it) and import again",
                name, f"line {number}")
        term, target = fields[0].strip(), fields[1].strip()
        if not term or not target:
            raise ImportFailure(f"the {'term' if not term else 'rendering'} is empty; fill it in or delete the "
                                "line", name, f"line {number}")
        rows.append(TermRow(term, target, fields[2].strip() if len(fields) == 3 else "", number))
    return entries_from_rows(rows)


_ZH_HEADER = re.compile(r"^(?:(?:zh|zho|chi)(?:[-_ (].*)?|chinese.*|source|中文.*|汉语.*|漢語.*|简体.*)$")
_EN_HEADER = re.compile(r"^(?:(?:en|eng)(?:[-_ (].*)?|english.*|target|英文.*|英语.*|英語.*)$")
_COMMENT_HEADER = ("comment", "comments", "note", "notes", "definition", "remark", "备注")


def split_items(cell: str) -> list[str]:
    r"""The items of a ``"; "``-separated cell, where ``\;`` and ``\\`` stand for ``;`` and ``\``."""
    items: list[str] = []
    current: list[str] = []
    chars = iter(cell)
    for ch in chars:
        if ch == "\\":
            current.append(next(chars, "\\"))
        elif ch == ";":
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [i.strip() for i in items if i.strip()]


def _csv_rows(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    first = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first:
        delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                yield reader.line_num, [unsafe_cell(cell) for cell in row]
    except csv.Error as exc:
        raise ImportFailure(f"malformed CSV ({exc}); check the quotes on this line", name,
                            f"line {reader.line_num}") from None


def _check_width(row: list[str], width: int, line: int, name: str) -> None:
    if len(row) != width:
        raise ImportFailure(
            f"expected {width} comma-separated fields, as in the header, but found {len(row)}; fix this row "
            "(a comma inside a field needs quotes around the field) and import again", name, f"line {line}")


def _our_csv_entry(cells: dict[str, str]) -> GlossaryEntry:
    renderings = []
    if cells.get("en_preferred", "").strip():
        renderings.append(Rendering(cells["en_preferred"].strip(), Status.PREFERRED))
    for status in (Status.ACCEPTED, Status.CONTESTED, Status.AVOID):
        renderings += [Rendering(text, status) for text in split_items(cells.get(f"en_{status}", ""))]
    return GlossaryEntry(
        id=cells.get("id", "").strip(), term=cells.get("zh", "").strip(),
        traditional=cells.get("zh-hant", "").strip(), pinyin=cells.get("pinyin", "").strip(),
        gloss=cells.get("gloss", "").strip(), domains=split_items(cells.get("domains", "")),
        dispute=cells.get("dispute", "").strip(), notes=cells.get("notes", "").strip(),
        renderings=renderings, origin="user")


def read_csv(data: bytes, name: str) -> list[GlossaryEntry]:
    rows = list(_csv_rows(decode_termbase(data, name), name))
    if not rows:
        return []
    header_line, header_row = rows[0]
    header = [h.strip().lower() for h in header_row]
    if "zh" in header and "en_preferred" in header:
        entries = []
        for line, row in rows[1:]:
            _check_width(row, len(header), line, name)
            cells = dict(zip(header, row, strict=True))
            if not cells["zh"].strip():
                raise ImportFailure("the zh (term) cell is empty; fill it in or delete the row", name,
                                    f"line {line}")
            entries.append(_our_csv_entry(cells))
        return entries
    zh_col = next((i for i, h in enumerate(header) if _ZH_HEADER.match(h)), None)
    en_col = next((i for i, h in enumerate(header) if _EN_HEADER.match(h) and i != zh_col), None)
    comment_col = next((i for i, h in enumerate(header) if h in _COMMENT_HEADER), None)
    body = rows[1:]
    if (zh_col is None or en_col is None) and len(header) == 2:
        # No recognisable header: a two-column file is still readable if one column is Chinese. If the
        # first row has Chinese in one cell it is data; otherwise it is a header and the second row tells.
        for index, (_, row) in enumerate(rows[:2]):
            han = [has_han(cell) for cell in row[:2]]
            if len(han) == 2 and han[0] != han[1]:
                zh_col, en_col = (0, 1) if han[0] else (1, 0)
                body = rows[index:]
                break
    if zh_col is None or en_col is None:
        raise ImportFailure(
            "cannot tell which column is Chinese and which English: the first row must be a header naming "
            "them (for example 'zh,en' or 'Chinese,English'), or use PolicyReader's CSV columns (id, zh, "
            f"zh-Hant, pinyin, en_preferred, …); found: {', '.join(header_row)}", name, f"line {header_line}")
    out = []
    for line, row in body:
        _check_width(row, len(header_row), line, name)
        term, target = row[zh_col].strip(), row[en_col].strip()
        if not term or not target:
            raise ImportFailure(f"the {'Chinese' if not term else 'English'} cell is empty; fill it in or delete "
                                "the row", name, f"line {line}")
        out.append(TermRow(term, target, row[comment_col].strip() if comment_col is not None else "", line))
    return entries_from_rows(out)
