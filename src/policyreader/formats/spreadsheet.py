"""Cells for files that spreadsheets open (CSV, XLSX): user text must never become a formula.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula by
Excel, LibreOffice and Google Sheets (CSV/formula injection: ``=HYPERLINK(…)``, ``+cmd|…``). As OWASP
recommends, such a cell is written with a leading apostrophe, which spreadsheets show as text and
hide; our own CSV readers remove it again (:func:`unsafe_cell`).
"""

from __future__ import annotations

from typing import Any

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
