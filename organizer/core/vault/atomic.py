"""Crash-safe file writes: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import os
import tempfile
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


@contextlib.contextmanager
def atomic_output(path: Path, *, sync_folder: bool = True) -> Iterator[BinaryIO]:
    """Yield a file to write; it appears at `path` whole, or not at all.

    A crash at any moment leaves either the old file (or none) plus, at worst, a temp file that
    `remove_leftover_temp_files` cleans on the next open.
    """
    existed = path.exists()
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
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
