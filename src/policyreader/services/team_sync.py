"""One team sync, in an order that survives being killed at any moment.

The library database is the truth about this user's work; the working copy is a projection of it. The
database records the commit whose files it last agreed with (``synced_commit``), together with a digest
of every item on both sides, in the one transaction that imports the team's changes. So every sync:

1. puts the working copy back at ``synced_commit`` (whatever a killed sync left: stale lock files, an
   unfinished merge, half-committed files, is thrown away — none of it was the only copy of anything);
2. writes the items changed in the library since then into the files and commits them, as the user;
3. fetches the team's branch and merges it: git merges the files, and where both sides changed a file we
   merge it item by item (``core.team_merge``); an item both changed differently keeps the team's
   version in the files and is recorded as a conflict, never decided;
4. imports into the library, in one transaction, every item the merge changed — unless the user changed
   it again meanwhile (then that is a conflict too) — and records the merge commit as synced;
5. pushes. Refused because someone pushed meanwhile: start again from 1 (now at the merge commit).

A kill before 4 leaves the database as it was and the next sync redoes 1–3; a kill after 4 leaves a merge
commit that the next sync pushes. The remote only ever moves by a push of complete commits.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policyreader.core.errors import UserError
from policyreader.core.team_merge import Conflict, merge3
from policyreader.formats.team import (
    ANNOTATION_DIR,
    ENTRY,
    ENTRY_DIR,
    ParseCache,
    TeamTree,
    entry_path,
    is_shared_path,
    parse_file,
    read_files,
    read_worktree,
    render_annotations,
    render_entry,
    split_key,
    write_changes,
    write_file,
)
from policyreader.services.git import Git
from policyreader.storage.schema import write_transaction
from policyreader.storage.team import PENDING, ItemState, StoredConflict, digest

if TYPE_CHECKING:
    from policyreader.services.team import SyncReport, TeamService, TeamSettings

MAX_ATTEMPTS = 8
_ATTRIBUTES = f"/{ENTRY_DIR}/*.toml -merge\n/{ANNOTATION_DIR}/*.jsonld -merge\n"
_REJECTED = ("[rejected]", "non-fast-forward", "fetch first", "cannot lock ref", "failed to update ref",
             "[remote rejected]", "failed to push some refs")


@dataclass
class Attempt:
    """What one attempt knows between its steps."""

    git: Git
    settings: TeamSettings
    report: SyncReport
    snapshot: dict[str, str]          # the library's items when they were written into the files
    local: dict[str, str | None]      # those changed since the last sync (None: deleted)
    tree_c: TeamTree                  # the files after this library's commit
    tree_m: TeamTree = field(default_factory=TeamTree)  # after the merge
    conflicts: dict[str, StoredConflict] = field(default_factory=dict)
    theirs: str = ""
    head: str = ""


class TeamSync:
    """Runs one sync of a library with its team (see the module's docstring for the order of things)."""

    def __init__(self, service: TeamService):
        self.service = service
        self.items = service.items
        self.repo = service.repo
        self.workdir = service.workdir
        self.parsed: ParseCache = service.parsed
        if len(self.parsed) > 50_000:  # versions of files long gone; a working copy rarely has this many
            self.parsed.clear()

    def run(self) -> SyncReport:
        from policyreader.services.team import SyncReport

        settings = self.service.settings()
        with self.service.lock() as fd:
            git = self.service.git((fd,))
            self.prepare(git, settings)
            report = SyncReport(settings.remote)
            for attempt in range(1, MAX_ATTEMPTS + 1):
                report.attempts = attempt
                if self._once(git, self.service.settings(), report):
                    return self._finish(report)
                time.sleep(random.uniform(0.05, 0.3) * attempt)  # someone pushed meanwhile: merge again
        raise UserError(f"team: {settings.remote} kept changing during {MAX_ATTEMPTS} attempts to sync; sync again")

    # -- the working copy ---------------------------------------------------------------------
    def prepare(self, git: Git, s: TeamSettings) -> None:
        """A working copy that exists (made again if it went missing) and merges as the sync expects."""
        if not (self.workdir / ".git").is_dir():
            tmp = self.workdir.with_name("team.joining")
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            fresh = Git(tmp, keep_fds=git.keep_fds)
            fresh.run("init", "-q")
            fresh.run("remote", "add", "origin", s.remote)
            fresh.fetch(s.remote)  # the synced commit, if it was pushed
            shutil.rmtree(self.workdir, ignore_errors=True)
            tmp.rename(self.workdir)
        info = self.workdir / ".git" / "info"
        info.mkdir(exist_ok=True)
        if not (info / "attributes").exists() or (info / "attributes").read_text() != _ATTRIBUTES:
            write_file(self.workdir / ".git", "info/attributes", _ATTRIBUTES.encode())
        if git.out("remote", "get-url", "origin") != s.remote:
            git.run("remote", "set-url", "origin", s.remote)

    def _reset(self, git: Git, s: TeamSettings) -> None:
        """Step 1: the working copy exactly at the synced commit (or empty, before the first sync)."""
        gitdir = self.workdir / ".git"
        # the team lock is held, and every git a previous sync started held it too: these are stale
        for stale in [*gitdir.glob("*.lock"), *(gitdir / "refs").rglob("*.lock")]:
            stale.unlink(missing_ok=True)
        if s.synced_commit and git.rev(s.synced_commit):
            git.run("reset", "-q", "--hard", s.synced_commit)
        else:
            for name in ("MERGE_HEAD", "MERGE_MSG", "MERGE_MODE", "AUTO_MERGE"):
                (gitdir / name).unlink(missing_ok=True)
            git.run("symbolic-ref", "HEAD", f"refs/heads/{s.branch}")
            if git.rev(f"refs/heads/{s.branch}"):
                git.run("update-ref", "-d", f"refs/heads/{s.branch}")
            git.run("read-tree", "--empty")
        git.run("clean", "-q", "-f", "-d", "-x")

    # -- one attempt, step by step ------------------------------------------------------------
    def _once(self, git: Git, s: TeamSettings, report: SyncReport) -> bool:
        attempt = self.send(git, s, report)
        self.receive(attempt)
        self.store(attempt)
        return self.push(attempt)

    def send(self, git: Git, s: TeamSettings, report: SyncReport) -> Attempt:
        """Steps 1–2: back at the synced commit, this library's changes written and committed."""
        self._reset(git, s)
        snapshot = self.items.read()
        local = self.service.unsent(snapshot)
        write_changes(self.workdir, read_worktree(self.workdir, self.parsed), local)
        git.run("add", "-A", "--", ".")
        if not git.ok("diff", "--cached", "--quiet"):
            git.run("commit", "-q", "-m", _message(s.name, local))
        return Attempt(git, s, report, snapshot, local, read_worktree(self.workdir, self.parsed))

    def receive(self, a: Attempt) -> None:
        """Step 3: the team's branch fetched and merged (item by item where both sides changed a file)."""
        a.git.fetch(a.settings.remote)
        a.theirs = a.git.rev(f"refs/remotes/origin/{a.settings.branch}")
        a.conflicts = self._merge(a.git, a.settings, a.theirs)
        a.tree_m = read_worktree(self.workdir, self.parsed)
        a.head = a.git.rev("HEAD")

    def store(self, a: Attempt) -> None:
        """Step 4: the merge into the library, and the agreement recorded, in one transaction."""
        self._import(a.snapshot, a.local, a.tree_c, a.tree_m, a.conflicts, a.head, a.report)
        a.report.commit = a.head

    def push(self, a: Attempt) -> bool:
        """Step 5; False when the team pushed meanwhile (then the sync starts again from step 1)."""
        git, s = a.git, a.settings
        if not a.head or a.head == a.theirs:
            return True
        proc = git.run("push", "-q", "origin", f"HEAD:refs/heads/{s.branch}", check=False)
        if proc.returncode == 0:
            a.report.pushed = True
            return True
        err = proc.stderr.decode("utf-8", "replace")
        if any(sign in err for sign in _REJECTED):
            return False
        git.run("push", "-q", "origin", f"HEAD:refs/heads/{s.branch}", network=s.remote)  # raises, one line
        a.report.pushed = True
        return True

    def _merge(self, git: Git, s: TeamSettings, theirs: str) -> dict[str, StoredConflict]:
        """Step 3: merge the team's branch into HEAD; returns the item conflicts found."""
        head = git.rev("HEAD")
        if not theirs or theirs == head or (head and git.ok("merge-base", "--is-ancestor", theirs, head)):
            return {}
        if not head:
            git.run("reset", "-q", "--hard", theirs)
            return {}
        proc = git.run("merge", "-q", "--no-edit", "-Xno-renames", "--allow-unrelated-histories", "-m",
                       f"PolicyReader: {s.name} merges the team's changes", theirs, check=False)
        if proc.returncode == 0:
            return {}
        stages: dict[str, dict[int, str]] = {}
        for rec in git.run("ls-files", "-u", "-z").stdout.decode("utf-8").split("\0"):
            if rec:
                meta, path = rec.split("\t", 1)
                _mode, sha, stage = meta.split()
                stages.setdefault(path, {})[int(stage)] = sha
        if not stages:
            why = (proc.stderr.decode("utf-8", "replace").strip().splitlines() or ["no reason given"])[-1]
            raise UserError(f"team: git merge failed in {self.workdir}: {why}")
        found: dict[str, StoredConflict] = {}
        for path, blobs in sorted(stages.items()):
            for c in self._merge_file(git, path, blobs):
                by = git.out("log", "-1", "--format=%an", theirs, "--", path) or "the team"
                found[c.key] = StoredConflict(c.key, c.base, c.ours, c.theirs, by, path, "")
        git.run("commit", "-q", "--no-edit")
        return found

    def _merge_file(self, git: Git, path: str, blobs: dict[int, str]) -> list[Conflict]:
        """Settle one file both sides changed: item by item; what cannot be read keeps the team's version."""
        data = {n: git.blob(sha) for n, sha in blobs.items()}
        try:
            if not is_shared_path(path):
                raise ValueError(path)
            sides = [{it.key: it.text for it in parse_file(path, data[n])} if n in data else {} for n in (1, 2, 3)]
        except ValueError:
            write_file(self.workdir, path, data.get(3))
            git.run("add", "-A", "--", path)
            return []
        merged, conflicts = merge3(*sides)
        targets: dict[str, bytes | None] = {path: None}
        if path.startswith(ENTRY_DIR + "/"):
            for key, text in merged.items():
                targets[entry_path(split_key(key)[1])] = render_entry(text)
        elif merged:
            targets[path] = render_annotations(Path(path).stem, merged.values())
        for target, content in targets.items():
            write_file(self.workdir, target, content)
            git.run("add", "-A", "--", target)
        return conflicts

    # -- into the library ---------------------------------------------------------------------
    def _import(self, snapshot: dict[str, str], local: dict[str, str | None], tree_c: TeamTree, tree_m: TeamTree,
                merge_conflicts: dict[str, StoredConflict], head: str, report: SyncReport) -> None:
        """Step 4, one transaction: the merge's changes into the library, and the new agreement recorded."""
        repo, items = self.repo, self.items
        with write_transaction(repo.db):
            current = items.read()
            states, waiting = repo.states(), {c.key: c for c in repo.conflicts()}
            new_states: dict[str, ItemState] = {}
            conflicts: dict[str, StoredConflict] = {}
            for key in sorted({*tree_c.items, *tree_m.items, *states, *waiting, *current}):
                t_item, c_item = tree_m.items.get(key), tree_c.items.get(key)
                t, c = t_item.text if t_item else None, c_item.text if c_item else None
                d, e, st = current.get(key), snapshot.get(key), states.get(key)
                if t_item is None and c_item is not None and c_item.path in tree_m.unreadable:
                    new_states[key] = st or ItemState(digest(c), digest(d))  # unknown: left as it was
                    continue
                if key in merge_conflicts or key in waiting:
                    old = merge_conflicts.get(key) or waiting[key]
                    if d != t:
                        conflicts[key] = replace(old, ours=d, theirs=t, found=old.found or report.finished)
                    new_states[key] = ItemState(digest(t), digest(d))
                    continue
                incoming = t != c or (st is None and t is not None and d is None and key not in local)
                retry = st is not None and st.db == PENDING and t is not None and d is None
                if incoming and d != e:  # changed here again while the team changed it too
                    where = t_item or c_item
                    path = where.path if where is not None else ""
                    conflicts[key] = StoredConflict(key, c, d, t, "the team", path, report.finished)
                    new_states[key] = ItemState(digest(t), digest(d))
                elif incoming or retry:
                    after = items.apply(key, t)
                    if after != PENDING:  # arrived now (or its document did)
                        report.received.note(key, d, t)
                    new_states[key] = ItemState(digest(t), PENDING if after == PENDING else digest(after))
                elif key in local:
                    new_states[key] = ItemState(digest(t), digest(e))
                    report.sent.note(key, None if st is None or st.db in ("", PENDING) else "", e)
                elif st is not None:
                    new_states[key] = ItemState(digest(t), st.db)
                elif t is not None:  # in the files but never agreed here: the library's version is sent
                    new_states[key] = ItemState(digest(t), "")
                # else: made here during this sync; nothing agreed, so the next sync sends it
            repo.replace_states(new_states)
            repo.replace_conflicts(list(conflicts.values()))
            repo.set_setting("synced_commit", head)
            items.finish()
        report.pending = sum(1 for st in new_states.values() if st.db == PENDING)
        report.problems = [f"{p}: {why}" for p, why in sorted(tree_m.unreadable.items())]

    def _finish(self, report: SyncReport) -> SyncReport:
        import json

        report.conflicts = self.service.conflicts()
        result = {"finished": report.finished, "pushed": report.pushed, "conflicts": len(report.conflicts),
                  "sent": report.sent.count, "received": report.received.count}
        with write_transaction(self.repo.db):
            self.repo.set_setting("last_sync", report.finished)
            self.repo.set_setting("last_result", json.dumps(result))
        return report


def _message(name: str, local: dict[str, str | None]) -> str:
    entries = sum(1 for k in local if split_key(k)[0] == ENTRY)
    notes = len(local) - entries
    parts = [f"{n} {what}{'' if n == 1 else 's'}" for n, what in ((entries, "entry"), (notes, "annotation")) if n]
    return f"PolicyReader: {name}'s changes ({', '.join(parts) or 'none'})".replace("entrys", "entries")


def remote_changes(git: Git, s: TeamSettings, fetch: bool) -> dict[str, Any]:
    """What the team pushed since the last sync: commits, authors, and items added, changed or deleted."""
    from policyreader.services.team import SideChanges

    if fetch:
        git.fetch(s.remote)
    theirs = git.rev(f"refs/remotes/origin/{s.branch}")
    synced = s.synced_commit if s.synced_commit and git.rev(s.synced_commit) else ""
    base = git.out("merge-base", synced, theirs) if synced and theirs and git.ok("merge-base", synced, theirs) else ""
    changes = SideChanges()
    if not theirs or theirs == base:
        return {"commits": 0, "authors": [], **changes.to_json()}
    authors = [a for a in git.out("log", "--format=%an", f"{base}..{theirs}" if base else theirs).splitlines() if a]
    paths = git.out("diff", "--name-only", "--no-renames", base or _EMPTY_TREE, theirs, "--",
                    ENTRY_DIR, ANNOTATION_DIR).splitlines()

    def tree_at(commit: str) -> TeamTree:
        files = []
        for p in paths:
            proc = git.run("cat-file", "blob", f"{commit}:{p}", check=False) if commit else None
            if proc is not None and proc.returncode == 0:
                files.append((p, proc.stdout))
        return read_files(files)

    old, new = tree_at(base), tree_at(theirs)
    for key in sorted({*old.items, *new.items}):
        a, b = old.items.get(key), new.items.get(key)
        if (a.text if a else None) != (b.text if b else None):
            changes.note(key, a.text if a else None, b.text if b else None)
    return {"commits": len(authors), "authors": sorted(set(authors)), **changes.to_json()}


_EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
