"""User text shown as plain text. Qt renders a string that merely looks like HTML as rich text in
tooltips, labels and message boxes, so a note, a gloss, a document's sentence or a file name holding
``<img src=…>`` or ``<h1>`` would be drawn as markup (and could fetch a picture). Every place that shows
such text goes through here."""

from __future__ import annotations

from html import escape

from policyreader.gui.qt import QLabel, QMessageBox, Qt, QWidget


def tooltip(text: str) -> str:
    """A tooltip that shows *text* exactly, line breaks included (and wraps long notes)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def plain_label(label: QLabel) -> QLabel:
    """*label* set to show its text as plain text, whatever it looks like."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                informative: str = "", buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok
                ) -> QMessageBox:
    """A message box whose text and informative text are plain text."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
        for label in box.findChildren(QLabel, "qt_msgbox_informativelabel"):
            label.setTextFormat(Qt.TextFormat.PlainText)
    return box
