"""Preferences (Edit → Preferences…, Ctrl+,): the interface language, the colour theme, the reader's font,
the popup's delay, tone colours and traditional forms. Each setting is declared once here, kept with
QSettings, and applied live where Qt allows it (the language on the next start)."""

from __future__ import annotations

from dataclasses import dataclass

from policyreader.gui.i18n import LANGUAGES, tr
from policyreader.gui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFont,
    QFontComboBox,
    QFontDatabase,
    QFormLayout,
    QLabel,
    QSettings,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

THEMES = ("system", "light", "dark")
TONE_SCHEMES = ("none", "mdbg", "pleco")


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    return value in (True, "true", "1", 1)


@dataclass
class Preferences:
    """What the user chose; ``load`` and ``save`` are the only places that know the settings keys."""

    language: str = "system"       # "system" | "en" | "zh_CN"
    theme: str = "system"          # "system" | "light" | "dark"
    font_family: str = ""          # "" = the first installed CJK family
    font_size: float = 13.0
    popup_delay: int = 0           # ms between the pointer resting on a word and the popup
    tone_scheme: str = "mdbg"      # "none" | "mdbg" (red, orange, green, blue) | "pleco" (red, green, blue, purple)
    traditional: bool = True       # show traditional forms in the popup

    @classmethod
    def load(cls, s: QSettings) -> Preferences:
        p = cls()
        p.language = str(s.value("ui/language", p.language))
        p.theme = str(s.value("ui/theme", p.theme))
        p.font_family = str(s.value("reader/fontFamily", p.font_family) or "")
        try:
            p.font_size = max(8.0, min(40.0, float(str(s.value("reader/fontSize", p.font_size)))))
            p.popup_delay = max(0, min(2000, int(str(s.value("popup/delay", p.popup_delay)))))
        except ValueError:
            pass
        tones = _bool(s.value("popup/toneColours"), True)
        scheme = str(s.value("popup/toneScheme", p.tone_scheme))
        p.tone_scheme = "none" if not tones else scheme if scheme in TONE_SCHEMES else "mdbg"
        p.traditional = _bool(s.value("popup/traditional"), True)
        if p.language not in ("system", *LANGUAGES):
            p.language = "system"
        if p.theme not in THEMES:
            p.theme = "system"
        return p

    def save(self, s: QSettings) -> None:
        s.setValue("ui/language", self.language)
        s.setValue("ui/theme", self.theme)
        s.setValue("reader/fontFamily", self.font_family)
        s.setValue("reader/fontSize", self.font_size)
        s.setValue("popup/delay", self.popup_delay)
        s.setValue("popup/toneColours", self.tone_scheme != "none")
        if self.tone_scheme != "none":
            s.setValue("popup/toneScheme", self.tone_scheme)
        s.setValue("popup/traditional", self.traditional)


class PreferencesDialog(QDialog):
    """The Preferences dialog: a form over :class:`Preferences`."""

    def __init__(self, parent: QWidget | None, prefs: Preferences):
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        self.setObjectName("preferencesDialog")
        self.language = QComboBox(self)
        self.language.addItem(tr("As the system (default)"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.theme = QComboBox(self)
        for code, label in (("system", tr("As the system")), ("light", tr("Light")), ("dark", tr("Dark"))):
            self.theme.addItem(label, code)
        self.font_box = QFontComboBox(self)
        self.font_box.setWritingSystem(QFontDatabase.WritingSystem.SimplifiedChinese)
        self.size_box = QSpinBox(self)
        self.size_box.setRange(8, 40)
        self.size_box.setSuffix(" pt")
        self.delay = QSpinBox(self)
        self.delay.setRange(0, 2000)
        self.delay.setSingleStep(50)
        self.delay.setSuffix(" ms")
        self.tones = QComboBox(self)
        for code, label in (("none", tr("No colours")), ("mdbg", tr("Red, orange, green, blue (MDBG)")),
                            ("pleco", tr("Red, green, blue, purple (Pleco)"))):
            self.tones.addItem(label, code)
        self.traditional = QCheckBox(tr("Show traditional forms in the popup"), self)
        note = QLabel(tr("A new interface language takes effect when PolicyReader starts again."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        for label, widget, name in ((tr("Interface language:"), self.language, tr("Interface language")),
                                    (tr("Colour theme:"), self.theme, tr("Colour theme")),
                                    (tr("Reader font:"), self.font_box, tr("Reader font")),
                                    (tr("Text size:"), self.size_box, tr("Text size")),
                                    (tr("Popup delay:"), self.delay, tr("Popup delay")),
                                    (tr("Tone colours in pinyin:"), self.tones, tr("Tone colours"))):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        form.addRow("", self.traditional)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.set_values(prefs)

    def set_values(self, p: Preferences) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(p.language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(p.theme)))
        if p.font_family:
            self.font_box.setCurrentFont(QFont(p.font_family))
        self.size_box.setValue(int(round(p.font_size)))
        self.delay.setValue(p.popup_delay)
        self.tones.setCurrentIndex(max(0, self.tones.findData(p.tone_scheme)))
        self.traditional.setChecked(p.traditional)

    def values(self) -> Preferences:
        return Preferences(language=str(self.language.currentData()), theme=str(self.theme.currentData()),
                           font_family=self.font_box.currentFont().family(), font_size=float(self.size_box.value()),
                           popup_delay=self.delay.value(), tone_scheme=str(self.tones.currentData()),
                           traditional=self.traditional.isChecked())
