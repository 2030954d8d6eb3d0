"""The installed app's identity: its own icon on the window, the full licence texts in About, and
the start-up timing switch the installers' smoke test uses."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from ui_flows import open_dialog

from organizer.app import QUIT_WHEN_SHOWN, app_icon
from organizer.ui.help_menu import LICENCES_LINK, TextWindow
from organizer.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def test_the_app_icon_renders_at_every_size_installers_use(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    for size in (16, 32, 48, 256):
        image = icon.pixmap(QSize(size, size)).toImage()
        assert image.width() == size
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not blank


def test_about_opens_the_full_licence_texts_of_the_bundled_libraries(
        qtbot, window: MainWindow) -> None:
    window.help_menu.about_action.trigger()
    about = open_dialog(qtbot, window, TextWindow)
    assert "Show the full licence texts" in about.text.toPlainText()
    about.text.anchorClicked.emit(QUrl(LICENCES_LINK))
    qtbot.waitUntil(lambda: any(w.objectName() == "licencesWindow" and w.isVisible()
                                for w in window.findChildren(TextWindow)), timeout=5000)
    licences = next(w for w in window.findChildren(TextWindow) if w.objectName() == "licencesWindow")
    text = licences.text.toPlainText()
    for library in ("PySide6", "pikepdf", "cryptography", "MPL-2.0"):
        assert library in text
    licences.reject()
    about.reject()


def test_the_start_up_timing_switch_quits_once_the_window_is_shown(tmp_path: Path) -> None:
    """Run as its own program: quitting the app's event loop must not touch this test session."""
    env = {**os.environ, QUIT_WHEN_SHOWN: "1", "QT_QPA_PLATFORM": "offscreen",
           **{name: str(tmp_path / name.lower()) for name in
              ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")}}
    before = time.time()
    done = subprocess.run([sys.executable, "-m", "organizer", "gui"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    shown = [float(line.rsplit(" ", 1)[1]) for line in done.stderr.splitlines()
             if line.startswith("organizer: window shown at ")]
    assert len(shown) == 1 and before < shown[0] < time.time()


def test_the_icon_script_renders_every_hicolor_size_and_a_windows_ico(
        qapp: QApplication, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    assert spec is not None and spec.loader is not None
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    assert render_icons.main([str(tmp_path / "icons"), "--ico", str(tmp_path / "app.ico")]) == 0
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(tmp_path / "icons" / f"{size}x{size}" / "second-opinion-organizer.png"))
        assert (image.width(), image.height()) == (size, size)
    assert (tmp_path / "app.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an icon directory
