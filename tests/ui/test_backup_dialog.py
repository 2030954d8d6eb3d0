"""Back up this vault…: says where the vault lives, copies to the chosen place, checks, can be cancelled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from ui_flows import PASSPHRASE, TIMEOUT, idle, open_dialog, unlock_folder

from organizer.core import catalog
from organizer.core.packet.delivery import Drive
from organizer.core.vault import Vault
from organizer.ui import backup_dialog
from organizer.ui.backup_dialog import BackupDialog
from organizer.ui.main_window import MainWindow


def test_backing_up_to_a_usb_drive_makes_a_checked_copy_that_opens(
        qtbot, window: MainWindow, existing_vault: tuple[Path, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = existing_vault
    stick = tmp_path / "STICK"
    stick.mkdir()
    monkeypatch.setattr(backup_dialog, "removable_drives", lambda: [Drive("STICK", stick)])
    unlock_folder(qtbot, window, folder)
    assert window.vault_actions.backup_action.isEnabled()
    window.vault_actions.backup_action.trigger()
    dialog = open_dialog(qtbot, window, BackupDialog)
    assert str(folder) in dialog.where.text()  # says where the vault lives
    assert dialog.place.currentText() == "USB drive: STICK"
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.backup is not None, timeout=TIMEOUT)
    assert "matches the vault" in dialog.message.text()
    [copy] = list(stick.iterdir())
    assert copy.name.startswith(f"{folder.name} backup ")
    window.lock()
    with Vault.unlock(copy, PASSPHRASE) as vault:
        assert [p.name for p in catalog.people(vault)] == ["Ana Silva"]
    assert not window.vault_actions.backup_action.isEnabled()
    idle(qtbot)


def test_cancel_stops_the_backup_and_leaves_nothing(
        qtbot, window: MainWindow, existing_vault: tuple[Path, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = existing_vault
    out = tmp_path / "backups"
    out.mkdir()
    monkeypatch.setattr(backup_dialog, "removable_drives", lambda: [])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    unlock_folder(qtbot, window, folder)
    window.vault_actions.backup_action.trigger()
    dialog = open_dialog(qtbot, window, BackupDialog)
    dialog.browse.click()
    assert dialog.chosen_place() == out
    dialog.stop.set()  # as if Cancel was pressed at the first chunk
    monkeypatch.setattr(dialog.stop, "clear", lambda: None)
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT):
        dialog.start_button.click()
        dialog.cancel_button.click()
    assert list(out.iterdir()) == []
    idle(qtbot)
