"""Running slow vault work off the GUI thread and getting the result back by signal."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class BackgroundTask(QObject):
    """Runs `work()` on the thread pool; emits `succeeded(result)` or `failed(error)` on the GUI thread.

    Connect the signals first, then call `start()`. The task keeps itself alive until it reports.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    _running: ClassVar[set[BackgroundTask]] = set()  # the pool holds the runnable, we hold the signals

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work

    def start(self, pool: QThreadPool | None = None) -> None:
        """Queue the work on `pool` (the shared pool when None)."""
        BackgroundTask._running.add(self)
        self.succeeded.connect(self._forget)
        self.failed.connect(self._forget)
        # If the owner (a page, a window) is deleted before the result arrives, nobody will hear it:
        # forget the task then, or it would count as running for ever.
        self.destroyed.connect(partial(BackgroundTask._running.discard, self))
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))

    def _forget(self, _: object) -> None:
        BackgroundTask._running.discard(self)

    def _run(self) -> None:
        failed, value = False, None
        try:
            value = self._work()
        except Exception as error:  # reported to the GUI thread, never lost
            failed, value = True, error
        try:
            (self.failed if failed else self.succeeded).emit(value)
        except RuntimeError:  # the owner was closed while the work ran: nobody is listening
            BackgroundTask._running.discard(self)


class _Runnable(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()


def wait_for_background_work(timeout_ms: int = 30_000) -> bool:
    """Block until every running task has finished (used when the app closes)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
