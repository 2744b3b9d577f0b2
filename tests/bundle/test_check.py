"""The pure parts of `make dist-check` (bundle/check.py): reading help, strace logs and the bundle."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bundle.check import commands_in_help, inside_any, opened_paths, unaccounted
from bundle.licences import Component
from policyreader.cli import main


def test_commands_are_read_from_the_real_help() -> None:
    top = commands_in_help(CliRunner().invoke(main, ["--help"]).output)
    assert {"lookup", "import", "show", "glossary", "annotations", "open"} <= set(top)
    sub = commands_in_help(CliRunner().invoke(main, ["glossary", "--help"]).output)
    assert {"validate", "export", "import", "search", "add", "delete", "bibliography"} == set(sub)
    assert commands_in_help(CliRunner().invoke(main, ["lookup", "--help"]).output) == []


STRACE = """\
4711  execve("/tmp/app/PolicyReader/policyreader", ["policyreader", "lookup"], 0x7ffd /* 2 vars */) = 0
4711  openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3
4711  openat(AT_FDCWD, "/tmp/app/PolicyReader/_internal/libpython3.11.so.1.0", O_RDONLY|O_CLOEXEC) = 3
4711  openat(AT_FDCWD, "/root/.pyenv/versions/3.11.7/lib/python3.11/json/__init__.py", O_RDONLY) = -1 ENOENT (No such file or directory)
[pid  4712] openat(AT_FDCWD, "/work/checkout/glossary/entries/xinyong.toml", O_RDONLY|O_CLOEXEC) = 7
4711  open("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", O_RDONLY) = 9
4711  +++ exited with 0 +++
"""


def test_opened_paths_are_the_successful_opens_and_executions() -> None:
    assert opened_paths(STRACE) == [
        "/tmp/app/PolicyReader/policyreader", "/etc/ld.so.cache",
        "/tmp/app/PolicyReader/_internal/libpython3.11.so.1.0",
        "/work/checkout/glossary/entries/xinyong.toml",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ]
    assert inside_any(opened_paths(STRACE), [Path("/work/checkout"), Path("/root/.pyenv/versions/3.11.7")]) == [
        "/work/checkout/glossary/entries/xinyong.toml"]  # the failed look-up under .pyenv is no read
    assert inside_any(["/work/checkout-2/x"], [Path("/work/checkout")]) == []


def test_every_file_of_the_bundle_must_be_named(tmp_path: Path) -> None:
    app = tmp_path / "PolicyReader"
    internal = app / "_internal"
    (internal / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (internal / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").write_bytes(b"")
    (internal / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    (internal / "libmystery.so.1").write_bytes(b"")
    (internal / "base_library.zip").write_bytes(b"")
    for name in ("policyreader", "LICENSES.txt", "stray.txt"):
        (app / name).write_bytes(b"")
    comps = [Component("PySide6_Essentials", "6", "LGPL-3.0-only", "python-distribution", "metadata",
                       ["PySide6/Qt/lib/libQt6Core.so.6"]),
             Component("Python", "3.11", "PSF-2.0", "python-runtime", "", ["base_library.zip"])]
    assert unaccounted(app, comps, beside={"LICENSES.txt"}) == ["libmystery.so.1", "(beside the program) stray.txt"]
