"""Broken environments for tests, made for real: a read-only folder, a small disk that fills up, and
the ``policyreader`` command run as a separate process.

As root (a container), permission bits do not stop writes, so a read-only folder is a read-only bind
mount and a small disk is a tmpfs; both need the mount capability root has there.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner

from policyreader.cli import main

POLICYREADER = Path(sys.executable).with_name("policyreader")
ROOT = os.geteuid() == 0


def cli(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """The CLI in this process: (exit code, stdout, stderr). An uncaught exception fails the test."""
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args], env=env)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout, r.stderr


def process(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``policyreader ARGS`` as its own process, as a user runs it."""
    return subprocess.run([str(POLICYREADER), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def assert_one_line_error(code: int, stderr: str, *needles: str) -> None:
    """Exit code 2 and one line on stderr, naming what it must, with no traceback."""
    assert code == 2, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("policyreader: error: "), stderr
    assert "Traceback" not in stderr
    for needle in needles:
        assert needle in stderr, (needle, stderr)


def _run(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """*folder* made read-only (files and sub-folders included) for the duration."""
    if ROOT:
        _run("mount", "--bind", str(folder), str(folder))
        try:
            _run("mount", "-o", "remount,bind,ro", str(folder))
            yield folder
        finally:
            _run("umount", str(folder))
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for p, mode in modes.items():
        p.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        yield folder
    finally:
        for p, mode in sorted(modes.items(), key=lambda kv: len(kv[0].parts)):
            p.chmod(mode)


@contextlib.contextmanager
def small_disk(folder: Path, megabytes: int) -> Iterator[Path]:
    """A tmpfs of *megabytes* mounted on *folder* (root only): a disk that really fills up."""
    folder.mkdir(parents=True, exist_ok=True)
    _run("mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _run("umount", str(folder))
