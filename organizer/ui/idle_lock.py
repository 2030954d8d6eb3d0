"""Locking after a time without keyboard or mouse input in the app, and Ctrl+L everywhere."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
})


class IdleLock(QObject):
    """Emits `idle` once no input reached the app for `seconds`; any input starts the wait again."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # short test timeouts stay exact
        self._timer.timeout.connect(self._expired)
        self._watching = False
        self.last_input = 0.0  # time.monotonic() of the last input seen

    @property
    def active(self) -> bool:
        return self._watching

    def start(self, seconds: float) -> None:
        """Watch for idleness (0 or less: never lock on idle)."""
        self.stop()
        if seconds <= 0:
            return
        self._timer.setInterval(max(1, round(seconds * 1000)))
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._watching = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.last_input = time.monotonic()
            self._timer.start()
        return False

    def _expired(self) -> None:
        if self._watching:
            self.stop()
            self.idle.emit()


class LockKeyInDialogs(QObject):
    """Lets the Lock shortcut work while a modal dialog is open.

    Qt does not deliver the main window's shortcuts to a window blocked by a modal dialog, so the
    key press reaches the dialog instead; this filter on the application catches it there.
    """

    def __init__(self, action: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._action = action
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and self._action.isEnabled()
                and isinstance(event, QKeyEvent) and isinstance(watched, QWidget)
                and QApplication.activeModalWidget() is not None
                and QKeySequence(event.keyCombination()) in self._action.shortcuts()):
            self._action.trigger()
            return True
        return False
