"""Colours and fonts that follow the system palette (light or dark) and read well with CJK text."""

from __future__ import annotations

from pathlib import Path

from policyreader.core.glossary import GlossaryEntry
from policyreader.core.model import Status
from policyreader.core.resources import DATA_DIR, font_files
from policyreader.gui.qt import QApplication, QColor, QFont, QFontDatabase, QPalette

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "PingFang SC", "Microsoft YaHei", "Noto Serif CJK SC")


def is_dark() -> bool:
    pal = QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def register_shipped_fonts(data_dir: Path = DATA_DIR) -> list[str]:
    """Make the fonts the app ships (the self-contained app's Noto Sans CJK) available to Qt, ahead of any
    installed ones. Returns the families they add."""
    families: list[str] = []
    for path in font_files(data_dir):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def cjk_font(point_size: float) -> QFont:
    """The first installed CJK family (falling back to the default font), at *point_size*."""
    families = set(QFontDatabase.families())
    font = QFont()
    for fam in CJK_FAMILIES:
        if fam in families:
            font = QFont(fam)
            break
    font.setPointSizeF(point_size)
    return font


def entry_category(entry: GlossaryEntry) -> str:
    """How a term is coloured: 'user', 'disputed' (contested/avoid renderings or a dispute note), 'settled'."""
    if entry.origin == "user":
        return "user"
    if any(r.status in (Status.CONTESTED, Status.AVOID) for r in entry.renderings) or (
            entry.dispute and len(entry.renderings) > 1):
        return "disputed"
    return "settled"


def term_colour(category: str) -> QColor:
    dark = is_dark()
    base = {"settled": QColor(66, 133, 244), "disputed": QColor(234, 134, 0), "user": QColor(52, 168, 83)}[category]
    c = QColor(base)
    c.setAlpha(90 if dark else 60)
    return c


def term_underline(category: str) -> QColor:
    return {"settled": QColor(40, 100, 210), "disputed": QColor(210, 100, 0), "user": QColor(30, 140, 60)}[category]


def review_colour() -> QColor:
    """The tint of a segment whose alignment should be reviewed: a light amber, in either scheme."""
    c = QColor(240, 170, 40)
    c.setAlpha(70 if is_dark() else 40)
    return c


def hover_colour() -> QColor:
    c = QApplication.palette().color(QPalette.ColorRole.Highlight)
    c.setAlpha(45)
    return c


def annotation_colour(name: str) -> QColor:
    c = QColor(name or "#f4d03f")
    c.setAlpha(110)
    return c


TONE_COLOURS_LIGHT = {1: "#d32f2f", 2: "#e67e00", 3: "#2e7d32", 4: "#1565c0", 5: "#757575"}
TONE_COLOURS_DARK = {1: "#ff6b6b", 2: "#ffb347", 3: "#7bd389", 4: "#6fb1ff", 5: "#b0b0b0"}


def tone_colours() -> dict[int, str]:
    return TONE_COLOURS_DARK if is_dark() else TONE_COLOURS_LIGHT
