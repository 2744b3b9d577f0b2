"""The ``git`` program, as the team sync runs it: one working copy, no prompts, errors as one line.

We run git itself rather than a library: it is what every team already has set up (SSH keys, credential
helpers, proxies), and its fetch, merge and push are the ones people trust. Each call gets a clean,
non-interactive environment (no terminal prompts, the C locale, the user's name as author and committer)
and settings that keep merges predictable (no rename detection, no line-ending conversion, no signing).
A call that touches the network fails with :class:`TeamUnreachable`, a one-line :class:`UserError`.

The team lock's file descriptor is handed to every local git process, so a git that outlives a killed
sync still holds the lock, and the next sync waits for it instead of removing its lock files. Commands
that talk to the remote do not get it: ssh may leave a shared connection running in the background
(``ControlPersist``) that would hold the lock for as long; what they write (remote-tracking refs) is
fetched again by every sync anyway.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from policyreader.core.errors import UserError

NETWORK_TIMEOUT = 300.0
"""Seconds a fetch, push or clone may take before it is given up."""
_NETWORK = ("fetch", "push", "ls-remote", "clone")
_SETTINGS = ("-c", "core.autocrlf=false", "-c", "core.quotePath=false", "-c", "merge.renames=false",
             "-c", "diff.renames=false", "-c", "commit.gpgsign=false", "-c", "gc.autoDetach=false",
             "-c", "merge.ff=true", "-c", "pull.rebase=false", "-c", "core.hooksPath=/dev/null",
             "-c", "init.defaultBranch=main", "-c", "advice.detachedHead=false")


class TeamUnreachable(UserError):
    """The team repository cannot be reached, or is not a git repository."""


class GitFailed(UserError):
    """A local git command failed."""


def git_program() -> str:
    """The path of ``git``, or a one-line error saying how to get it."""
    found = shutil.which("git")
    if found is None:
        raise UserError("team: the git program was not found on PATH; teams share through git, so install it "
                        "(e.g. 'sudo apt-get install git', or from https://git-scm.com) and try again")
    return found


def _last_line(stderr: str) -> str:
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip() and not ln.startswith("hint:")]
    fatal = [ln for ln in lines if ln.startswith(("fatal:", "error:", "ERROR:"))]
    line = (fatal or lines or ["git failed"])[0]
    for prefix in ("fatal: ", "error: ", "ERROR: "):
        line = line.removeprefix(prefix)
    return line


class Git:
    """Runs git in one working copy as one user."""

    def __init__(self, workdir: Path, name: str = "", email: str = "", keep_fds: Sequence[int] = ()):
        self.program = git_program()
        self.workdir = workdir
        self.keep_fds = tuple(keep_fds)
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in (
            "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "GIT_PROXY_COMMAND")}
        env.update({"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "LANGUAGE": "C", "GIT_MERGE_AUTOEDIT": "no",
                    "GIT_EDITOR": "true"})
        if name:
            env.update({"GIT_AUTHOR_NAME": name, "GIT_COMMITTER_NAME": name,
                        "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_EMAIL": email})
        self.env = env

    def run(self, *args: str, check: bool = True, network: str = "", input: bytes | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
        """Run ``git ARGS``; with *network* (the remote's name for messages) failures are TeamUnreachable."""
        remote = args[0] in _NETWORK
        try:
            proc = subprocess.run([self.program, *_SETTINGS, *args], cwd=cwd or self.workdir, env=self.env,
                                  input=input, stdin=None if input is not None else subprocess.DEVNULL,
                                  capture_output=True, pass_fds=() if remote else self.keep_fds,
                                  timeout=NETWORK_TIMEOUT if remote else None)
        except subprocess.TimeoutExpired:
            where = network or "the team repository"
            raise TeamUnreachable(f"team: {where}: no answer within {NETWORK_TIMEOUT:.0f} s; check the address "
                                  "and the network, then sync again") from None
        except OSError as exc:
            raise GitFailed(f"team: cannot run git ({exc.strerror or exc})") from None
        if check and proc.returncode != 0:
            why = _last_line(proc.stderr.decode("utf-8", "replace"))
            if network:
                raise TeamUnreachable(f"team: cannot reach the team repository {network}: {why}")
            raise GitFailed(f"team: git {args[0]} failed in {self.workdir}: {why}")
        return proc

    def fetch(self, remote: str) -> None:
        """``git fetch origin``. A remote-tracking ref locked by a git that a killed sync left running is
        waited for (a few tries), not reported as an unreachable remote."""
        for attempt in range(5):
            proc = self.run("fetch", "-q", "origin", check=False)
            if proc.returncode == 0:
                return
            if b"cannot lock ref" not in proc.stderr and b"Unable to create" not in proc.stderr:
                break
            time.sleep(0.2 * (attempt + 1))
        self.run("fetch", "-q", "origin", network=remote)  # fails again, with its one-line reason

    def out(self, *args: str, network: str = "") -> str:
        return self.run(*args, network=network).stdout.decode("utf-8", "replace").strip()

    def ok(self, *args: str) -> bool:
        return self.run(*args, check=False).returncode == 0

    def rev(self, name: str) -> str:
        """The commit *name* points to, or "" if it does not exist."""
        proc = self.run("rev-parse", "--verify", "--quiet", name + "^{commit}", check=False)
        return proc.stdout.decode().strip() if proc.returncode == 0 else ""

    def blob(self, sha: str) -> bytes:
        return self.run("cat-file", "blob", sha).stdout
