"""Builds the GUI: the one place where the core (vault, catalog) is wired to the Qt widgets."""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from organizer.core import logs
from organizer.core.about import VERSION
from organizer.core.resources import resources_folder
from organizer.core.session import Session
from organizer.core.vault import KdfParams
from organizer.ui.language import effective_language, install_translations, stored_language
from organizer.ui.main_window import MainWindow
from organizer.ui.style import STYLE_SHEET

APP_NAME = "second-opinion-organizer"
APP_DISPLAY_NAME = "Second Opinion Organizer"
ORGANIZATION = "Second Opinion Organizer"
DESKTOP_ID = "org.secondopinion.Organizer"
"""The .desktop entry and AppStream id of the installed app (packaging/linux)."""
QUIT_WHEN_SHOWN = "ORGANIZER_QUIT_WHEN_SHOWN"
"""Set to 1 to quit once the window is shown and taking input, printing the time it was shown
(`organizer: window shown at EPOCH` on stderr): times a cold start (packaging/smoke-test.sh)."""


def app_icon() -> QIcon:
    """The app's own icon (resources/icons/second-opinion-organizer.svg), for the window and taskbar."""
    return QIcon(str(resources_folder() / "icons" / "second-opinion-organizer.svg"))


def default_vault_folder() -> Path:
    """`<user data dir>/My vault`, or `My vault 2`, 3… when that one is already in use."""
    base = Path(user_data_dir(APP_NAME, appauthor=False))
    for number in range(1, 100):
        candidate = base / ("My vault" if number == 1 else f"My vault {number}")
        if not candidate.exists() or not any(candidate.iterdir()):
            return candidate
    return base / "My vault"


def demo_vaults_folder() -> Path:
    """Where `Try the demo` makes its vaults of made-up records: `<user data dir>/Demo vaults`."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "Demo vaults"


def build_main_window(settings: QSettings, kdf: KdfParams | None = None) -> MainWindow:
    """The main window over a fresh session (tests call this with fast KDF settings)."""
    return MainWindow(Session(kdf), settings, default_vault_folder(),
                      demo_parent=demo_vaults_folder())


def start_logging() -> None:
    """The log file for support (codes and counts only), and uncaught errors into it."""
    try:
        logs.configure()
    except OSError:
        return  # no writable log folder: the app works without its log
    logs.install_excepthooks()
    logs.log.info(logs.APP_STARTED, logs.Code(VERSION), logs.Code(platform.python_version()),
                  logs.Code(sys.platform))


def run_gui(vault_folder: Path | None = None, *, demo: bool = False,
            argv: list[str] | None = None) -> int:
    """Start the app; with `vault_folder`, go straight to unlocking it; with `demo`, open a fresh
    demo vault. Returns the exit code."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_ID)
    app.setStyleSheet(STYLE_SHEET)
    start_logging()
    settings = QSettings()
    install_translations(app, effective_language(stored_language(settings)))  # before any widget
    window = build_main_window(settings)
    window.show()
    if demo:
        window.open_demo()
    elif vault_folder is not None:
        window.open_vault(Path(vault_folder))
    if os.environ.get(QUIT_WHEN_SHOWN) == "1":
        _quit_when_exposed(app, window)
    return app.exec()


def _quit_when_exposed(app: QApplication, window: MainWindow) -> None:
    """Quit once the window is on screen and its first paint has run (for start-up timing)."""
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        print(f"organizer: window shown at {time.time():.3f}", file=sys.stderr, flush=True)
        QTimer.singleShot(0, app.quit)  # after the paint that the exposure queued
    else:
        QTimer.singleShot(5, lambda: _quit_when_exposed(app, window))
