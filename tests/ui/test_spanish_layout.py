"""Spanish at 150 % text size: pages fit a 1366-pixel screen beside the navigation, whose width
follows the text size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication
from ui_flows import unlock_folder

from organizer.app import STYLE_SHEET, build_main_window
from organizer.core.vault import KdfParams
from organizer.ui.language import install_translations, remove_translations
from organizer.ui.main_window import MainWindow
from organizer.ui.text_size import apply_text_size

SMALL_SCREEN_WIDTH = 1366
WINDOW_FRAME = 16  # the frame a desktop draws around the window (8 pixels a side on Windows)


@pytest.fixture
def spanish_large_text(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp, "es")
    sheet = qapp.styleSheet()
    qapp.setStyleSheet(STYLE_SHEET)  # the app's own look (padding counts for the width)
    yield
    apply_text_size(qapp, 100)
    qapp.setStyleSheet(sheet)
    remove_translations(qapp, translators)


@pytest.fixture
def open_window(qtbot, settings: QSettings, fast_kdf: KdfParams,
                existing_vault: tuple[Path, str]) -> Iterator[MainWindow]:
    main = build_main_window(settings, kdf=fast_kdf)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    unlock_folder(qtbot, main, existing_vault[0])
    yield main
    main.close()
    QThreadPool.globalInstance().waitForDone(10_000)


def _show(qtbot, window: MainWindow, class_name: str):
    view = window.vault
    row = next(i for i, page in enumerate(view.pages) if type(page).__name__ == class_name)
    view.nav.setCurrentRow(row)
    qtbot.waitUntil(lambda: type(view.current_page()).__name__ == class_name, timeout=5000)
    return view.current_page()


def test_every_page_fits_a_1366_pixel_screen_beside_the_navigation_in_spanish_at_150_percent(
        qtbot, spanish_large_text: None, open_window: MainWindow) -> None:
    """The window can be no narrower than its widest page plus the navigation; it must still fit,
    with its frame, on a 1366×768 screen (the Requests and Imaging pages once did not)."""
    apply_text_size(QApplication.instance(), 150)
    for name in ("RequestsPage", "ImagingPage", "MedicinesPage", "RecordsPage"):
        _show(qtbot, open_window, name)
    widest = max(open_window.vault.pages, key=lambda page: page.minimumSizeHint().width())
    needed = open_window.minimumSizeHint().width()
    assert needed <= SMALL_SCREEN_WIDTH - WINDOW_FRAME, (needed, type(widest).__name__)


def test_the_navigation_widens_when_the_text_grows_so_no_section_name_is_cut(
        qtbot, spanish_large_text: None, open_window: MainWindow) -> None:
    view = open_window.vault
    before = view.nav.width()
    apply_text_size(QApplication.instance(), 150)
    qtbot.waitUntil(lambda: view.nav.width() > before * 1.3, timeout=5000)
    metrics = view.nav.fontMetrics()
    for row in range(view.nav.count()):
        title = view.nav.item(row).text()
        assert metrics.horizontalAdvance(title) < view.nav.viewport().width(), title
    apply_text_size(QApplication.instance(), 100)
    qtbot.waitUntil(lambda: view.nav.width() < before * 1.1, timeout=5000)


def test_a_pathology_version_on_the_checklist_is_in_spanish(spanish_large_text: None) -> None:
    from organizer.core.document_record import DocumentRecord
    from organizer.ui.case.checklist_row import document_line

    document = DocumentRecord("abc", "a.pdf", file="f", pages=1, title="Surgical pathology",
                              record_date="2024-02-07", pathology_version="preliminary")
    assert document_line(document) == "• preliminar: Surgical pathology (2024-02-07)"


def test_a_date_is_read_back_in_spanish_words(qtbot, spanish_large_text: None) -> None:
    from organizer.ui.case.date_field import DateField

    field = DateField()
    qtbot.addWidget(field)
    qtbot.keyClicks(field.line, "23 de abril de 1961")
    assert field.value == "1961-04-23"
    assert "23 de abril de 1961" in field.note.text()
    field.line.clear()
    qtbot.keyClicks(field.line, "31/02/1961")
    assert "febrero" in field.note.text() and "February" not in field.note.text()


def test_the_records_title_column_keeps_room_in_spanish_on_a_1366_pixel_screen(
        qtbot, spanish_large_text: None, open_window: MainWindow) -> None:
    """The Type column once fitted Spanish's long "not sure" wording and left the title a few
    pixels: the title is what people read the list by."""
    from organizer.ui.records.table_model import TITLE, TYPE

    open_window.resize(SMALL_SCREEN_WIDTH - WINDOW_FRAME, 700)
    page = _show(qtbot, open_window, "RecordsPage")
    header = page.records.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(TITLE) >= 100, timeout=5000)
    assert header.sectionSize(TYPE) <= 2 * header.sectionSize(TITLE)
