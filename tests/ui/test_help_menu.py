"""Help: a plain-words guide (safety, a lost passphrase, a new computer) and About with licences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from ui_flows import open_dialog

from organizer.core.about import FONTS, LIBRARIES, VERSION, readme_packages
from organizer.ui.help_menu import TextWindow
from organizer.ui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"
FONT_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def test_f1_opens_the_guide_with_the_three_topics(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = open_dialog(qtbot, window, TextWindow)
    text = guide.text.toPlainText()
    for topic in ("How the vault keeps your records safe", "If you lose your passphrase",
                  "Moving to a new computer", "Use my recovery key instead",
                  "Back up this vault"):
        assert topic in text
    guide.reject()


def test_about_shows_the_version_and_every_bundled_component_with_its_licence(
        qtbot, window: MainWindow) -> None:
    window.help_menu.about_action.trigger()
    about = open_dialog(qtbot, window, TextWindow)
    text = about.text.toPlainText()
    assert f"Version {VERSION}" in text
    for component in (*LIBRARIES, *FONTS):
        assert f"{component.name}: {component.licence}" in text
    about.reject()


def test_about_lists_every_package_of_the_readme_and_every_bundled_font() -> None:
    listed = " ".join(c.name for c in LIBRARIES)
    for package in readme_packages(README.read_text(encoding="utf-8")):
        assert all(part.strip() in listed for part in package.split(",")), package
    font_names = " ".join(c.name for c in FONTS).replace(" ", "")
    for font in (*FONT_FOLDER.glob("*.ttf"), *FONT_FOLDER.glob("fallback/*.ttf")):
        family = font.stem.split("-")[0].replace("Bold", "")
        assert family[:8] in font_names, font.name
