"""The window on a library it cannot open: a damaged database is offered to be moved aside (nothing is
deleted) for a fresh library; a newer one is refused; either way the user is told why."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from policyreader.gui.qt import QMessageBox, QPushButton, QSettings
from policyreader.gui.recovery import LibraryUnavailable
from policyreader.services.paths import resolve_paths
from policyreader.storage.schema import DB_FILE
from tests.gui.driving import Dialogs, wait_idle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "databases"


def _click(name: str, seen: list[str]):  # type: ignore[no-untyped-def]
    """An answer: note what the message box says, then click its button *name*."""
    def answer(box: QMessageBox) -> None:
        seen.append(box.text() + "\n" + box.informativeText())
        button = box.findChild(QPushButton, name)
        assert button is not None, f"no {name} in the dialog"
        button.click()
    return answer


def _garbage_library(tmp_path: Path, seeded_data_dir: Path) -> tuple[Path, bytes]:
    """A library whose file was truncated and overwritten, with the WAL files of a session that was
    still open (copied while a connection held them), as a crash can leave it."""
    work = tmp_path / "work"
    shutil.copytree(seeded_data_dir, work)
    con = sqlite3.connect(work / DB_FILE)
    con.execute("SELECT count(*) FROM meta").fetchone()  # a session reading it: an empty WAL, and its index
    data = tmp_path / "data"
    shutil.copytree(work, data)
    con.close()
    assert (data / (DB_FILE + "-wal")).exists() and (data / (DB_FILE + "-shm")).exists()
    damaged = (data / DB_FILE).read_bytes()[:60_000] + b"\x00garbage" * 1000  # truncated, then overwritten
    (data / DB_FILE).write_bytes(damaged)
    return data, damaged


def test_a_damaged_library_is_moved_aside_and_a_fresh_one_starts(qtbot, tmp_path: Path, seeded_data_dir: Path,
                                                                   settings: QSettings, dialogs: Dialogs) -> None:  # type: ignore[no-untyped-def]
    from policyreader.gui.window import MainWindow

    data, damaged = _garbage_library(tmp_path, seeded_data_dir)
    seen: list[str] = []
    dialogs.expect(QMessageBox, _click("moveAsideButton", seen))
    window = MainWindow(resolve_paths(data), settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=120000):
        window.show()
    wait_idle(window, qtbot)
    assert "damaged" in seen[0] and str(data / DB_FILE) in seen[0]
    moved = sorted(p for p in data.iterdir() if p.name.startswith(DB_FILE + ".broken-"))
    assert len(moved) == 3 and moved[1].name == moved[0].name + "-shm" and moved[2].name == moved[0].name + "-wal"
    assert moved[0].read_bytes() == damaged  # every byte kept, the WAL files beside it
    assert window.ctx.library.count() == 10  # a fresh library with the bundled corpus
    assert window.doc_id  # and a document is open
    window.ops.shutdown()


def test_quitting_leaves_the_damaged_library_as_it_was(qtbot, tmp_path: Path, seeded_data_dir: Path,
                                                        settings: QSettings, dialogs: Dialogs) -> None:  # type: ignore[no-untyped-def]
    from policyreader.gui.window import MainWindow

    data, damaged = _garbage_library(tmp_path, seeded_data_dir)
    before = sorted(p.name for p in data.iterdir())
    seen: list[str] = []
    dialogs.expect(QMessageBox, _click("quitButton", seen))
    with pytest.raises(LibraryUnavailable, match="damaged"):
        MainWindow(resolve_paths(data), settings)
    assert seen and "Move it aside" not in seen[0]  # the question, not an answer
    assert sorted(p.name for p in data.iterdir()) == before  # the WAL files too: they may hold what was lost
    assert hashlib.sha256((data / DB_FILE).read_bytes()).digest() == hashlib.sha256(damaged).digest()


def test_a_library_of_a_newer_version_is_refused_with_a_dialog(qtbot, tmp_path: Path, settings: QSettings,
                                                                dialogs: Dialogs) -> None:  # type: ignore[no-untyped-def]
    from policyreader.gui.window import MainWindow

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "release-0.1.0.db", data / DB_FILE)
    with sqlite3.connect(data / DB_FILE) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('policyreader', 'm999_from_the_future', '2030-01-01')")
    before = (data / DB_FILE).read_bytes()
    seen: list[str] = []

    def close(box: QMessageBox) -> None:
        seen.append(box.informativeText())
        assert box.findChild(QPushButton, "moveAsideButton") is None  # a newer library is not damaged
        box.button(QMessageBox.StandardButton.Close).click()

    dialogs.expect(QMessageBox, close)
    with pytest.raises(LibraryUnavailable, match="newer PolicyReader"):
        MainWindow(resolve_paths(data), settings)
    assert "newer PolicyReader" in seen[0]
    assert (data / DB_FILE).read_bytes() == before
