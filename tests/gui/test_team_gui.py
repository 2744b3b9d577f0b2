"""Team → Join a team… and Team → Sync in the window, with another person syncing through the real CLI:
their entry and annotation arrive, the last sync shows in the status bar, and a conflict opens the glossary
merge preview with both versions, where the user's choice is kept and synced."""

from __future__ import annotations

import json
from pathlib import Path

from policyreader.gui.qt import QLabel
from policyreader.gui.team_dialogs import JoinTeamDialog, TeamConflictsDialog
from tests.gui.driving import accept, action_named, reject, trigger, wait_idle
from tests.teams import DOC, bare_repository, member, policyreader


def test_join_sync_and_settle_a_conflict_in_the_window(window, qtbot, dialogs, corpus_seed: Path,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    remote = bare_repository(tmp_path / "team.git")
    bob = member(corpus_seed, tmp_path, "bob")
    assert policyreader(bob, "team", "join", str(remote), "--name", "Bob").returncode == 0
    assert policyreader(bob, "glossary", "add", "信用修复承诺", "--rendering", "credit repair pledge").returncode == 0
    assert policyreader(bob, "annotate", DOC, "--start", "0", "--end", "4", "--note", "Bob's note").returncode == 0
    assert policyreader(bob, "team", "sync").returncode == 0
    label = window.findChild(QLabel, "teamStatus")
    assert not label.isVisible()

    def fill(dlg: JoinTeamDialog) -> None:
        assert not dlg.ok_button.isEnabled()
        dlg.remote.setText(str(remote))
        dlg.name.setText("Alice")

    dialogs.expect(JoinTeamDialog, accept(fill))
    trigger(window, qtbot, action_named(window, "Join a team…"))  # joins, then syncs
    qtbot.waitUntil(lambda: not dialogs.expected, timeout=10000)
    wait_idle(window, qtbot)
    entry_id = next(e.id for e in window.ctx.engine.glossary.entries.values() if e.term == "信用修复承诺")
    assert [a.note for a in window.ctx.annotations.find(DOC)] == ["Bob's note"]
    assert label.isVisible() and label.text().startswith("Team — Last sync: 20")
    assert action_named(window, label.text().removeprefix("Team — ")) is not None  # the menu shows it too
    assert action_named(window, "Resolve conflicts…") is not None  # none waiting: the count shows when some do

    # both change the entry; Bob syncs first
    window.ops.run(lambda ctx, _oc: ctx.workbench.edit_entry(entry_id, ["pledge (Alice)"]), label="Editing")
    wait_idle(window, qtbot)
    assert policyreader(bob, "glossary", "add", "信用修复承诺", "--rendering", "pledge (Bob)").returncode == 0
    assert policyreader(bob, "team", "sync").returncode == 0
    seen: dict[str, str] = {}

    def choose(dlg: TeamConflictsDialog) -> None:
        seen["page"] = dlg.report.toPlainText()
        combo = dlg.combos[f"entry:{entry_id}"]
        combo.setCurrentIndex(combo.findData("theirs"))

    dialogs.expect(TeamConflictsDialog, reject)  # not now: both versions stay where they are
    trigger(window, qtbot, action_named(window, "Sync with the team"))
    qtbot.waitUntil(lambda: not dialogs.expected, timeout=20000)
    wait_idle(window, qtbot)
    assert label.text().endswith("1 conflict waiting")
    assert [r.text for r in window.ctx.engine.glossary.entries[entry_id].renderings][-1] == "pledge (Alice)"
    dialogs.expect(TeamConflictsDialog, accept(choose))
    trigger(window, qtbot, action_named(window, "Resolve conflicts (1)…"))
    qtbot.waitUntil(lambda: not dialogs.expected, timeout=20000)
    wait_idle(window, qtbot)
    assert "changed by you and by Bob" in seen["page"]
    assert "pledge (Alice)" in seen["page"] and "pledge (Bob)" in seen["page"]  # both versions shown
    renderings = [r.text for r in window.ctx.engine.glossary.entries[entry_id].renderings]
    assert "pledge (Bob)" in renderings and "pledge (Alice)" not in renderings
    assert "conflict" not in label.text()
    status = json.loads(policyreader(bob, "team", "status", "--json").stdout)
    assert status["conflicts"] == [] and status["team"]["commits"] >= 1  # Alice's merge, nothing to change
