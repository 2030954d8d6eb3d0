"""Running slow vault work off the GUI thread and getting the typed result back on the GUI thread.

Each main window owns a `TaskPool` (its worker threads); dialogs and pages under it use it.
Widgets shown without a window (tests, tools) share one pool owned by the application. Never
Qt's global pool: a window waits on its own work when it closes, not on anybody else's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from organizer.core.logs import BACKGROUND_FAILED, log_failure
from organizer.ui.error_dialog import show_error

T = TypeVar("T")


class BackgroundTask(QObject):
    """Runs `work()` on a pool; emits `succeeded(result)` or `failed(error)` on the GUI thread.

    Made by `run_in_background`, which connects typed slots. No parent: its pool keeps it until
    it has reported, so it is never deleted while a worker thread emits from it.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work

    def _run(self) -> None:
        failed, value = False, None
        try:
            value = self._work()
        except Exception as error:  # reported to the GUI thread, never lost
            failed, value = True, error
        (self.failed if failed else self.succeeded).emit(value)


class TaskPool(QObject):
    """Worker threads owned by a window (or the application); knows which tasks have not reported."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("taskPool")
        self.threads = QThreadPool(self)
        self._running: set[BackgroundTask] = set()  # the pool holds the runnable, we the signals

    @staticmethod
    def of(owner: QObject | None) -> TaskPool:
        """The pool of the window `owner` belongs to; the application's one when it has none."""
        top = owner
        while top is not None and top.parent() is not None:
            top = top.parent()
        found = top.findChild(TaskPool, "taskPool", Qt.FindChildOption.FindDirectChildrenOnly) \
            if top is not None else None
        return found if isinstance(found, TaskPool) else _application_pool()

    @property
    def running(self) -> int:
        """Tasks started here that have not reported yet (and whose owner still exists)."""
        return len(self._running)

    def is_idle(self) -> bool:
        return not self._running and self.threads.activeThreadCount() == 0

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until every thread of this pool is free (used when the window closes)."""
        return self.threads.waitForDone(timeout_ms)

    def start(self, task: BackgroundTask, threads: QThreadPool | None = None) -> None:
        """Queue `task` on this pool (or on `threads`, e.g. the one saving thread)."""
        self._running.add(task)
        task.succeeded.connect(partial(self._forget, task))
        task.failed.connect(partial(self._forget, task))
        (threads or self.threads).start(_Runnable(task))

    def _forget(self, task: BackgroundTask, _: object) -> None:
        # After this signal has reached every slot: dropping the last reference deletes the task.
        QTimer.singleShot(0, partial(self._running.discard, task))


def run_in_background(
    owner: QObject, work: Callable[[], T], on_done: Callable[[T], None],
    on_error: Callable[[Exception], None] | None = None, threads: QThreadPool | None = None,
) -> BackgroundTask:
    """Run `work()` on the pool of `owner`'s window; `on_done(result)` runs on the GUI thread.

    Failures go to `on_error` (default: one plain error dialog over `owner`). Neither runs once
    `owner` is deleted (a dialog closed while its work ran hears nothing).
    """
    task = BackgroundTask(work)
    report_error = on_error or partial(_show_error, owner)

    def done(value: object) -> None:
        if shiboken6.isValid(owner):
            on_done(cast(T, value))

    def failed(error: object) -> None:
        if shiboken6.isValid(owner):
            report_error(cast(Exception, error))

    task.succeeded.connect(done)
    task.failed.connect(failed)
    TaskPool.of(owner).start(task, threads)
    return task


def _show_error(owner: QObject, error: Exception) -> None:
    log_failure(BACKGROUND_FAILED, error)
    show_error(owner if isinstance(owner, QWidget) else None, error)


def _application_pool() -> TaskPool:
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication must exist before background work starts"
    found = app.findChild(TaskPool, "taskPool", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, TaskPool) else TaskPool(app)


class _Runnable(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()
