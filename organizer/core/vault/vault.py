"""The Vault: open/create a vault folder, and read and write its documents and metadata."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from organizer.core.errors import (
    DocumentDamaged,
    DocumentNotFound,
    VaultAlreadyExists,
    VaultError,
)
from organizer.core.vault import keyslots, remember
from organizer.core.vault.atomic import atomic_output, fsync_folder, remove_leftover_temp_files
from organizer.core.vault.documents import DecryptingReader, DocumentCorrupt, encrypt_stream
from organizer.core.vault.journal import (
    Change,
    DamagedEntry,
    Entry,
    MetadataState,
    build_state,
    load_entries,
    new_entry_id,
    write_entry,
)
from organizer.core.vault.kdf import KdfParams, calibrate
from organizer.core.vault.keyslots import KeySlot
from organizer.core.vault.lock import VaultLock
from organizer.core.vault.recovery import RecoveryKey
from organizer.core.vault.sealing import subkey
from organizer.core.vault.unlocking import header_from_slots, unwrap_any
from organizer.core.vault.upgrade import (
    CURRENT_VERSION,
    VaultHeader,
    check_version,
    read_header,
    upgrade,
    write_header,
)

KEYS_DIR, JOURNAL_DIR, DOCUMENTS_DIR = "keys", "journal", "documents"
DOC_SUFFIX = ".sdoc"
FILE_KIND = "file"  # journal entities describing stored files: size and sha256


@dataclass(frozen=True)
class StoredFile:
    """A file just written to the vault. Record `file_change(...)` for it to keep it."""

    id: str
    size: int
    sha256: str


def _disk_error(error: OSError) -> VaultError:
    return VaultError(
        "The vault could not be saved to the disk (it may be full, read-only or unplugged). "
        "Nothing was changed.",
        details=repr(error),
    )


class Vault:
    """An unlocked vault. Create with `Vault.create`, open with `unlock`/`recover`/`unlock_remembered`.

    Holds the single-instance lock and the keys until `close()`.
    """

    def __init__(self, folder: Path, header: VaultHeader, master: bytes, lock: VaultLock) -> None:
        self.folder = folder
        self.vault_id = header.vault_id
        self._vault_id_bytes = bytes.fromhex(header.vault_id)
        self._master: bytearray | None = bytearray(master)
        self._journal_key = bytearray(subkey(master, b"organizer/journal/v1"))
        self._lock = lock
        self.state = MetadataState()
        self.damaged_entries: list[DamagedEntry] = []
        self._documents_unsynced = False
        self.refresh()

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def create(
        cls, folder: Path, passphrase: str, *, kdf: KdfParams | None = None
    ) -> tuple[Vault, RecoveryKey]:
        """Make a new vault in an empty (or new) folder; returns it unlocked plus its recovery key."""
        folder = Path(folder)
        if (folder / "vault.json").exists() or (folder / KEYS_DIR).exists():
            raise VaultAlreadyExists(f"There is already a vault in {folder}.")
        if folder.exists() and any(folder.iterdir()):
            raise VaultAlreadyExists(
                f"The folder {folder} already has other files in it. Please choose an empty folder."
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
                raise _disk_error(error) from None
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
        header = read_header(folder) or header_from_slots(folder, slots, damaged)
        check_version(header.version)
        lock = VaultLock(folder)
        try:
            master = unwrap_any(header, kind, slots, damaged, attempt)
            remove_leftover_temp_files([folder / d for d in (KEYS_DIR, JOURNAL_DIR, DOCUMENTS_DIR)])
            remove_leftover_temp_files([folder])
            header = upgrade(folder, header, master)
            if read_header(folder) is None:
                write_header(folder, header)  # repair a damaged header from the key slots
            return cls(folder, header, master, lock)
        except BaseException:
            lock.release()
            raise

    # --- metadata --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the journal (picks up changes that arrived through a sync folder)."""
        entries, self.damaged_entries = load_entries(
            self.folder / JOURNAL_DIR, bytes(self._key(self._journal_key)), self._vault_id_bytes
        )
        self.state, self._clock = build_state(entries)

    def record(self, changes: Sequence[Change]) -> None:
        """Save changes durably in one journal entry, then apply them to `state`."""
        entry_id = new_entry_id()
        entry = Entry(entry_id, self._clock.next(entry_id), tuple(changes))
        try:
            if self._documents_unsynced:  # files an entry lists must be durable before it
                fsync_folder(self.folder / DOCUMENTS_DIR)
                self._documents_unsynced = False
            write_entry(self.folder / JOURNAL_DIR, bytes(self._key(self._journal_key)),
                        self._vault_id_bytes, entry)
        except OSError as error:
            raise _disk_error(error) from None
        self.state.apply(entry)

    # --- documents -------------------------------------------------------------------------

    def store_file(self, source: BinaryIO, *, durable: bool = True) -> StoredFile:
        """Encrypt a stream into a new write-once file. Call `record([file_change(...)])` next.

        `durable=False` skips the file's own fsync (one disk flush per file is most of the cost
        of importing thousands of small images); `make_durable` must then run before `record`.
        """
        file_id = os.urandom(16).hex()
        try:
            # The folder is fsynced once, by the `record` that lists this file (cheaper per batch).
            with atomic_output(self._doc_path(file_id), sync_folder=False, sync_file=durable) as out:
                written = encrypt_stream(source, out, master=bytes(self._key(self._master)),
                                         vault_id=self._vault_id_bytes,
                                         doc_id=bytes.fromhex(file_id))
        except OSError as error:
            raise _disk_error(error) from None
        self._documents_unsynced = True
        return StoredFile(file_id, written.size, written.sha256)

    def make_durable(self, file_ids: Sequence[str]) -> None:
        """Flush files stored with `durable=False` to the disk.

        On Linux one syncfs() flushes them all at once (about twice as fast as one fsync each).
        """
        from organizer.core.vault.atomic import sync_whole_disk  # (kept out of the shared imports)

        if not file_ids:
            return
        try:
            if sync_whole_disk(self.folder / DOCUMENTS_DIR):
                return
            for file_id in file_ids:
                fd = os.open(self._doc_path(file_id), os.O_RDWR)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        except OSError as error:
            raise _disk_error(error) from None

    @staticmethod
    def file_change(stored: StoredFile) -> Change:
        return Change(FILE_KIND, stored.id, {"size": stored.size, "sha256": stored.sha256})

    def open_file(self, file_id: str) -> DecryptingReader:
        """A seekable plaintext stream; DocumentDamaged/NotFound affect only this file."""
        master = bytes(self._key(self._master))
        path = self._doc_path(file_id)
        try:
            raw = path.open("rb")
        except FileNotFoundError:
            raise DocumentNotFound(
                "This document's file is missing from the vault folder.", details=str(path)
            ) from None
        try:
            return DecryptingReader(raw, master=master,
                                    vault_id=self._vault_id_bytes, doc_id=bytes.fromhex(file_id))
        except DocumentCorrupt as error:
            raw.close()
            raise _damaged(path, error) from None

    def read_file(self, file_id: str) -> bytes:
        """The whole plaintext in memory (for previews and PDF libraries)."""
        with self.open_file(file_id) as reader:
            try:
                return b"".join(reader.chunks())
            except DocumentCorrupt as error:
                raise _damaged(self._doc_path(file_id), error) from None

    def discard_file(self, file_id: str) -> None:
        """Remove a stored file that was never recorded (undo of a failed import)."""
        with contextlib.suppress(FileNotFoundError):
            self._doc_path(file_id).unlink()

    def files_on_disk(self) -> list[str]:
        folder = self.folder / DOCUMENTS_DIR
        return sorted(p.name[: -len(DOC_SUFFIX)] for p in folder.glob(f"*{DOC_SUFFIX}"))

    def _doc_path(self, file_id: str) -> Path:
        if len(file_id) != 32 or any(c not in "0123456789abcdef" for c in file_id):
            raise DocumentNotFound(f"There is no document with the id {file_id!r}.")
        return self.folder / DOCUMENTS_DIR / f"{file_id}{DOC_SUFFIX}"

    # --- keys ------------------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str, *, kdf: KdfParams | None = None) -> None:
        """Write a slot for the new passphrase, then remove the old passphrase slots."""
        old = [s.path for s in self._slots(keyslots.PASSPHRASE)]
        old += self._damaged_slot_files(keyslots.PASSPHRASE)  # replaced now: stop reporting them
        self._new_slot(keyslots.PASSPHRASE, new_passphrase, kdf or calibrate())
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
            raise _disk_error(error) from None

    # --- closing ---------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._master is not None

    def close(self) -> None:
        """Forget the keys (overwritten in memory, best effort) and release the lock."""
        for secret in (self._master, self._journal_key):
            if secret is not None:
                secret[:] = bytes(len(secret))
        self._master = None
        self.state = MetadataState()
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _key(self, secret: bytearray | None) -> bytearray:
        if self._master is None or secret is None:
            raise VaultError("The vault is locked. Please unlock it again.")
        return secret


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


def _damaged(path: Path, error: Exception) -> DocumentDamaged:
    return DocumentDamaged(
        "This document's file in the vault is damaged and cannot be opened. Your other "
        "documents are not affected. If you still have the original, please import it again.",
        details=f"{path.name}: {error}",
    )
