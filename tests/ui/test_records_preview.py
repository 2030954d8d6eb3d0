"""The preview pane: records shown from memory, page count, thumbnails, zoom keys, protected PDFs."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from records_steps import (
    OPERATIVE_TITLE,
    PATHOLOGY_TITLE,
    PDF_PASSWORD,
    TIMEOUT,
    close_summary,
    drop_files,
    import_and_confirm,
    table_texts,
    type_passwords,
    wait_for_summary,
    wait_idle,
)

from organizer.core.session import Session
from organizer.ui.records import RecordsPage
from organizer.ui.records.preview import PreviewPane
from organizer.ui.records.table_model import TITLE
from tests.samples import OPERATIVE_LINES, PATHOLOGY_LINES, encrypted, text_pdf

pytest_plugins = ["records_fixtures"]
Files = dict[str, Path]


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def show_record(qtbot, page: RecordsPage, title: str) -> QPdfDocument:
    page.records.table.setFocus()
    page.records.table.selectRow(table_texts(page, TITLE).index(title))
    document = page.preview.document
    qtbot.waitUntil(lambda: document.status() == QPdfDocument.Status.Ready, timeout=TIMEOUT)
    return document


def has_ink(image: QImage) -> bool:
    """True when the picture is not blank white (some text was drawn)."""
    small = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return any(small.pixelColor(x, y).value() < 200
               for y in range(0, small.height(), 2) for x in range(0, small.width(), 2))


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the temp folder (Python and Qt) into tmp_path, so we can see anything written there."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_choosing_a_row_shows_the_record_with_its_pages_and_thumbnails(
        qtbot, records_page: RecordsPage, record_files: Files) -> None:
    page = records_page
    import_and_confirm(qtbot, page, [record_files["pathology"], record_files["operative"]])
    document = show_record(qtbot, page, PATHOLOGY_TITLE)
    assert document.pageCount() == 2
    assert page.preview.stack.currentWidget() is page.preview.view
    assert page.preview.page_label.text() == "Page 1 of 2"
    thumbnails = page.preview.thumbnail_model
    assert thumbnails.rowCount() == 2
    first = thumbnails.index(0)
    qtbot.waitUntil(lambda: has_ink(first.data(Qt.ItemDataRole.DecorationRole)), timeout=TIMEOUT)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == "Page 1 of 2"
    second = page.preview.thumbnails.visualRect(thumbnails.index(1)).center()
    qtbot.mouseClick(page.preview.thumbnails.viewport(), Qt.MouseButton.LeftButton, pos=second)
    qtbot.waitUntil(lambda: page.preview.page_label.text() == "Page 2 of 2", timeout=TIMEOUT)
    document = show_record(qtbot, page, OPERATIVE_TITLE)
    qtbot.waitUntil(lambda: page.preview.page_label.text() == "Page 1 of 1", timeout=TIMEOUT)
    assert thumbnails.rowCount() == 1


def test_previewing_writes_nothing_to_the_disk(
        qtbot, private_temp: Path, records_page: RecordsPage, record_files: Files,
        tmp_path: Path) -> None:
    page = records_page
    import_and_confirm(qtbot, page, [record_files["pathology"], record_files["photo"]])
    before = files_under(tmp_path)
    show_record(qtbot, page, PATHOLOGY_TITLE)
    thumbnail = page.preview.thumbnail_model.index(0)
    qtbot.waitUntil(lambda: has_ink(thumbnail.data(Qt.ItemDataRole.DecorationRole)), timeout=TIMEOUT)
    show_record(qtbot, page, "photo.png")
    page.preview.zoom_in()
    wait_idle(qtbot, page)
    assert files_under(tmp_path) == before
    assert not any(private_temp.iterdir())


def test_zoom_keys_zoom_in_out_and_ctrl_0_fits_the_width(
        qtbot, records_page: RecordsPage, record_files: Files) -> None:
    page = records_page
    import_and_confirm(qtbot, page, [record_files["operative"]])
    show_record(qtbot, page, OPERATIVE_TITLE)
    view, table = page.preview.view, page.records.table
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(table, Qt.Key.Key_Plus, ctrl)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = view.zoomFactor()
    qtbot.keyClick(table, Qt.Key.Key_Plus, ctrl)
    assert view.zoomFactor() > bigger
    qtbot.keyClick(table, Qt.Key.Key_Minus, ctrl)
    qtbot.keyClick(table, Qt.Key.Key_Minus, ctrl)
    assert view.zoomFactor() == pytest.approx(bigger / 1.25)
    qtbot.keyClick(table, Qt.Key.Key_0, ctrl)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    page.preview.zoom_in_button.click()
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    page.preview.fit_button.click()
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_enter_on_a_row_moves_the_keyboard_into_the_preview(
        qtbot, records_page: RecordsPage, record_files: Files) -> None:
    page = records_page
    import_and_confirm(qtbot, page, [record_files["operative"]])
    show_record(qtbot, page, OPERATIVE_TITLE)
    qtbot.keyClick(page.records.table, Qt.Key.Key_Return)
    assert page.preview.view.hasFocus()


def test_a_protected_pdf_opens_with_its_password_and_says_so_without_it(qtbot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    locked = encrypted(text_pdf([OPERATIVE_LINES, PATHOLOGY_LINES]), PDF_PASSWORD, "owner")
    pane.show_pdf(locked, PDF_PASSWORD)
    qtbot.waitUntil(lambda: pane.document.status() == QPdfDocument.Status.Ready, timeout=TIMEOUT)
    assert pane.document.pageCount() == 2
    pane.show_pdf(locked, None)  # pages are counted off the GUI thread first, then the answer
    qtbot.waitUntil(lambda: "cannot be shown here" in pane.message.text(), timeout=TIMEOUT)
    assert pane.stack.currentWidget() is pane.message
    assert not pane.zoom_in_button.isEnabled()
    pane.show_pdf(b"%PDF-1.4 this is not really a pdf", None)
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.message, timeout=TIMEOUT)


def test_the_page_strip_shows_only_with_a_record_and_stays_while_the_next_one_opens(qtbot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    assert not pane.thumbnails.isVisible()  # nothing chosen: no empty box under the sentence
    pane.show_pdf(text_pdf([OPERATIVE_LINES, PATHOLOGY_LINES]))
    qtbot.waitUntil(lambda: pane.document.status() == QPdfDocument.Status.Ready, timeout=TIMEOUT)
    assert pane.thumbnails.isVisible()
    pane.show_opening()  # moving to the next record: the strip stays, nothing jumps
    assert pane.thumbnails.isVisible()
    pane.show_pdf(b"%PDF-1.4 this is not really a pdf", None)
    qtbot.waitUntil(lambda: "cannot be shown here" in pane.message.text(), timeout=TIMEOUT)
    assert not pane.thumbnails.isVisible()
    pane.show_pdf(text_pdf([OPERATIVE_LINES]))
    qtbot.waitUntil(lambda: pane.document.status() == QPdfDocument.Status.Ready, timeout=TIMEOUT)
    assert pane.thumbnails.isVisible()
    pane.clear()
    assert not pane.thumbnails.isVisible()
    assert "Choose a record" in pane.message.text()


def test_a_record_imported_with_a_password_can_be_previewed(
        qtbot, records_page: RecordsPage, record_files: Files, monkeypatch: pytest.MonkeyPatch) -> None:
    page = records_page
    drop_files(page, [record_files["locked"]])
    summary = wait_for_summary(qtbot, page)  # "needs a password", with a field for it
    type_passwords(summary, PDF_PASSWORD)
    close_summary(qtbot, summary)
    wait_idle(qtbot, page)
    document = show_record(qtbot, page, OPERATIVE_TITLE)
    assert document.pageCount() == 2


def test_turning_the_pages_shows_them_turned_keeps_the_turn_and_can_be_undone(
        qtbot, records_page: RecordsPage, record_files: Files, records_session: Session) -> None:
    page = records_page
    import_and_confirm(qtbot, page, [record_files["pathology"]])
    document = show_record(qtbot, page, PATHOLOGY_TITLE)
    upright = document.pagePointSize(0)
    assert upright.height() > upright.width()
    thumbnails = page.preview.thumbnail_model
    assert thumbnails.page_size(0).height() > thumbnails.page_size(0).width()
    qtbot.keyClick(page.records.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)

    def shown_sideways() -> bool:
        size = document.pagePointSize(0)
        return document.status() == QPdfDocument.Status.Ready and size.width() > size.height()
    qtbot.waitUntil(shown_sideways, timeout=TIMEOUT)
    assert thumbnails.page_size(0).width() > thumbnails.page_size(0).height()
    assert [d.rotation for d in records_session.documents()] == [90]
    assert "turned to the right" in page.message.text()
    wait_idle(qtbot, page)  # the turned record is shown again before the next click
    qtbot.waitUntil(page.preview.rotate_left_button.isEnabled, timeout=TIMEOUT)
    page.preview.rotate_left_button.click()
    qtbot.waitUntil(lambda: [d.rotation for d in records_session.documents()] == [0], timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not shown_sideways() and document.status() == QPdfDocument.Status.Ready,
                    timeout=TIMEOUT)
    wait_idle(qtbot, page)
    qtbot.waitUntil(page.preview.rotate_right_button.isEnabled, timeout=TIMEOUT)
    assert "turned to the left" in page.message.text()
    page.preview.rotate_right_button.click()
    qtbot.waitUntil(lambda: "turned to the right" in page.message.text(), timeout=TIMEOUT)
    assert [d.rotation for d in records_session.documents()] == [90]
    wait_idle(qtbot, page)
    page.undo()
    qtbot.waitUntil(lambda: [d.rotation for d in records_session.documents()] == [0], timeout=TIMEOUT)


def test_ctrl_z_pressed_while_a_turn_is_still_saving_undoes_that_turn(
        qtbot, records_page: RecordsPage, record_files: Files, records_session: Session) -> None:
    page = records_page
    import_and_confirm(qtbot, page, [record_files["pathology"]])
    show_record(qtbot, page, PATHOLOGY_TITLE)
    page.preview.rotate_right_button.click()
    page.undo()  # at once: before the turn has reached the vault
    qtbot.waitUntil(lambda: "Undone" in page.message.text(), timeout=TIMEOUT)
    wait_idle(qtbot, page)
    assert [d.rotation for d in records_session.documents()] == [0]
