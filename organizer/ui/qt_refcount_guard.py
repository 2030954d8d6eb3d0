"""Guard against PySide6 6.12.0's lost reference to True/False on every Signal.emit (Python < 3.12).

PySide6-Essentials 6.12.0 returns the result of `SignalInstance.emit` without taking a reference,
so every emit whose result is thrown away lowers the reference count of `True` by one. On Python
3.11, where `True` is not immortal, a long-running app (a 3,000-file import emits thousands of
progress signals) eventually frees `True` and the interpreter aborts ("bool_dealloc"). Python 3.12
made True and False immortal, and other PySide6 versions do not have the bug. Where both conditions
hold, we give True and False a reference count so large that no session can run it down; nothing
else changes. QtPdf ships only as PySide6-Pdf 6.12 on PyPI, so pinning Qt below 6.12 is not an option.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_AFFECTED = {"6.12.0"}
_RESERVE = 1 << 40


def needs_guard(pyside_version: str = PySide6.__version__,
                python: tuple[int, int] = (sys.version_info[0], sys.version_info[1])) -> bool:
    """True when this PySide6 loses references on emit and this Python can free True/False."""
    return pyside_version in _AFFECTED and python < (3, 12)


def install() -> bool:
    """Raise the reference counts of True and False once per process; say whether it was needed."""
    if not needs_guard() or getattr(install, "done", False):
        return False
    for value in (True, False):
        refcount = ctypes.c_ssize_t.from_address(id(value))
        refcount.value += _RESERVE
    install.done = True  # type: ignore[attr-defined]
    return True
