"""Two people and one team repository, for the team tests: a local bare repository, data directories that
are copies of the seeded one, real ``policyreader`` processes, and checks over the whole repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from policyreader.formats.team import is_shared_path, read_files

DOC = "shanghai_social_credit_regulations_2017"
"""A bundled document every member has (the same content, so the same content hash)."""


def bare_repository(where: Path) -> Path:
    """An empty bare repository, as a team would create on its server."""
    subprocess.run(["git", "init", "-q", "--bare", str(where)], check=True)
    return where


def member(seed: Path, tmp_path: Path, name: str) -> Path:
    """A person's own data directory: a copy of the seeded one (CC-CEDICT and the bundled corpus)."""
    d = tmp_path / name
    shutil.copytree(seed, d)
    return d


def command(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "policyreader", "--data-dir", str(data), *args]


def policyreader(data: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a real ``policyreader`` process on *data*."""
    return subprocess.run(command(data, *args), capture_output=True, text=True, env=env, timeout=300)


def start_sync(data: Path) -> subprocess.Popen[str]:
    """A ``policyreader team sync`` process, started and left running (in its own process group)."""
    return subprocess.Popen(command(data, "team", "sync", "--json"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def remote_commits(remote: Path) -> list[str]:
    proc = subprocess.run(["git", "--git-dir", str(remote), "rev-list", "--all"], capture_output=True, text=True,
                          check=True)
    return proc.stdout.split()


def assert_every_commit_is_whole(remote: Path) -> int:
    """Every commit the team repository holds has only complete, readable shared files; how many commits."""
    commits = remote_commits(remote)
    for commit in commits:
        listing = subprocess.run(["git", "--git-dir", str(remote), "ls-tree", "-r", "-z", "--name-only", commit],
                                 capture_output=True, check=True).stdout.decode().split("\0")
        files = []
        for path in filter(None, listing):
            assert is_shared_path(path), f"{commit}: unexpected file {path}"
            blob = subprocess.run(["git", "--git-dir", str(remote), "cat-file", "blob", f"{commit}:{path}"],
                                  capture_output=True, check=True).stdout
            files.append((path, blob))
        tree = read_files(files)
        assert tree.unreadable == {}, f"{commit}: {tree.unreadable}"
    return len(commits)


def without_git_env() -> dict[str, str]:
    """The environment with a PATH that has python's folder but no git."""
    bare = Path(sys.executable).parent
    assert not (bare / "git").exists()
    return {**os.environ, "PATH": str(bare)}
