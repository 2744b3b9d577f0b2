"""A program's window on a private X display, for ``make dist-check``: Xvfb, waiting for the window with
xdotool, and screenshots grabbed with the venv's Qt."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

CLEAN_PATH = "/usr/bin:/bin"


@contextmanager
def xvfb() -> Iterator[str]:
    """A private X display, once it accepts connections (Xvfb writes its number to -displayfd then)."""
    proc = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        number = proc.stdout.readline().strip()
        if not number.isdigit():
            raise RuntimeError(f"Xvfb did not start (exit {proc.poll()})")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(10)


def screenshot(display: str, path: Path) -> bytes:
    """The whole X screen as PNG, grabbed with the venv's Qt (a separate X client)."""
    code = ("import sys\nfrom PySide6.QtGui import QGuiApplication\napp = QGuiApplication(['grab'])\n"
            "app.primaryScreen().grabWindow(0).save(sys.argv[1])\n")
    subprocess.run([sys.executable, "-c", code, str(path)], env={**os.environ, "DISPLAY": display,
                   "QT_QPA_PLATFORM": "xcb"}, check=True, capture_output=True, timeout=60)
    return path.read_bytes()


def window_shown(display: str, proc: subprocess.Popen[str], timeout: float = 120) -> float:
    """Seconds until a visible window titled PolicyReader is mapped (xdotool polls the X server)."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if proc.poll() is not None:
            err = stop(proc)[-500:]
            raise RuntimeError(f"the program ended (exit {proc.returncode}) before showing a window: {err}")
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "PolicyReader"],
                               env={"DISPLAY": display, "PATH": CLEAN_PATH}, capture_output=True, text=True)
        if found.stdout.strip():
            return time.monotonic() - t0
        time.sleep(0.02)
    raise TimeoutError("no PolicyReader window")


@contextmanager
def window(program: Path, args: Iterable[str], env: dict[str, str], cwd: Path,
           ) -> Iterator[tuple[str, subprocess.Popen[str], float]]:
    """The program started on a private X display, once its window is shown: (display, process, seconds).

    On this shared machine an X connection is now and then refused although Xvfb said it was ready; the
    program then ends at once ("could not connect to display"), and it is started again on a new display.
    """
    for attempt in range(3):
        with xvfb() as display:
            proc = subprocess.Popen([str(program), *args], cwd=cwd, env={**env, "DISPLAY": display},
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                shown = window_shown(display, proc)
            except RuntimeError as exc:
                if "could not connect to display" in str(exc) and attempt < 2:
                    print("  note  the X server refused the connection; starting again", flush=True)
                    continue
                raise
            try:
                yield display, proc, shown
            finally:
                if proc.poll() is None:
                    stop(proc)
            return


def stop(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        _out, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
    return err or ""
