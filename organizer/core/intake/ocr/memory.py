"""Give the memory text recognition freed back to the system, so an idle reader stays small.

ONNX Runtime frees the working memory of each run (its arena is off), but glibc's malloc keeps
freed blocks in the process: a reader that recognised a page kept about 430 MB resident instead
of about 210 MB. malloc_trim hands those blocks back; elsewhere (macOS, Windows, musl) nothing
is done here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys
from typing import Any

_M_ARENA_MAX = -8
"""mallopt's parameter for the number of malloc arenas (glibc's malloc.h)."""
ARENAS = 2
"""Malloc arenas for a reader: one per thread that reads lines (each thread would otherwise get
its own, and memory freed in one is not reused by another)."""


@functools.cache
def _glibc() -> Any:
    """glibc, or None where the C library is another one."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except OSError:
        return None


def limit_arenas() -> None:
    """Keep malloc to a few arenas; call before the reading threads start."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(_M_ARENA_MAX, ARENAS)


def release() -> None:
    """Return freed memory to the system (cheap: a few milliseconds)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)

