"""After unlock: read the text of scanned records imported before text recognition, in the
background, with one calm line saying how far it is."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from organizer.core.intake.ocr.pending import PendingResult
from organizer.core.session import Session
from organizer.ui.records.page import RecordsPage
from organizer.ui.vault_view import VaultView
from organizer.ui.workers import run_in_background


class PendingRecognition(QObject):
    """Starts core recognise_pending on the thread pool and shows its progress above the page."""

    progressed = Signal(int, int)  # emitted from the worker thread, delivered on the GUI thread

    def __init__(self, session: Session, view: VaultView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.view = session, view
        self.running = False
        self.progressed.connect(self._show_progress)

    def start(self) -> None:
        """Begin (once per unlock); does nothing when every record has been read already."""
        if self.running or not self.session.is_open:
            return
        self.running = True
        run_in_background(self, lambda: self.session.recognise_pending(self.progressed.emit),
                          self._finished, self._stopped)

    def _stopped(self, _error: Exception) -> None:
        self.running = False  # the vault locked meanwhile: the rest is read after the next unlock

    def _show_progress(self, done: int, total: int) -> None:
        if self.session.is_open and done < total:
            self.view.show_notice(self.tr(
                "Reading the text of scanned records in the background: {done} of {total} "
                "done.").format(done=done, total=total))

    def _finished(self, result: PendingResult) -> None:
        self.running = False
        if not result.done or not self.session.is_open:
            return
        self.view.show_notice(self.tr(
            "The text of {count} scanned record(s) was read. They now have a type, a date and "
            "a title where one was found.").format(count=result.done))
        page = self.view.current_page()
        if page is not None and not (isinstance(page, RecordsPage) and page.is_busy):
            page.refresh()
