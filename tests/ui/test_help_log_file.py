"""Help → Open the log file: the log for support opens in the computer's own viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from organizer.core import logs
from organizer.ui.main_window import MainWindow


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_the_help_menu_opens_the_log_file(window: MainWindow, tmp_path: Path) -> None:
    path = logs.configure(tmp_path / "logs" / "organizer.log")
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        menu = window.menuBar().actions()[-1].menu()
        assert window.help_menu.log_action in menu.actions()
        window.help_menu.log_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
        logs.stop()
    assert [Path(url.toLocalFile()) for url in opened.urls] == [path]


def test_without_a_log_yet_an_empty_one_is_opened(window: MainWindow, tmp_path: Path) -> None:
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        window.help_menu.log_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    [url] = opened.urls
    shown = Path(url.toLocalFile())
    assert shown == logs.default_log_file() and shown.exists()
    assert tmp_path in shown.parents  # the user's log folder (here, the test's own)
