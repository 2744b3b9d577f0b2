"""Team → Join a team… and the conflicts a sync found: the glossary merge preview (``exchange_dialogs``)
showing both versions of every conflicting item, with a choice for each."""

from __future__ import annotations

from html import escape

from policyreader.core.glossary_merge import ImportPreview
from policyreader.core.model import Annotation
from policyreader.gui.exchange_dialogs import ImportGlossaryDialog, versions_html
from policyreader.gui.i18n import tr
from policyreader.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from policyreader.services.team import TeamConflict


class JoinTeamDialog(QDialog):
    """The team repository's address (a git URL or a folder) and the name to commit under."""

    def __init__(self, parent: QWidget | None, name: str):
        super().__init__(parent)
        self.setWindowTitle(tr("Join a team"))
        self.remote = QLineEdit(self)
        self.remote.setObjectName("teamRemote")
        self.remote.setAccessibleName(tr("Team repository"))
        self.remote.setPlaceholderText(tr("git@host:team/glossary.git, https://…, or a folder"))
        self.name = QLineEdit(name, self)
        self.name.setObjectName("teamName")
        self.name.setAccessibleName(tr("Your name"))
        browse = QPushButton(tr("Folder…"), self)
        browse.clicked.connect(self._browse)
        row = QWidget(self)
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.remote)
        h.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Team repository:"), row)
        form.addRow(tr("Your name:"), self.name)
        note = QLabel(tr("Your own glossary entries and your annotations are shared with everyone who syncs with "
                         "this git repository; theirs come to you."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Join and sync"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.remote.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(False)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("The team repository"), self.remote.text())
        if path:
            self.remote.setText(path)


def annotation_html(a: Annotation | None) -> str:
    if a is None:
        return "<i>" + escape(tr("deleted")) + "</i>"
    tags = escape(tr("tags: {tags}").format(tags=", ".join(a.tags)))
    rendering = escape(tr("rendering: {rendering} {why}").format(rendering=a.rendering, why=a.rationale))
    return (f"<p>“{escape(a.exact)}”</p><p>{escape(a.note)}</p>"
            + (f"<p><small>{tags}</small></p>" if a.tags else "")
            + (f"<p><small>{rendering}</small></p>" if a.rendering else ""))


def conflict_what(c: TeamConflict) -> str:
    """How the two sides of a conflict differ, from the user's side ("changed by you and by Bob"), in the
    interface language. The service says it in English (for the CLI), starting with one of four phrases."""
    who = c.theirs_by or tr("the team")
    phrases = {"deleted by you, changed by": tr("deleted by you, changed by {who}"),
               "changed by you, deleted by": tr("changed by you, deleted by {who}"),
               "added differently by you and by": tr("added differently by you and by {who}"),
               "changed by you and by": tr("changed by you and by {who}")}
    for phrase, template in phrases.items():
        if c.what.startswith(phrase + " "):
            return template.format(who=who)
    return c.what


def conflict_label(c: TeamConflict) -> str:
    """The item in conflict: the term, or the annotated quote and its document."""
    head, sep, title = c.label.rpartition("” in ")  # the service's “quote” in Title
    if c.kind == "annotation" and sep and head.startswith("“"):
        return tr("“{quote}” in {document}").format(quote=head[1:], document=title)
    return c.label


class TeamConflictsDialog(ImportGlossaryDialog):
    """Both versions of each item two people changed differently, and which one to keep."""

    def __init__(self, parent: QWidget | None, remote: str, conflicts: list[TeamConflict]):
        self.conflicts = conflicts
        entries = [(c.ours, c.theirs) for c in conflicts if c.kind == "entry" and c.ours and c.theirs]
        super().__init__(parent, remote, ImportPreview(conflicting=entries))
        self.setWindowTitle(tr("Team sync: conflicts"))
        self.take_conflicts.hide()
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for c in conflicts:
            combo = QComboBox(self)
            combo.setObjectName(f"keep-{c.id}")
            combo.addItem(tr("Keep mine"), "mine")
            combo.addItem(tr("Take {name}'s").format(name=c.theirs_by), "theirs")
            if c.ours is not None and c.theirs is not None:
                combo.addItem(tr("Keep both") if c.kind == "annotation" else tr("Merge both (add their renderings)"),
                              "both")
            combo.setAccessibleName(tr("Keep which version of {item}").format(item=conflict_label(c)))
            self.combos[c.key] = combo
            form.addRow(tr("{item}:").format(item=conflict_label(c)), combo)
        self.layout_.insertLayout(self.layout_.count() - 1, form)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Keep these and sync"))
        ok.setEnabled(bool(conflicts))
        self.report.setHtml(self._team_html())

    def _team_html(self) -> str:
        out = ["<p>" + escape(tr("{n} item(s) were changed both here and by others. Both versions are kept until "
                                 "you choose.").format(n=len(self.conflicts))) + "</p>"]
        kinds = {"entry": tr("entry"), "annotation": tr("annotation")}
        yours = tr("yours")
        for c in self.conflicts:
            theirs = tr("{name}'s").format(name=c.theirs_by)
            out.append(f"<h3>{escape(kinds.get(c.kind, c.kind))} {escape(conflict_label(c))} — "
                       f"{escape(conflict_what(c))}</h3>")
            if c.kind == "entry":
                out.append(versions_html((yours, c.ours), (theirs, c.theirs)))
            else:
                out.append("<table border='1' cellpadding='4' cellspacing='0' width='100%'><tr>"
                           f"<th align='left'>{escape(yours)}</th><th align='left'>{escape(theirs)}</th></tr><tr>"
                           f"<td valign='top'>{annotation_html(c.ours)}</td>"
                           f"<td valign='top'>{annotation_html(c.theirs)}</td></tr></table>")
        return "".join(out)

    def choices(self) -> dict[str, str]:
        """Conflict key → "mine", "theirs" or "both"."""
        return {key: str(combo.currentData()) for key, combo in self.combos.items()}
