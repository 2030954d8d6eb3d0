"""Unlocking: passphrase, recovery key, remembered key; wrong vs damaged; safe key settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from organizer.core.errors import (
    InvalidInput,
    KeyringUnavailable,
    UnsafeKeySettings,
    VaultAlreadyExists,
    VaultDamaged,
    VaultLocked,
    VaultNotFound,
    VaultTooNew,
    WrongPassphrase,
)
from organizer.core.vault import RecoveryKey, Vault, keyslots, upgrade
from organizer.core.vault.kdf import KdfParams, calibrate
from tests.conftest import FAST_KDF, PASSPHRASE


class MemoryStore:
    """An in-memory stand-in for the OS keyring."""

    def __init__(self, *, forgetful: bool = False) -> None:
        self.items: dict[tuple[str, str], str] = {}
        self.forgetful = forgetful

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if not self.forgetful:
            self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def created(vault_folder: Path, fast_kdf: KdfParams) -> tuple[Path, RecoveryKey]:
    vault, recovery = Vault.create(vault_folder, PASSPHRASE)
    vault.close()
    return vault_folder, recovery


def _slot(folder: Path, kind: str) -> Path:
    return next(p for p in (folder / "keys").iterdir() if p.name.startswith(kind))


def test_wrong_passphrase_and_damaged_key_file_get_different_messages(
    created: tuple[Path, RecoveryKey],
) -> None:
    folder, _ = created
    with pytest.raises(WrongPassphrase) as wrong:
        Vault.unlock(folder, "not the passphrase")
    slot = _slot(folder, "passphrase")
    slot.write_bytes(slot.read_bytes().replace(b'"wrapped_key": "', b'"wrapped_key": "AAAA', 1))
    with pytest.raises(VaultDamaged) as damaged:
        Vault.unlock(folder, PASSPHRASE)
    assert "recovery key" in str(damaged.value)
    assert str(wrong.value) != str(damaged.value)


def test_recovery_key_opens_the_vault_and_sets_a_new_passphrase(
    created: tuple[Path, RecoveryKey],
) -> None:
    folder, recovery = created
    with Vault.recover(folder, recovery.text.lower().replace("-", " ")) as vault:
        vault.change_passphrase("a brand new passphrase")
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)
    Vault.unlock(folder, "a brand new passphrase").close()
    Vault.recover(folder, recovery).close()


def test_a_recovery_key_with_a_typo_is_told_apart_from_a_foreign_one(
    created: tuple[Path, RecoveryKey],
) -> None:
    folder, recovery = created
    typo = ("B" if recovery.text[0] != "B" else "C") + recovery.text[1:]
    with pytest.raises(InvalidInput, match="typing mistake"):
        Vault.recover(folder, typo)
    with pytest.raises(WrongPassphrase, match="does not belong"):
        Vault.recover(folder, RecoveryKey.generate().text)


@given(st.binary(min_size=16, max_size=16))
def test_recovery_key_text_round_trips(secret: bytes) -> None:
    text = RecoveryKey(secret).text
    assert len(text.split("-")) == 8
    assert RecoveryKey.parse(text).secret == secret
    assert RecoveryKey.parse(text.replace("O", "0").replace("I", "1")).secret == secret


def test_absurd_key_settings_are_refused_before_any_derivation(
    created: tuple[Path, RecoveryKey], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = created
    slot = _slot(folder, "passphrase")
    for field, value in (("memory_kib", 2**40), ("iterations", 10**6), ("lanes", 0),
                         ("memory_kib", 1)):
        body = json.loads(slot.read_bytes())
        body.pop("checksum")
        body["kdf"][field] = value
        body["checksum"] = keyslots.hashlib.sha256(keyslots._canonical(body)).hexdigest()
        slot.write_text(json.dumps(body))

        def forbidden(*args: object, **kwargs: object) -> None:
            raise AssertionError("key derivation ran with unsafe settings")

        monkeypatch.setattr(keyslots, "derive_key", forbidden)
        with pytest.raises(UnsafeKeySettings, match="safe range"):
            Vault.unlock(folder, PASSPHRASE)


def test_calibration_stays_within_bounds_and_above_the_floor() -> None:
    params = calibrate(target_seconds=0.05)
    params.check_bounds()
    assert params.memory_kib >= 64 * 1024 and params.iterations >= 2


def test_remembered_vault_opens_without_a_passphrase(created: tuple[Path, RecoveryKey]) -> None:
    folder, _ = created
    store = MemoryStore()
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.remember_on_this_computer(store)
    Vault.unlock_remembered(folder, store).close()
    with pytest.raises(WrongPassphrase, match="does not remember"):
        Vault.unlock_remembered(folder, MemoryStore())
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.forget_on_this_computer(store)
    assert not store.items
    with pytest.raises(WrongPassphrase):
        Vault.unlock_remembered(folder, store)


def test_a_keyring_that_does_not_keep_the_secret_is_refused_with_no_fallback(
    created: tuple[Path, RecoveryKey],
) -> None:
    folder, _ = created
    with Vault.unlock(folder, PASSPHRASE) as vault, pytest.raises(KeyringUnavailable):
        vault.remember_on_this_computer(MemoryStore(forgetful=True))
    assert not any(p.name.startswith("keyring") for p in (folder / "keys").iterdir())


def test_a_plaintext_keyring_backend_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    from organizer.core.vault import remember

    class PlaintextKeyring(keyring.backend.KeyringBackend):  # type: ignore[misc]
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None: ...

        def delete_password(self, service: str, username: str) -> None: ...

    monkeypatch.setattr(keyring, "get_keyring", lambda: PlaintextKeyring())
    with pytest.raises(KeyringUnavailable):
        remember.system_store()


def test_an_open_vault_cannot_be_opened_twice(created: tuple[Path, RecoveryKey]) -> None:
    folder, _ = created
    with Vault.unlock(folder, PASSPHRASE), pytest.raises(VaultLocked, match="another window"):
        Vault.unlock(folder, PASSPHRASE)
    Vault.unlock(folder, PASSPHRASE).close()


def test_creating_over_an_existing_vault_or_a_full_folder_is_refused(
    created: tuple[Path, RecoveryKey], tmp_path: Path
) -> None:
    folder, _ = created
    with pytest.raises(VaultAlreadyExists):
        Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "holiday.jpg").write_bytes(b"x")
    with pytest.raises(VaultAlreadyExists, match="empty folder"):
        Vault.create(busy, PASSPHRASE, kdf=FAST_KDF)


def test_a_folder_that_is_not_a_vault_says_so(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.unlock(tmp_path, PASSPHRASE)


def test_a_vault_from_a_newer_app_is_refused_clearly(created: tuple[Path, RecoveryKey]) -> None:
    folder, _ = created
    header = upgrade.read_header(folder)
    assert header is not None
    upgrade.write_header(folder, upgrade.VaultHeader(header.vault_id, 99, header.created))
    with pytest.raises(VaultTooNew, match="newer version"):
        Vault.unlock(folder, PASSPHRASE)


def test_an_older_vault_is_upgraded_step_by_step(
    created: tuple[Path, RecoveryKey], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = created
    header = upgrade.read_header(folder)
    assert header is not None
    upgrade.write_header(folder, upgrade.VaultHeader(header.vault_id, 1, header.created))
    ran: list[int] = []
    monkeypatch.setitem(upgrade.UPGRADES, 1, lambda f, key: ran.append(len(key)))
    Vault.unlock(folder, PASSPHRASE).close()
    assert ran == [32]
    assert upgrade.read_header(folder) == header


def test_keys_are_forgotten_when_the_vault_is_closed(created: tuple[Path, RecoveryKey]) -> None:
    folder, _ = created
    vault = Vault.unlock(folder, PASSPHRASE)
    vault.close()
    assert not vault.is_open
    with pytest.raises(Exception, match="locked"):
        vault.read_file("0" * 32)
