"""Team sync: what PolicyReader adds to git's own work. One person sends 200 entries and 1,000 annotations,
another receives them, then a sync with nothing new; each against bare git doing the same transport in
clones of its own (commit and push of the same files; fetch and merge; fetch), measured interleaved."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from benchmarks.conftest import report
from policyreader.core.glossary import GlossaryEntry, Rendering
from policyreader.core.model import Annotation, now
from policyreader.services.context import AppContext
from policyreader.services.engine import TextEngine
from policyreader.services.library import Library
from policyreader.services.paths import resolve_paths

ENTRIES, NOTES, ROUNDS = 200, 1000, 3


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Git", "-c", "user.email=git@example.invalid", *args], cwd=cwd,
                   check=True, capture_output=True)


@pytest.fixture(scope="module")
def people(bench_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Alice's library with 200 entries and 1,000 annotations of the corpus; Bob's with the corpus only."""
    base = tmp_path_factory.mktemp("team")
    bob = base / "bob"
    shutil.copytree(bench_data_dir, bob)
    assert Library(TextEngine(resolve_paths(bob))).ensure_bundled()
    alice = base / "alice"
    shutil.copytree(bob, alice)
    ctx = AppContext(resolve_paths(alice))
    for i in range(ENTRIES):
        term = "基准" + "".join("零一二三四五六七八九"[int(c)] for c in f"{i:03d}")
        ctx.workbench.users.save(GlossaryEntry(id=f"user-bench-{i}", term=term, domains=["user"], origin="user",
                                               renderings=[Rendering(f"bench term {i}", "preferred", "me", [], "x")]),
                                 "new")
    docs = [d.id for d in ctx.library.repo.documents()]
    stamp = now()
    notes = []
    for i in range(NOTES):
        doc = docs[i % len(docs)]
        text = ctx.annotations.side_text(doc, "zh")
        start = (i * 37) % max(1, len(text) - 10)
        notes.append(Annotation(str(uuid.uuid4()), doc, "zh", start, start + 4, text[start:start + 4],
                                text[max(0, start - 32):start], text[start + 4:start + 36], f"note {i}", ["bench"],
                                created=stamp, modified=stamp))
    ctx.annotations.repo.insert_many(notes)
    ctx.close()
    return alice, bob


def _round(people: tuple[Path, Path], where: Path) -> dict[str, float]:
    alice_seed, bob_seed = people
    remote = where / "team.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    alice, bob = where / "alice", where / "bob"
    shutil.copytree(alice_seed, alice)
    shutil.copytree(bob_seed, bob)
    a, b = AppContext(resolve_paths(alice)), AppContext(resolve_paths(bob))
    a.team.join(str(remote), "Alice")
    b.team.join(str(remote), "Bob")
    out: dict[str, float] = {}
    t = time.perf_counter()
    a.team.sync()
    out["send"] = time.perf_counter() - t
    t = time.perf_counter()
    report_b = b.team.sync()
    out["receive"] = time.perf_counter() - t
    assert report_b.received.count == ENTRIES + NOTES
    t = time.perf_counter()
    b.team.sync()
    out["nothing new"] = time.perf_counter() - t
    # bare git, the same transport: Alice's files committed and pushed from a clone, fetched and merged in another
    files = where / "files"
    shutil.copytree(a.team.workdir, files, ignore=shutil.ignore_patterns(".git"))
    remote2 = where / "bare.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote2)], check=True)
    one, two = where / "one", where / "two"
    for clone in (one, two):
        subprocess.run(["git", "clone", "-q", str(remote2), str(clone)], check=True, capture_output=True)
    t = time.perf_counter()
    shutil.copytree(files, one, dirs_exist_ok=True)
    git(one, "add", "-A")
    git(one, "commit", "-q", "-m", "files")
    git(one, "push", "-q", "origin", "HEAD:refs/heads/main")
    out["git send"] = time.perf_counter() - t
    t = time.perf_counter()
    git(two, "fetch", "-q", "origin")
    git(two, "merge", "-q", "origin/main")
    out["git receive"] = time.perf_counter() - t
    t = time.perf_counter()
    git(two, "fetch", "-q", "origin")
    out["git nothing new"] = time.perf_counter() - t
    a.close()
    b.close()
    return out


def test_sync_against_bare_git(benchmark, people: tuple[Path, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rounds: list[dict[str, float]] = []
    benchmark.pedantic(lambda: rounds.append(_round(people, tmp_path / str(len(rounds)))), rounds=ROUNDS,
                       iterations=1)
    best = {k: min(r[k] for r in rounds) for k in rounds[0]}
    for what in ("send", "receive", "nothing new"):
        report(f"team sync, {what} ({ENTRIES} entries + {NOTES} annotations)" if what != "nothing new"
               else "team sync, nothing new", f"{best[what]:.2f} s = {best[what] / best['git ' + what]:.1f}x "
               f"bare git's {best['git ' + what]:.2f} s")
