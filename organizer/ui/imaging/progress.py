"""The Imaging page's progress line: what is happening, how far, and a Cancel button."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class WorkBar(QWidget):
    """"Adding the disc… 120 of 900 files" with Cancel; hidden while nothing runs.

    Workers call `report` (any thread); a timer on the GUI thread shows the latest figures ten
    times a second. No signal is emitted per file: PySide6 6.12 drops a reference to Python's
    True on every Signal.emit, and thousands of images would crash the app.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cancel = threading.Event()
        self.latest: tuple[int, int] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._show_latest)
        self.label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("imagingProgress")
        self.progress.setAccessibleName(self.tr("Imaging progress"))
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setObjectName("imagingCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

    def begin(self, text: str, unit: str) -> threading.Event:
        """Show the bar for a new piece of work; returns the event Cancel sets."""
        self.cancel = threading.Event()
        self.label.setText(text)
        self.progress.setFormat(self.tr("%v of %m {0}").format(unit))
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.latest = None
        self.timer.start()
        self.setVisible(True)
        return self.cancel

    def report(self, done: int, total: int) -> None:
        """Called by the worker: one tuple assignment, safe from any thread."""
        self.latest = (done, total)

    def _show_latest(self) -> None:
        if self.latest is not None:
            self.show_progress(*self.latest)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setAccessibleDescription(self.tr("{0} of {1}").format(done, total))

    def stop(self) -> None:
        self.cancel.set()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Stopping…"))

    def end(self) -> None:
        self.timer.stop()
        self.setVisible(False)
