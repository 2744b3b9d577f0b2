"""What goes into the bundle besides the code PyInstaller finds by itself.

* :func:`package_data`: every file of the ``policyreader`` package that is not Python (the pinyin
  overrides, the icon, and any ``*.qm`` translation added under ``data/`` later), so new data ships
  without touching the spec.
* :func:`find_fonts`: the fonts Chinese text needs (Noto Sans CJK, OFL-1.1) and a Latin font for the PDF
  export (DejaVu Sans), found on the build machine.
* :func:`wanted_data` and :func:`wanted_qt_plugin`: what is left out. jieba's part-of-speech tagger,
  keyword extraction and paddle model (about 35 MB) and OpenCC's command-line tools are never used. Qt
  plugins for embedded devices are dropped, and so is the GTK 3 theme plugin: it pulled some twenty of
  GTK's libraries (cairo, pango, gdk-pixbuf, …) from the build machine into the bundle, though not GTK
  itself, which it needs to load at all. Qt's own style and the desktop portal theme remain.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

PYTHON_SUFFIXES = {".py", ".pyc", ".pyi", ".pyo"}

# The hooks collect every data file of jieba and OpenCC. jieba's modules we never import, and OpenCC's
# command-line tools and static libraries (its Python module needs only clib/share, the dictionaries).
UNUSED_DATA_PREFIXES = ("jieba/analyse/", "jieba/posseg/", "jieba/lac_small/",
                        "opencc/clib/include/", "opencc/clib/bin/", "opencc/clib/lib64/", "opencc/clib/lib/")
# jieba/finalseg/*.p, the pickled HMM tables, are what our segmenter reads (core/jieba_dat.py), with dict.txt.
UNUSED_DATA_FILES: tuple[str, ...] = ()

# Qt plugins left out, by plugin type: None drops the whole type, a set drops those plugins.
QT_PLUGINS_LEFT_OUT: dict[str, set[str] | None] = {
    "platformthemes": {"qgtk3"},
    "platforms": {"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc"},
    "egldeviceintegrations": None,
    "generic": None,  # evdev and TUIO input for devices without a window system
}


def package_data(package_dir: Path, package: str = "policyreader") -> list[tuple[str, str]]:
    """``(file, destination folder)`` for every non-Python file under *package_dir*, as PyInstaller's
    ``datas`` wants them."""
    out: list[tuple[str, str]] = []
    for path in sorted(package_dir.rglob("*")):
        rel = path.relative_to(package_dir)
        if not path.is_file() or "__pycache__" in rel.parts or path.suffix in PYTHON_SUFFIXES:
            continue
        out.append((str(path), str(PurePosixPath(package, *rel.parts[:-1]))))
    return out


def wanted_data(dest: str) -> bool:
    """Whether a data file PyInstaller's hooks collected (destination path in the bundle) is kept."""
    dest = dest.replace("\\", "/")
    return not (dest.startswith(UNUSED_DATA_PREFIXES) or dest in UNUSED_DATA_FILES)


def wanted_qt_plugin(path: str) -> bool:
    """Whether a Qt plugin file (``…/plugins/<type>/lib<name>.so`` or ``<name>.dll``) is kept."""
    p = PurePosixPath(path.replace("\\", "/"))
    kind, name = p.parent.name, p.name.split(".")[0]
    name = name[3:] if name.startswith("lib") else name
    if kind not in QT_PLUGINS_LEFT_OUT:
        return True
    left_out = QT_PLUGINS_LEFT_OUT[kind]
    return left_out is not None and name not in left_out


@dataclass(frozen=True)
class WantedFont:
    """A font the bundle ships: file names it may have on a build machine, its licence and licence text."""

    role: str
    names: tuple[str, ...]
    licence: str
    licence_file: str
    required: bool


FONTS = (
    WantedFont("Chinese text", ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf"), "OFL-1.1",
               "Noto-Sans-CJK-OFL-1.1.txt", True),
    WantedFont("Chinese headings", ("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf"), "OFL-1.1",
               "Noto-Sans-CJK-OFL-1.1.txt", False),
    WantedFont("Latin text in PDF exports", ("DejaVuSans.ttf",), "Bitstream-Vera AND LicenseRef-Public-Domain",
               "DejaVu-Fonts-LICENSE.txt", False),
    WantedFont("Latin headings in PDF exports", ("DejaVuSans-Bold.ttf",),
               "Bitstream-Vera AND LicenseRef-Public-Domain", "DejaVu-Fonts-LICENSE.txt", False),
)
FONT_DIRS_VARIABLE = "POLICYREADER_FONT_DIRS"


def font_search_dirs(environ: dict[str, str] | None = None) -> list[Path]:
    """Where fonts are looked for: the folders in ``POLICYREADER_FONT_DIRS`` first, then the system's."""
    env = os.environ if environ is None else environ
    dirs = [Path(d) for d in env.get(FONT_DIRS_VARIABLE, "").split(os.pathsep) if d]
    home = Path.home()
    if sys.platform == "win32":
        dirs += [Path(env.get("WINDIR", r"C:\Windows")) / "Fonts",
                 Path(env.get("LOCALAPPDATA", str(home))) / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        dirs += [home / "Library" / "Fonts", Path("/Library/Fonts")]
    else:
        dirs += [home / ".local" / "share" / "fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]
    return dirs


class MissingFont(Exception):
    """A required font is on none of the search paths."""


def find_fonts(search_dirs: list[Path], wanted: tuple[WantedFont, ...] = FONTS) -> dict[WantedFont, Path]:
    """The first file found for each wanted font (earlier folders win); MissingFont names what to
    install when a required one is missing."""
    found: dict[WantedFont, Path] = {}
    for font in wanted:
        for folder in search_dirs:
            hits = sorted(p for name in font.names for p in folder.rglob(name)) if folder.is_dir() else []
            if hits:
                found[font] = hits[0]
                break
        else:
            if font.required:
                raise MissingFont(
                    f"no font file for {font.role} ({' or '.join(font.names)}) in {', '.join(map(str, search_dirs))}: "
                    f"on Debian/Ubuntu install fonts-noto-cjk; elsewhere download Noto Sans CJK SC "
                    f"(github.com/googlefonts/noto-cjk) and name its folder in {FONT_DIRS_VARIABLE}")
    return found
