"""The Vault: create or open a vault folder. Reading and writing live in the classes it extends:
vault_core.py (keys, journal), vault_files.py (documents), vault_keys.py (key slots, re-key)."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from organizer.core.errors import VaultAlreadyExists
from organizer.core.i18n import _
from organizer.core.vault import keyslots, rekey, remember
from organizer.core.vault.atomic import remove_leftover_temp_files
from organizer.core.vault.kdf import KdfParams, calibrate
from organizer.core.vault.keyslots import KeySlot
from organizer.core.vault.lock import VaultLock
from organizer.core.vault.notices import rekey_finished_notice, skipped_keys_notice
from organizer.core.vault.recovery import RecoveryKey
from organizer.core.vault.unlocking import SlotReport, confirm_key, folder_header, unwrap_any
from organizer.core.vault.upgrade import (
    CURRENT_VERSION,
    VaultHeader,
    check_version,
    read_header,
    upgrade,
    write_header,
)
from organizer.core.vault.vault_core import DOCUMENTS_DIR, JOURNAL_DIR, KEYS_DIR, disk_error
from organizer.core.vault.vault_files import DOC_SUFFIX, FILE_KIND, StoredFile
from organizer.core.vault.vault_keys import VaultKeys

__all__ = ["DOCUMENTS_DIR", "DOC_SUFFIX", "FILE_KIND", "JOURNAL_DIR", "KEYS_DIR", "StoredFile",
           "Vault", "calibrate"]


class Vault(VaultKeys):
    """An unlocked vault. Create with `Vault.create`, open with `unlock`/`recover`/`unlock_remembered`.

    Holds the single-instance lock and the keys until `close()`. `notices` says what the person
    should know about what was found on open (an older copy, missing changes, skipped keys).
    `fresh_recovery_key` is set when opening finished an interrupted re-key: show it once.
    """

    fresh_recovery_key: RecoveryKey | None = None

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def create(
        cls, folder: Path, passphrase: str, *, kdf: KdfParams | None = None
    ) -> tuple[Vault, RecoveryKey]:
        """Make a new vault in an empty (or new) folder; returns it unlocked plus its recovery key."""
        folder = Path(folder)
        if (folder / "vault.json").exists() or (folder / KEYS_DIR).exists():
            raise VaultAlreadyExists(_("There is already a vault in {folder}.").format(folder=folder))
        if folder.exists() and any(folder.iterdir()):
            raise VaultAlreadyExists(
                _("The folder {folder} already has other files in it. Please choose an empty folder.")
                .format(folder=folder)
            )
        made_folder = not folder.exists()
        lock: VaultLock | None = None
        try:
            for sub in (KEYS_DIR, JOURNAL_DIR, DOCUMENTS_DIR):
                (folder / sub).mkdir(parents=True, exist_ok=True)
            lock = VaultLock(folder)
            header, master, recovery = _write_new_vault(folder, passphrase, kdf or calibrate())
        except BaseException as error:
            # The folder was empty (or new) when we started: undo everything so a retry works.
            if lock is not None:
                lock.release()
            _empty_folder(folder, remove_folder=made_folder)
            if isinstance(error, OSError):
                raise disk_error(error) from None
            raise
        return cls(folder, header, master, lock), recovery

    @classmethod
    def unlock(cls, folder: Path, passphrase: str) -> Vault:
        """Open with the passphrase. WrongPassphrase and VaultDamaged are told apart."""
        return cls._open(Path(folder), keyslots.PASSPHRASE, lambda slot: slot.unwrap(passphrase))

    @classmethod
    def recover(cls, folder: Path, recovery_key: RecoveryKey | str) -> Vault:
        """Open with the recovery key (then set a new passphrase with `change_passphrase`)."""
        key = RecoveryKey.parse(recovery_key) if isinstance(recovery_key, str) else recovery_key
        return cls._open(Path(folder), keyslots.RECOVERY, lambda slot: slot.unwrap(key.secret))

    @classmethod
    def unlock_remembered(cls, folder: Path, store: remember.SecretStore | None = None) -> Vault:
        """Open with the secret this computer remembered; WrongPassphrase if none is kept here."""
        secrets = store or remember.system_store()

        def attempt(slot: KeySlot) -> bytes | None:
            username = remember.slot_username(slot.vault_id, slot.slot_id)
            secret = remember.load_secret(secrets, username)
            return slot.unwrap(secret) if secret else None

        return cls._open(Path(folder), keyslots.KEYRING, attempt)

    @classmethod
    def _open(cls, folder: Path, kind: str, attempt: Callable[[KeySlot], bytes | None]) -> Vault:
        slots, damaged = keyslots.read_all_slots(folder / KEYS_DIR)
        header, rewrite = folder_header(folder, read_header(folder), slots, damaged)
        check_version(header.version)
        lock = VaultLock(folder)
        try:
            report = SlotReport()
            master = unwrap_any(header, kind, slots, damaged, attempt, report)
            master, previous, new_slots = _unfinished_rekey(folder, header.vault_id, master)
            confirm_key(folder, header.vault_id, [k for k in (master, previous) if k])
            remove_leftover_temp_files([folder / d for d in (KEYS_DIR, JOURNAL_DIR, DOCUMENTS_DIR)])
            remove_leftover_temp_files([folder])
            if rewrite or read_header(folder) is None:
                write_header(folder, header)  # repair a damaged or foreign header
            header = upgrade(folder, header, master)
            vault = cls(folder, header, master, lock, previous)
        except BaseException:
            lock.release()
            raise
        if report.notes:
            vault.notices.append(skipped_keys_notice(report.notes))
        if new_slots is not None:
            with _closed_on_error(vault):
                vault.finish_rekey(new_slots)
                # The recovery key made by the interrupted re-key was never shown: replace it.
                vault.fresh_recovery_key = vault.new_recovery_key()
            vault.notices.append(rekey_finished_notice())
        return vault

    # --- keys (the calibrated setting is looked up here, where tests replace it) ----------

    def change_passphrase(self, new_passphrase: str, *, kdf: KdfParams | None = None) -> None:
        """Write a slot for the new passphrase, then remove the old passphrase slots."""
        super().change_passphrase(new_passphrase, kdf=kdf or calibrate())

    def rekey(self, new_passphrase: str, *, kdf: KdfParams | None = None) -> RecoveryKey:
        """Change the passphrase and the master key; returns the new recovery key."""
        return super().rekey(new_passphrase, kdf=kdf or calibrate())


def _unfinished_rekey(
    folder: Path, vault_id: str, master: bytes
) -> tuple[bytes, bytes | None, tuple[str, ...] | None]:
    """(current key, previous key, new slot ids) when a re-key was interrupted, else (master,).

    Without the new passphrase slot (a stop before it was written) nothing was re-encrypted
    yet: the re-key is undone and the old key stays.
    """
    pending = rekey.read_pending(folder)
    keys = pending.keys_from(master) if pending and pending.vault_id == vault_id else None
    if pending is None or keys is None:
        return master, None, None
    slot_files = keyslots.list_slot_files(folder / KEYS_DIR)
    if not any(pending.new_slots[0] in path.name for path in slot_files):
        rekey.finish(folder)
        return keys[1], None, None
    return keys[0], keys[1], pending.new_slots


@contextlib.contextmanager
def _closed_on_error(vault: Vault) -> Iterator[None]:
    try:
        yield
    except BaseException:
        vault.close()
        raise


def _write_new_vault(
    folder: Path, passphrase: str, params: KdfParams
) -> tuple[VaultHeader, bytes, RecoveryKey]:
    master = os.urandom(32)
    header = VaultHeader(os.urandom(16).hex(), CURRENT_VERSION, _now())
    recovery = RecoveryKey.generate()
    for kind, secret, slot_kdf in (
        (keyslots.PASSPHRASE, passphrase, params),
        (keyslots.RECOVERY, recovery.secret, None),
    ):
        keyslots.new_slot(folder / KEYS_DIR, vault_id=header.vault_id, kind=kind, secret=secret,
                          master_key=master, format_version=CURRENT_VERSION, kdf=slot_kdf)
    write_header(folder, header)
    return header, master, recovery


def _empty_folder(folder: Path, *, remove_folder: bool) -> None:
    for entry in list(folder.iterdir()) if folder.is_dir() else []:
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    if remove_folder:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

