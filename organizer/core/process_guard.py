"""Keep secrets out of crash dumps: no core files, and (on Linux) no dumps or debugger attach.

A core dump of a process with an open vault holds the passphrase, the keys and the names in
plain text. We switch dumps off for the whole process (and the workers inherit or repeat it).
"""

from __future__ import annotations

import contextlib
import sys

PR_SET_DUMPABLE, PR_GET_DUMPABLE = 4, 3


def disable_core_dumps() -> bool:
    """Switch off core dumps for this process; True when every available guard is in place.

    RLIMIT_CORE 0 stops core files on all POSIX systems, but on Linux a core_pattern that pipes
    to a collector (systemd-coredump, apport) ignores it, so we also clear the 'dumpable' flag
    (PR_SET_DUMPABLE 0). That flag also stops other programs of the same user from attaching a
    debugger or reading this process's memory through /proc; the process itself keeps full use
    of /proc/self (we rely on /proc/self/fd for unnamed packet files). Windows writes no core
    files by default, so there is nothing to switch off there.
    """
    done = True
    with contextlib.suppress(ImportError):
        import resource

        try:
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        except (ValueError, OSError):
            done = False
    if sys.platform.startswith("linux"):
        done = _prctl(PR_SET_DUMPABLE, 0) == 0 and done
    return done


def is_dumpable() -> bool | None:
    """Linux's dumpable flag for this process (None elsewhere or when it cannot be read)."""
    if not sys.platform.startswith("linux"):
        return None
    found = _prctl(PR_GET_DUMPABLE, 0)
    return None if found < 0 else bool(found)


def _prctl(option: int, value: int) -> int:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(option, value, 0, 0, 0))
    except (OSError, AttributeError):
        return -1
