"""File formats out: the glossary, with the user's annotations, as termbases, tables, study texts and decks.

:func:`export_glossary` writes one of :data:`FORMATS`; :func:`render` returns the bytes of the text
formats. The caller hands over an :class:`AnnotatedGlossary` whose entries are already selected and
sorted. This package knows nothing of the database; it imports Qt only inside the PDF exporter.

Formats: ``tbx`` (TBX-Basic, TBX v2 ``martif``: OmegaT, memoQ, Trados), ``tbx3`` (TBX v3), ``tsv``
(OmegaT glossary), ``csv`` (one row per entry; memoQ, spreadsheets), ``md`` and ``html`` (a study
glossary), ``pdf`` (the HTML typeset by Qt), ``anki`` (an .apkg deck) and ``json`` (the glossary JSON
shape with annotations).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from .json_export import render_json
from .model import AnnotatedEntry, AnnotatedGlossary
from .study import render_html, render_markdown
from .tabular import render_csv, render_tsv
from .tbx import render_tbx2, render_tbx3

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "TEXT_FORMATS",
    "AnnotatedEntry",
    "AnnotatedGlossary",
    "export_glossary",
    "render",
]

FORMATS = ("tbx", "tbx3", "tsv", "csv", "md", "html", "pdf", "anki", "json")
# The usual file extension of each format (TBX v3 files are .tbx too).
EXTENSIONS = {"tbx": ".tbx", "tbx3": ".tbx", "tsv": ".tsv", "csv": ".csv", "md": ".md", "html": ".html",
              "pdf": ".pdf", "anki": ".apkg", "json": ".json"}

_RENDERERS: dict[str, Callable[[AnnotatedGlossary], bytes]] = {
    "tbx": render_tbx2,
    "tbx3": render_tbx3,
    "tsv": render_tsv,
    "csv": render_csv,
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
}
TEXT_FORMATS = tuple(_RENDERERS)


def _unknown(fmt: str) -> ValueError:
    return ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def render(glossary: AnnotatedGlossary, fmt: str) -> bytes:
    """The exported file's bytes for a text format (every format but ``pdf`` and ``anki``)."""
    if fmt in _RENDERERS:
        return _RENDERERS[fmt](glossary)
    if fmt in FORMATS:
        raise ValueError(f"{fmt!r} is a binary format; write it to a file with export_glossary()")
    raise _unknown(fmt)


def _write_binary(glossary: AnnotatedGlossary, fmt: str, path: Path) -> None:
    if fmt == "pdf":
        from .pdf import write_pdf

        write_pdf(glossary, path)
    else:
        from .anki import write_apkg

        write_apkg(glossary, path)


def export_glossary(glossary: AnnotatedGlossary, fmt: str, path: Path) -> None:
    """Write *glossary* to *path* in *fmt* (one of :data:`FORMATS`); ValueError for an unknown format.

    The file is written next to *path* under a temporary name and moved into place when complete, so
    a failed export never leaves a truncated file (or destroys an earlier export).
    """
    if fmt not in FORMATS:
        raise _unknown(fmt)
    path = Path(path)
    # A fresh name rather than mkstemp(), whose 0600 mode would be kept by the finished file.
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        if fmt in _RENDERERS:
            tmp.write_bytes(_RENDERERS[fmt](glossary))
        else:
            _write_binary(glossary, fmt, tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
