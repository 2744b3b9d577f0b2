"""Sharing a glossary and annotations with a team, through an ordinary git repository (OmegaT's team
projects, without a server of our own).

A library *joins* a team repository (any git URL, a local bare repository too); it keeps a working copy
in ``<data dir>/team``. :meth:`TeamService.sync` (in ``team_sync``) sends this user's entries and
annotations as text files, commits them under the user's name, merges what the others pushed, imports it
and pushes. :meth:`TeamService.status` tells what is new on either side. Two people changing the same item
differently is a conflict: both versions are kept (the library keeps this user's, the repository the
team's) until the user chooses one with :meth:`TeamService.resolve`.

One sync at a time per library: the team lock (``<data dir>/team.lock``, an ``flock``) is held for the
whole sync and inherited by the git processes it starts.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyreader.core.errors import UserError
from policyreader.core.model import Annotation, now
from policyreader.core.team_merge import Conflict
from policyreader.formats.team import ANNOTATION, ENTRY, ParseCache, split_key
from policyreader.services.annotations import AnnotationService
from policyreader.services.git import Git, TeamUnreachable, git_program
from policyreader.services.library import Library
from policyreader.services.team_items import SharedItems
from policyreader.services.workbench import GlossaryWorkbench
from policyreader.storage.schema import write_transaction
from policyreader.storage.team import PENDING, RESOLVED, ItemState, StoredConflict, TeamRepository, digest

LOCK_WAIT = 600.0
"""Seconds a sync waits for another sync of the same library to finish."""
KEEP = ("mine", "theirs", "both")


@dataclass(frozen=True)
class TeamSettings:
    remote: str
    branch: str
    name: str
    email: str
    synced_commit: str
    last_sync: str


@dataclass
class TeamConflict:
    """A conflict as the faces show it: what, whose, and both versions (None: deleted on that side)."""

    key: str
    kind: str            # "entry" | "annotation"
    id: str
    label: str           # the term, or the annotated quote
    what: str            # "changed by you and by Bob"
    theirs_by: str
    ours: Any
    theirs: Any

    def to_json(self) -> dict[str, Any]:
        def side(v: Any) -> Any:
            return None if v is None else v.to_json()
        return {"key": self.key, "kind": self.kind, "id": self.id, "label": self.label, "what": self.what,
                "theirs_by": self.theirs_by, "mine": side(self.ours), "theirs": side(self.theirs)}


@dataclass
class SideChanges:
    """What one side has that the other has not seen yet, by kind."""

    added: dict[str, list[str]] = field(default_factory=lambda: {ENTRY: [], ANNOTATION: []})
    changed: dict[str, list[str]] = field(default_factory=lambda: {ENTRY: [], ANNOTATION: []})
    deleted: dict[str, list[str]] = field(default_factory=lambda: {ENTRY: [], ANNOTATION: []})

    def note(self, key: str, old: str | None, new: str | None) -> None:
        kind, item_id = split_key(key)
        bucket = self.added if old is None else self.deleted if new is None else self.changed
        bucket[kind].append(item_id)

    @property
    def count(self) -> int:
        return sum(len(v) for b in (self.added, self.changed, self.deleted) for v in b.values())

    def to_json(self) -> dict[str, Any]:
        return {plural: {"added": sorted(self.added[kind]), "changed": sorted(self.changed[kind]),
                         "deleted": sorted(self.deleted[kind])}
                for kind, plural in ((ENTRY, "entries"), (ANNOTATION, "annotations"))}


class TeamService:
    """Team sharing for one library."""

    def __init__(self, library: Library, annotations: AnnotationService, workbench: GlossaryWorkbench):
        self.library = library
        self.repo = TeamRepository(library.repo.db)
        self.items = SharedItems(library, annotations, workbench)
        data_dir = library.engine.paths.data_dir
        self.workdir = data_dir / "team"
        self.lock_path = data_dir / "team.lock"
        self.parsed: ParseCache = {}  # files of the working copy already parsed, kept from one sync to the next

    # -- settings -----------------------------------------------------------------------------
    @property
    def joined(self) -> bool:
        return bool(self.repo.setting("remote"))

    def settings(self) -> TeamSettings:
        if not self.joined:
            raise UserError("team: this library has not joined a team; run 'policyreader team join REMOTE' "
                            "(any git URL, or the path of a bare repository)")
        r = self.repo
        return TeamSettings(r.setting("remote"), r.setting("branch") or "main", r.setting("name"),
                            r.setting("email"), r.setting("synced_commit"), r.setting("last_sync"))

    def last_result(self) -> dict[str, Any]:
        text = self.repo.setting("last_result")
        return dict(json.loads(text)) if text else {}

    def git(self, keep_fds: tuple[int, ...] = ()) -> Git:
        s = self.settings()
        return Git(self.workdir, s.name, s.email, keep_fds)

    @contextlib.contextmanager
    def lock(self) -> Iterator[int]:
        """The library's team lock, held (and handed to git) for a whole sync."""
        import fcntl

        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + LOCK_WAIT
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise UserError(f"team: another sync of this library has been running for over "
                                        f"{LOCK_WAIT:.0f} s ({self.lock_path}); try again later") from None
                    time.sleep(0.05)
            yield fd
        finally:
            os.close(fd)

    # -- joining ------------------------------------------------------------------------------
    def join(self, remote: str, name: str = "", email: str = "") -> TeamSettings:
        """Connect this library to the team repository *remote*; nothing is sent until the first sync."""
        git_program()
        remote = remote.strip()
        if not remote:
            raise UserError("team: give the team repository's address (a git URL or a folder)")
        if Path(remote).expanduser().exists():
            remote = str(Path(remote).expanduser().resolve())
            if not Path(remote).is_dir():
                raise TeamUnreachable(f"team: cannot reach the team repository {remote}: it is a file, so it does "
                                      "not appear to be a git repository")
        if self.joined:
            current = self.settings()
            if current.remote != remote:
                raise UserError(f"team: this library already syncs with {current.remote}; run 'policyreader "
                                "team leave' first to join another team")
        with self.lock() as fd:
            tmp = self.workdir.with_name("team.joining")
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            git = Git(tmp, keep_fds=(fd,))
            git.run("init", "-q")
            git.run("remote", "add", "origin", remote)
            git.run("fetch", "-q", "origin", network=remote)
            branch = self._team_branch(git, remote)
            git.run("symbolic-ref", "HEAD", f"refs/heads/{branch}")
            git_name = self._git_config(git, "user.name")
            name = name.strip() or git_name or getpass.getuser()
            git_email = self._git_config(git, "user.email") if name == git_name else ""
            email = email.strip() or git_email or f"{_slug(name)}@policyreader.invalid"
            shutil.rmtree(self.workdir, ignore_errors=True)
            os.replace(tmp, self.workdir)
            with write_transaction(self.repo.db):
                if not self.joined:  # a first join: nothing synced yet (joining again keeps what was agreed)
                    self.repo.forget_settings()
                    self.repo.set_setting("synced_commit", "")
                for key, value in (("remote", remote), ("branch", branch), ("name", name), ("email", email)):
                    self.repo.set_setting(key, value)
        return self.settings()

    @staticmethod
    def _team_branch(git: Git, remote: str) -> str:
        """The remote's default branch; for an empty repository, main."""
        heads = set(git.out("for-each-ref", "--format=%(refname:lstrip=3)", "refs/remotes/origin").split())
        head = git.run("ls-remote", "--symref", "origin", "HEAD", network=remote).stdout.decode()
        for line in head.splitlines():
            if line.startswith("ref: refs/heads/"):
                name = line.split()[1].removeprefix("refs/heads/")
                if name in heads:
                    return name
        for name in ("main", "master"):
            if name in heads:
                return name
        return sorted(heads)[0] if heads else "main"

    @staticmethod
    def _git_config(git: Git, key: str) -> str:
        proc = git.run("config", "--get", key, check=False)
        return proc.stdout.decode("utf-8", "replace").strip() if proc.returncode == 0 else ""

    def leave(self) -> str:
        """Disconnect from the team: the working copy goes, the library's entries and annotations stay."""
        remote = self.settings().remote
        with self.lock():
            self.repo.forget_settings()
            shutil.rmtree(self.workdir, ignore_errors=True)
        return remote

    # -- syncing ------------------------------------------------------------------------------
    def sync(self) -> SyncReport:
        from policyreader.services.team_sync import TeamSync

        return TeamSync(self).run()

    def local_changes(self) -> SideChanges:
        """What this library changed since the last sync (not counting items in conflict)."""
        changes = SideChanges()
        states = self.repo.states()
        for key, text in self.unsent(self.items.read()).items():
            old = states.get(key)
            changes.note(key, None if old is None or old.db in ("", PENDING) else "", text)
        return changes

    def unsent(self, current: dict[str, str]) -> dict[str, str | None]:
        """The items whose library version differs from the one the last sync agreed on (key → text,
        None for a deletion); items in conflict wait for the user."""
        states = self.repo.states()
        waiting = {c.key for c in self.repo.conflicts()}
        out: dict[str, str | None] = {}
        for key in {*current, *states}:
            st = states.get(key)
            if key in waiting or (st is not None and st.db == PENDING and key not in current):
                continue
            if digest(current.get(key)) != (st.db if st is not None else ""):
                out[key] = current.get(key)
        return out

    # -- conflicts ----------------------------------------------------------------------------
    def conflicts(self) -> list[TeamConflict]:
        out = []
        titles = {d.id: d.title for d in self.library.repo.documents()}
        docs = self.items.documents()
        for c in self.repo.conflicts():
            kind, item_id = split_key(c.key)
            ours, theirs = self.items.decode(c.key, c.ours), self.items.decode(c.key, c.theirs)
            some = ours if ours is not None else theirs
            if isinstance(some, Annotation):
                label = f"“{some.exact[:40]}” in {titles.get(docs.get(some.doc, ''), some.doc[:12])}"
            else:
                label = getattr(some, "term", item_id)
            what = Conflict(c.key, c.base, c.ours, c.theirs).what + " " + (c.theirs_by or "the team")
            out.append(TeamConflict(c.key, kind, item_id, label, what, c.theirs_by, ours, theirs))
        return out

    def find_conflict(self, ref: str) -> StoredConflict:
        """A waiting conflict by its key, its item id, or the start of an annotation id."""
        found = [c for c in self.repo.conflicts() if ref in (c.key, split_key(c.key)[1])]
        found = found or [c for c in self.repo.conflicts() if len(ref) >= 6 and split_key(c.key)[1].startswith(ref)]
        if len(found) != 1:
            waiting = ", ".join(split_key(c.key)[1] for c in self.repo.conflicts()) or "none"
            raise UserError(f"team: {ref!r} is not {'one' if not found else 'a single'} waiting conflict "
                            f"(waiting: {waiting})")
        return found[0]

    def resolve(self, ref: str, keep: str) -> str:
        """Settle one conflict: keep *mine* (sent at the next sync), take *theirs*, or keep *both* (an entry
        gains the other's renderings and notes; an annotation is kept twice). Returns the conflict's key."""
        if keep not in KEEP:
            raise UserError(f"team: --keep must be one of {', '.join(KEEP)}")
        c = self.find_conflict(ref)
        kind = split_key(c.key)[0]
        if keep == "both" and (c.ours is None or c.theirs is None):
            raise UserError(f"team: {split_key(c.key)[1]} was deleted on one side; keep mine or theirs")
        with write_transaction(self.repo.db):
            if keep == "theirs":
                now_db = self.items.apply(c.key, c.theirs)
                self.repo.set_state(c.key, ItemState(digest(c.theirs), PENDING if now_db == PENDING
                                                     else digest(now_db)))
            else:
                if keep == "both" and kind == ENTRY:
                    assert c.ours is not None and c.theirs is not None
                    self.items.merge_entries(c.ours, c.theirs)
                elif keep == "both":
                    assert c.theirs is not None
                    self.items.add_copy(c.theirs)
                self.repo.set_state(c.key, ItemState(digest(c.theirs), RESOLVED))
            self.repo.drop_conflict(c.key)
            self.items.finish()
        return c.key

    # -- status -------------------------------------------------------------------------------
    def status(self, fetch: bool = True) -> dict[str, Any]:
        from policyreader.services.team_sync import remote_changes

        s = self.settings()
        remote: dict[str, Any] = {}
        if self.workdir.joinpath(".git").is_dir():
            with self.lock() as fd:
                remote = remote_changes(self.git((fd,)), s, fetch)
        return {"remote": s.remote, "branch": s.branch, "name": s.name, "last_sync": s.last_sync,
                "local": self.local_changes().to_json(), "team": remote,
                "conflicts": [c.to_json() for c in self.conflicts()]}


@dataclass
class SyncReport:
    """What one sync did."""

    remote: str
    commit: str = ""
    pushed: bool = False
    sent: SideChanges = field(default_factory=SideChanges)
    received: SideChanges = field(default_factory=SideChanges)
    conflicts: list[TeamConflict] = field(default_factory=list)
    pending: int = 0
    problems: list[str] = field(default_factory=list)
    attempts: int = 1
    finished: str = field(default_factory=now)

    def to_json(self) -> dict[str, Any]:
        return {"remote": self.remote, "commit": self.commit, "pushed": self.pushed, "sent": self.sent.to_json(),
                "received": self.received.to_json(), "conflicts": [c.to_json() for c in self.conflicts],
                "pending": self.pending, "problems": self.problems, "attempts": self.attempts,
                "finished": self.finished}


def _slug(name: str) -> str:
    out = "".join(ch if ch.isalnum() and ch.isascii() else "." for ch in name.lower()).strip(".")
    return out or "member"
