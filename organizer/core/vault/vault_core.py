"""The heart of an unlocked vault: its keys, its journal (with hash links), and closing.

Documents and key slots are added by vault_files.py and vault_keys.py; vault.py opens vaults.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Self

from organizer.core.errors import VaultError
from organizer.core.i18n import _
from organizer.core.vault import this_computer
from organizer.core.vault.atomic import fsync_folder
from organizer.core.vault.heads import MissingEntry, entry_id_from_path, frontier, missing_entries
from organizer.core.vault.journal import (
    Change,
    DamagedEntry,
    Entry,
    Head,
    MetadataState,
    build_state,
    encode_plain,
    entry_digest,
    load_entries,
    new_entry_id,
    write_entry,
)
from organizer.core.vault.lock import VaultLock
from organizer.core.vault.notices import VaultNotice, missing_notice, rollback_notice
from organizer.core.vault.sealing import subkey
from organizer.core.vault.upgrade import VaultHeader

KEYS_DIR, JOURNAL_DIR, DOCUMENTS_DIR = "keys", "journal", "documents"
JOURNAL_PURPOSE = b"organizer/journal/v1"
SEEN_SAVE_SECONDS = 2.0  # this computer's record is saved at most this often while writing


def disk_error(error: OSError) -> VaultError:
    return VaultError(
        _("The vault could not be saved to the disk (it may be full, read-only or unplugged). "
        "Nothing was changed."),
        details=repr(error),
    )


class VaultCore:
    """Keys, journal and lock of an unlocked vault. `previous` is the master key before an
    unfinished re-key: readers fall back to it until the re-key is done."""

    def __init__(self, folder: Path, header: VaultHeader, master: bytes, lock: VaultLock,
                 previous: bytes | None = None) -> None:
        self.folder = folder
        self.vault_id = header.vault_id
        self._vault_id_bytes = bytes.fromhex(header.vault_id)
        self._lock = lock
        self._master: bytearray | None = None
        self._journal_key = bytearray()
        self._previous: bytearray | None = None
        self._set_keys(master, previous)
        self.state = MetadataState()
        self.damaged_entries: list[DamagedEntry] = []
        self.missing_entries: list[MissingEntry] = []
        self.rolled_back: list[str] = []  # entry ids this computer saw that are gone now
        self.notices: list[VaultNotice] = []
        self._heads: tuple[Head, ...] = ()
        self._documents_unsynced = False
        self._seen_saved_at = 0.0
        self.attachments: dict[str, object] = {}  # caches kept while unlocked (search index)
        self.refresh()
        self._compare_with_this_computer()

    def _set_keys(self, master: bytes, previous: bytes | None) -> None:
        for old in (self._master, self._journal_key, self._previous):
            if old is not None:
                old[:] = bytes(len(old))
        self._master = bytearray(master)
        self._journal_key = bytearray(subkey(master, JOURNAL_PURPOSE))
        self._previous = bytearray(previous) if previous is not None else None

    # --- the journal -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the journal (picks up changes that arrived through a sync folder)."""
        previous = self._previous_journal_key()
        entries, self.damaged_entries = load_entries(
            self.folder / JOURNAL_DIR, bytes(self._key(self._journal_key)),
            self._vault_id_bytes, previous)
        self.state, self._clock = build_state(entries)
        self._heads = frontier(entries)
        self.missing_entries = missing_entries(entries, self.damaged_entries)
        self._present = {e.entry_id for e in entries} | {
            i for d in self.damaged_entries if (i := entry_id_from_path(d.path))}

    def record(self, changes: Sequence[Change]) -> None:
        """Save changes durably in one journal entry, then apply them to `state`."""
        entry_id = new_entry_id()
        entry = Entry(entry_id, self._clock.next(entry_id), tuple(changes), self._heads)
        plain = encode_plain(entry)  # sealed in the file, and what the next entry names it by
        try:
            if self._documents_unsynced:  # files an entry lists must be durable before it
                fsync_folder(self.folder / DOCUMENTS_DIR)
                self._documents_unsynced = False
            write_entry(self.folder / JOURNAL_DIR, bytes(self._key(self._journal_key)),
                        self._vault_id_bytes, entry, plain)
        except OSError as error:
            raise disk_error(error) from None
        self.state.apply(entry)
        self._heads = ((entry_id, entry_digest(entry_id, plain)),)
        self._present.add(entry_id)
        if time.monotonic() - self._seen_saved_at >= SEEN_SAVE_SECONDS:
            self._save_seen()  # also on lock; in between, a crash can only miss a rollback

    def _compare_with_this_computer(self) -> None:
        """Notice removed entries: named by others (links) or seen here before (local record)."""
        key = this_computer.record_key(bytes(self._key(self._master)))
        seen = this_computer.load_seen(self.vault_id, key)
        self.rolled_back = this_computer.gone_since_last_time(seen, self._present)
        if self.rolled_back:
            self.notices.append(rollback_notice(len(self.rolled_back)))
        if self.missing_entries:
            self.notices.append(missing_notice(len(self.missing_entries)))
        self._save_seen()

    def _save_seen(self) -> None:
        self._seen_saved_at = time.monotonic()
        key = this_computer.record_key(bytes(self._key(self._master)))
        this_computer.save_seen(self.vault_id, key, (head[0] for head in self._heads))

    def _previous_journal_key(self) -> bytes | None:
        return subkey(bytes(self._previous), JOURNAL_PURPOSE) if self._previous else None

    # --- closing ---------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._master is not None

    def close(self) -> None:
        """Forget the keys (overwritten in memory, best effort) and release the lock."""
        if self._master is not None:
            self._save_seen()
        for secret in (self._master, self._journal_key, self._previous):
            if secret is not None:
                secret[:] = bytes(len(secret))
        self._master = None
        self._previous = None
        self.state = MetadataState()
        self.attachments.clear()
        self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _key(self, secret: bytearray | None) -> bytearray:
        if self._master is None or secret is None:
            raise VaultError(_("The vault is locked. Please unlock it again."))
        return secret
