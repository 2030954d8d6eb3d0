"""Finding the key that opens a vault: trying its key slots, and saying why none worked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from organizer.core.errors import VaultDamaged, VaultNotFound, WrongPassphrase
from organizer.core.vault import keyslots
from organizer.core.vault.keyslots import KeySlot
from organizer.core.vault.upgrade import VaultHeader


def header_from_slots(
    folder: Path, slots: list[KeySlot], damaged: list[VaultDamaged]
) -> VaultHeader:
    if not slots:
        if damaged:
            raise VaultDamaged(
                "Every key file of this vault is damaged, so it cannot be opened.",
                details="; ".join(e.details for e in damaged),
            )
        raise VaultNotFound(f"{folder} is not a Second Opinion Organizer vault.")
    newest = max(slots, key=lambda s: s.format_version)
    return VaultHeader(newest.vault_id, newest.format_version, "")


def unwrap_any(
    header: VaultHeader, kind: str, slots: list[KeySlot], damaged: list[VaultDamaged],
    attempt: Callable[[KeySlot], bytes | None],
) -> bytes:
    candidates = [s for s in slots if s.kind == kind and s.vault_id == header.vault_id]
    for slot in candidates:
        if slot.kdf is not None:
            slot.kdf.check_bounds()  # before any key derivation runs
    for slot in candidates:
        master = attempt(slot)
        if master is not None:
            return master
    if not candidates and damaged:
        raise VaultDamaged(
            "The key file needed for this way of unlocking is damaged. "
            "Try your recovery key instead.",
            details="; ".join(e.details for e in damaged),
        )
    raise WrongPassphrase(_WRONG[kind])


_WRONG = {
    keyslots.PASSPHRASE: "That passphrase does not open this vault. Please check it and try again.",
    keyslots.RECOVERY: "That recovery key does not belong to this vault.",
    keyslots.KEYRING: "This computer does not remember this vault. Please type your passphrase.",
}
