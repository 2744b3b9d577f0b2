"""Background operations (Anki's ``CollectionOp``): a GUI action hands a service call to the one
database thread, the window stays responsive, and the result comes back on the GUI thread.

    ops.run(lambda ctx, token: ctx.qa.check_doc(doc), label="Checking the translation",
            success=show_findings)

The call gets the worker's :class:`AppContext` (its own database connection, the same loaded glossary)
and a :class:`CancelToken`; ``token.check()`` raises :class:`OperationCancelled` once the user pressed
Cancel. Failures arrive as the exception itself, never as a string. When an operation ends, the
:class:`Changes` its writes recorded are applied to the GUI thread's context (a changed glossary is
reloaded) and announced once, through :attr:`OpRunner.changed`, to every view; each view decides
whether to refresh. Operations run one at a time, in the order they were asked for, so writes never
race each other. While any runs, :attr:`OpRunner.busy` is true and the window shows a busy indicator.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from policyreader.core.errors import UserError
from policyreader.gui.qt import QObject, QRunnable, QThreadPool, Signal
from policyreader.services.changes import Changes
from policyreader.services.context import AppContext

T = TypeVar("T")
Progress = Callable[[int, int, str], None]


class OperationCancelled(UserError):
    """The user cancelled the operation; nothing was written."""


class CancelToken:
    """Set by the GUI thread when the user cancels; polled by the operation."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self, what: str = "the operation") -> None:
        if self._event.is_set():
            raise OperationCancelled(f"{what} was cancelled; nothing was written")


@dataclass
class OpContext:
    """What an operation's function gets besides the context: its cancel token and progress reporter."""

    token: CancelToken
    progress: Progress = field(default=lambda _d, _t, _label: None)


class _Signals(QObject):
    finished = Signal(object, object)  # result, Changes
    failed = Signal(object, object)    # exception, Changes
    progress = Signal(int, int, str)


class Op(QRunnable, Generic[T]):
    """One operation: runs *fn* on the database thread, reports back by queued signals."""

    def __init__(self, runner: OpRunner, fn: Callable[[AppContext, OpContext], T], label: str):
        super().__init__()
        self.setAutoDelete(False)
        self.runner, self.fn, self.label = runner, fn, label
        self.token = CancelToken()
        self.signals = _Signals()

    def run(self) -> None:
        ctx = self.runner.worker_context()
        oc = OpContext(self.token, lambda d, t, label: self._emit_progress(d, t, label))
        try:
            result = self.fn(ctx, oc)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread as itself
            self._emit(self.signals.failed, exc, ctx.changes.take())
            return
        self._emit(self.signals.finished, result, ctx.changes.take())

    def _emit(self, signal: Any, value: Any, changes: Changes) -> None:
        try:
            signal.emit(value, changes)
        except RuntimeError:
            pass  # the window that asked was closed before the work finished: nobody to tell

    def _emit_progress(self, done: int, total: int, label: str) -> None:
        try:
            self.signals.progress.emit(done, total, label)
        except RuntimeError:
            pass


class OpRunner(QObject):
    """Runs operations one at a time on a database thread of its own, for one window."""

    changed = Signal(object)  # Changes, after any operation that wrote something
    busy = Signal(bool)
    started = Signal(str)     # the label of an operation that starts

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._worker: AppContext | None = None
        self._worker_lock = threading.Lock()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one database thread: operations never race each other
        self._running: set[Op[Any]] = set()

    def worker_context(self) -> AppContext:
        """The database thread's context, forked from the GUI's on first use."""
        with self._worker_lock:
            if self._worker is None:
                self._worker = self.ctx.fork()
            return self._worker

    @property
    def is_busy(self) -> bool:
        return bool(self._running)

    def run(self, fn: Callable[[AppContext, OpContext], T], *, label: str,
            success: Callable[[T], None] | None = None,
            failure: Callable[[BaseException], None] | None = None,
            progress: Progress | None = None) -> Op[T]:
        """Start *fn* on the database thread; *success* or *failure* run on the GUI thread."""
        op: Op[T] = Op(self, fn, label)
        self._running.add(op)

        def finished(result: Any, changes: Changes) -> None:
            self._done(op, changes)
            if success is not None:
                success(result)

        def failed(exc: Any, changes: Changes) -> None:
            self._done(op, changes)
            if failure is not None:
                failure(exc)
            elif not isinstance(exc, OperationCancelled):
                self._unhandled(exc)

        op.signals.finished.connect(finished)
        op.signals.failed.connect(failed)
        if progress is not None:
            op.signals.progress.connect(progress)
        if len(self._running) == 1:
            self.busy.emit(True)
        self.started.emit(label)
        self._pool.start(op)
        return op

    failure_handler: Callable[[BaseException], None] | None = None
    """Shows failures no caller handled (the window sets it to its error dialog)."""

    def _unhandled(self, exc: BaseException) -> None:
        if self.failure_handler is not None:
            self.failure_handler(exc)
        else:
            raise exc

    def _done(self, op: Op[Any], changes: Changes) -> None:
        self._running.discard(op)
        if not self._running:
            self.busy.emit(False)
        if not changes.empty:
            if changes.glossary:
                self.ctx.engine.reload_glossary()
            self.changed.emit(changes)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every operation finished (for shutting down and for tests)."""
        return bool(self._pool.waitForDone(msecs))

    def shutdown(self) -> None:
        for op in list(self._running):
            op.token.cancel()
        self._pool.waitForDone(10000)
        if self._worker is not None:
            self._worker.close()
