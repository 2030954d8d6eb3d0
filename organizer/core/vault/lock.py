"""One program at a time per vault: an OS file lock that dies with its process (no stale locks)."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from organizer.core.errors import VaultError, VaultLocked, VaultNotFound
from organizer.core.i18n import N_, _

LOCK_NAME = ".lock"

_IN_USE = (
    N_("This vault is already open in another window or program. "
    "Close it there first, then try again.")
)


_READ_ONLY = (
    N_("The vault folder cannot be written to (the drive may be read-only, full or unplugged, "
    "or you may not have permission). Please check the drive and try again.")
)


_NOT_A_FILE = (
    N_("Something that is not a normal file sits where the vault keeps its lock (.lock). "
    "Please move it out of the vault folder, then try again.")
)
_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block
_NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)  # Windows has none: see _open_lock_file


class VaultLock:
    """Holds the exclusive lock on a vault folder until `release()`.

    The lock is the operating system's (flock / LockFileEx), not the file's existence, so a
    crashed or killed program never leaves a lock behind that blocks the next start.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        try:
            self._fd: int | None = _open_lock_file(self.path)
        except FileNotFoundError:
            raise VaultNotFound(_("The vault folder {folder} does not exist.")
                                .format(folder=folder)) from None
        except _NotAFile:
            raise VaultError(_(_NOT_A_FILE)) from None
        except OSError as error:
            raise VaultError(_(_READ_ONLY), details=repr(error)) from None
        try:
            _lock(self._fd)
        except OSError:
            os.close(self._fd)
            self._fd = None
            raise VaultLocked(_(_IN_USE)) from None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Let another program open the vault. Safe to call twice."""
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


class _NotAFile(Exception):
    pass


def _open_lock_file(path: Path) -> int:
    """Open (or create) the lock file itself, never what a symlink in its place points to.

    A symlink named .lock is removed (only the link: its target is untouched) and a real file
    made. Where the OS has no O_NOFOLLOW (Windows) the link is spotted with lstat first; making
    symlinks there needs special rights anyway.
    """
    for _attempt in range(3):
        if _NOFOLLOW == 0 and path.is_symlink():
            path.unlink()
        try:
            fd = os.open(path, _FLAGS | _NOFOLLOW, 0o600)
        except OSError as error:
            if path.is_symlink():  # ELOOP (Linux) or EMLINK/EFTYPE (BSD) for a link
                path.unlink()
                continue
            raise error from None
        if stat.S_ISREG(os.fstat(fd).st_mode):
            with contextlib.suppress(OSError):
                os.set_blocking(fd, True)
            return fd
        os.close(fd)
        raise _NotAFile(str(path))
    raise _NotAFile(str(path))


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
