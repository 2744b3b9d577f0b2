"""Files the package ships in its ``data/`` folder, some of them only in the self-contained app.

The checkout holds the reviewed ones (``pinyin_overrides.tsv``, ``icons/``). ``make dist`` adds what is
built or copied at build time, so that the frozen app does no slow set-up on a user's first start: jieba's
dictionary cache (:data:`JIEBA_CACHE`), CC-CEDICT as a ready SQLite table (:data:`CEDICT_DATABASE`) and
the fonts Chinese text needs (``fonts/``). Each is optional: without it the app builds the same thing on
first use, or uses the system's fonts. No Qt here; the Qt faces register :func:`font_files` themselves.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
JIEBA_CACHE = "jieba.policyreader.cache"
CEDICT_DATABASE = "cedict.sqlite"
FONTS = "fonts"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
ICON_SVG = "icons/policyreader.svg"
ICON_PNG = "icons/policyreader-256.png"


def shipped(name: str, data_dir: Path = DATA_DIR) -> Path | None:
    """The data file *name* if this copy of the package ships it, else None."""
    path = data_dir / name
    return path if path.is_file() else None


def font_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """The font files shipped in ``data/fonts`` (none in a checkout), in name order."""
    folder = data_dir / FONTS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in FONT_SUFFIXES)
