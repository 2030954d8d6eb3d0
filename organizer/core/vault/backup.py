"""Backing up a vault: copy its (still encrypted) folder elsewhere, then read the copy back and check it."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from organizer.core.errors import InvalidInput, VaultError
from organizer.core.i18n import _
from organizer.core.vault.atomic import fsync_folder
from organizer.core.vault.lock import LOCK_NAME

CHUNK = 1 << 20
PARTIAL = ".partial"  # a backup being written carries this ending until it is whole and checked

Progress = Callable[[int, int], None]  # bytes done, bytes in all


class BackupCancelled(VaultError):
    """The person stopped the backup; nothing half-written is left behind."""


class BackupFailed(VaultError):
    """The copy could not be written, or does not read back the same."""


@dataclass(frozen=True)
class BackupResult:
    """Where the checked copy is, and how much it holds."""

    folder: Path
    files: int
    bytes: int


def vault_files(vault_folder: Path) -> list[Path]:
    """Every file of the vault (relative paths), without the "open here" lock file."""
    if not (vault_folder / "vault.json").is_file():
        raise InvalidInput(_("{vault_folder} is not a vault folder.").format(vault_folder=vault_folder))
    found = [p.relative_to(vault_folder) for p in sorted(vault_folder.rglob("*")) if p.is_file()]
    return [p for p in found if p.name != LOCK_NAME and PARTIAL not in p.parts[0]]


def back_up_vault(vault_folder: Path, destination: Path, *, progress: Progress | None = None,
                  cancelled: Callable[[], bool] = lambda: False,
                  now: datetime | None = None) -> BackupResult:
    """Copy the vault into a new dated folder inside `destination` and verify every file.

    The files stay encrypted: the backup opens with the same passphrase or recovery key.
    The copy is written under a ".partial" name and renamed only once every file was read back
    and matched its SHA-256, so a backup folder that looks whole is whole. Run it while nothing
    writes to the vault (the app holds its session lock meanwhile).
    """
    source = vault_folder.resolve()
    files = vault_files(source)
    target = _new_backup_folder(source, destination.resolve(), now or datetime.now())
    partial = target.with_name(target.name + PARTIAL)
    total = sum((source / f).stat().st_size for f in files)
    done = 0
    try:
        partial.mkdir(parents=True)
        for relative in files:
            done = _copy_and_check(source / relative, partial / relative, done, total,
                                   progress, cancelled)
        for folder in sorted({partial / f.parent for f in files} | {partial}, reverse=True):
            fsync_folder(folder)
        partial.rename(target)
        fsync_folder(target.parent)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return BackupResult(target, len(files), total)


def _new_backup_folder(source: Path, destination: Path, now: datetime) -> Path:
    if destination == source or destination.is_relative_to(source):
        raise InvalidInput(_("Please choose a folder outside the vault for its backup."))
    if not destination.is_dir():
        raise InvalidInput(_("The folder {destination} does not exist.").format(destination=destination))
    base = f"{source.name} backup {now:%Y-%m-%d %H.%M}"
    for number in range(1, 1000):
        name = base if number == 1 else f"{base} ({number})"
        if not (destination / name).exists() and not (destination / (name + PARTIAL)).exists():
            return destination / name
    raise InvalidInput(_("There are too many backups in {destination} already.")
                       .format(destination=destination))


def _copy_and_check(source: Path, target: Path, done: int, total: int,
                    progress: Progress | None, cancelled: Callable[[], bool]) -> int:
    """Copy one file (hashing as it goes), flush it, read it back and compare; returns bytes done."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = hashlib.sha256()
    try:
        with source.open("rb") as reader, target.open("wb") as writer:
            while chunk := reader.read(CHUNK):
                if cancelled():
                    raise BackupCancelled(_("The backup was stopped. Nothing was left half-written."))
                writer.write(chunk)
                written.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
            writer.flush()
            os.fsync(writer.fileno())
    except OSError as error:
        raise BackupFailed(_("The backup could not be written ({strerror}). "
                           "Is the drive full or unplugged?")
                           .format(strerror=error.strerror or error)) from error
    if _sha256(target) != written.hexdigest():
        raise BackupFailed(_("The copy of {name} does not read back the same. The drive "
                           "may be faulty; please try another one.").format(name=source.name))
    return done


def _sha256(path: Path) -> str:
    """The file's hash as stored: the system is told to forget its cached copy first (Linux)."""
    with path.open("rb") as reader:
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(reader.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        return hashlib.file_digest(reader, "sha256").hexdigest()
