"""Key slots: files that each hold the master key, wrapped by one way of unlocking the vault.

Kinds: `passphrase` (Argon2id), `recovery` (the printed recovery key, HKDF) and `keyring`
(a random secret kept in the computer's password store, HKDF). Each slot is its own file in
`keys/`, so losing or damaging one never loses the others, and a sync conflict copy of a slot is
simply one more slot.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from organizer.core.errors import UnsafeKeySettings, VaultDamaged
from organizer.core.i18n import _
from organizer.core.vault.atomic import is_transient, write_atomically
from organizer.core.vault.kdf import KdfParams, derive_key
from organizer.core.vault.sealing import SealBroken, seal, subkey, unseal

SLOT_SUFFIX = ".key"
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
KEYRING = "keyring"
KINDS = (PASSPHRASE, RECOVERY, KEYRING)


@dataclass(frozen=True)
class KeySlot:
    """One slot as read from disk (nothing secret in it)."""

    path: Path
    vault_id: str
    slot_id: str
    kind: str
    salt: bytes
    kdf: KdfParams | None  # Argon2id settings for passphrase slots, None for the others
    wrapped_key: bytes
    format_version: int

    def _aad(self) -> bytes:
        return _canonical(self._public_fields())

    def _public_fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "format_version": self.format_version,
            "vault_id": self.vault_id,
            "slot_id": self.slot_id,
            "kind": self.kind,
            "salt": _b64(self.salt),
        }
        if self.kdf is not None:
            fields["kdf"] = {
                "name": "argon2id",
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
            }
        return fields

    def unwrap(self, secret: str | bytes) -> bytes | None:
        """The master key, or None when `secret` is not the right one for this slot."""
        kek = self._key_encryption_key(secret)
        try:
            return unseal(kek, self.wrapped_key, self._aad())
        except SealBroken:
            return None

    def _key_encryption_key(self, secret: str | bytes) -> bytes:
        if self.kind == PASSPHRASE:
            assert self.kdf is not None and isinstance(secret, str)
            return derive_key(secret, self.salt, self.kdf)
        assert isinstance(secret, bytes)
        return subkey(secret, b"organizer/slot/" + self.kind.encode(), salt=self.salt)


def new_slot(
    keys_folder: Path,
    *,
    vault_id: str,
    kind: str,
    secret: str | bytes,
    master_key: bytes,
    format_version: int,
    kdf: KdfParams | None = None,
    slot_id: str | None = None,
) -> KeySlot:
    """Wrap `master_key` with `secret` and write the slot file atomically."""
    slot_id = slot_id or os.urandom(8).hex()
    slot = KeySlot(
        path=keys_folder / f"{kind}-{slot_id}{SLOT_SUFFIX}",
        vault_id=vault_id,
        slot_id=slot_id,
        kind=kind,
        salt=os.urandom(16),
        kdf=kdf if kind == PASSPHRASE else None,
        wrapped_key=b"",
        format_version=format_version,
    )
    kek = slot._key_encryption_key(secret)
    slot = dataclasses.replace(slot, wrapped_key=seal(kek, master_key, slot._aad()))
    body = slot._public_fields() | {"wrapped_key": _b64(slot.wrapped_key)}
    body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
    write_atomically(slot.path, json.dumps(body, indent=1, sort_keys=True).encode())
    return slot


def read_slot(path: Path) -> KeySlot:
    """Parse one slot file; VaultDamaged when it is unreadable or its checksum fails."""
    damaged = VaultDamaged(
        _("The key file {name} is damaged. Other ways to unlock (your recovery key) "
        "still work.").format(name=path.name),
        details=str(path),
    )
    try:
        body = json.loads(path.read_bytes())
        checksum = body.pop("checksum")
        if hashlib.sha256(_canonical(body)).hexdigest() != checksum:
            raise damaged
        kdf = body.get("kdf")
        params = None
        if kdf is not None:
            if kdf.get("name") != "argon2id":
                raise damaged
            params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
        slot = KeySlot(
            path=path,
            vault_id=str(body["vault_id"]),
            slot_id=str(body["slot_id"]),
            kind=str(body["kind"]),
            salt=base64.b64decode(body["salt"], validate=True),
            kdf=params,
            wrapped_key=base64.b64decode(body["wrapped_key"], validate=True),
            format_version=int(body["format_version"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError, OSError):
        raise damaged from None
    if slot.kind not in KINDS or (slot.kind == PASSPHRASE) != (params is not None):
        raise damaged
    if not (_is_hex(slot.vault_id, 16) and _is_hex(slot.slot_id, 8)) or slot.format_version < 1:
        raise damaged
    return slot


def _is_hex(text: str, size: int) -> bool:
    """True for exactly `size` bytes written as lowercase hex (ids end up in paths and names)."""
    return len(text) == 2 * size and all(c in "0123456789abcdef" for c in text)


def list_slot_files(keys_folder: Path) -> list[Path]:
    """Every slot file, including sync tools' conflict copies (they are valid slots too)."""
    if not keys_folder.is_dir():
        return []
    return sorted(
        p
        for p in keys_folder.iterdir()
        if p.is_file() and SLOT_SUFFIX in p.name and not is_transient(p.name)
    )


def read_all_slots(keys_folder: Path) -> tuple[list[KeySlot], list[VaultDamaged]]:
    """The readable slots, and one error for each damaged slot file."""
    slots: list[KeySlot] = []
    damaged: list[VaultDamaged] = []
    for path in list_slot_files(keys_folder):
        try:
            slots.append(read_slot(path))
        except (VaultDamaged, UnsafeKeySettings) as error:
            damaged.append(VaultDamaged(str(error), details=str(path)))
    return slots, damaged


def _canonical(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
