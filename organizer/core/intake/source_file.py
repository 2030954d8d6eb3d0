"""Read a file the user chose, safely: regular files only, never blocking, never past a size cap."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from organizer.core.errors import FileTooComplex, IntakeError
from organizer.core.i18n import N_, _

MAX_FILE_BYTES = 1 << 30
"""A single record over 1 GB is almost surely not a medical record."""
_CHUNK = 1 << 20
_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
          | getattr(os, "O_CLOEXEC", 0))
"""O_NONBLOCK: opening a FIFO (named pipe) returns at once instead of waiting for a writer."""

NOT_A_FILE = (
    N_("This is not a normal file (it is a device, a pipe or another special item), so it was "
    "not read. Please choose the record's file itself.")
)
TOO_LARGE = N_("This file is too large (over 1 GB) to be a medical record we can keep.")


class NotARegularFile(IntakeError):
    """The path names a device, pipe, socket or folder rather than a file."""


def read_source(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The whole content of a regular file of at most *limit* bytes.

    The type is checked with fstat on the opened descriptor (no race with a swapped path), and
    the cap is enforced while reading: a file's stated size can lie (0 for /proc files) or grow.
    Raises NotARegularFile, FileTooComplex, or OSError when the file cannot be opened or read.
    """
    fd = os.open(path, _FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(_(NOT_A_FILE), details=stat.filemode(info.st_mode))
        if info.st_size > limit:
            raise FileTooComplex(_(TOO_LARGE), details=f"{info.st_size} bytes")
        return _read_capped(fd, limit)
    finally:
        os.close(fd)


def _read_capped(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise FileTooComplex(_(TOO_LARGE), details=f"over {limit} bytes while reading")
        chunks.append(chunk)
