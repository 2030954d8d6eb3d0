"""The window warns about an older copy of the vault, and changes the passphrase and keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from ui_flows import PASSPHRASE, TIMEOUT, open_dialog

from organizer.core.errors import WrongPassphrase
from organizer.core.vault import Change, KdfParams, Vault
from organizer.ui.main_window import MainWindow
from organizer.ui.rekey_dialog import RekeyDialog
from organizer.ui.unlock_dialog import UnlockDialog

NEW = "a brand new passphrase after a leak"


def open_vault(qtbot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.start.open_button.click()
    dialog = open_dialog(qtbot, window, UnlockDialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)


def test_an_older_copy_of_the_vault_is_warned_about_when_it_opens(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = existing_vault
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.record([Change("document", "d1", {"left_out": True})])
    max((folder / "journal").glob("*.jrn")).unlink()  # the newest change, removed
    open_vault(qtbot, window, folder, monkeypatch)
    box = open_dialog(qtbot, window, QMessageBox)
    assert box.objectName() == "vaultNotices"
    assert "older than the last time it was opened on this computer" in box.text()
    box.accept()


def test_change_passphrase_and_keys_from_the_vault_menu(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch, fast_calibration: KdfParams
) -> None:
    folder, _ = existing_vault
    assert not window.rekey_action.isEnabled()
    open_vault(qtbot, window, folder, monkeypatch)
    assert window.rekey_action.isEnabled()
    window.rekey_action.trigger()
    dialog = open_dialog(qtbot, window, RekeyDialog)
    assert not dialog.change_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase.first, NEW)
    qtbot.keyClicks(dialog.passphrase.second, NEW)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=TIMEOUT)
    key = "".join(dialog.recovery.key_label.text().split())
    assert len(key) == 32
    assert not dialog.done_button.isEnabled()
    dialog.recovery.confirm.setChecked(True)
    dialog.done_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    window.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)
    Vault.unlock(folder, NEW).close()
    Vault.recover(folder, key).close()  # the key shown is the new recovery key
