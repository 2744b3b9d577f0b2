"""GUI fixtures: an isolated QSettings file and a data directory that already holds the corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from policyreader.gui.qt import QSettings
from tests.gui.driving import Dialogs, start_window


@pytest.fixture
def gui_data_dir(data_dir: Path) -> Path:
    """A data directory that already holds CC-CEDICT and the corpus (seeded once per test run)."""
    return data_dir


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[QSettings]:
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield s
    s.sync()


@pytest.fixture
def window(qtbot, gui_data_dir: Path, settings: QSettings):  # type: ignore[no-untyped-def]
    w = start_window(qtbot, gui_data_dir, settings)
    yield w
    w.ops.shutdown()


@pytest.fixture
def dialogs() -> Iterator[Dialogs]:
    """Answers the real modal dialogs a test expects; fails the test if one it expected never opened."""
    d = Dialogs()
    yield d
    d.stop()
    assert not d.expected, f"dialogs that never opened: {[k.__name__ for k, _ in d.expected]}"
