"""The documents of an unlocked vault: write-once encrypted files, read back as streams."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from organizer.core.errors import DocumentDamaged, DocumentNotFound
from organizer.core.i18n import _
from organizer.core.vault import atomic
from organizer.core.vault.atomic import atomic_output
from organizer.core.vault.documents import DecryptingReader, DocumentCorrupt, encrypt_stream
from organizer.core.vault.journal import Change
from organizer.core.vault.vault_core import DOCUMENTS_DIR, VaultCore, disk_error

DOC_SUFFIX = ".sdoc"
CACHE_SUFFIX = ".scache"  # VAULT/<name>.scache: an encrypted cache that can be rebuilt (search index)
FILE_KIND = "file"  # journal entities describing stored files: size and sha256


@dataclass(frozen=True)
class StoredFile:
    """A file just written to the vault. Record `file_change(...)` for it to keep it."""

    id: str
    size: int
    sha256: str


class VaultFiles(VaultCore):
    """Storing and reading documents."""

    def store_file(self, source: BinaryIO, *, durable: bool = True,
                   sha256: str | None = None) -> StoredFile:
        """Encrypt a stream into a new write-once file. Call `record([file_change(...)])` next.

        `durable=False` skips the file's own fsync (one disk flush per file is most of the cost
        of importing thousands of small images); `make_durable` must then run before `record`.
        `sha256`: the digest of an in-memory source that this process computed just before (never
        one a reader process reported), so that it is not computed twice.
        """
        file_id = os.urandom(16).hex()
        try:
            # The folder is fsynced once, by the `record` that lists this file (cheaper per batch).
            with atomic_output(self._doc_path(file_id), sync_folder=False, sync_file=durable) as out:
                written = encrypt_stream(source, out, master=bytes(self._key(self._master)),
                                         vault_id=self._vault_id_bytes,
                                         doc_id=bytes.fromhex(file_id), sha256=sha256)
        except OSError as error:
            raise disk_error(error) from None
        self._documents_unsynced = True
        return StoredFile(file_id, written.size, written.sha256)

    def make_durable(self, file_ids: Sequence[str]) -> None:
        """Flush files stored with `durable=False` to the disk.

        On Linux one syncfs() flushes them all at once (about twice as fast as one fsync each).
        """
        if not file_ids:
            return
        try:
            if atomic.sync_whole_disk(self.folder / DOCUMENTS_DIR):
                self._documents_unsynced = False  # the folder's new names were flushed with them
                return
            for file_id in file_ids:
                fd = os.open(self._doc_path(file_id), os.O_RDWR)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        except OSError as error:
            raise disk_error(error) from None

    @staticmethod
    def file_change(stored: StoredFile) -> Change:
        return Change(FILE_KIND, stored.id, {"size": stored.size, "sha256": stored.sha256})

    def open_file(self, file_id: str) -> DecryptingReader:
        """A seekable plaintext stream; DocumentDamaged/NotFound affect only this file."""
        path = self._doc_path(file_id)
        keys = [bytes(self._key(self._master))]
        if self._previous is not None:  # an unfinished re-key: this file may be in the old key
            keys.append(bytes(self._previous))
        for number, master in enumerate(keys, 1):
            try:
                raw = path.open("rb")
            except FileNotFoundError:
                raise DocumentNotFound(
                    _("This document's file is missing from the vault folder."), details=str(path)
                ) from None
            try:
                reader = DecryptingReader(raw, master=master, vault_id=self._vault_id_bytes,
                                          doc_id=bytes.fromhex(file_id))
                if number < len(keys):
                    reader.authenticate_first_chunk()
                return reader
            except DocumentCorrupt as error:
                raw.close()
                if number == len(keys):
                    raise _damaged(path, error) from None
        raise AssertionError("unreachable")

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

    def save_cache_file(self, name: str, data: bytes) -> None:
        """Encrypt `data` into VAULT/<name>.scache, atomically (same format as a document)."""
        try:
            with atomic_output(self.folder / f"{name}{CACHE_SUFFIX}") as out:
                encrypt_stream(io.BytesIO(data), out, master=bytes(self._key(self._master)),
                               vault_id=self._vault_id_bytes, doc_id=_cache_id(name))
        except OSError as error:
            raise disk_error(error) from None
        for stray in self.folder.glob(f"{name}*{CACHE_SUFFIX}"):  # a sync tool's conflict copies
            if stray.name != f"{name}{CACHE_SUFFIX}":
                stray.unlink(missing_ok=True)

    def load_cache_file(self, name: str) -> bytes | None:
        """The plaintext of a cache file; None when it is missing, damaged or from another key."""
        try:
            with (self.folder / f"{name}{CACHE_SUFFIX}").open("rb") as raw:
                reader = DecryptingReader(raw, master=bytes(self._key(self._master)),
                                          vault_id=self._vault_id_bytes, doc_id=_cache_id(name))
                return b"".join(reader.chunks())
        except (OSError, DocumentCorrupt, DocumentDamaged):
            return None

    def _doc_path(self, file_id: str) -> Path:
        if len(file_id) != 32 or file_id.strip("0123456789abcdef"):
            raise DocumentNotFound(_("There is no document with the id {file_id!r}.").format(file_id=file_id))
        return self.folder / DOCUMENTS_DIR / f"{file_id}{DOC_SUFFIX}"


def _cache_id(name: str) -> bytes:
    """The 16-byte id a cache file is bound to (so it cannot pass for a document or another cache)."""
    return hashlib.sha256(b"organizer/cache/" + name.encode()).digest()[:16]


def _damaged(path: Path, error: Exception) -> DocumentDamaged:
    reason = error.details if isinstance(error, DocumentDamaged) else str(error)
    return DocumentDamaged(
        _("This document's file in the vault is damaged and cannot be opened. Your other "
        "documents are not affected. If you still have the original, please import it again."),
        details=f"{path.name}: {reason}",
    )
