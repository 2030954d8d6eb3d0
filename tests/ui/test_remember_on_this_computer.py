"""'Remember on this computer': opt-in, opens without the passphrase next time, can be forgotten."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_flows import PASSPHRASE, TIMEOUT, idle, open_dialog

from organizer.core.errors import KeyringUnavailable
from organizer.core.vault import remember
from organizer.ui.main_window import MainWindow
from organizer.ui.unlock_dialog import UnlockDialog


class MemoryStore:
    """A password store that lives only in this test."""

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.secrets[(service, username)]


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> MemoryStore:
    memory = MemoryStore()
    monkeypatch.setattr(remember, "system_store", lambda: memory)
    return memory


def unlock(qtbot, window: MainWindow, folder: Path, *, tick: bool) -> UnlockDialog:
    window.open_vault(folder)
    dialog = open_dialog(qtbot, window, UnlockDialog)
    assert not dialog.remember.isChecked()  # opt-in: never ticked for the user
    if tick:
        qtbot.mouseClick(dialog.remember, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)
    idle(qtbot)
    return dialog


def reopen_without_dialog(qtbot, window: MainWindow, folder: Path) -> None:
    window.open_vault(folder)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)
    assert not [d for d in window.findChildren(UnlockDialog) if d.isVisible()]


def test_the_remember_box_explains_who_could_open_the_vault(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str]
) -> None:
    window.open_vault(existing_vault[0])
    dialog = open_dialog(qtbot, window, UnlockDialog)
    assert "Remember on this computer" in dialog.remember.text().replace("&", "")
    assert "anyone who uses this computer account" in dialog.remember_note.text()
    assert dialog.remember.accessibleName()
    dialog.reject()


def test_a_remembered_vault_opens_without_the_passphrase_after_locking(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], store: MemoryStore
) -> None:
    folder, _ = existing_vault
    unlock(qtbot, window, folder, tick=True)
    assert len(store.secrets) == 1
    assert not window.vault.message.isVisible()  # nothing to report
    window.lock()
    reopen_without_dialog(qtbot, window, folder)
    assert window.vault.person_box.currentText() == "Ana Silva (1958-02-11)"


def test_without_the_tick_nothing_is_remembered(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], store: MemoryStore
) -> None:
    folder, _ = existing_vault
    unlock(qtbot, window, folder, tick=False)
    assert store.secrets == {}
    window.lock()
    window.open_vault(folder)
    open_dialog(qtbot, window, UnlockDialog).reject()


def test_forgetting_asks_for_the_passphrase_again_next_time(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], store: MemoryStore
) -> None:
    folder, _ = existing_vault
    unlock(qtbot, window, folder, tick=True)
    assert window.forget_action.isEnabled()
    window.forget_action.trigger()
    qtbot.waitUntil(lambda: "no longer remembers" in window.vault.message.text(), timeout=TIMEOUT)
    assert store.secrets == {}
    window.lock()
    assert not window.forget_action.isEnabled()
    window.open_vault(folder)
    dialog = open_dialog(qtbot, window, UnlockDialog)
    assert dialog.message.text() == ""  # asked quietly: not an error
    dialog.reject()


def test_without_a_password_store_the_vault_opens_and_says_why_it_was_not_remembered(
    qtbot, window: MainWindow, existing_vault: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable() -> object:
        raise KeyringUnavailable("This computer has no secure password store we can use.")

    monkeypatch.setattr(remember, "system_store", unavailable)
    folder, _ = existing_vault
    unlock(qtbot, window, folder, tick=True)
    assert window.vault.message.isVisible()
    assert "no secure password store" in window.vault.message.text()
    assert not [p for p in (folder / "keys").iterdir() if "keyring" in p.name]
    window.lock()
    window.open_vault(folder)
    dialog = open_dialog(qtbot, window, UnlockDialog)
    assert dialog.message.text() == ""
    dialog.reject()
