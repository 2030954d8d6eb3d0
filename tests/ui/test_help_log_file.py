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


def test_a_session_in_the_window_logs_events_but_no_name_file_or_passphrase(
        qtbot, window: MainWindow, existing_vault: tuple[Path, str], tmp_path: Path) -> None:
    from ui_flows import TIMEOUT, drop_on, idle, open_dialog, unlock_folder

    from organizer.ui.unlock_dialog import UnlockDialog

    folder, _ = existing_vault
    path = logs.configure(tmp_path / "logs" / "organizer.log")
    try:
        window.open_vault(folder)
        dialog = open_dialog(qtbot, window, UnlockDialog)
        qtbot.keyClicks(dialog.passphrase, "canary tulip orbit 77")
        dialog.unlock_button.click()
        qtbot.waitUntil(lambda: "⚠" in dialog.message.text(), timeout=TIMEOUT)
        dialog.reject()
        unlock_folder(qtbot, window, folder)
        record = tmp_path / "Ana Silva pathology canary-3141.pdf"
        record.write_bytes(b"%PDF-1.7 Ana Silva canary-3141 not really a PDF")
        drop_on(window, [record])
        idle(qtbot)
        qtbot.waitUntil(lambda: "Import finished" in path.read_text(encoding="utf-8"),
                        timeout=TIMEOUT)
        window.lock()
    finally:
        logs.stop()
    text = path.read_text(encoding="utf-8")
    assert "Unlock failed: WrongPassphrase" in text and "Vault opened: 1 people" in text
    assert "Vault locked" in text
    for canary in ("Ana", "Silva", "canary", "tulip", str(folder), folder.name):
        assert canary not in text, canary
