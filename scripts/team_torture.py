"""Team sync under fire: two people on one bare repository, syncing at the same time, with syncs killed
(SIGKILL) at random moments, round after round; then the figures.

    .venv/bin/python scripts/team_torture.py [--rounds 30] [--seed 21]

Each round both add an entry and an annotation and both sync at once; with some probability one or both
syncs are killed after a random delay (PolicyReader alone, or its whole process group, git included).
Each kill is classified by where it landed: before the library changed, after the library recorded the
merge but before the push, or after the push. At the end both sync to completion, and the script checks
that nothing was lost (every item on both sides), that both databases pass SQLite's integrity check, and
that every commit in the repository has only complete, readable files. Exit code 1 if anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.teams import DOC, assert_every_commit_is_whole, bare_repository, command  # noqa: E402

from policyreader.services.context import AppContext  # noqa: E402
from policyreader.services.paths import resolve_paths  # noqa: E402

NUMERALS = "零一二三四五六七八九"


def git(remote: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(remote), *args], capture_output=True, text=True).stdout.strip()


def synced(data: Path) -> str:
    with sqlite3.connect(data / "policyreader.db") as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'team.synced_commit'").fetchone()
    return str(row[0]) if row else ""


def add(data: Path, n: int) -> set[str]:
    ctx = AppContext(resolve_paths(data))
    try:
        term = "压测术语" + "".join(NUMERALS[int(c)] for c in str(n)) + data.name
        entry = ctx.workbench.add(term, [f"stress term {n} of {data.name}"])
        note = ctx.annotations.create(DOC, n % 400, n % 400 + 3, note=f"note {n} by {data.name}")
        return {entry.id, note.id}
    finally:
        ctx.close()


def contents(data: Path) -> set[str]:
    with sqlite3.connect(data / "policyreader.db") as db:
        ids = {r[0] for r in db.execute("SELECT id FROM user_entries")}
        ids |= {r[0] for r in db.execute("SELECT id FROM annotations WHERE deleted IS NULL OR deleted = ''")}
    return ids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--seed", type=int, default=21)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="team-torture-"))
    seed = tmp / "seed"
    subprocess.run(command(seed, "docs", "--json"), capture_output=True, check=True)  # imports the corpus once
    remote = bare_repository(tmp / "team.git")
    people = []
    for name in ("alice", "bob"):
        d = tmp / name
        subprocess.run(["cp", "-r", str(seed), str(d)], check=True)
        subprocess.run(command(d, "team", "join", str(remote), "--name", name.title()), capture_output=True,
                       check=True)
        people.append(d)
    made: set[str] = set()
    kills = {"python": 0, "group": 0}
    landed = {"before the library changed": 0, "after the library recorded the merge, before the push": 0,
              "after the push": 0}
    durations: list[float] = []
    attempts: list[int] = []
    failures: list[str] = []
    for n in range(args.rounds):
        for d in people:
            made |= add(d, n * 2 + (d.name == "bob"))
        before = {d: synced(d) for d in people}
        started = time.monotonic()
        procs = {d: subprocess.Popen(command(d, "team", "sync", "--json"), stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, start_new_session=True) for d in people}
        doomed = {d: rng.random() < 0.6 for d in people}
        deadline = {d: started + rng.uniform(0.0, 2.5) for d in people}
        for d, p in procs.items():
            killed = False
            if doomed[d]:
                try:
                    p.wait(timeout=max(0.0, deadline[d] - time.monotonic()))
                except subprocess.TimeoutExpired:
                    group = rng.random() < 0.25
                    (os.killpg(p.pid, signal.SIGKILL) if group else p.kill())
                    kills["group" if group else "python"] += 1
                    killed = True
            out, err = p.communicate(timeout=300)
            if killed:
                after = synced(d)
                if after == before[d]:
                    landed["before the library changed"] += 1
                elif subprocess.run(["git", "--git-dir", str(remote), "merge-base", "--is-ancestor", after, "main"],
                                    capture_output=True).returncode == 0:
                    landed["after the push"] += 1
                else:
                    landed["after the library recorded the merge, before the push"] += 1
            elif p.returncode != 0:
                failures.append(f"round {n}, {d.name}: exit {p.returncode}: {err.strip()}")
            else:
                durations.append(time.monotonic() - started)
                attempts.append(json.loads(out)["attempts"])
        for d in people:
            with sqlite3.connect(d / "policyreader.db") as db:
                if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    failures.append(f"round {n}, {d.name}: database integrity check failed")
    for d in [*people, people[0]]:
        proc = subprocess.run(command(d, "team", "sync"), capture_output=True, text=True)
        if proc.returncode != 0:
            failures.append(f"final sync of {d.name}: exit {proc.returncode}: {proc.stderr.strip()}")
    lost = {d.name: sorted(made - contents(d)) for d in people}
    try:
        commits = assert_every_commit_is_whole(remote)
    except AssertionError as exc:
        failures.append(f"repository: {exc}")
        commits = -1
    print(f"rounds: {args.rounds} (two syncs at once each round), seed {args.seed}")
    print(f"kills: {kills['python']} of PolicyReader alone, {kills['group']} with its git processes")
    for where, count in landed.items():
        print(f"  landed {where}: {count}")
    if durations:
        print(f"syncs that finished: {len(durations)}, median {statistics.median(durations):.2f} s, "
              f"max {max(durations):.2f} s; attempts (a retry = the other pushed first): "
              f"{sum(a > 1 for a in attempts)} retried, max {max(attempts)}")
    print(f"items made: {len(made)}; lost: {sum(len(v) for v in lost.values())} {lost if any(lost.values()) else ''}")
    print(f"repository: {commits} commits, every file of every commit readable: {commits > 0}")
    for f in failures:
        print(f"FAILED: {f}")
    return 1 if failures or any(lost.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
