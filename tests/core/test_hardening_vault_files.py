"""Hardening of the vault's own files on this computer: the lock file and the password store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail

from organizer.core.errors import KeyringUnavailable
from organizer.core.vault import remember
from organizer.core.vault.lock import LOCK_NAME, VaultLock

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges there")


@posix_only
def test_a_symlink_in_place_of_the_lock_never_creates_a_file_at_its_target(tmp_path: Path) -> None:
    folder, target = tmp_path / "vault", tmp_path / "elsewhere" / "created-by-the-app"
    folder.mkdir()
    target.parent.mkdir()
    (folder / LOCK_NAME).symlink_to(target)
    lock = VaultLock(folder)
    try:
        assert not target.exists()
        assert not (folder / LOCK_NAME).is_symlink()
        assert (folder / LOCK_NAME).is_file()
    finally:
        lock.release()


@posix_only
def test_a_symlink_to_an_existing_file_leaves_that_file_alone(tmp_path: Path) -> None:
    folder, target = tmp_path / "vault", tmp_path / "precious.txt"
    folder.mkdir()
    target.write_text("keep me")
    (folder / LOCK_NAME).symlink_to(target)
    VaultLock(folder).release()
    assert target.read_text() == "keep me"
    assert not (folder / LOCK_NAME).is_symlink()


@posix_only
def test_a_lock_that_is_not_a_regular_file_is_refused_plainly(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    folder.mkdir()
    os.mkfifo(folder / LOCK_NAME)
    with pytest.raises(Exception) as raised:
        VaultLock(folder)
    assert "lock" in str(raised.value).lower()


class _Plaintext(keyring.backend.KeyringBackend):
    """Stands in for keyrings.alt's PlaintextKeyring (a base64 secret in a file)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("the secret must never reach a plain file")

    def delete_password(self, service: str, username: str) -> None:
        pass


class _OsStore(_Plaintext):
    pass


_OsStore.__module__, _OsStore.__qualname__, _OsStore.__name__ = (
    "keyring.backends.SecretService", "Keyring", "Keyring")


def _chain(*inner: object) -> chainer.ChainerBackend:
    class Chain(chainer.ChainerBackend):
        backends = tuple(inner)  # type: ignore[assignment]

    return Chain()


def test_a_chain_wrapping_a_plaintext_store_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: _chain(_OsStore(), _Plaintext()))
    with pytest.raises(KeyringUnavailable) as raised:
        remember.system_store()
    assert "_Plaintext" in raised.value.details


@pytest.mark.parametrize("backend", [_Plaintext(), fail.Keyring(), _chain()])
def test_stores_that_are_not_the_operating_systems_are_refused(
    monkeypatch: pytest.MonkeyPatch, backend: object
) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    with pytest.raises(KeyringUnavailable):
        remember.system_store()


def test_an_os_store_alone_or_in_a_chain_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    for backend in (_OsStore(), _chain(_OsStore())):
        monkeypatch.setattr(keyring, "get_keyring", lambda b=backend: b)
        assert remember.system_store() is backend
