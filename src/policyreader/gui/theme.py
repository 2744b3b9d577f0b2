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


#: the reader's font family chosen in Preferences ("" = the first installed CJK family)
reader_family = ""
#: the tone colour scheme chosen in Preferences: "mdbg" (red, orange, green, blue) or "pleco" (red, green,
#: blue, purple)
tone_scheme = "mdbg"


def cjk_font(point_size: float) -> QFont:
    """The reader's font: the family chosen in Preferences, else the first installed CJK family (falling
    back to the default font), at *point_size*."""
    families = set(QFontDatabase.families())
    font = QFont()
    for fam in ([reader_family] if reader_family else []) + list(CJK_FAMILIES):
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


def rendering_category(status: str | None) -> str:
    """How a rendering found in an English document is coloured: by its status for the entry it renders —
    'settled' (preferred or accepted), 'disputed' (contested) or 'avoid'."""
    if status == Status.AVOID:
        return "avoid"
    return "disputed" if status == Status.CONTESTED else "settled"


def term_colour(category: str) -> QColor:
    dark = is_dark()
    base = {"settled": QColor(66, 133, 244), "disputed": QColor(234, 134, 0), "user": QColor(52, 168, 83),
            "avoid": QColor(220, 50, 47)}[category]
    c = QColor(base)
    c.setAlpha(90 if dark else 60)
    return c


def term_underline(category: str) -> QColor:
    return {"settled": QColor(40, 100, 210), "disputed": QColor(210, 100, 0), "user": QColor(30, 140, 60),
            "avoid": QColor(190, 30, 30)}[category]


def review_colour() -> QColor:
    """The tint of a segment whose alignment should be reviewed: a light amber, in either scheme."""
    c = QColor(240, 170, 40)
    c.setAlpha(70 if is_dark() else 40)
    return c


def mixed(a: QColor, b: QColor) -> QColor:
    """Half of each colour (alpha too): an annotation over a glossary term shows both."""
    return QColor((a.red() + b.red()) // 2, (a.green() + b.green()) // 2, (a.blue() + b.blue()) // 2,
                  max(a.alpha(), b.alpha()))


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
PLECO_LIGHT = {1: "#d32f2f", 2: "#2e7d32", 3: "#1565c0", 4: "#7b1fa2", 5: "#757575"}
PLECO_DARK = {1: "#ff6b6b", 2: "#7bd389", 3: "#6fb1ff", 4: "#d08cff", 5: "#b0b0b0"}


def tone_colours() -> dict[int, str]:
    """The colour of each tone (5: neutral) in the chosen scheme, readable on the current background."""
    if tone_scheme == "pleco":
        return PLECO_DARK if is_dark() else PLECO_LIGHT
    return TONE_COLOURS_DARK if is_dark() else TONE_COLOURS_LIGHT


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (readable contrast, links and selection in one blue)."""
    pal = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#2d2d30"), (roles.WindowText, "#e6e6e6"), (roles.Base, "#1e1e1e"),
                         (roles.AlternateBase, "#2a2a2d"), (roles.ToolTipBase, "#252526"),
                         (roles.ToolTipText, "#e6e6e6"), (roles.Text, "#e6e6e6"), (roles.Button, "#333337"),
                         (roles.ButtonText, "#e6e6e6"), (roles.BrightText, "#ff6b6b"), (roles.Link, "#6fb1ff"),
                         (roles.Highlight, "#2f6fb3"), (roles.HighlightedText, "#ffffff"),
                         (roles.PlaceholderText, "#9a9a9a"), (roles.Mid, "#444448"), (roles.Dark, "#1a1a1a")):
        pal.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return pal


def apply_theme(theme: str) -> bool:
    """Use the light or dark palette ("light", "dark", or "system": what the system's colour scheme is now).
    Returns whether the result is dark. The Fusion style draws both palettes the same way on every platform."""
    from policyreader.gui.qt import Qt

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    dark = theme == "dark" or (theme == "system" and app.styleHints().colorScheme() == Qt.ColorScheme.Dark)
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    return dark
