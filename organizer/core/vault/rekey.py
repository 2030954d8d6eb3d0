"""Re-keying: a new master key, every file re-encrypted with it, every old key slot removed.

Crash-safe and resumable. Before anything else, `rekey.json` is written at the top of the vault:
it holds the new master key sealed with the old one and the old sealed with the new (each under
a key derived with HKDF, never the keys themselves), plus the ids of the new slots. Then:
1. the new passphrase and recovery slots are written (they wrap the new key);
2. every other slot is deleted (the old passphrase, the old recovery key, keyring slots);
3. every journal entry and document that does not yet open with the new key is re-encrypted
   in place (temp file, fsync, rename: each file is whole in either key, never half);
4. `rekey.json` is deleted: from then on the old key opens nothing in this folder.
Whichever key a later open gets (old slots may survive a crash in step 1 or 2), `rekey.json`
gives the other, and the open finishes the re-key before anything else. Until then, readers try
the new key and fall back to the old one, so nothing is unreadable at any moment.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from organizer.core.vault.atomic import write_atomically
from organizer.core.vault.sealing import SealBroken, seal, subkey, unseal

PENDING_NAME = "rekey.json"
_PURPOSE = b"organizer/rekey/v1"


@dataclass(frozen=True)
class PendingRekey:
    """An unfinished re-key as found on disk (nothing readable without one of the two keys)."""

    vault_id: str
    new_slots: tuple[str, ...]
    new_under_old: bytes
    old_under_new: bytes

    def aad(self) -> bytes:
        body = {"vault_id": self.vault_id, "new_slots": list(self.new_slots)}
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()

    def keys_from(self, master: bytes) -> tuple[bytes, bytes] | None:
        """(new key, old key) when `master` is one of the two, else None."""
        wrapping = subkey(master, _PURPOSE)
        try:
            return master, unseal(wrapping, self.old_under_new, self.aad())
        except SealBroken:
            pass
        try:
            return unseal(wrapping, self.new_under_old, self.aad()), master
        except SealBroken:
            return None


def start(folder: Path, vault_id: str, old: bytes, new: bytes,
          new_slots: tuple[str, ...]) -> PendingRekey:
    """Record the re-key durably before any slot or file changes."""
    draft = PendingRekey(vault_id, new_slots, b"", b"")
    pending = PendingRekey(vault_id, new_slots,
                           seal(subkey(old, _PURPOSE), new, draft.aad()),
                           seal(subkey(new, _PURPOSE), old, draft.aad()))
    body = {"format": 1, "vault_id": vault_id, "new_slots": list(new_slots),
            "new_under_old": _b64(pending.new_under_old),
            "old_under_new": _b64(pending.old_under_new)}
    write_atomically(folder / PENDING_NAME, json.dumps(body, indent=1).encode())
    return pending


def read_pending(folder: Path) -> PendingRekey | None:
    """The unfinished re-key, or None (also when the file is unreadable: see `keys_from`)."""
    path = folder / PENDING_NAME
    if not path.exists():
        return None
    try:
        body = json.loads(path.read_bytes())
        pending = PendingRekey(
            str(body["vault_id"]), tuple(str(s) for s in body["new_slots"]),
            base64.b64decode(body["new_under_old"], validate=True),
            base64.b64decode(body["old_under_new"], validate=True))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if len(pending.new_slots) != 2 or not all(s and s.isalnum() for s in pending.new_slots):
        return None
    return pending


def finish(folder: Path) -> None:
    """The last step: the old key is no longer needed anywhere."""
    (folder / PENDING_NAME).unlink(missing_ok=True)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
