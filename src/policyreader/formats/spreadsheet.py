"""Cells for files that spreadsheets open (CSV, TSV): user text must never become a formula.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula by
Excel, LibreOffice and Google Sheets (CSV/formula injection: ``=HYPERLINK(…)``, ``+cmd|…``). As OWASP
recommends, such a cell is written with a leading apostrophe, which spreadsheets show as text and
hide, and every cell of a CSV file is quoted, so that a spreadsheet splitting on another separator (a
semicolon, in many locales) cannot start a new cell, and so a formula, inside one. Our own readers
remove the apostrophe again (:func:`unsafe_cell`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """*value* as a spreadsheet shows it literally; non-text values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def unsafe_cell(value: str) -> str:
    """The text :func:`safe_cell` protected."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


class SafeWriter:
    """A CSV writer whose every cell is quoted and protected by :func:`safe_cell`."""

    def __init__(self, out: IO[str], lineterminator: str = "\r\n"):
        self._writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator=lineterminator)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([safe_cell(v) for v in row])
