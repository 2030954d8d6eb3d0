"""The Records page by keyboard alone, with a name for every control a screen reader announces."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLineEdit, QWidget
from records_steps import TIMEOUT, table_texts, wait_for_review, wait_for_summary, wait_idle
from ui_flows import controls

from organizer.ui.records import RecordsPage
from organizer.ui.records.table_model import TYPE

pytest_plugins = ["records_fixtures"]


def tab_through(qtbot, start: QWidget, presses: int = 40) -> list[QWidget]:
    """The widgets that get the keyboard focus, pressing Tab from `start`."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused not in seen:
            seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return seen


def test_a_keyboard_user_can_add_read_and_correct_a_record(
        qtbot, records_page: RecordsPage, record_files: dict[str, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = records_page
    chosen = [str(record_files["pathology"]), str(record_files["unsure"])]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    page.add_button.setFocus()
    qtbot.keyClick(page.add_button, Qt.Key.Key_Space)
    summary = wait_for_summary(qtbot, page)
    qtbot.keyClick(summary.files, Qt.Key.Key_Return)  # Enter = OK
    wait_for_review(qtbot, page)
    qtbot.waitUntil(page.review.types.hasFocus, timeout=TIMEOUT)
    qtbot.keyClick(page.review.types, Qt.Key.Key_Escape)  # Esc = decide later, for all
    qtbot.waitUntil(lambda: page.body.currentWidget() is page.splitter, timeout=TIMEOUT)
    wait_idle(qtbot, page)

    table = page.records.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    row = page.records.current_row()
    assert row is not None
    qtbot.waitUntil(lambda: page.preview.document.status() == QPdfDocument.Status.Ready,
                    timeout=TIMEOUT)
    qtbot.keyClick(table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert page.preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.preview.view.hasFocus()

    page.records.table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # the "&Type:" label
    assert page.details.type.hasFocus()
    before = table_texts(page, TYPE)
    qtbot.keyClick(page.details.type, Qt.Key.Key_End)  # the last type: "Other record"
    qtbot.waitUntil(lambda: table_texts(page, TYPE) != before, timeout=TIMEOUT)
    assert "Other record" in table_texts(page, TYPE)
    qtbot.keyClick(page.details.type, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: table_texts(page, TYPE) == before, timeout=TIMEOUT)


def test_tab_reaches_every_control_and_each_has_a_name(
        qtbot, records_page: RecordsPage, record_files: dict[str, Path]) -> None:
    page = records_page
    page.import_paths([record_files["pathology"]])
    summary = wait_for_summary(qtbot, page)
    summary.ok_button.click()
    wait_idle(qtbot, page)
    page.records.table.selectRow(0)
    qtbot.waitUntil(lambda: page.preview.document.status() == QPdfDocument.Status.Ready,
                    timeout=TIMEOUT)
    reached = tab_through(qtbot, page.add_button)
    wanted = [page.add_button, page.records.search, page.records.type_filter, page.records.table,
              page.details.type, page.details.date.line, page.details.title_edit, page.details.notes,
              page.details.left_out, page.preview.zoom_out_button, page.preview.zoom_in_button,
              page.preview.fit_button, page.preview.view, page.preview.thumbnails]
    missing = [w.accessibleName() or w.objectName() for w in wanted if w not in reached]
    assert not missing
    for control in controls(page):
        if isinstance(control.parentWidget(), QLineEdit):
            continue  # a button inside a field, e.g. the calendar (Alt+Down opens it)
        if control.isVisible():
            named = control.accessibleName() or (
                isinstance(control, QAbstractButton) and control.text())
            assert named, f"{type(control).__name__} has no accessible name"
            assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
