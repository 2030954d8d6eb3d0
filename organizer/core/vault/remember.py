"""'Remember on this computer': a random secret in the OS password store opens a keyring slot."""

from __future__ import annotations

import base64
import contextlib
import os
from typing import Protocol

from organizer.core.errors import KeyringUnavailable

SERVICE = "Second Opinion Organizer"


class SecretStore(Protocol):
    """The part of `keyring` we use; tests pass an in-memory store."""

    def get_password(self, service: str, username: str) -> str | None: ...
    def set_password(self, service: str, username: str, password: str) -> None: ...
    def delete_password(self, service: str, username: str) -> None: ...


_UNAVAILABLE = (
    "This computer has no secure password store we can use, so the vault cannot be "
    "remembered here. You can still open it with your passphrase."
)


def system_store() -> SecretStore:
    """The OS keyring, refusing backends that would keep the secret in a plain file."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception as error:
        raise KeyringUnavailable(_UNAVAILABLE, details=repr(error)) from None
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring) or "plaintext" in name.lower() or "null" in name.lower():
        raise KeyringUnavailable(_UNAVAILABLE, details=name)
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
        raise KeyringUnavailable(_UNAVAILABLE, details=repr(error)) from None
    if kept != encoded:
        forget_secret(store, username)
        raise KeyringUnavailable(_UNAVAILABLE, details="read-back did not match")
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
