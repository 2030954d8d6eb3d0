"""PySide6 6.12.0 loses a reference to True on every emit: the guard keeps the app alive anyway."""

from __future__ import annotations

import subprocess
import sys

from organizer.ui import qt_refcount_guard

SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import organizer.ui
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    ping = Signal()
emitter = Emitter()
for _ in range(200_000):
    emitter.ping.emit()
print("alive")
"""


def test_the_guard_is_needed_only_for_the_affected_version_on_older_python() -> None:
    assert qt_refcount_guard.needs_guard("6.12.0", (3, 11))
    assert not qt_refcount_guard.needs_guard("6.12.0", (3, 12))
    assert not qt_refcount_guard.needs_guard("6.11.3", (3, 11))


def test_many_emits_no_longer_crash_the_interpreter() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "alive"
