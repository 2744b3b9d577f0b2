"""``policyreader team`` as real processes: two people join one bare repository, add entries and
annotations, sync (exit 1 naming conflicts until they choose), sync at the same time, have syncs killed
at random moments (nothing lost, the repository never half-written), and meet an unreachable remote, a
folder that is not a repository, or a machine without git (one line, exit 2)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from tests.teams import (
    DOC,
    assert_every_commit_is_whole,
    bare_repository,
    member,
    policyreader,
    remote_commits,
    start_sync,
    without_git_env,
)

NUMERALS = "零一二三四五六七八九"


def joined(seed: Path, tmp_path: Path, *names: str) -> tuple[Path, list[Path]]:
    remote = bare_repository(tmp_path / "team.git")
    dirs = []
    for name in names:
        d = member(seed, tmp_path, name.lower())
        out = policyreader(d, "team", "join", str(remote), "--name", name, "--json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout) == {"remote": str(remote), "branch": "main", "name": name,
                                          "email": f"{name.lower()}@policyreader.invalid"}
        dirs.append(d)
    return remote, dirs


def one_line_error(out: subprocess.CompletedProcess[str], *words: str) -> str:
    assert out.returncode == 2, (out.returncode, out.stdout, out.stderr)
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, out.stderr
    assert out.stderr.startswith("policyreader: error: team: "), out.stderr
    for w in words:
        assert w in out.stderr, out.stderr
    return out.stderr


def add_items(data: Path, n: int) -> tuple[str, str]:
    """One new entry and one new annotation, written as the window would; their ids."""
    ctx = AppContext(resolve_paths(data))
    try:
        term = "团队术语" + "".join(NUMERALS[int(c)] for c in str(n)) + ("甲" if data.name == "alice" else "乙")
        entry = ctx.workbench.add(term, [f"team term {n} of {data.name}"])
        note = ctx.annotations.create(DOC, n, n + 3, note=f"note {n} by {data.name}")
        return entry.id, note.id
    finally:
        ctx.close()


def contents(data: Path) -> tuple[set[str], set[str]]:
    """The user entry ids and the annotation ids a library holds."""
    with sqlite3.connect(data / "policyreader.db") as db:
        entries = {r[0] for r in db.execute("SELECT id FROM user_entries")}
        notes = {r[0] for r in db.execute("SELECT id FROM annotations WHERE deleted IS NULL OR deleted = ''")}
    return entries, notes


def integrity(data: Path) -> str:
    with sqlite3.connect(data / "policyreader.db") as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def test_two_people_share_entries_and_annotations_and_settle_a_conflict(corpus_seed: Path, tmp_path: Path) -> None:
    _remote, (alice, bob) = joined(corpus_seed, tmp_path, "Alice", "Bob")
    assert policyreader(alice, "glossary", "add", "信用修复承诺", "--rendering", "credit repair pledge").returncode == 0
    assert policyreader(bob, "annotate", DOC, "--start", "0", "--end", "4", "--note", "Bob's note").returncode == 0
    status = json.loads(policyreader(alice, "team", "status", "--json").stdout)
    assert len(status["local"]["entries"]["added"]) == 1 and status["team"]["commits"] == 0
    first = policyreader(alice, "team", "sync")
    assert first.returncode == 0 and "sent 1 entry, 0 annotations" in first.stdout, first.stdout
    second = policyreader(bob, "team", "sync", "--json")
    report = json.loads(second.stdout)
    assert second.returncode == 0 and report["pushed"] and report["conflicts"] == []
    assert report["received"]["entries"]["added"] == status["local"]["entries"]["added"]
    assert policyreader(alice, "team", "sync").returncode == 0
    entry_id = report["received"]["entries"]["added"][0]
    assert entry_id in contents(bob)[0] and contents(alice)[1] == contents(bob)[1] != set()

    # both change the same entry: the second to sync exits 1 and names it, until they choose
    assert policyreader(alice, "glossary", "add", "信用修复承诺", "--rendering", "pledge (Alice)").returncode == 0
    assert policyreader(bob, "glossary", "add", "信用修复承诺", "--rendering", "pledge (Bob)").returncode == 0
    assert policyreader(alice, "team", "sync").returncode == 0
    for _ in range(2):
        out = policyreader(bob, "team", "sync")
        assert out.returncode == 1, out.stdout + out.stderr
        assert f"entry {entry_id} (信用修复承诺): changed by you and by Alice" in out.stdout
    listed = json.loads(policyreader(bob, "team", "conflicts", "--json").stdout)
    assert [c["id"] for c in listed] == [entry_id]
    assert "pledge (Bob)" in json.dumps(listed[0]["mine"]) and "pledge (Alice)" in json.dumps(listed[0]["theirs"])
    one_line_error(policyreader(bob, "team", "resolve", entry_id, "--all", "--keep", "both"), "not both")
    out = policyreader(bob, "team", "resolve", entry_id, "--keep", "both")
    assert out.returncode == 0 and f"kept both for entry:{entry_id}" in out.stdout
    # nothing left: --all has nothing to do and says so (it used to ask for --all, which it had been given)
    out = policyreader(bob, "team", "resolve", "--all", "--keep", "mine")
    assert out.returncode == 0 and out.stdout.strip() == "no conflicts to resolve", out.stdout + out.stderr
    one_line_error(policyreader(bob, "team", "resolve", "--keep", "mine"), "or give --all")
    assert policyreader(bob, "team", "sync").returncode == 0
    assert policyreader(alice, "team", "sync").returncode == 0
    shown = [json.loads(policyreader(d, "glossary", "search", "信用修复承诺", "--json").stdout)[0] for d in (alice, bob)]
    assert shown[0]["renderings"] == shown[1]["renderings"]
    assert {"pledge (Alice)", "pledge (Bob)"} <= {r["text"] for r in shown[0]["renderings"]}


def test_an_unreachable_remote_or_a_folder_that_is_not_a_repository(corpus_seed: Path, tmp_path: Path) -> None:
    data = member(corpus_seed, tmp_path, "carol")
    plain = tmp_path / "not-a-repo"
    plain.mkdir()
    (tmp_path / "a-file").write_text("x")
    one_line_error(policyreader(data, "team", "sync"), "has not joined a team")
    for bad in (tmp_path / "missing.git", plain, tmp_path / "a-file"):
        one_line_error(policyreader(data, "team", "join", str(bad)), "cannot reach the team repository",
                       "does not appear to be a git repository")
    one_line_error(policyreader(data, "team", "join", "http://127.0.0.1:9/team.git"),
                   "cannot reach the team repository http://127.0.0.1:9/team.git")
    remote = bare_repository(tmp_path / "team.git")
    assert policyreader(data, "team", "join", str(remote), "--name", "Carol").returncode == 0
    assert policyreader(data, "glossary", "add", "信用修复承诺", "--rendering", "x").returncode == 0
    before = contents(data)
    remote.rename(tmp_path / "moved.git")  # the server went away
    for args in (("team", "sync"), ("team", "status")):
        one_line_error(policyreader(data, *args), f"cannot reach the team repository {remote}")
    assert contents(data) == before and integrity(data) == "ok"
    (tmp_path / "moved.git").rename(remote)  # back: the next sync sends what waited
    out = policyreader(data, "team", "sync", "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["sent"]["entries"]["added"]


def test_without_git_the_team_commands_say_so(corpus_seed: Path, tmp_path: Path) -> None:
    data = member(corpus_seed, tmp_path, "dan")
    remote = bare_repository(tmp_path / "team.git")
    one_line_error(policyreader(data, "team", "join", str(remote), env=without_git_env()), "git program was not found")
    assert policyreader(data, "team", "join", str(remote)).returncode == 0
    one_line_error(policyreader(data, "team", "sync", env=without_git_env()), "git program was not found", "install")


@pytest.mark.slow
def test_two_people_syncing_at_the_same_time_lose_nothing(corpus_seed: Path, tmp_path: Path) -> None:
    remote, (alice, bob) = joined(corpus_seed, tmp_path, "Alice", "Bob")
    made: dict[Path, tuple[set[str], set[str]]] = {alice: (set(), set()), bob: (set(), set())}
    attempts = []
    for n in range(4):
        for d in (alice, bob):
            entry, note = add_items(d, n * 10 + (d == bob))
            made[d][0].add(entry)
            made[d][1].add(note)
        procs = [start_sync(alice), start_sync(bob)]  # both at once, on the same remote
        for p in procs:
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
            attempts.append(json.loads(out)["attempts"])
    # the same library synced twice at once waits its turn
    procs = [start_sync(alice), start_sync(alice)]
    assert [p.communicate(timeout=300) and p.returncode for p in procs] == [0, 0]
    for d in (alice, bob, alice):
        assert policyreader(d, "team", "sync").returncode == 0
    every_entry = made[alice][0] | made[bob][0]
    every_note = made[alice][1] | made[bob][1]
    for d in (alice, bob):
        entries, notes = contents(d)
        assert every_entry <= entries and every_note <= notes
    assert assert_every_commit_is_whole(remote) > 4
    assert len(attempts) == 8 and all(a >= 1 for a in attempts)


@pytest.mark.slow
def test_syncs_killed_at_random_moments_lose_nothing(corpus_seed: Path, tmp_path: Path) -> None:
    """SIGKILL a sync at a random moment, again and again, on both sides, sometimes with its git processes;
    the library and the repository stay whole, and the next syncs deliver everything."""
    remote, (alice, bob) = joined(corpus_seed, tmp_path, "Alice", "Bob")
    rng = random.Random(21)
    made: set[str] = set()
    add_items(alice, 99)
    t0 = time.monotonic()
    assert policyreader(alice, "team", "sync").returncode == 0
    typical = time.monotonic() - t0
    kills = 0
    for n in range(12):
        person = alice if n % 2 == 0 else bob
        made.update(add_items(person, n))
        proc = start_sync(person)
        try:
            proc.wait(timeout=rng.uniform(0.0, typical))  # at most until the random moment
        except subprocess.TimeoutExpired:
            if n % 4 == 3:
                os.killpg(proc.pid, signal.SIGKILL)  # the whole process group, git included
            else:
                proc.kill()  # PolicyReader only; its git carries on and holds the lock until done
            kills += 1
        proc.communicate()
        assert integrity(person) == "ok"
        commits = remote_commits(remote)
        assert len(commits) == len(set(commits))
    assert kills >= 6, f"only {kills} of 12 syncs were killed before finishing"
    for d in (alice, bob, alice):
        out = policyreader(d, "team", "sync")
        assert out.returncode == 0, out.stderr
    for d in (alice, bob):
        entries, notes = contents(d)
        assert made <= entries | notes, sorted(made - entries - notes)
    assert assert_every_commit_is_whole(remote) > 2
