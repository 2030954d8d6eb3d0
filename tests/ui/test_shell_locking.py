"""Locking on idle, the settings that drive it, and one window per vault."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from ui_flows import TIMEOUT, idle, open_dialog, unlock_folder

from organizer.app import build_main_window
from organizer.core.packet import EMAIL_LIMIT_25_MB
from organizer.core.vault import KdfParams
from organizer.ui.main_window import MainWindow
from organizer.ui.settings_dialog import AppSettings, SettingsDialog
from organizer.ui.unlock_dialog import UnlockDialog


def test_the_vault_locks_itself_after_the_idle_time_and_hides_every_page(
    qtbot, window: MainWindow, case_vault: Path
) -> None:
    unlock_folder(qtbot, window, case_vault)
    window.settings.idle_seconds = 0.3
    window.apply_settings()
    assert window.idle_lock.active
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.start, timeout=TIMEOUT)
    assert not window.session.is_open and not window.vault.isVisible()
    assert window.vault.person_box.count() == 0
    assert "Jane" not in " ".join(w.text() for w in window.vault.findChildren(type(window.vault
                                                                              .folder_label)))
    idle(qtbot)


def test_key_presses_keep_the_vault_open_and_never_means_no_idle_lock(
    qtbot, window: MainWindow, case_vault: Path
) -> None:
    window.settings.idle_seconds = 0
    unlock_folder(qtbot, window, case_vault)
    assert not window.idle_lock.active
    window.settings.idle_seconds = 60
    window.apply_settings()
    assert window.idle_lock.active
    before = window.idle_lock.last_input
    qtbot.keyClick(window.vault.nav, Qt.Key.Key_Down)
    assert window.idle_lock.last_input > before  # input started the wait again
    window.lock()
    idle(qtbot)


def test_settings_are_kept_between_runs_as_numbers_only(
    qtbot, window: MainWindow, settings: QSettings
) -> None:
    window.settings_action.trigger()
    dialog = open_dialog(qtbot, window, SettingsDialog)
    assert dialog.idle_minutes.value() == 10  # the default
    dialog.idle_minutes.setValue(5)
    dialog.size_limit.set_limit(EMAIL_LIMIT_25_MB)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    later = AppSettings(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert later.idle_seconds == 300 and later.email_limit == EMAIL_LIMIT_25_MB
    for key in settings.allKeys():
        assert isinstance(settings.value(key), (str, int, float, list)), key


def test_opening_a_vault_open_in_another_window_brings_that_window_forward(
    qtbot, window: MainWindow, case_vault: Path, settings: QSettings, fast_kdf: KdfParams
) -> None:
    unlock_folder(qtbot, window, case_vault)
    asked: list[bool] = []
    window.beacon.focus_requested.connect(lambda: asked.append(True))
    second = build_main_window(settings, kdf=fast_kdf)
    qtbot.addWidget(second)
    second.show()
    second.open_vault(case_vault)
    box = open_dialog(qtbot, second, QMessageBox)
    assert box.objectName() == "openElsewhere"
    assert "already open in another window" in box.text()
    assert not [d for d in second.findChildren(UnlockDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    box.accept()
    window.lock()  # after locking, the vault opens anywhere again
    second.open_vault(case_vault)
    dialog = open_dialog(qtbot, second, UnlockDialog)
    dialog.reject()
    second.close()
    idle(qtbot)
