"""Team → Join, Sync and Resolve conflicts, and the last sync shown in the status bar and the menu."""

from __future__ import annotations

import getpass
from datetime import datetime
from typing import Any

from policyreader.gui.controllers.base import Controller
from policyreader.gui.i18n import tr
from policyreader.gui.qt import QAction, QLabel, QMessageBox
from policyreader.gui.team_dialogs import JoinTeamDialog, TeamConflictsDialog
from policyreader.services.changes import Changes
from policyreader.services.context import AppContext
from policyreader.services.team import SyncReport, TeamConflict, TeamSettings


def _when(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


class TeamController(Controller):
    """Sharing the user's entries and annotations with a team through git, from the window."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.label = QLabel(window)
        self.label.setObjectName("teamStatus")
        window.statusBar().addPermanentWidget(self.label)
        self.last_sync_action: QAction | None = None
        self.resolve_action: QAction | None = None

    def attach(self, last_sync: QAction, resolve: QAction) -> None:
        """The menu entries this controller keeps up to date (the window builds them)."""
        self.last_sync_action, self.resolve_action = last_sync, resolve
        last_sync.setEnabled(False)
        self.update_status()

    def on_changes(self, changes: Changes) -> None:
        self.update_status()

    def update_status(self) -> None:
        """The last sync and the waiting conflicts, in the status bar and the Team menu."""
        team = self.ctx.team
        joined = team.joined
        conflicts = len(team.repo.conflicts()) if joined else 0
        last = team.repo.setting("last_sync") if joined else ""
        text = "" if not joined else tr("Last sync: {when}").format(when=_when(last)) if last \
            else tr("Last sync: never")
        if conflicts:
            text += " · " + (tr("1 conflict waiting") if conflicts == 1
                             else tr("{n} conflicts waiting").format(n=conflicts))
        self.label.setText(tr("Team — {status}").format(status=text) if joined else "")
        self.label.setToolTip(team.repo.setting("remote") if joined else "")
        self.label.setVisible(joined)
        if self.last_sync_action is not None and self.resolve_action is not None:
            self.last_sync_action.setText(text or tr("Not in a team"))
            self.resolve_action.setText(tr("&Resolve conflicts ({n})…").format(n=conflicts) if conflicts
                                        else tr("&Resolve conflicts…"))

    # -- actions ------------------------------------------------------------------------------
    def join(self) -> None:
        dlg = JoinTeamDialog(self.window, getpass.getuser())
        if not dlg.exec():
            return
        remote, name = dlg.remote.text().strip(), dlg.name.text().strip()
        self.ops.run(lambda ctx, _oc: ctx.team.join(remote, name), label=tr("Joining the team"), success=self._joined,
                     failure=self.error)

    def _joined(self, settings: TeamSettings) -> None:
        self.status(tr("Joined {remote} as {name}").format(remote=settings.remote, name=settings.name), 5000)
        self.sync()

    def sync(self) -> None:
        if not self.ctx.team.joined:
            self.join()
            return
        self.ops.run(lambda ctx, _oc: ctx.team.sync(), label=tr("Syncing with the team"), success=self._synced,
                     failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.update_status()
        self.error(exc)

    def _synced(self, report: SyncReport) -> None:
        self.update_status()
        sent, received = report.sent.count, report.received.count
        message = tr("Synced with the team: sent {sent}, received {received} item(s)").format(sent=sent,
                                                                                              received=received)
        if report.conflicts:
            message = tr("{message}; {n} conflict(s) to settle").format(message=message, n=len(report.conflicts))
        self.status(message, 8000)
        if report.conflicts:
            self.resolve_conflicts(report.conflicts)

    def resolve_conflicts(self, conflicts: list[TeamConflict] | None = None) -> None:
        team = self.ctx.team
        conflicts = (team.conflicts() if team.joined else []) if conflicts is None else conflicts
        if not conflicts:
            QMessageBox.information(self.window, "PolicyReader",
                                    tr("No conflicts are waiting: every entry and annotation agrees with the team's "
                                       "as of the last sync.") if team.joined else
                                    tr("This library has not joined a team (Team → Join a team…)."))
            return
        dlg = TeamConflictsDialog(self.window, team.repo.setting("remote"), conflicts)
        if not dlg.exec():
            return
        choices = dlg.choices()

        def settle(ctx: AppContext, _oc: Any) -> SyncReport:
            for key, keep in choices.items():
                ctx.team.resolve(key, keep)
            return ctx.team.sync()

        self.ops.run(settle, label=tr("Keeping your choices and syncing"), success=self._synced,
                     failure=self._failed)
