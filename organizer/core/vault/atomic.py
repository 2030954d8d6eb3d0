"""Crash-safe file writes: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".tmp-"


def fsync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable (a no-op where folders cannot be fsynced)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_whole_disk(folder: Path) -> bool:
    """Flush every file on `folder`'s file system with one syncfs() call; False where there is none."""
    if not sys.platform.startswith("linux"):
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        if _LIBC is None or _LIBC.syncfs(fd) != 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error))
    finally:
        os.close(fd)
    return True


_START_WRITE = 2  # SYNC_FILE_RANGE_WRITE: start writing dirty pages, do not wait
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def start_writeback(fd: int) -> None:
    """Ask the disk to start writing the file now, without waiting (Linux; elsewhere nothing).

    Only a head start: it promises nothing, the fsync or syncfs that follows still does. Files
    written in a batch then reach the disk while the next ones are prepared, and the batch's
    one flush finds little left to write.
    """
    if _LIBC is not None:
        _LIBC.sync_file_range(fd, ctypes.c_int64(0), ctypes.c_int64(0), _START_WRITE)


WRITE_BUFFER = 64 * 1024
WRITEBACK_FROM = 256 * 1024
"""Smaller files get no head start: the batch's one flush writes them as cheaply, and starting
each one costs more processor time (0.05-0.1 ms a file here) than its writing does."""
_TEMP_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_BINARY", 0))


def _new_temp_file(folder: Path) -> tuple[int, Path]:
    """A new empty file in `folder` named TEMP_PREFIX + 16 random hex digits, open for writing.

    What tempfile.mkstemp promises (created here and only here, readable by this user only),
    without its costs per file (a random name built in Python, the working folder looked up):
    an import of a disc makes thousands of these.
    """
    for _attempt in range(100):
        tmp = folder / f"{TEMP_PREFIX}{os.urandom(8).hex()}"
        try:
            return os.open(tmp, _TEMP_FLAGS, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


@contextlib.contextmanager
def atomic_output(path: Path, *, sync_folder: bool = True, sync_file: bool = True) -> Iterator[BinaryIO]:
    """Yield a file to write; it appears at `path` whole, or not at all.

    `sync_file=False` leaves the fsync to the caller (see `Vault.make_durable`): the file may then
    be incomplete after a crash, so it must not be listed anywhere until it has been synced.
    Its writing to the disk is started (`start_writeback`), so that later flush is short.

    A crash at any moment leaves either the old file (or none) plus, at worst, a temp file that
    `remove_leftover_temp_files` cleans on the next open.
    """
    existed = sync_folder and path.exists()  # only needed to undo a failed folder sync
    fd, tmp = _new_temp_file(path.parent)
    try:
        # An explicit buffer size spares a terminal check and an fstat per file; writes larger
        # than the buffer go straight to the file.
        with os.fdopen(fd, "wb", buffering=WRITE_BUFFER) as out:
            yield out
            out.flush()
            if sync_file:
                os.fsync(out.fileno())
            elif out.tell() >= WRITEBACK_FROM:
                start_writeback(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if sync_folder:
        try:
            fsync_folder(path.parent)
        except OSError:
            # The caller will hear "not saved": a new file must then not appear on the next open.
            if not existed:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old content or the new, never a mix."""
    with atomic_output(path) as out:
        out.write(data)


# Names that are not (yet) real files: our temp files, and sync tools' partial downloads
# (Syncthing ".syncthing.NAME.tmp", Resilio "NAME.!sync", OneDrive/Dropbox "~NAME.tmp", "NAME.partial").
_PARTIAL_SUFFIXES = (".tmp", ".!sync", ".partial", ".part", "~")


def is_transient(name: str) -> bool:
    """True for temp files and half-downloaded sync copies, which must never be read as data."""
    return name.startswith((".", "~")) or name.endswith(_PARTIAL_SUFFIXES)


def remove_leftover_temp_files(folders: list[Path]) -> int:
    """Delete temp files an interrupted write left behind; return how many were removed."""
    removed = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if entry.name.startswith(TEMP_PREFIX) and entry.is_file():
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed += 1
    return removed
