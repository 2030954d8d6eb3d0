"""Packet parts being written: unnamed where the OS allows, and our own leftovers cleaned later.

A packet is plaintext (the user asked for it), but a half-written one left behind by a crash or
`kill -9` is not something anyone asked for. On Linux a part is first an unnamed file
(O_TMPFILE): if the program dies, the system frees it and nothing is left. It gets a name only
when it is complete (linkat through /proc/self/fd, then rename over the target). Elsewhere (and
on file systems without O_TMPFILE, such as many USB drives) it is a hidden named file, locked
while we write it, and the next run in that folder removes such files that nobody holds.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

PREFIX, SUFFIX = ".organizer-packet-", ".part"
_OURS = re.compile(r"\.organizer-packet-[0-9a-f]{16}\.part")
_OLD_STYLE = re.compile(r"\.tmp-[a-z0-9_]{8}")
"""Earlier versions wrote parts as mkstemp's '.tmp-' plus eight characters, unlocked."""
OLD_STYLE_AGE = 3600.0
"""An earlier-style file is ours to remove only when it is a PDF untouched for an hour: an
export or packet still being written (by an earlier version, unlocked) is younger than that."""
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)


@dataclass
class TempPart:
    file: BinaryIO
    name: Path | None
    """None for an unnamed file (nothing is left behind if we die)."""
    folder: Path


def create_part(folder: Path) -> TempPart:
    """A new, empty file for one part, in the folder of its target."""
    fd = _unnamed(folder)
    if fd is not None:
        _hold(fd)
        return TempPart(os.fdopen(fd, "w+b"), None, folder)
    fd, path = _named(folder)
    return TempPart(os.fdopen(fd, "w+b"), path, folder)


def put_in_place(part: TempPart, target: Path) -> None:
    """Give a complete part its final name (replacing an older file of that name)."""
    part.file.flush()
    os.fsync(part.file.fileno())
    if part.name is None:
        try:
            part.name = _link_unnamed(part)
        except OSError:  # /proc refused the link (some sandboxes): copy into a named part
            part.name = _copy_to_named(part)
    if os.name == "posix":  # keep our lock until the rename: cleanup never takes a live part
        os.replace(part.name, target)
        part.file.close()
    else:  # Windows cannot rename a file that is still open
        part.file.close()
        os.replace(part.name, target)


def discard(part: TempPart) -> None:
    part.file.close()
    if part.name is not None:
        with contextlib.suppress(OSError):
            os.unlink(part.name)


def clean_leftovers(folder: Path, now: float | None = None) -> int:
    """Remove parts an earlier, interrupted run of ours left in *folder*; returns how many."""
    now = time.time() if now is None else now
    removed = 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in list(entries):
            if _is_leftover(entry, now):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def _is_leftover(entry: os.DirEntry[str], now: float) -> bool:
    ours, old = _OURS.fullmatch(entry.name), _OLD_STYLE.fullmatch(entry.name)
    if not (ours or old) or not entry.is_file(follow_symlinks=False):
        return False
    info = entry.stat(follow_symlinks=False)
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    if ours:
        return not _in_use(entry.path)
    return now - info.st_mtime >= OLD_STYLE_AGE and _starts_like_pdf(entry.path)


def _unnamed(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o600)
    except OSError:  # the file system has no unnamed files (vfat, some network drives)
        return None


def _named(folder: Path) -> tuple[int, Path]:
    while True:
        path = folder / f"{PREFIX}{secrets.token_hex(8)}{SUFFIX}"
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o600)
        except FileExistsError:
            continue
        _hold(fd)
        return fd, path


def _link_unnamed(part: TempPart) -> Path:
    """Name an unnamed file (it is complete now) so that it can be renamed over the target.

    linkat(AT_SYMLINK_FOLLOW) on /proc/self/fd/N, as open(2) documents for O_TMPFILE. Passing a
    dir_fd makes Python call linkat with that flag (plain link() would not follow the /proc link).
    """
    folder_fd = os.open(part.folder, os.O_RDONLY)
    try:
        while True:
            name = f"{PREFIX}{secrets.token_hex(8)}{SUFFIX}"
            try:
                os.link(f"/proc/self/fd/{part.file.fileno()}", name, src_dir_fd=folder_fd,
                        dst_dir_fd=folder_fd, follow_symlinks=True)
                return part.folder / name
            except FileExistsError:
                continue
    finally:
        os.close(folder_fd)


def _copy_to_named(part: TempPart) -> Path:
    fd, path = _named(part.folder)
    with os.fdopen(fd, "w+b") as copy:
        part.file.seek(0)
        while chunk := part.file.read(1 << 20):
            copy.write(chunk)
        copy.flush()
        os.fsync(copy.fileno())
    part.file.close()
    part.file = open(path, "rb")  # noqa: SIM115 - closed by put_in_place
    _hold(part.file.fileno())
    return path


def _hold(fd: int) -> None:
    """Mark the file as being written by a live process (the lock dies with the process)."""
    with contextlib.suppress(ImportError, OSError):
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _in_use(path: str) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: an open file cannot be deleted there anyway
        return False
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def _starts_like_pdf(path: str) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _BINARY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        return os.read(fd, 5) in (b"%PDF-", b"")
    finally:
        os.close(fd)
