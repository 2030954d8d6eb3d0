"""The key slots of an unlocked vault: passphrase, recovery key, remembered key, and re-keying."""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from pathlib import Path
from typing import BinaryIO, cast

from organizer.core.vault import keyslots, rekey, remember
from organizer.core.vault.atomic import atomic_output
from organizer.core.vault.documents import DecryptingReader, DocumentCorrupt, encrypt_stream
from organizer.core.vault.journal import HEADER_BYTES, EntryCorrupt, decode_entry, entry_files
from organizer.core.vault.kdf import KdfParams
from organizer.core.vault.keyslots import KeySlot
from organizer.core.vault.recovery import RecoveryKey
from organizer.core.vault.sealing import SealBroken, seal, subkey, unseal
from organizer.core.vault.upgrade import CURRENT_VERSION
from organizer.core.vault.vault_core import (
    JOURNAL_DIR,
    JOURNAL_PURPOSE,
    KEYS_DIR,
    VaultCore,
    disk_error,
)
from organizer.core.vault.vault_files import CACHE_SUFFIX, VaultFiles


class VaultKeys(VaultFiles, VaultCore):
    """Adding and removing ways to unlock; rotating the master key."""

    def change_passphrase(self, new_passphrase: str, *, kdf: KdfParams) -> None:
        """Write a slot for the new passphrase, then remove the old passphrase slots."""
        old = [s.path for s in self._slots(keyslots.PASSPHRASE)]
        old += self._damaged_slot_files(keyslots.PASSPHRASE)  # replaced now: stop reporting them
        self._new_slot(keyslots.PASSPHRASE, new_passphrase, kdf)
        for path in old:
            path.unlink(missing_ok=True)

    def new_recovery_key(self) -> RecoveryKey:
        """Replace the recovery key (the old printed sheet stops working)."""
        old = self._slots(keyslots.RECOVERY)
        key = RecoveryKey.generate()
        self._new_slot(keyslots.RECOVERY, key.secret)
        for slot in old:
            slot.path.unlink(missing_ok=True)
        return key

    def remember_on_this_computer(self, store: remember.SecretStore | None = None) -> None:
        secrets = store or remember.system_store()
        slot_id = os.urandom(8).hex()
        secret = remember.store_secret(secrets, remember.slot_username(self.vault_id, slot_id))
        self._new_slot(keyslots.KEYRING, secret, slot_id=slot_id)

    def forget_on_this_computer(self, store: remember.SecretStore | None = None) -> None:
        secrets = store or remember.system_store()
        for slot in self._slots(keyslots.KEYRING):
            username = remember.slot_username(slot.vault_id, slot.slot_id)
            if remember.load_secret(secrets, username) is not None:
                remember.forget_secret(secrets, username)
                slot.path.unlink(missing_ok=True)

    def slot_counts(self) -> dict[str, int]:
        """How many key files there are of each kind (damaged ones as `damaged`)."""
        slots, damaged = keyslots.read_all_slots(self.folder / KEYS_DIR)
        counts = Counter(s.kind for s in slots if s.vault_id == self.vault_id)
        counts["other vault"] = sum(1 for s in slots if s.vault_id != self.vault_id)
        counts["damaged"] = len(damaged)
        return {kind: n for kind, n in sorted(counts.items()) if n}

    # --- re-keying -------------------------------------------------------------------------

    def rekey(self, new_passphrase: str, *, kdf: KdfParams) -> RecoveryKey:
        """New master key and passphrase; every file re-encrypted; every old way to unlock
        removed. Returns the new recovery key (show it once). See rekey.py for crash safety."""
        old, new = bytes(self._key(self._master)), os.urandom(32)
        recovery = RecoveryKey.generate()
        passphrase_id, recovery_id = os.urandom(8).hex(), os.urandom(8).hex()
        try:
            rekey.start(self.folder, self.vault_id, old, new, (passphrase_id, recovery_id))
        except OSError as error:
            raise disk_error(error) from None
        try:
            self._set_keys(new, old)
            self._new_slot(keyslots.PASSPHRASE, new_passphrase, kdf, slot_id=passphrase_id)
        except BaseException:
            self._set_keys(old, None)  # nothing uses the new key yet: undo, as an open would
            with contextlib.suppress(OSError):
                rekey.finish(self.folder)
            raise
        # From here on the re-key only goes forward (the next open finishes it if we stop).
        self._new_slot(keyslots.RECOVERY, recovery.secret, slot_id=recovery_id)
        self.finish_rekey((passphrase_id, recovery_id))
        return recovery

    def finish_rekey(self, new_slots: tuple[str, ...]) -> None:
        """Remove old slots, re-encrypt what is still in the old key, forget the old key."""
        try:
            slot_files = keyslots.list_slot_files(self.folder / KEYS_DIR)
            if not any(new_slots[0] in path.name for path in slot_files):
                raise OSError("the new passphrase's key file is missing")  # never lock out
            for path in slot_files:
                if not any(slot_id in path.name for slot_id in new_slots):
                    path.unlink(missing_ok=True)
            for path in entry_files(self.folder / JOURNAL_DIR):
                self._reseal_entry(path)
            for file_id in self.files_on_disk():
                self._reencrypt_document(file_id)
            for cache in self.folder.glob(f"*{CACHE_SUFFIX}"):  # rebuildable: not kept in the old key
                cache.unlink(missing_ok=True)
            rekey.finish(self.folder)
        except OSError as error:
            raise disk_error(error) from None
        assert self._master is not None
        self._set_keys(bytes(self._master), None)
        self._save_seen()  # this computer's record, now under a key derived from the new key

    def _reseal_entry(self, path: Path) -> None:
        if self._previous is None:
            return
        raw = path.read_bytes()
        header, body = raw[:HEADER_BYTES], raw[HEADER_BYTES:]
        try:
            decode_entry(bytes(self._journal_key), self._vault_id_bytes, raw)
            return  # already in the new key
        except EntryCorrupt:
            pass
        try:
            plain = unseal(subkey(bytes(self._previous), JOURNAL_PURPOSE), body, header)
        except SealBroken:
            return  # damaged: left as it is, and still reported as damaged
        with atomic_output(path) as out:  # the same plaintext, so its digest (and links) hold
            out.write(header + seal(bytes(self._journal_key), plain, header))

    def _reencrypt_document(self, file_id: str) -> None:
        if self._previous is None:
            return
        path = self._doc_path(file_id)
        for master in (bytes(self._key(self._master)), bytes(self._previous)):
            try:
                with path.open("rb") as raw:
                    reader = DecryptingReader(raw, master=master, vault_id=self._vault_id_bytes,
                                              doc_id=bytes.fromhex(file_id))
                    reader.authenticate_first_chunk()
                    if master == bytes(self._master or b""):
                        return  # already in the new key
                    with atomic_output(path) as out:
                        encrypt_stream(cast(BinaryIO, reader), out, master=bytes(self._key(self._master)),
                                       vault_id=self._vault_id_bytes,
                                       doc_id=bytes.fromhex(file_id))
                    return
            except DocumentCorrupt:
                continue  # in the other key, or damaged (then left as it is)

    # --- slots -----------------------------------------------------------------------------

    def _damaged_slot_files(self, kind: str) -> list[Path]:
        _, damaged = keyslots.read_all_slots(self.folder / KEYS_DIR)
        paths = [Path(error.details) for error in damaged]
        return [p for p in paths if p.name.startswith(f"{kind}-")]

    def _slots(self, kind: str) -> list[KeySlot]:
        slots, _ = keyslots.read_all_slots(self.folder / KEYS_DIR)
        return [s for s in slots if s.kind == kind]

    def _new_slot(self, kind: str, secret: str | bytes, kdf: KdfParams | None = None,
                  slot_id: str | None = None) -> None:
        try:
            keyslots.new_slot(self.folder / KEYS_DIR, vault_id=self.vault_id, kind=kind,
                              secret=secret, master_key=bytes(self._key(self._master)),
                              format_version=CURRENT_VERSION, kdf=kdf, slot_id=slot_id)
        except OSError as error:
            raise disk_error(error) from None
