"""Team → Join a team… and the conflicts a sync found: the glossary merge preview (``exchange_dialogs``)
showing both versions of every conflicting item, with a choice for each."""

from __future__ import annotations

from html import escape

from policyreader.core.glossary_merge import ImportPreview
from policyreader.core.model import Annotation
from policyreader.gui.exchange_dialogs import ImportGlossaryDialog, versions_html
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
        self.setWindowTitle("Join a team")
        self.remote = QLineEdit(self)
        self.remote.setObjectName("teamRemote")
        self.remote.setPlaceholderText("git@host:team/glossary.git, https://…, or a folder")
        self.name = QLineEdit(name, self)
        self.name.setObjectName("teamName")
        browse = QPushButton("Folder…", self)
        browse.clicked.connect(self._browse)
        row = QWidget(self)
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.remote)
        h.addWidget(browse)
        form = QFormLayout()
        form.addRow("Team repository:", row)
        form.addRow("Your name:", self.name)
        note = QLabel("Your own glossary entries and your annotations are shared with everyone who syncs with "
                      "this git repository; theirs come to you.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Join and sync")
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
        path = QFileDialog.getExistingDirectory(self, "The team repository", self.remote.text())
        if path:
            self.remote.setText(path)


def annotation_html(a: Annotation | None) -> str:
    if a is None:
        return "<i>deleted</i>"
    tags = f"<p><small>tags: {escape(', '.join(a.tags))}</small></p>" if a.tags else ""
    rendering = f"<p><small>rendering: {escape(a.rendering)} {escape(a.rationale)}</small></p>" if a.rendering else ""
    return f"<p>“{escape(a.exact)}”</p><p>{escape(a.note)}</p>{tags}{rendering}"


class TeamConflictsDialog(ImportGlossaryDialog):
    """Both versions of each item two people changed differently, and which one to keep."""

    def __init__(self, parent: QWidget | None, remote: str, conflicts: list[TeamConflict]):
        self.conflicts = conflicts
        entries = [(c.ours, c.theirs) for c in conflicts if c.kind == "entry" and c.ours and c.theirs]
        super().__init__(parent, remote, ImportPreview(conflicting=entries))
        self.setWindowTitle("Team sync: conflicts")
        self.take_conflicts.hide()
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for c in conflicts:
            combo = QComboBox(self)
            combo.setObjectName(f"keep-{c.id}")
            combo.addItem("Keep mine", "mine")
            combo.addItem(f"Take {c.theirs_by}'s", "theirs")
            if c.ours is not None and c.theirs is not None:
                combo.addItem("Keep both" if c.kind == "annotation" else "Merge both (add their renderings)", "both")
            self.combos[c.key] = combo
            form.addRow(f"{c.label}:", combo)
        self.layout_.insertLayout(self.layout_.count() - 1, form)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Keep these and sync")
        ok.setEnabled(bool(conflicts))
        self.report.setHtml(self._team_html())

    def _team_html(self) -> str:
        out = [f"<p>{len(self.conflicts)} item(s) were changed both here and by others. Both versions are kept "
               "until you choose.</p>"]
        for c in self.conflicts:
            out.append(f"<h3>{escape(c.kind)} {escape(c.label)} — {escape(c.what)}</h3>")
            if c.kind == "entry":
                out.append(versions_html(("yours", c.ours), (f"{c.theirs_by}'s", c.theirs)))
            else:
                out.append("<table border='1' cellpadding='4' cellspacing='0' width='100%'><tr>"
                           f"<th align='left'>yours</th><th align='left'>{escape(c.theirs_by)}'s</th></tr><tr>"
                           f"<td valign='top'>{annotation_html(c.ours)}</td>"
                           f"<td valign='top'>{annotation_html(c.theirs)}</td></tr></table>")
        return "".join(out)

    def choices(self) -> dict[str, str]:
        """Conflict key → "mine", "theirs" or "both"."""
        return {key: str(combo.currentData()) for key, combo in self.combos.items()}
