"""'Remember on this computer': a random secret in the OS password store opens a keyring slot."""

from __future__ import annotations

import base64
import contextlib
import os
from typing import Protocol

from organizer.core.errors import KeyringUnavailable
from organizer.core.i18n import N_, _

SERVICE = "Second Opinion Organizer"


class SecretStore(Protocol):
    """The part of `keyring` we use; tests pass an in-memory store."""

    def get_password(self, service: str, username: str) -> str | None: ...
    def set_password(self, service: str, username: str, password: str) -> None: ...
    def delete_password(self, service: str, username: str) -> None: ...


_UNAVAILABLE = (
    N_("This computer has no secure password store we can use, so the vault cannot be "
    "remembered here. You can still open it with your passphrase.")
)


OS_STORES = frozenset({
    "keyring.backends.SecretService.Keyring",  # GNOME Keyring, KeePassXC (Secret Service)
    "keyring.backends.libsecret.Keyring",
    "keyring.backends.kwallet.DBusKeyring",  # KDE Wallet
    "keyring.backends.kwallet.DBusKeyringKWallet4",
    "keyring.backends.macOS.Keyring",  # the macOS Keychain
    "keyring.backends.Windows.WinVaultKeyring",  # Windows Credential Manager
})
"""Backends that keep secrets in the operating system's password store. Anything else (a plain
or 'encrypted' file, a null or failing backend, an unknown third-party one) is refused."""


def _class_name(backend: object) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _store_names(backend: object, depth: int = 0) -> list[str]:
    """The class of every backend that could receive the secret, looking inside chains."""
    inner = getattr(backend, "backends", None) if depth < 4 else None
    if inner is None:
        return [_class_name(backend)]
    names = [name for each in inner for name in _store_names(each, depth + 1)]
    return names or [_class_name(backend)]  # an empty chain stores nowhere: refuse it


def system_store() -> SecretStore:
    """The OS keyring, refusing every backend (also inside a chain) that is not an OS store."""
    try:
        import keyring

        backend = keyring.get_keyring()
        names = _store_names(backend)
    except Exception as error:
        raise KeyringUnavailable(_(_UNAVAILABLE), details=repr(error)) from None
    foreign = [name for name in names if name not in OS_STORES]
    if foreign:
        raise KeyringUnavailable(_(_UNAVAILABLE), details=", ".join(foreign))
    return backend


def slot_username(vault_id: str, slot_id: str) -> str:
    return f"vault {vault_id} key {slot_id}"


def store_secret(store: SecretStore, username: str) -> bytes:
    """Put a new random secret in the store and read it back to be sure it was kept."""
    secret = os.urandom(32)
    encoded = base64.b64encode(secret).decode("ascii")
    try:
        store.set_password(SERVICE, username, encoded)
        kept = store.get_password(SERVICE, username)
    except Exception as error:
        raise KeyringUnavailable(_(_UNAVAILABLE), details=repr(error)) from None
    if kept != encoded:
        forget_secret(store, username)
        raise KeyringUnavailable(_(_UNAVAILABLE), details="read-back did not match")
    return secret


def load_secret(store: SecretStore, username: str) -> bytes | None:
    try:
        encoded = store.get_password(SERVICE, username)
        return base64.b64decode(encoded, validate=True) if encoded else None
    except Exception:
        return None


def forget_secret(store: SecretStore, username: str) -> None:
    with contextlib.suppress(Exception):  # already gone is fine
        store.delete_password(SERVICE, username)
