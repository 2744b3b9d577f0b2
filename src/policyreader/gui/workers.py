"""Running slow work (jieba warm-up, imports, indexing) off the GUI thread; results come back by signal."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from policyreader.gui.qt import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    """Signals of one background job: delivered on the GUI thread through queued connections."""

    finished = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int, str)


class Worker(QRunnable):
    """Runs ``fn(report)`` in the thread pool; ``report(done, total, label)`` emits progress."""

    def __init__(self, fn: Callable[[Callable[[int, int, str], None]], Any]):
        super().__init__()
        self.fn = fn
        self.signals = WorkerSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:
            pass  # the window that asked for the work was closed before it finished: nobody to tell

    def _run(self) -> None:
        try:
            result = self.fn(lambda d, t, label: self.signals.progress.emit(d, t, label))
        except Exception as exc:  # noqa: BLE001 - reported to the user through the failed signal
            from policyreader.importers import ImportFailure
            from policyreader.services.errors import UserError

            if isinstance(exc, UserError | ImportFailure):
                self.signals.failed.emit(str(exc))
            else:
                self.signals.failed.emit(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
            return
        self.signals.finished.emit(result)


_KEEP: set[Worker] = set()


def start(fn: Callable[[Callable[[int, int, str], None]], Any],
          on_done: Callable[[Any], None] | None = None,
          on_error: Callable[[str], None] | None = None,
          on_progress: Callable[[int, int, str], None] | None = None) -> Worker:
    """Start *fn* in the global thread pool and wire its signals."""
    w = Worker(fn)
    _KEEP.add(w)
    if on_done:
        w.signals.finished.connect(on_done)
    if on_error:
        w.signals.failed.connect(on_error)
    if on_progress:
        w.signals.progress.connect(on_progress)
    w.signals.finished.connect(lambda _r: _KEEP.discard(w))
    w.signals.failed.connect(lambda _m: _KEEP.discard(w))
    QThreadPool.globalInstance().start(w)
    return w
