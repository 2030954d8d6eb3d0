"""Fixtures shared by every test: fast key settings (tests only), isolated app folders, the corpus."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from organizer.core.vault import KdfParams, Vault

# Test-speed Argon2id settings: the lowest the vault accepts. Production code never uses these;
# tests get them only through the `fast_kdf` fixture below.
FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
# Tests read the core's English words whatever the machine's language (LANGUAGE outranks LANG);
# tests of Spanish switch on purpose (organizer.core.i18n.set_language).
os.environ["LANGUAGE"] = "en"


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> KdfParams:
    """Make vault creation and passphrase changes use FAST_KDF instead of calibrating."""
    monkeypatch.setattr("organizer.core.vault.vault.calibrate", lambda *a, **k: FAST_KDF)
    return FAST_KDF


@pytest.fixture
def isolated_app_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point the platform's config/cache/data folders (and temp) at a fresh folder."""
    home = tmp_path / "home"
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def vault_folder(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_folder: Path, fast_kdf: KdfParams) -> Iterator[Vault]:
    """A new, unlocked vault with fast key settings; closed after the test."""
    opened, _ = Vault.create(vault_folder, PASSPHRASE)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("the shared test corpus (../shared/corpus) is not present")
    return CORPUS



@pytest.fixture(autouse=True)
def isolated_vault_records(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """Every test gets its own "this computer" state folder (what each vault last looked like).

    Child processes inherit it through the environment. Tests that play two computers switch
    it with `monkeypatch.setenv("XDG_STATE_HOME", ...)`.
    """
    folder = tmp_path_factory.mktemp("this-computer-state")  # beside tmp_path, not in it
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder
