"""Excel workbooks (.xlsx) through openpyxl: writing tables whose text can never become a formula, reading
the first sheet of a user's workbook safely, and the QA report as a workbook.

openpyxl turns any string that starts with ``=`` into a formula. Every text cell is therefore typed as a
string after it is set, so "=HYPERLINK(…)" in a note stays text in Excel and LibreOffice (and reads back
exactly, with no apostrophe). Characters XML cannot carry are dropped, and a cell keeps at most the
32,767 characters Excel allows. openpyxl parses with defusedxml when it is installed, as it is here.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from policyreader.formats.base import ImportFailure

MAX_CELL = 32767
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def cell_text(value: Any) -> Any:
    """*value* as a cell can hold it: text without control characters, cut to Excel's limit."""
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)[:MAX_CELL]
    return value


def write_sheets(path: Path, sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
                 widths: dict[str, int] | None = None) -> None:
    """Write a workbook of ``(title, header, rows)`` sheets to *path*: a bold, frozen header row, text
    typed as text, and column widths by header name where *widths* gives one."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for title, header, rows in sheets:
        ws = wb.create_sheet(title)
        for col, name in enumerate(header, start=1):
            ws.cell(row=1, column=col, value=name).font = bold
            letter = ws.cell(row=1, column=col).column_letter
            ws.column_dimensions[letter].width = (widths or {}).get(name, 14)
        for r, row in enumerate(rows, start=2):
            for col, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=col, value=cell_text(value))
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
        ws.freeze_panes = "A2"
    wb.save(path)


def read_rows(data: bytes, name: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """The first sheet of an .xlsx workbook: its title and its non-empty rows as ``(row number, cells)``,
    every cell as text. A file that is not a readable workbook is an ImportFailure."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ImportFailure(f"not a readable Excel workbook ({type(exc).__name__}: {exc}); save the file as "
                            "an .xlsx workbook and import it again", name) from None
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise ImportFailure("the workbook has no worksheet", name)
        rows = []
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = ["" if v is None else str(v).strip() for v in row]
            if any(cells):
                rows.append((number, cells))
        return ws.title, rows
    finally:
        wb.close()


# --- the QA report ---------------------------------------------------------------------------------

QA_WIDTHS = {"doc": 28, "segment": 9, "kind": 20, "severity": 9, "term": 16, "entry": 18, "found": 40,
             "expected": 40, "message": 70, "accepted": 9}


def write_qa_xlsx(report: Any, path: Path) -> None:
    """A QA report (``formats.reports.QAReport``) as a workbook: one row per finding, with the columns of
    the CSV report (segments by their id, as ``show`` gives them)."""
    from policyreader.formats.reports import columns, finding_json

    header = columns(report)

    def rows() -> Iterable[list[Any]]:
        for f, accepted in report.findings:
            d = finding_json(f, accepted)
            d["accepted"] = "yes" if accepted else ""
            yield [d.get(c, "") for c in header]

    write_sheets(path, [("QA report", header, rows())], QA_WIDTHS)
