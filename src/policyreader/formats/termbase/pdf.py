"""The study glossary as a PDF: the HTML export typeset by Qt (QTextDocument onto a QPdfWriter).

This is the one exporter that uses Qt, and it imports PySide6 inside the functions only, so that
importing ``policyreader.exporters`` never loads Qt. Qt needs a QGuiApplication to lay out text; when
there is none (the CLI), one is created, on the ``offscreen`` platform if there is no display.

A CJK font must be installed, or shipped with the app (the self-contained app has Noto Sans CJK in its
package data, registered here): the first of :data:`CJK_FAMILIES`. Qt embeds the subset of
each font it uses (TrueType/OpenType outlines, ``/FontFile2``), so the PDF reads the same everywhere.
Three things keep its text layer (search, copy, screen readers) right, not just its look:

* Latin text is set in a Latin family (:data:`LATIN_FAMILIES`, CJK as fallback) when one is
  installed: with Noto CJK alone, Qt writes digits inside Latin runs with no Unicode mapping.
* Standard ligatures are off, so "office" is not extracted as "oﬃce".
* Qt builds each font's ToUnicode map from the lowest code point that maps to a glyph, and CJK fonts
  share the glyph of a common character with its Kangxi radical (行 U+884C and ⾏ U+2F8F), so
  "执行" would be extracted — and not be found by a search — as "执⾏". :func:`fix_radical_mappings`
  rewrites such mappings to the ideograph (the radical's NFKC form) in place.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from policyreader.core.resources import font_files

from .model import AnnotatedGlossary
from .study import html_document

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC")
LATIN_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial")
RESOLUTION_DPI = 300
MARGIN_MM = 15.0
FONT_POINTS = 10

# A QGuiApplication this module had to create; kept for the life of the process, since Qt allows one.
_app: Any = None


def _gui_application() -> Any:
    global _app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        _app = app = QGuiApplication(["policyreader"])
        for path in font_files():  # the window registers them itself when it starts
            QFontDatabase.addApplicationFont(str(path))
    return app


def font_families() -> list[str]:
    """The document's families: a Latin one if installed, then the first installed CJK one.

    RuntimeError, saying what to install, when no CJK family is installed.
    """
    _gui_application()
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    cjk = next((f for f in CJK_FAMILIES if f in installed), None)
    if cjk is None:
        raise RuntimeError(
            "cannot export a PDF: no Chinese font is installed (looked for " + ", ".join(CJK_FAMILIES) + "); "
            "install the Noto CJK fonts (Debian/Ubuntu: apt install fonts-noto-cjk; Fedora: "
            "google-noto-sans-cjk-fonts) and export again")
    latin = next((f for f in LATIN_FAMILIES if f in installed), None)
    return [latin, cjk] if latin else [cjk]


@lru_cache(maxsize=1)
def _radical_fixes() -> dict[bytes, bytes]:
    """``<2F8F>`` → ``<884C>``: every CJK radical whose NFKC form is one BMP ideograph."""
    fixes = {}
    for cp in range(0x2E80, 0x2FE0):
        nf = unicodedata.normalize("NFKC", chr(cp))
        if nf != chr(cp) and len(nf) == 1 and ord(nf) <= 0xFFFF:
            fixes[b"%04X" % cp] = b"%04X" % ord(nf)
    return fixes


_CMAP = re.compile(rb"begincmap.*?endcmap", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_RANGE_LINE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_CHAR_LINE = re.compile(rb"(<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]{4})>")
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def _fix_codes(text: bytes) -> bytes:
    fixes = _radical_fixes()
    return _CODE.sub(lambda m: b"<" + fixes.get(m.group(1).upper(), m.group(1)) + b">", text)


def _fix_cmap(cmap: bytes) -> bytes:
    def fix_range(m: re.Match[bytes]) -> bytes:
        # Only destinations change; a range with one destination code is fixed only if it is one glyph.
        if m.group(3).startswith(b"[") or int(m.group(1), 16) == int(m.group(2), 16):
            return m.group(0)[: m.start(3) - m.start(0)] + _fix_codes(m.group(3))
        return m.group(0)

    def fix_char(m: re.Match[bytes]) -> bytes:
        return m.group(1) + _fix_codes(b"<" + m.group(2) + b">")

    cmap = _BFRANGE.sub(lambda b: b"beginbfrange" + _RANGE_LINE.sub(fix_range, b.group(1)) + b"endbfrange", cmap)
    return _BFCHAR.sub(lambda b: b"beginbfchar" + _CHAR_LINE.sub(fix_char, b.group(1)) + b"endbfchar", cmap)


def fix_radical_mappings(pdf: bytes) -> bytes:
    """Map glyphs shared by a radical and an ideograph to the ideograph in every ToUnicode CMap.

    Every code keeps its four hex digits, so the file keeps its length and its xref offsets stay valid;
    anything unexpected leaves the file as it was.
    """
    fixed = _CMAP.sub(lambda m: _fix_cmap(m.group(0)), pdf)
    return fixed if len(fixed) == len(pdf) else pdf


def write_pdf(glossary: AnnotatedGlossary, path: Path) -> None:
    """Typeset the study glossary on A4 pages at :data:`RESOLUTION_DPI` and write it to *path*."""
    families = font_families()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    font = QFont()
    font.setFamilies(families)
    font.setPointSize(FONT_POINTS)
    font.setFeature(QFont.Tag("liga"), 0)
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setHtml(html_document(glossary, font_family=""))
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setTitle(glossary.title)
    writer.setCreator("PolicyReader")
    doc.print_(writer)
    del writer  # the writer finishes and closes the file when it goes away
    path.write_bytes(fix_radical_mappings(path.read_bytes()))
