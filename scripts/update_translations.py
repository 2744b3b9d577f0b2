"""Bring the interface's translations up to date (`make translations`).

1. ``pyside6-lupdate`` reads every ``tr("…")`` of ``src/policyreader/gui`` into
   ``src/policyreader/data/i18n/policyreader_<lang>.ts``: new texts are added as unfinished, texts no longer
   in the code are dropped, translations already made are kept.
2. ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` file the package ships.

Translate the new messages in between (Qt Linguist, ``pyside6-linguist``, or any editor: each is a
``<message>`` with its ``<source>`` and ``<translation>``; delete ``type="unfinished"`` once translated), then
run this again to compile. ``tests/gui/test_translations.py`` fails while a message is unfinished, a ``{…}``
placeholder differs from its source, or the ``.qm`` is not what the ``.ts`` compiles to.

    python scripts/update_translations.py            # both steps
    python scripts/update_translations.py --compile  # step 2 only
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from policyreader.gui.i18n import I18N_DIR as I18N
from policyreader.gui.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "src" / "policyreader" / "gui"


def tool(name: str) -> str:
    """A Qt tool shipped with PySide6, next to this Python (the venv's bin)."""
    path = Path(sys.executable).parent / name
    return str(path) if path.exists() else name


def extract(ts: Path) -> None:
    """Update *ts* from the code (no line numbers stored: moving code does not change the file)."""
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete",
                    str(GUI), "-ts", str(ts)], check=True)
    # lupdate takes a ``#:`` comment for a note to the translator of the next tr() it meets; in this code
    # ``#:`` documents an attribute, so such notes only mislead
    text = ts.read_text(encoding="utf-8")
    ts.write_text(re.sub(r"\n *<extracomment>.*?</extracomment>", "", text, flags=re.S), encoding="utf-8")


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    for lang in (code for code in LANGUAGES if code != "en"):  # English is the source
        ts = I18N / f"policyreader_{lang}.ts"
        if "--compile" not in argv:
            extract(ts)
        compile_ts(ts, ts.with_suffix(".qm"))
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.relative_to(ROOT)}: {unfinished} unfinished message(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
