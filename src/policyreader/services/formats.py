"""The format registry as the faces see it: ``--format`` choices, file-dialog filters and extensions.

The CLI and the window depend on ``services`` only; this module is their window onto
:mod:`policyreader.formats.registry`, where every format is declared once.
"""

from __future__ import annotations

from policyreader.formats.registry import FORMATS, Format, Kind, by_name, extensions, file_filter, formats, names

__all__ = ["FORMATS", "Format", "Kind", "by_name", "extensions", "file_filter", "formats", "names"]
