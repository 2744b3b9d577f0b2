"""The study glossary as a PDF: the HTML export typeset by Qt (QTextDocument onto a QPdfWriter).

This is the one exporter that uses Qt, and it imports PySide6 inside :func:`write_pdf` only, so that
importing ``policyreader.exporters`` never loads Qt. Qt needs a QGuiApplication to lay out text; when
there is none (the CLI), one is created, on the ``offscreen`` platform if there is no display.

A CJK font must be installed: the document's default font is the first installed of
:data:`CJK_FAMILIES`. Qt embeds the subset of each font it uses (TrueType/OpenType outlines, with a
ToUnicode map), so the PDF reads the same everywhere and its text can be searched and copied.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .model import AnnotatedGlossary
from .study import html_document

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC")
RESOLUTION_DPI = 300
MARGIN_MM = 15.0

# A QGuiApplication this module had to create; kept for the life of the process, since Qt allows one.
_app: Any = None


def _gui_application() -> Any:
    global _app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        _app = app = QGuiApplication(["policyreader"])
    return app


def cjk_family() -> str:
    """The first installed family of :data:`CJK_FAMILIES`; RuntimeError with what to install if none is."""
    _gui_application()
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    raise RuntimeError(
        "cannot export a PDF: no Chinese font is installed (looked for " + ", ".join(CJK_FAMILIES) + "); "
        "install the Noto CJK fonts (Debian/Ubuntu: apt install fonts-noto-cjk; Fedora: "
        "google-noto-sans-cjk-fonts) and export again")


def write_pdf(glossary: AnnotatedGlossary, path: Path) -> None:
    """Typeset the study glossary on A4 pages at :data:`RESOLUTION_DPI` and write it to *path*."""
    family = cjk_family()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    doc = QTextDocument()
    doc.setDefaultFont(QFont(family, 10))
    doc.setHtml(html_document(glossary))
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setTitle(glossary.title)
    writer.setCreator("PolicyReader")
    doc.print_(writer)
    del writer  # the file is finished and closed when the writer goes away
