"""Where the main window opens: where it was last time, else a size that fits the screen."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QWidget

GEOMETRY_KEY = "window/geometry"  # size and place only (QSettings is plain text: nothing private)
SMALL_SCREEN = (1400, 900)  # in device-independent pixels: 1366×768, or 1920×1080 at 150 % and more


def place_window(window: QWidget, store: QSettings) -> None:
    """Restore the last size and place; else maximise on small screens, or centre a roomy size."""
    saved = store.value(GEOMETRY_KEY)
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        return
    screen = window.screen().availableGeometry()
    if screen.width() < SMALL_SCREEN[0] or screen.height() < SMALL_SCREEN[1]:
        window.resize(screen.width() * 9 // 10, screen.height() * 9 // 10)  # when un-maximised
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(min(1400, screen.width() * 8 // 10), min(940, screen.height() * 85 // 100))
    window.move(screen.center() - window.rect().center())


def remember_place(window: QWidget, store: QSettings) -> None:
    store.setValue(GEOMETRY_KEY, window.saveGeometry())
    store.sync()
