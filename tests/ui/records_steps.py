"""Steps the Records page tests share: dropping files, waiting for the summary, reading the table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from organizer.ui.records import RecordsPage
from organizer.ui.records.import_dialogs import ImportSummaryDialog
from organizer.ui.workers import TaskPool

TIMEOUT = 20_000
PASSPHRASE = "blue kettle on a quiet hill"
PDF_PASSWORD = "rose garden 42"
PATHOLOGY_TITLE = "Surgical pathology — Left breast, core biopsy (Riverside Cancer Center)"
OPERATIVE_TITLE = "Operative report — Left partial mastectomy with sentinel lymph node biopsy"
UNSURE_LINES = ["FINAL DIAGNOSIS: carcinoma", "Discharge date: 01/20/2024"]


def drop_files(page: RecordsPage, paths: list[Path]) -> None:
    """Drag files from a file manager and drop them on the page, as Qt delivers it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = page.rect().center()
    enter = QDragEnterEvent(QPointF(where), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(QPoint(where)), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, drop)
    assert drop.isAccepted()


def wait_for_summary(qtbot, page: RecordsPage) -> ImportSummaryDialog:
    qtbot.waitUntil(lambda: page.flow.summary is not None and page.flow.summary.isVisible(),
                    timeout=TIMEOUT)
    assert page.flow.summary is not None
    return page.flow.summary


def close_summary(qtbot, summary: ImportSummaryDialog) -> None:
    summary.ok_button.click()
    qtbot.waitUntil(lambda: not summary.isVisible(), timeout=TIMEOUT)


def import_and_confirm(qtbot, page: RecordsPage, paths: list[Path]) -> list[str]:
    """Import by dropping, close the summary, and wait for the table; returns the summary lines."""
    drop_files(page, paths)
    summary = wait_for_summary(qtbot, page)
    lines = summary.lines()
    close_summary(qtbot, summary)
    wait_idle(qtbot, page)
    return lines


def wait_idle(qtbot, page: RecordsPage) -> None:
    """No import running, no reload pending, no background work left."""
    def idle() -> bool:
        return not page.is_busy and TaskPool.of(page).is_idle()
    qtbot.waitUntil(idle, timeout=TIMEOUT)


def table_texts(page: RecordsPage, column: int) -> list[str]:
    proxy = page.records.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def wait_for_review(qtbot, page: RecordsPage) -> None:
    """The review panel of unsure records is showing on the page."""
    qtbot.waitUntil(lambda: page.review.active and page.body.currentWidget() is page.review,
                    timeout=TIMEOUT)


def finish_review(qtbot, page: RecordsPage) -> None:
    """Leave every unsure record "not sure" (Finish) and wait for the table."""
    wait_for_review(qtbot, page)
    page.review.done_button.click()
    qtbot.waitUntil(lambda: page.body.currentWidget() is page.splitter, timeout=TIMEOUT)
    wait_idle(qtbot, page)


def type_passwords(summary: ImportSummaryDialog, password: str) -> None:
    """Type the same password into every password field the summary shows."""
    for field in summary.password_fields.values():
        field.setText(password)
