"""Background work: typed results on the GUI thread, a pool per window, nothing left 'running'."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QDialog, QMainWindow
from shiboken6 import delete

from organizer.ui.workers import TaskPool, run_in_background


def _wait_idle(qtbot, pool: TaskPool) -> None:
    qtbot.waitUntil(pool.is_idle, timeout=10_000)


def test_a_task_whose_owner_is_deleted_before_it_reports_is_forgotten(qtbot) -> None:
    release = threading.Event()
    owner = QObject()
    heard: list[object] = []
    pool = TaskPool.of(owner)
    run_in_background(owner, lambda: release.wait(10) and "done", heard.append, heard.append)
    assert pool.running == 1
    delete(owner)  # the window closed while the work was still going
    release.set()
    _wait_idle(qtbot, pool)
    assert pool.running == 0 and heard == []  # the slots of a deleted owner never run


def test_a_task_that_reports_is_forgotten_after_its_result_arrives(qtbot) -> None:
    results: list[int] = []
    owner = QObject()
    pool = TaskPool.of(owner)
    run_in_background(owner, lambda: 42, results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=10_000)
    assert pool.running == 0


def test_a_failure_is_reported_not_lost(qtbot) -> None:
    errors: list[Exception] = []

    def broken() -> None:
        raise ValueError("bad input")

    owner = QObject()
    run_in_background(owner, broken, lambda _: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)
    assert isinstance(errors[0], ValueError) and TaskPool.of(owner).running == 0


def test_each_window_has_its_own_pool_and_its_dialogs_use_it(qtbot) -> None:
    window, other = QMainWindow(), QMainWindow()
    qtbot.addWidget(window)
    qtbot.addWidget(other)
    pool = TaskPool(window)
    dialog = QDialog(window)
    assert TaskPool.of(dialog) is pool and TaskPool.of(window) is pool
    assert TaskPool.of(other) is not pool  # a window without its own pool: the application's
    assert pool.threads is not QThreadPool.globalInstance()
    assert TaskPool.of(other).threads is not QThreadPool.globalInstance()


def test_one_window_waits_only_for_its_own_work(qtbot) -> None:
    busy, calm = QMainWindow(), QMainWindow()
    qtbot.addWidget(busy)
    qtbot.addWidget(calm)
    busy_pool, calm_pool = TaskPool(busy), TaskPool(calm)
    release = threading.Event()
    run_in_background(busy, lambda: release.wait(10), lambda _: None)
    assert calm_pool.wait(1) and calm_pool.is_idle()  # nothing of the other window's to wait for
    assert not busy_pool.is_idle()
    release.set()
    _wait_idle(qtbot, busy_pool)
