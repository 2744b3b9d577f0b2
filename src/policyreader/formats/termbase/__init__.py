"""Termbases: the glossary in and out of the formats terminology tools use.

One module per format, each with its reader and writer: ``tbx`` (TBX-Basic v2 ``martif`` and TBX v3),
``tbx_omegat`` (TBX shaped for OmegaT, written only), ``tabular`` (OmegaT TSV, CSV), ``xlsx`` (the Excel
termbase), ``jsonfile`` (the glossary JSON shape), ``study`` (Markdown and HTML
study glossaries), ``pdf`` (the HTML typeset by Qt), ``anki`` (an .apkg deck). ``common`` holds what
the readers share; ``model`` the annotated glossary the writers take. The formats are declared in
:mod:`policyreader.formats.registry`.
"""

from __future__ import annotations

from pathlib import Path

from policyreader.formats.registry import Kind, by_name, formats, write_file
from policyreader.formats.registry import render as _render
from policyreader.formats.termbase.model import AnnotatedEntry, AnnotatedGlossary

__all__ = ["EXTENSIONS", "FORMATS", "AnnotatedEntry", "AnnotatedGlossary", "export_glossary", "render"]

FORMATS = tuple(f.name for f in formats(Kind.TERMBASE, writable=True))
EXTENSIONS = {f.name: f.extension for f in formats(Kind.TERMBASE, writable=True)}


def export_glossary(glossary: AnnotatedGlossary, fmt: str, path: Path) -> None:
    """Write *glossary* to *path* in the termbase format *fmt*, atomically."""
    write_file(by_name(Kind.TERMBASE, fmt, "export"), glossary, path)


def render(glossary: AnnotatedGlossary, fmt: str) -> bytes:
    """The bytes of a text termbase format."""
    return _render(by_name(Kind.TERMBASE, fmt, "export"), glossary)
