"""The interface in English or Simplified Chinese, through Qt's translation system.

Every user-visible string of the window goes through :func:`tr`; ``pyside6-lupdate`` extracts the calls
into ``src/policyreader/data/i18n/policyreader_zh_CN.ts`` (under version control, translated there), and
``make translations`` compiles it to the ``.qm`` file shipped in the package. Qt's own translations
(standard buttons, file dialogs) are loaded beside ours. The language is chosen in Preferences; the
default follows the system locale.
"""

from __future__ import annotations

import re
from pathlib import Path

from policyreader.gui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parents[1] / "data" / "i18n"
#: the languages of the interface: code → its own name (shown in Preferences as the user would read it)
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_installed: list[QTranslator] = []
_sources: dict[str, str] = {}  # translation → its English source, for names that must not change


def tr(text: str) -> str:
    """*text* in the interface language (the source text itself in English). Use ``.format`` on the result
    for values, never an f-string inside the call: the extractor must see the literal. Call it when the
    text is shown, never at import time (the translator is installed after the modules are imported)."""
    out = QCoreApplication.translate("", text)
    if out != text:
        _sources[out] = text
    return out


def source(text: str) -> str:
    """The English source of *text* if :func:`tr` translated it, else *text*: object names derived from a
    label (a dock's, whose name the saved window layout refers to) stay the same in every language."""
    return _sources.get(text, text)


def without_accelerator(label: str) -> str:
    """A menu label as plain text: "&Import document…" → "Import document…", "导入文档(&I)…" → "导入文档…"
    (Chinese labels carry their accelerator letter in brackets, which a toolbar button or a list of
    commands should not show)."""
    return re.sub(r"\(&\w\)", "", label).replace("&", "")


def system_language() -> str:
    """The interface language the system locale asks for: Chinese for any Chinese locale, else English."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve(setting: str) -> str:
    """The language a Preferences setting stands for ("system" → the system's)."""
    return setting if setting in LANGUAGES else system_language()


def install(language: str) -> str:
    """Load the translations of *language* ("en", "zh_CN" or "system") into the application; returns the
    language installed. English needs none; a missing file leaves the interface in English."""
    app = QCoreApplication.instance()
    lang = resolve(language)
    for t in _installed:
        if app is not None:
            app.removeTranslator(t)
    _installed.clear()
    if app is None or lang == "en":
        return "en"
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"policyreader_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang if _installed else "en"
