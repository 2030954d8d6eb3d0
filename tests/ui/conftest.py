"""pytest-qt fixtures: an offscreen display, fast key settings, and settings kept in tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui_flows import PASSPHRASE

from organizer.app import build_main_window
from organizer.core.vault import KdfParams
from organizer.ui.main_window import MainWindow
from organizer.ui.style import STYLE_SHEET


@pytest.fixture
def fast_kdf() -> KdfParams:
    """The cheapest settings the vault accepts: tests only, never in the app."""
    return KdfParams(8192, 1, 1)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs and QSettings write under tmp_path, never in the real home folder."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))


@pytest.fixture(autouse=True)
def no_system_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never touch this computer's real password store; test_remember_* put in their own."""
    from organizer.core.errors import KeyringUnavailable

    def unavailable() -> object:
        raise KeyringUnavailable("No password store in the tests.")

    monkeypatch.setattr("organizer.core.vault.remember.system_store", unavailable)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, qapp: QApplication, settings: QSettings, fast_kdf: KdfParams,
           ) -> Iterator[MainWindow]:
    qapp.setOrganizationName("organizer-tests")
    qapp.setStyleSheet(STYLE_SHEET)
    main = build_main_window(settings, kdf=fast_kdf)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()  # waits for the window's own background work


@pytest.fixture
def data_home(tmp_path: Path) -> Path:
    return tmp_path / "xdg_data_home"


@pytest.fixture
def existing_vault(tmp_path: Path, fast_kdf: KdfParams) -> tuple[Path, str]:
    """A closed vault for "Ana Silva" made with the core; returns its folder and recovery key."""
    from organizer.core import catalog
    from organizer.core.vault import Vault

    folder = tmp_path / "Ana's vault"
    vault, recovery = Vault.create(folder, PASSPHRASE, kdf=fast_kdf)
    catalog.add_person(vault, "Ana Silva", "1958-02-11")
    vault.close()
    return folder, recovery.text


@pytest.fixture
def fast_calibration(monkeypatch: pytest.MonkeyPatch, fast_kdf: KdfParams) -> KdfParams:
    """Vaults made without explicit settings (the demo) use fast key settings: tests only."""
    monkeypatch.setattr("organizer.core.vault.vault.calibrate", lambda *a, **k: fast_kdf)
    return fast_kdf


@pytest.fixture
def case_vault(tmp_path: Path, fast_kdf: KdfParams) -> Path:
    """A closed vault for "Jane Q Doe" holding a pathology and an operative report (real import)."""
    from organizer.core import catalog
    from organizer.core.intake.importer import ImportOptions, import_files
    from organizer.core.vault import Vault
    from tests.samples import OPERATIVE_LINES, PATHOLOGY_LINES, text_pdf

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "pathology.pdf").write_bytes(text_pdf([PATHOLOGY_LINES], title="Pathology"))
    (downloads / "operative.pdf").write_bytes(text_pdf([OPERATIVE_LINES]))
    folder = tmp_path / "Jane's vault"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=fast_kdf)
    with vault:
        person = catalog.add_person(vault, "Jane Q Doe", "1962-03-14")
        import_files(vault, sorted(downloads.iterdir()), ImportOptions(person))
    return folder
