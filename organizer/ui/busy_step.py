"""A dialog's one slow step (unlock, recover, re-key): busy bar, message, form locked, result back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from organizer.ui.error_dialog import report_error
from organizer.ui.style import show_message
from organizer.ui.workers import run_in_background

T = TypeVar("T")


class BusyStep:
    """Runs the dialog's slow work in the background while its busy bar shows.

    `update_buttons` is called whenever `busy` changes, so the dialog can lock its fields and
    its Cancel button (a key change or an unlock must finish once started). A problem the person
    can fix is shown under the form (⚠ …), anything else as one dialog.
    """

    def __init__(self, dialog: QWidget, progress: QProgressBar, message: QLabel,
                 update_buttons: Callable[[], None]) -> None:
        self._dialog = dialog
        self._progress = progress
        self._message = message
        self._update_buttons = update_buttons
        self.busy = False

    def run(self, work: Callable[[], T], saying: str, on_done: Callable[[T], None],
            after_error: Callable[[], None] | None = None) -> None:
        """Start `work()` unless already busy; `on_done(result)` once it worked."""
        if self.busy:
            return

        def done(result: T) -> None:
            self._set_busy(False)
            on_done(result)

        def failed(error: Exception) -> None:
            self._set_busy(False)
            report_error(self._message, self._dialog, error)
            if after_error is not None:
                after_error()

        show_message(self._message, saying)
        self._set_busy(True)
        run_in_background(self._dialog, work, done, failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._progress.setVisible(busy)
        self._update_buttons()
