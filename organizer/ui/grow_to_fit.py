"""Windows that grow taller when a message appears, instead of squashing their wrapped text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _GrowToFit(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._pending = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._grow)  # dropped if the window is gone by then
        return False

    def _grow(self) -> None:
        self._pending = False
        window, layout = self._window, self._window.layout()
        if layout is None or not window.isVisible():
            return
        width = window.width()
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalMinimumSize().height())
        screen = window.screen()
        if screen is not None:
            needed = min(needed, screen.availableGeometry().height())
        if needed > window.height():
            window.resize(width, needed)


def grow_to_fit(window: QWidget) -> None:
    """Keep *window* at least as tall as its wrapped text needs at its current width."""
    _GrowToFit(window)
