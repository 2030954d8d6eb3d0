"""Saving stored files in groups: the files made durable first, then one journal entry for all.

An item counts as saved only once the entry that lists it is durable, so a crash loses at most
the group in flight (`verify` reports its files as unlisted: a note, not damage). Files are stored
without their own fsync and flushed together just before the entry (Vault.make_durable). A group
is written when it holds `files` items or its first item has waited `seconds`.
"""

from __future__ import annotations

import time
from typing import Generic, TypeVar

from organizer.core.vault.journal import Change
from organizer.core.vault.vault import Vault
from organizer.core.vault.vault_files import StoredFile

Item = TypeVar("Item")


class FileGroup(Generic[Item]):
    """Collects items whose files are stored; `entry` says what the journal records for them."""

    def __init__(self, vault: Vault, *, files: int, seconds: float) -> None:
        self.vault = vault
        self.pending: list[Item] = []
        self._files, self._seconds = files, seconds
        self._first_added = 0.0

    def add(self, item: Item) -> None:
        if not self.pending:
            self._first_added = time.monotonic()
        self.pending.append(item)
        if len(self.pending) >= self._files or time.monotonic() - self._first_added >= self._seconds:
            self.commit()

    def commit(self) -> None:
        """Write the entry for every pending item; on failure remove every file of the group."""
        if not self.pending:
            return
        group, self.pending = self.pending, []
        stored: list[StoredFile] = []  # `entry` lists every file it stored or relies on
        try:
            changes = self.entry(group, stored)
            self.vault.make_durable([s.id for s in stored])  # files before the entry listing them
            self.vault.record(changes)
        except BaseException:
            for s in stored:  # nothing partly imported is left behind
                self.vault.discard_file(s.id)
            raise
        self.saved(group)

    def entry(self, group: list[Item], stored: list[StoredFile]) -> list[Change]:
        """The journal changes for the group; adds the group's files to `stored`."""
        raise NotImplementedError

    def saved(self, group: list[Item]) -> None:
        """Called once the group's entry is durable."""
