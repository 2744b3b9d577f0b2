"""Importing a folder of documents (``policyreader import DIR``): every supported file under it, in
order, each as its own document.

Files are read and analysed (segmented and linked), then written a batch at a time: a batch is one write
transaction (``BEGIN IMMEDIATE``) in which each document's duplicate check, choice of id and insert are
made together, as for a single import. Committing batches instead of single documents keeps a large
import close to the segmenter's own speed. A file that cannot be imported is reported and skipped; the
others are imported. Nothing of a batch is half-written: a failure while writing undoes that batch.

With enough text to pay for it (``POOL_BYTES``) and more than one processor, the analysis runs in a pool of
worker processes (forked from the command line on Linux, started afresh elsewhere: see ``_start_method``),
each with its own engine over the same data directory; this process only writes, in file order. A worker's
results are the same as this process's would be (the same segmenter, dictionary and glossary; a test compares
them). If the user's glossary changed while a worker held an older one, the document is linked again when it
is written. A worker sends each document packed as it is written (``storage/packed.py``), and this process
writes it as soon as it arrives, in the open transaction of its batch: the writing keeps pace with the
analysis, so little is left to write when the last file is analysed (the batches are the same).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policyreader.core.errors import UserError
from policyreader.core.pinyin import pypinyin
from policyreader.services.formats import Kind, extensions
from policyreader.services.library import ImportResult, Library, PreparedImport
from policyreader.storage.schema import write_transaction

if TYPE_CHECKING:
    from policyreader.core.glossary import GlossaryEntry
    from policyreader.services.engine import TextEngine
    from policyreader.services.paths import AppPaths

BATCH_CHARACTERS = 1_000_000
"""Text written per transaction (about 300 laws of average length; under a second of writing, or, with
workers, as long as they take to analyse it: one or two seconds, see ``HOLD_SECONDS``)."""

POOL_BYTES = 4_000_000
"""Below this much file content a folder is analysed here: a worker's start (Python, the segmenter's
dictionary, the glossary: about a second) would cost more than it saves."""

MAX_WORKERS = 4

HOLD_SECONDS = 1.0
"""How long a batch's open transaction waits for the next file's analysis before it is committed as it is
(another process that wants to write waits for it meanwhile)."""

AHEAD = 400
"""Files analysed ahead of the writing at most: more than a batch, so the workers keep going while this
process writes one (a few tens of megabytes at most)."""


@dataclass
class FolderItem:
    """What happened to one file: its result, or why it was skipped."""

    path: str
    result: ImportResult | None = None
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        if self.result is None:
            return {"path": self.path, "error": self.error}
        return {"path": self.path, **self.result.to_json()}


@dataclass
class FolderSummary:
    """Counts of a folder import."""

    files: int = 0
    imported: int = 0
    duplicates: int = 0
    failed: int = 0
    segments: int = 0

    def add(self, item: FolderItem) -> None:
        self.files += 1
        if item.result is None:
            self.failed += 1
        elif item.result.duplicate:
            self.duplicates += 1
        else:
            self.imported += 1
            self.segments += item.result.segments


def document_files(folder: Path) -> list[Path]:
    """Every entry under *folder* (recursively; hidden files and folders, and links to folders, left out)
    with a document format's extension, in path order. Entries that are not regular files are kept: the
    importer reports each of them."""
    known = set(extensions(Kind.DOCUMENT))
    found: list[Path] = []
    for here, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(here) / n for n in names if not n.startswith(".") and Path(n).suffix.lower() in known)
    return sorted(found)


def workers_for(files: list[Path]) -> int:
    """How many worker processes to analyse *files* with: 0 (analyse here) for a little text or one
    processor."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    if cpus < 2 or len(files) < 2:
        return 0
    size = 0
    for f in files:
        try:
            size += f.stat().st_size if f.is_file() else 0
        except OSError:
            continue
        if size >= POOL_BYTES:
            return min(cpus, MAX_WORKERS, len(files))
    return 0


