"""Builds the GUI: the one place where the core (vault, catalog) is wired to the Qt widgets."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from organizer.core import catalog
from organizer.core.errors import InvalidInput
from organizer.core.records import Document, Person
from organizer.core.vault import KdfParams, RecoveryKey, Vault
from organizer.ui.main_window import MainWindow
from organizer.ui.style import STYLE_SHEET

APP_NAME = "second-opinion-organizer"
APP_DISPLAY_NAME = "Second Opinion Organizer"
ORGANIZATION = "Second Opinion Organizer"


class VaultSession:
    """Owns at most one unlocked Vault for the GUI (see organizer.ui.session.Session).

    `kdf` is None in the app (the vault calibrates to this computer); tests pass fast settings.
    """

    def __init__(self, kdf: KdfParams | None = None) -> None:
        self._kdf = kdf
        self._vault: Vault | None = None
        self._guard = threading.Lock()  # workers open, the GUI thread closes

    @property
    def folder(self) -> Path | None:
        vault = self._vault
        return vault.folder if vault is not None and vault.is_open else None

    def check_person(self, name: str, date_of_birth: str) -> None:
        if not " ".join(name.split()):
            raise InvalidInput("Please give the person's name.")
        catalog.parse_date_of_birth(date_of_birth)

    def check_recovery_key(self, text: str) -> None:
        RecoveryKey.parse(text)

    def create_vault(self, folder: Path, passphrase: str, name: str, date_of_birth: str) -> str:
        vault, recovery = Vault.create(folder, passphrase, kdf=self._kdf)
        try:
            catalog.add_person(vault, name, date_of_birth)
        except BaseException:
            vault.close()
            raise
        self._hold(vault)
        return recovery.text

    def unlock(self, folder: Path, passphrase: str) -> None:
        self._hold(Vault.unlock(folder, passphrase))

    def recover(self, folder: Path, recovery_key: str, new_passphrase: str) -> None:
        vault = Vault.recover(folder, recovery_key)
        try:
            vault.change_passphrase(new_passphrase, kdf=self._kdf)
        except BaseException:
            vault.close()
            raise
        self._hold(vault)

    def people(self) -> list[Person]:
        return catalog.people(self._vault) if self._vault is not None else []

    def documents(self) -> list[Document]:
        return catalog.documents(self._vault) if self._vault is not None else []

    def close(self) -> None:
        with self._guard:
            vault, self._vault = self._vault, None
        if vault is not None:
            vault.close()

    def _hold(self, vault: Vault) -> None:
        with self._guard:
            previous, self._vault = self._vault, vault
        if previous is not None:
            previous.close()


def default_vault_folder() -> Path:
    """`<user data dir>/My vault`, or `My vault 2`, 3… when that one is already in use."""
    base = Path(user_data_dir(APP_NAME, appauthor=False))
    for number in range(1, 100):
        candidate = base / ("My vault" if number == 1 else f"My vault {number}")
        if not candidate.exists() or not any(candidate.iterdir()):
            return candidate
    return base / "My vault"


def build_main_window(settings: QSettings, kdf: KdfParams | None = None) -> MainWindow:
    """The main window over a fresh session (tests call this with fast KDF settings)."""
    return MainWindow(VaultSession(kdf), settings, default_vault_folder())


def run_gui(vault_folder: Path | None = None, *, argv: list[str] | None = None) -> int:
    """Start the app; with `vault_folder`, go straight to unlocking it. Returns the exit code."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setStyleSheet(STYLE_SHEET)
    window = build_main_window(QSettings())
    window.show()
    if vault_folder is not None:
        window.open_vault(Path(vault_folder))
    return app.exec()
