"""A first start on a new data directory: a document is readable at once, from the library built at
install (``services/seed.py``) or, without one, as soon as the first bundled document is imported."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from policyreader.gui.qt import QSettings
from policyreader.services.paths import resolve_paths
from policyreader.storage.schema import DB_FILE
from tests.gui.driving import wait_idle


def _window(qtbot, paths, settings: QSettings):  # type: ignore[no-untyped-def]
    from policyreader.gui.window import MainWindow

    w = MainWindow(paths, settings)
    qtbot.addWidget(w)
    return w


def test_a_new_data_directory_starts_from_the_seed_and_shows_a_document_before_any_import(
        qtbot, corpus_seed: Path, tmp_path: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    seed = tmp_path / "seed.db"
    shutil.copyfile(corpus_seed / DB_FILE, seed)  # the bundled corpus and CC-CEDICT, as make install builds it
    paths = replace(resolve_paths(tmp_path / "new"), seed=seed)
    w = _window(qtbot, paths, settings)
    assert (paths.database).exists() and w.ctx.library.count() == 10  # planted while the window was built
    assert not w.ctx.library.needs_bundled()
    ready: list[bool] = []
    w.ready.connect(lambda: ready.append(True))
    with qtbot.waitSignal(w.documentOpened, timeout=30000):
        w.show()
    assert w.segments and w.reader.toPlainText().strip()
    qtbot.waitUntil(lambda: bool(ready), timeout=60000)  # the warm-up imported nothing: the seed had it all
    wait_idle(w, qtbot)
    assert w.ctx.library.count() == 10
    w.ops.shutdown()


def test_without_a_seed_the_first_bundled_document_is_shown_and_the_rest_follow(
        qtbot, seeded_data_dir: Path, tmp_path: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "new"
    shutil.copytree(seeded_data_dir, data)  # CC-CEDICT only: no documents yet
    w = _window(qtbot, resolve_paths(data), settings)
    assert w.ctx.library.count() == 0
    ready: list[bool] = []
    w.ready.connect(lambda: ready.append(True))
    with qtbot.waitSignal(w.documentOpened, timeout=60000) as opened:
        w.show()
    first = w.ctx.library.manifest()[0]["id"]
    assert opened.args == [first] and w.segments
    assert w.ctx.library.count() < 10  # shown while the others are still being imported
    qtbot.waitUntil(lambda: bool(ready), timeout=120000)
    wait_idle(w, qtbot)
    assert w.ctx.library.count() == 10 and w.library_pane.count() == 10
    w.ops.shutdown()


def test_the_app_moves_what_start_up_built_out_of_the_collectors_view_once_ready(
        qtbot, gui_data_dir: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    """gc.freeze once the window is ready (its later full collections then skip the start-up heap), and only
    once: a second ready changes nothing."""
    import gc

    from policyreader.gui.app import keep_start_up_out_of_collections

    gc.unfreeze()
    try:
        w = _window(qtbot, resolve_paths(gui_data_dir), settings)
        keep_start_up_out_of_collections(w)
        assert gc.get_freeze_count() == 0
        with qtbot.waitSignal(w.ready, timeout=60000):
            w.show()
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # the glossary, tables and window, at least
        gc.collect()
        w.ready.emit()
        assert gc.get_freeze_count() == frozen
        wait_idle(w, qtbot)
        w.ops.shutdown()
    finally:
        gc.unfreeze()