# -- the worker processes ----------------------------------------------------------------------------
_worker: Library | UserError | None = None
_forked_from: TextEngine | None = None
"""While a pool of forked workers runs, the importing process's engine: each worker adopts what it loaded."""


def _preload(engine: TextEngine) -> None:
    """Before forking workers: load here, once, what each worker would otherwise load for itself (the
    glossary and segmenter, pypinyin's tables for the documents' ids: half a second of a processor). What
    cannot be loaded here is left to the workers, which report why with each file."""
    try:
        engine.user_generation()
        engine.segmenter.warm_up()
    except UserError:
        return
    pypinyin()


def _start_worker(paths: AppPaths, extra: list[GlossaryEntry]) -> None:
    """In a worker: an engine and library of its own over the same data directory, its segmenter loaded
    (forked: taken over from the importing process, with its own database connection)."""
    global _worker
    from policyreader.services.engine import TextEngine

    try:
        engine = TextEngine(paths, extra)
        if _forked_from is not None:
            engine.adopt(_forked_from)
        _worker = Library(engine)
        _worker.engine.user_generation()  # the glossary, with the user's entries, read now
        engine.segmenter.warm_up()
    except UserError as exc:  # reported with the first file (an initializer's exception would only break the pool)
        _worker = exc


def _prepare_in_worker(path: Path) -> PreparedImport | ImportResult | str:
    """In a worker: what ``Library.prepare`` gives, or the one-line reason the file cannot be imported."""
    if not isinstance(_worker, Library):
        raise _worker or UserError("the import's worker process did not start")
    try:
        prepared = _worker.prepare(path)
    except UserError as exc:
        return str(exc)
    if isinstance(prepared, PreparedImport):
        prepared.generation = _worker.engine.user_generation()
        return prepared.for_writer(_worker.repo)
    return prepared


def _prepare_here(library: Library, path: Path) -> PreparedImport | ImportResult | str:
    try:
        return library.prepare(path)
    except UserError as exc:
        return str(exc)


def _start_method() -> str:
    """``fork`` where it is safe, on Linux from a process with one thread (the command line): the workers
    start at once, with every module imported (started afresh, each took 0.5–1 s of a processor, a third of
    the pool's gain on a folder of 500 laws). Otherwise ``spawn``: the window imports from a worker thread,
    and a child forked from a process with threads can hang on a lock another thread held; macOS's system
    libraries do not survive a fork, and Windows has none."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _characters(prepared: PreparedImport) -> int:
    """A prepared file's text, in characters (what a batch is measured in)."""
    if prepared.packed is not None:
        return prepared.packed.characters
    return sum(len(s.zh) + len(s.en) for s in prepared.segments)


class _Waiting:
    """Yielded by ``_prepared`` when the next file's analysis is not ready within ``HOLD_SECONDS`` while the
    writer holds a batch's transaction open: the batch is committed then, not held for a slow file."""


WAITING = _Waiting()


def _prepared(library: Library, files: list[Path], workers: int, cancelled: Callable[[], bool],
              start_method: str | None = None, holding: Callable[[], bool] = lambda: False,
              ) -> Generator[PreparedImport | ImportResult | str | _Waiting, None, None]:
    """Each file's analysis, in file order, until *cancelled*: here, or by *workers* processes (up to
    ``AHEAD`` files ahead of the writing, not the whole folder: what waits to be written stays bounded).
    ``WAITING`` comes between two files when the next is not ready in ``HOLD_SECONDS`` while *holding*."""
    if workers == 0:
        for f in files:
            if cancelled():
                return
            yield _prepare_here(library, f)
        return
    global _forked_from
    engine = library.engine
    method = start_method or _start_method()
    if method == "fork":
        _preload(engine)
        _forked_from = engine
    pool = ProcessPoolExecutor(workers, multiprocessing.get_context(method), _start_worker,
                               (engine.paths, list(engine.extra_entries)))
    ahead: deque[Future[PreparedImport | ImportResult | str]] = deque()
    todo = iter(files)
    try:
        for f in todo:
            ahead.append(pool.submit(_prepare_in_worker, f))
            if len(ahead) >= AHEAD:
                break
        while ahead:
            if cancelled():
                return
            if not ahead[0].done() and holding():
                try:
                    ahead[0].result(HOLD_SECONDS)
                except TimeoutError:
                    yield WAITING
            result = ahead.popleft().result()
            if (following := next(todo, None)) is not None:
                ahead.append(pool.submit(_prepare_in_worker, following))
            yield result
    except BrokenProcessPool as exc:
        raise UserError("a worker process analysing the files stopped unexpectedly (out of memory?); the files "
                        "imported before it stay in the library") from exc
    finally:
        _forked_from = None
        pool.shutdown(wait=True, cancel_futures=True)


