"""Running slow vault work off the GUI thread and getting the typed result back on the GUI thread.

Each main window owns a `TaskPool` (its worker threads); dialogs and pages under it use it.
Widgets shown without a window (tests, tools) share one pool owned by the application. Never
Qt's global pool: a window waits on its own work when it closes, not on anybody else's.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from organizer.core.logs import BACKGROUND_FAILED, log_failure
from organizer.ui.error_dialog import show_error

T = TypeVar("T")


class BackgroundTask(QObject):
    """Runs `work()` on a pool; emits `succeeded(result)` or `failed(error)` on the GUI thread.

    Made by `run_in_background`, which connects typed slots; the task lives as long as its owner.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any], owner: QObject) -> None:
        super().__init__(owner)  # deleted with its owner: a closed dialog hears nothing
        self._work = work

    def _run(self) -> None:
        failed, value = False, None
        try:
            value = self._work()
        except Exception as error:  # reported to the GUI thread, never lost
            failed, value = True, error
        with suppress(RuntimeError):  # the owner was closed while the work ran: nobody listens
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
        # If the owner (a page, a window) is deleted before the result arrives, nobody will hear
        # it: forget the task then, or it would count as running for ever.
        task.destroyed.connect(partial(self._running.discard, task))
        (threads or self.threads).start(_Runnable(task))

    def _forget(self, task: BackgroundTask, _: object) -> None:
        self._running.discard(task)


def run_in_background(
    owner: QObject, work: Callable[[], T], on_done: Callable[[T], None],
    on_error: Callable[[Exception], None] | None = None, threads: QThreadPool | None = None,
) -> BackgroundTask:
    """Run `work()` on the pool of `owner`'s window; `on_done(result)` runs on the GUI thread.

    Failures go to `on_error` (default: one plain error dialog over `owner`). Neither runs once
    `owner` is deleted.
    """
    task = BackgroundTask(work, owner)
    task.succeeded.connect(lambda value: on_done(cast(T, value)))
    task.failed.connect(on_error or partial(_show_error, owner))
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
