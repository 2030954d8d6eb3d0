"""Importing files from the Records page: progress, Cancel, the summary (with passwords), unsure types."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from organizer.core.intake.importer import (
    IMPORTED,
    FileOutcome,
    ImportOptions,
    ImportResult,
    expand_sources,
)
from organizer.core.records import Person
from organizer.core.safe_text import printable
from organizer.core.session import Session
from organizer.ui.error_dialog import show_error
from organizer.ui.records.import_dialogs import ImportSummaryDialog
from organizer.ui.records.portal_medicines import offer_found_medicines
from organizer.ui.workers import run_in_background


class ImportBar(QWidget):
    """"Importing x of N" with a Cancel button; hidden while no import runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Importing your files…"), self)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("&Cancel import"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel import"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        text = self.tr("%1 of %2").replace("%1", str(done)).replace("%2", str(total))
        self.progress.setAccessibleDescription(text)


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the worker calls `report`, the signal is queued to the GUI thread."""

    progressed = Signal(int, int, object)
    pages = Signal(str, int, int)

    def report(self, done: int, total: int, outcome: FileOutcome) -> None:
        self.progressed.emit(done, total, outcome)

    def report_pages(self, source: str, done: int, total: int) -> None:
        self.pages.emit(source, done, total)


@dataclass
class _QueuedImport:
    """Files waiting for their turn to be imported (with the passwords to try)."""

    paths: list[Path]
    passwords: tuple[str, ...] = ()
    retry: bool = False  # a second try of protected files with the passwords the user typed


class ImportFlow(QObject):
    """Runs one import at a time on a worker; files dropped meanwhile wait for the next round.

    Emits `saved` whenever documents were added (the page reloads) and `unsure(outcomes)` with
    the imported files whose type nobody has decided, once the user has seen the summary.
    """

    saved = Signal()
    unsure = Signal(list)
    notice = Signal(str)  # a sentence for the page, when no summary window is needed
    running_changed = Signal(bool)

    def __init__(self, session: Session, bar: ImportBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.bar, self.window = session, bar, parent
        self.person: Person | None = None
        self.cancel = threading.Event()
        self._queue: list[_QueuedImport] = []
        self._running = False
        self._unsure: list[FileOutcome] = []
        self._last_was_retry = False
        self.summary: ImportSummaryDialog | None = None
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._relay.pages.connect(self._pages_progressed, Qt.ConnectionType.QueuedConnection)
        bar.cancel_button.clicked.connect(self.stop)

    @property
    def running(self) -> bool:
        return self._running

    def add(self, paths: Sequence[Path], passwords: Sequence[str] = ()) -> None:
        """Import these files and folders for the current person (after any import in progress)."""
        if paths and self.person is not None:
            self._queue.append(_QueuedImport(list(paths), tuple(passwords)))
            self._next()

    def stop(self) -> None:
        """Cancel: files already saved stay; the rest are reported as not imported."""
        self.cancel.set()
        self._queue.clear()
        self.bar.cancel_button.setEnabled(False)
        self.bar.label.setText(self.tr("Stopping…"))

    def _next(self) -> None:
        if self._running or not self._queue or self.person is None:
            return
        batch = self._queue.pop(0)
        self._last_was_retry = batch.retry
        self.cancel = threading.Event()
        options = ImportOptions(self.person, passwords=batch.passwords,
                                progress=self._relay.report, cancel=self.cancel,
                                pages=self._relay.report_pages)
        self._set_running(True)
        session = self.session
        run_in_background(self, lambda: session.import_files(expand_sources(batch.paths), options),
                          self._finished, self._failed)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.bar.setVisible(running)
        self.bar.cancel_button.setEnabled(running)
        self.bar.label.setText(self.tr("Importing your files…"))
        self.bar.progress.setRange(0, 0)
        self.running_changed.emit(running)

    def _progressed(self, done: int, total: int, _outcome: FileOutcome) -> None:
        if self._running:
            self.bar.show_progress(done, total)
            if not self.cancel.is_set():
                self.bar.label.setText(self.tr("Importing your files…"))

    def _pages_progressed(self, source: str, done: int, total: int) -> None:
        """A scan or photo is being read: say which page, so a long scan never looks stuck."""
        if self._running and not self.cancel.is_set():
            self.bar.label.setText(self.tr("Reading the text of “%1”: page %2 of %3…")
                                   .replace("%1", Path(source).name)
                                   .replace("%2", str(min(done + 1, total))).replace("%3", str(total)))

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.saved.emit()  # groups committed before the failure are in the vault
        show_error(self.window, error)
        self._next()

    def _finished(self, result: ImportResult) -> None:
        self._set_running(False)
        if self.person is None:  # the vault locked meanwhile: show nothing about the files
            self._unsure.clear()
            return
        if result.count(IMPORTED):
            self.saved.emit()
        self._unsure += [o for o in result.outcomes if o.status == IMPORTED and o.type is None]
        if self._retry_went_well(result):
            self._after_summary(result)
            return
        self.summary = ImportSummaryDialog(result.outcomes, self.window)
        self.summary.setWindowModality(Qt.WindowModality.WindowModal)
        self.summary.finished.connect(lambda _code: offer_found_medicines(  # portal records
            self.window, self.session, self.person, result, lambda: self._after_summary(result)))
        self.summary.open()

    def _retry_went_well(self, result: ImportResult) -> bool:
        """After passwords were typed and every file came in, a line on the page says so."""
        if not self._last_was_retry or any(o.status != IMPORTED for o in result.outcomes):
            return False
        names = ", ".join(printable(Path(o.source).name) for o in result.outcomes)
        self.notice.emit(self.tr("Imported with the password you typed: %1").replace("%1", names))
        return True

    def _after_summary(self, result: ImportResult) -> None:
        passwords: dict[str, str] = {}
        if self.summary is not None:
            passwords = self.summary.passwords() if not result.cancelled else {}
            self.summary.deleteLater()
            self.summary = None
        self.window.window().activateWindow()  # keyboard focus comes back to the page
        if passwords:  # the unsure-type questions wait until these are in too
            retry = [Path(source) for source in passwords]
            self._queue.insert(0, _QueuedImport(retry, tuple(dict.fromkeys(passwords.values())), True))
        elif self._unsure and not self._queue:
            unsure, self._unsure = self._unsure, []
            self.unsure.emit(unsure)
        self._next()