def import_folder(library: Library, folder: str | Path, progress: Callable[[int, int, FolderItem], None] | None = None,
                  cancelled: Callable[[], bool] | None = None, workers: int | None = None,
                  start_method: str | None = None) -> Iterator[FolderItem]:
    """Import every document file under *folder*; yields each file's outcome as it is settled (in path
    order), and calls *progress(done, total, item)* for each. Stops between files when *cancelled*
    returns True; what was imported before stays. *workers*: processes to analyse the files in (``None``:
    as many as pay off, see ``workers_for``; 0: in this process); *start_method*: how they are started
    (``None``: see ``_start_method``).

    Analysed here, a batch's files are written together once the batch is complete. Analysed by workers,
    each file is written as soon as its analysis arrives, in the batch's transaction (opened for the first,
    committed with the batch): the writing keeps pace with the workers instead of following them, so at the
    end only the last file is left to write."""
    root = Path(folder)
    if not root.is_dir():
        raise UserError(f"{root}: not a folder")
    library.repo.require_writable()  # a read-only library is refused before any file is read
    files = document_files(root)
    done = 0
    pending: list[tuple[Path, PreparedImport | FolderItem]] = []
    stored: dict[Path, ImportResult] = {}  # pending files written in the open transaction
    batch = contextlib.ExitStack()  # the batch's write transaction, while one is open
    size = written = 0

    def write_pending() -> None:
        nonlocal written
        for path, x in pending[written:]:
            if isinstance(x, PreparedImport):
                if not stored:
                    batch.enter_context(write_transaction(library.repo.db))
                stored[path] = library.add_prepared(x)
        written = len(pending)

    def settle() -> Iterator[FolderItem]:
        nonlocal done, size, written
        write_pending()
        batch.close()  # commits
        items = [x if isinstance(x, FolderItem) else FolderItem(str(path), stored[path]) for path, x in pending]
        pending.clear()
        stored.clear()
        size = written = 0
        for item in items:
            done += 1
            if progress is not None:
                progress(done, len(files), item)
            yield item

    if workers is None:
        workers = workers_for(files)
    stop = cancelled or (lambda: False)
    analysed = _prepared(library, files, workers, stop, start_method, lambda: bool(stored))
    paths = iter(files)
    try:
        for prepared in analysed:
            if stop():
                break
            if isinstance(prepared, _Waiting):
                yield from settle()
                continue
            path = next(paths)
            if isinstance(prepared, str):
                pending.append((path, FolderItem(str(path), error=prepared)))
            elif isinstance(prepared, ImportResult):  # already in the library
                pending.append((path, FolderItem(str(path), prepared)))
            else:
                pending.append((path, prepared))
                size += _characters(prepared)
                if workers:
                    write_pending()
            if size >= BATCH_CHARACTERS:
                yield from settle()
        yield from settle()
    except BaseException:
        if not batch.__exit__(*sys.exc_info()):  # the open batch (if any) rolled back
            raise
    finally:
        analysed.close()  # cancelled or failed: the workers stop, their unfinished files are dropped
