"""The window fits the screen and keeps its place; text size applies at once; the preview can close."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel
from records_steps import import_and_confirm

from organizer.app import build_main_window
from organizer.core.vault import KdfParams
from organizer.ui.main_window import MainWindow
from organizer.ui.records import RecordsPage
from organizer.ui.settings_dialog import AppSettings, SettingsDialog
from organizer.ui.style import heading
from organizer.ui.text_size import apply_text_size

pytest_plugins = ["records_fixtures"]


@pytest.fixture
def normal_text(qapp: QApplication) -> Iterator[None]:
    yield
    apply_text_size(qapp, 100)


def fits(window: MainWindow) -> bool:
    return window.screen().availableGeometry().contains(window.frameGeometry())


def test_on_a_small_screen_the_window_opens_maximised_and_fits(window: MainWindow) -> None:
    screen = window.screen().availableGeometry()
    assert screen.height() < 900  # the offscreen test screen is a small one
    assert window.windowState() & Qt.WindowState.WindowMaximized
    assert window.height() <= screen.height() and window.width() <= screen.width()


def test_the_window_opens_where_it_was_last_time(
        qtbot, qapp: QApplication, settings: QSettings, fast_kdf: KdfParams) -> None:
    first = build_main_window(settings, kdf=fast_kdf)
    qtbot.addWidget(first)
    first.showNormal()
    first.setGeometry(40, 50, 700, 450)
    qtbot.waitUntil(lambda: first.width() == 700, timeout=5000)
    first.close()  # waits for the window's own background work
    second = build_main_window(settings, kdf=fast_kdf)
    qtbot.addWidget(second)
    assert not second.windowState() & Qt.WindowState.WindowMaximized
    assert (second.width(), second.height()) == (700, 450)
    assert fits(second) or not second.isVisible()


def test_text_size_applies_at_once_to_text_and_headings_and_cancel_puts_it_back(
        qtbot, qapp: QApplication, settings: QSettings, normal_text: None) -> None:
    normal = qapp.font().pointSizeF()
    title = heading("A heading", 1.5)
    qtbot.addWidget(title)
    heading_normal = title.font().pointSizeF()
    dialog = SettingsDialog(AppSettings(settings))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_size.setValue(150)
    assert qapp.font().pointSizeF() == pytest.approx(normal * 1.5)
    assert title.font().pointSizeF() == pytest.approx(heading_normal * 1.5)
    assert QLabel("new").font().pointSizeF() == pytest.approx(normal * 1.5)
    dialog.reject()
    assert qapp.font().pointSizeF() == pytest.approx(normal)
    assert title.font().pointSizeF() == pytest.approx(heading_normal)
    again = SettingsDialog(AppSettings(settings))
    qtbot.addWidget(again)
    again.text_size.setValue(200)
    again.accept()
    assert AppSettings(settings).text_size == 200
    assert qapp.font().pointSizeF() == pytest.approx(normal * 2)


def test_the_stored_text_size_is_used_when_the_window_opens(
        qtbot, qapp: QApplication, settings: QSettings, fast_kdf: KdfParams,
        normal_text: None) -> None:
    normal = qapp.font().pointSizeF()
    AppSettings(settings).text_size = 130
    main = build_main_window(settings, kdf=fast_kdf)
    qtbot.addWidget(main)
    assert qapp.font().pointSizeF() == pytest.approx(normal * 1.3)


def test_the_preview_can_be_hidden_and_shown_again(
        qtbot, records_page: RecordsPage, record_files: dict) -> None:
    page = records_page
    import_and_confirm(qtbot, page, [record_files["operative"]])
    assert page.preview.isVisible()
    page.preview_toggle.click()
    assert not page.preview.isVisible()
    assert page.preview_toggle.text() == "Show pre&view"
    qtbot.waitUntil(lambda: page.records.width() > page.width() * 0.8, timeout=5000)
    page.preview_toggle.click()
    assert page.preview.isVisible()
    qtbot.waitUntil(lambda: page.preview.width() > page.width() * 0.2, timeout=5000)


def test_on_a_narrow_page_the_list_gets_more_of_the_width(
        qtbot, records_page: RecordsPage, record_files: dict) -> None:
    page = records_page
    import_and_confirm(qtbot, page, [record_files["operative"]])
    char = page.fontMetrics().averageCharWidth()

    def list_share() -> float:
        sizes = page.splitter.sizes()
        return sizes[0] / max(1, sum(sizes))

    page.resize(char * 135, 600)  # e.g. 1366×768 at 150 %
    qtbot.waitUntil(lambda: list_share() > 0.66, timeout=5000)
    page.resize(char * 230, 600)
    qtbot.waitUntil(lambda: 0.55 < list_share() < 0.65, timeout=5000)
