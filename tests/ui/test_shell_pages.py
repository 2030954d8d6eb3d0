"""The open-vault shell: navigation, pages wired in one place, keyboard use, dark colours, the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from ui_flows import TIMEOUT, controls, idle, unlock_folder

from organizer import cli
from organizer.core.case.entities import MEDICATION
from organizer.ui.main_window import MainWindow
from organizer.ui.page import VaultPage


def test_the_checklist_is_the_home_page_and_every_section_is_in_the_navigation(
    qtbot, window: MainWindow, case_vault: Path
) -> None:
    unlock_folder(qtbot, window, case_vault)
    names = [window.vault.nav.item(row).text() for row in range(window.vault.nav.count())]
    assert names[0] == "Checklist" and "Records" in names and "Packet for the doctor" in names
    assert window.vault.current_page() is window.vault.pages[0]
    for control in controls(window.vault):
        if control.isVisibleTo(window.vault):
            assert control.accessibleName() or getattr(control, "text", str)(), control
    window.lock()
    idle(qtbot)


def test_a_change_on_one_page_refreshes_the_others_when_they_are_shown(
    qtbot, window: MainWindow, case_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unlock_folder(qtbot, window, case_vault)
    idle(qtbot)
    refreshed: list[str] = []
    for page in window.vault.pages:
        monkeypatch.setattr(page, "refresh", lambda page=page: refreshed.append(page.title))
    window.vault.pages[0].changed.emit(None)  # a change of unknown reach: every page redraws
    assert refreshed == []  # lazily: nothing reloads until it is shown
    window.vault.show_page("PacketPage")
    assert refreshed == ["Packet for the doctor"]
    window.vault.show_page("ChecklistPage")
    assert refreshed == ["Packet for the doctor"]  # the page that changed is up to date
    window.lock()


def test_a_page_redraws_only_when_a_change_touches_what_it_shows(
    qtbot, window: MainWindow, case_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unlock_folder(qtbot, window, case_vault)
    idle(qtbot)
    refreshed: list[str] = []
    for page in window.vault.pages:
        monkeypatch.setattr(page, "refresh", lambda page=page: refreshed.append(type(page).__name__))
    names = ("InsurancePage", "PlanPage", "PacketPage", "ChecklistPage")
    for name in (*names, "MedicinesPage"):  # each page made and up to date
        window.vault.show_page(name)
    medicines = window.vault.current_page()
    assert medicines is not None
    refreshed.clear()
    medicines.changed.emit(frozenset({MEDICATION}))  # what saving a medicine reports
    for name in names:
        window.vault.show_page(name)
    assert refreshed == ["ChecklistPage"]  # the checklist shows everything; the others kept theirs
    window.lock()



def test_the_main_flow_works_with_the_keyboard_alone(
    qtbot, window: MainWindow, case_vault: Path
) -> None:
    unlock_folder(qtbot, window, case_vault)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.vault.nav, timeout=TIMEOUT)
    while window.vault.nav.currentItem().text() != "Packet for the doctor":
        qtbot.keyClick(window.vault.nav, Qt.Key.Key_Down)
    page = window.vault.current_page()
    assert page is not None and page.title == "Packet for the doctor"
    focus_chain = set()
    widget = QApplication.focusWidget()
    for _ in range(60):
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        focus_chain.add(widget)
    assert window.vault.person_box in focus_chain and window.vault.lock_button in focus_chain
    assert page.make_button in focus_chain  # type: ignore[attr-defined]
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.start, timeout=TIMEOUT)
    idle(qtbot)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base, "#17181a"),
                         (QPalette.ColorRole.Text, "#e8eaed"), (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Button, "#303134"), (QPalette.ColorRole.ButtonText, "#e8eaed"),
                         (QPalette.ColorRole.Highlight, "#8ab4f8"), (QPalette.ColorRole.Mid, "#5f6368")):
        palette.setColor(role, QColor(colour))
    return palette


def test_the_open_vault_renders_in_dark_colours_with_light_text(
    qtbot, qapp: QApplication, window: MainWindow, case_vault: Path
) -> None:
    light = qapp.palette()
    qapp.setPalette(dark_palette())
    try:
        unlock_folder(qtbot, window, case_vault)
        idle(qtbot)
        image = window.grab().toImage()
        assert not image.isNull()
        corner = image.pixelColor(image.width() - 5, image.height() // 2)
        assert corner.lightness() < 100  # the window background follows the dark palette
        nav = window.vault.nav.grab().toImage()
        shades = [nav.pixelColor(x, y).lightness() for x in range(0, nav.width(), 2)
                  for y in range(0, nav.height() // 3, 2)]
        assert min(shades) < 60 and max(shades) > 150  # light words on a dark list
        window.lock()
    finally:
        qapp.setPalette(light)


def test_the_demo_opens_already_unlocked_in_its_own_new_folder(
    qtbot, window: MainWindow, data_home: Path, fast_calibration: object
) -> None:
    assert window.start.demo_button.isVisible() and window.start.demo_note.isVisible()
    window.start.demo_button.click()
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=60_000)
    folder = Path(window.vault.folder_label.text().split(": ", 1)[1])
    assert folder.parent == data_home / "second-opinion-organizer" / "Demo vaults"
    assert window.vault.person_box.currentText().startswith("Robin Sample")
    assert isinstance(window.vault.current_page(), VaultPage)
    window.lock()
    idle(qtbot)


def test_organizer_gui_demo_asks_the_app_for_the_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[object, bool]] = []
    monkeypatch.setattr("organizer.app.run_gui",
                        lambda folder=None, demo=False, **_: calls.append((folder, demo)) or 0)
    assert cli.main(["gui", "--demo"]) == 0
    assert calls == [(None, True)]
