"""A background task whose owner closes before it reports is forgotten, never left 'running'."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool
from shiboken6 import delete

from organizer.ui.workers import BackgroundTask


def _wait_done(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=10_000)


def test_a_task_whose_owner_is_deleted_before_it_reports_is_forgotten(qtbot) -> None:
    release = threading.Event()
    owner = QObject()
    task = BackgroundTask(lambda: release.wait(10) and "done", owner)
    task.start()
    assert task in BackgroundTask._running
    delete(owner)  # the window closed while the work was still going
    release.set()
    _wait_done(qtbot)
    qtbot.waitUntil(lambda: not BackgroundTask._running, timeout=10_000)


def test_a_task_that_reports_is_forgotten_after_its_result_arrives(qtbot) -> None:
    results: list[object] = []
    task = BackgroundTask(lambda: 42)
    task.succeeded.connect(results.append)
    task.start()
    _wait_done(qtbot)
    qtbot.waitUntil(lambda: results == [42], timeout=10_000)
    assert not BackgroundTask._running


def test_a_failure_is_reported_not_lost(qtbot) -> None:
    errors: list[object] = []

    def broken() -> None:
        raise ValueError("bad input")

    task = BackgroundTask(broken)
    task.failed.connect(errors.append)
    task.start()
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)
    assert isinstance(errors[0], ValueError) and not BackgroundTask._running
