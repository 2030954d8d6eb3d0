"""Opening a vault (passphrase or recovery key), the open vault, and locking it again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from ui_flows import PASSPHRASE, TIMEOUT, controls, create_vault, finish_creation, open_dialog

from organizer.core import catalog
from organizer.core.vault import Change, Vault
from organizer.ui.main_window import MainWindow
from organizer.ui.recover_dialog import RecoverDialog
from organizer.ui.unlock_dialog import UnlockDialog


def open_folder(qtbot, window: MainWindow, folder: Path,
                monkeypatch: pytest.MonkeyPatch) -> UnlockDialog:
    """Click "Open a vault" and pick `folder` in the (replaced) folder chooser."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.start.open_button.click()
    return open_dialog(qtbot, window, UnlockDialog)


def unlock_with(qtbot, dialog: UnlockDialog, passphrase: str) -> None:
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)


def test_a_wrong_passphrase_is_explained_then_the_right_one_opens_the_home(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = existing_vault
    dialog = open_folder(qtbot, window, folder, monkeypatch)
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    unlock_with(qtbot, dialog, "not my passphrase")
    qtbot.waitUntil(lambda: "does not open this vault" in dialog.message.text(), timeout=TIMEOUT)
    assert dialog.message.text().startswith("⚠")  # a sign, not just a colour
    unlock_with(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)
    assert window.vault.person_box.currentText() == "Ana Silva (1958-02-11)"


def test_ctrl_l_locks_the_vault_and_hides_everything_it_showed(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = existing_vault
    unlock_with(qtbot, open_folder(qtbot, window, folder, monkeypatch), PASSPHRASE)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    # Shortcuts are matched on the window, as a real key press is.
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.start, timeout=TIMEOUT)
    assert window.vault.person_box.count() == 0 and window.vault.folder_label.text() == ""
    assert not window.vault.isVisible()
    assert not window.lock_action.isEnabled()
    Vault.unlock(folder, PASSPHRASE).close()  # the lock file was released


def test_a_vault_open_in_another_window_is_reported_in_its_own_words(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = existing_vault
    with Vault.unlock(folder, PASSPHRASE):
        dialog = open_folder(qtbot, window, folder, monkeypatch)
        unlock_with(qtbot, dialog, PASSPHRASE)
        qtbot.waitUntil(lambda: "already open in another window" in dialog.message.text(),
                        timeout=TIMEOUT)
    assert window.screens.currentWidget() is window.start


def test_a_damaged_vault_is_told_apart_from_a_wrong_passphrase(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = existing_vault
    for key_file in (folder / "keys").iterdir():
        key_file.write_bytes(b"damaged by a bad disk")
    dialog = open_folder(qtbot, window, folder, monkeypatch)
    unlock_with(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: "damaged" in dialog.message.text(), timeout=TIMEOUT)
    assert "does not open" not in dialog.message.text()


def test_a_folder_that_is_not_a_vault_is_named_as_such(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_folder(qtbot, window, tmp_path, monkeypatch)
    unlock_with(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: "is not a Second Opinion Organizer vault" in dialog.message.text(),
                    timeout=TIMEOUT)


def test_the_recovery_key_opens_the_vault_and_sets_a_new_passphrase(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, key_text = existing_vault
    unlock = open_folder(qtbot, window, folder, monkeypatch)
    unlock.recovery_button.click()
    recover = open_dialog(qtbot, unlock, RecoverDialog)
    for control in controls(recover):
        assert control.accessibleName(), control
    qtbot.keyClicks(recover.key, key_text.lower().replace("-", " "))
    qtbot.keyClicks(recover.passphrase.first, "a brand new passphrase")
    qtbot.keyClicks(recover.passphrase.second, "a brand new passphrase")
    recover.open_button.click()
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)
    assert not [d for d in window.findChildren(UnlockDialog) if d.isVisible()]
    window.lock()
    Vault.unlock(folder, "a brand new passphrase").close()
    with pytest.raises(Exception, match="does not open"):
        Vault.unlock(folder, PASSPHRASE)


def test_a_mistyped_recovery_key_is_explained_and_nothing_changes(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, key_text = existing_vault
    unlock = open_folder(qtbot, window, folder, monkeypatch)
    unlock.recovery_button.click()
    recover = open_dialog(qtbot, unlock, RecoverDialog)
    wrong_group = "ZZZZ" if not key_text.startswith("ZZZZ") else "YYYY"
    qtbot.keyClicks(recover.key, wrong_group + key_text[4:])
    qtbot.keyClicks(recover.passphrase.first, "a brand new passphrase")
    qtbot.keyClicks(recover.passphrase.second, "a brand new passphrase")
    recover.open_button.click()
    assert "typing mistake" in recover.message.text()
    assert recover.isVisible()
    Vault.unlock(folder, PASSPHRASE).close()


def test_the_records_section_lists_a_record_of_the_chosen_person(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = existing_vault
    with Vault.unlock(folder, PASSPHRASE) as vault:
        person = catalog.people(vault)[0]
        vault.record([Change(catalog.DOCUMENT, "d" * 32, {
            "filename": "biopsy-2024-03.pdf", "type": "pathology", "pages": 3,
            "person": person.id, "added": "2024-03-05T10:00:00+00:00"})])
    unlock_with(qtbot, open_folder(qtbot, window, folder, monkeypatch), PASSPHRASE)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)
    page = window.vault.show_page("RecordsPage")
    if page is None:
        pytest.skip("the Records page (organizer.ui.records.page) is not installed")
    model = page.records.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.row_by_id("d" * 32) is not None, timeout=TIMEOUT)
    assert window.vault.nav.currentItem().text() == "Records"


def test_an_unexpected_error_shows_one_plain_dialog_with_the_details_folded_away(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = existing_vault

    def broken_unlock(*args: object) -> None:
        raise RuntimeError("disk controller exploded")

    monkeypatch.setattr(window.session, "unlock", broken_unlock)
    dialog = open_folder(qtbot, window, folder, monkeypatch)
    unlock_with(qtbot, dialog, PASSPHRASE)
    box = open_dialog(qtbot, dialog, QMessageBox)
    assert "did not expect" in box.text()
    assert "Traceback" not in box.text() and "RuntimeError" not in box.text()
    assert "disk controller exploded" in box.detailedText()
    box.accept()


def test_closing_the_window_locks_the_vault(qtbot, window: MainWindow) -> None:
    dialog, _ = create_vault(qtbot, window, "Maria Lopez", PASSPHRASE)
    finish_creation(qtbot, dialog)
    folder = Path(window.vault.folder_label.text().split(": ", 1)[1])
    window.close()
    assert window.vault.person_box.count() == 0
    Vault.unlock(folder, PASSPHRASE).close()
