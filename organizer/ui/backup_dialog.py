"""The "Back up this vault…" window: where the vault lives, where the copy goes, progress and Cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.core.packet.delivery import removable_drives
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.core.vault.backup import BackupCancelled, BackupResult, back_up_vault
from organizer.ui.error_dialog import report_error
from organizer.ui.folder_memory import choose_folder, start_folder
from organizer.ui.style import DONE_MARK, explanation, heading, message_label, show_message
from organizer.ui.workers import run_in_background


class _Progress(QObject):
    """Made on the GUI thread; the worker emits, Qt queues the signal to the GUI thread."""

    moved = Signal(int, int)


class BackupDialog(QDialog):
    """Choose a folder or USB drive, then copy and check; Cancel stops and removes the half copy."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back up this vault"))
        self.setAccessibleName(self.windowTitle())
        self.session = session
        self.stop = threading.Event()
        self.running = False
        self.closing = False
        self.backup: BackupResult | None = None
        self._make_widgets()
        self._lay_out()
        self._fill_places()

    def _make_widgets(self) -> None:
        folder = self.session.folder
        self.where = explanation(self.tr(
            "Your vault lives in this folder: %1\nThe backup is a copy of that folder. It stays "
            "locked: it opens with the same passphrase or recovery key. Keep it somewhere "
            "else than this computer, for example on a USB drive.").replace("%1", str(folder)), self)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.place = QComboBox(self)
        self.place.setAccessibleName(self.tr("Where the backup goes"))
        self.place_label = QLabel(self.tr("&Put the backup in:"), self)
        self.place_label.setBuddy(self.place)
        self.browse = QPushButton(self.tr("&Choose a folder…"), self)
        self.browse.setAutoDefault(False)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Backup progress"))
        self.progress.setVisible(False)
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(self.tr("&Back up"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        self.browse.clicked.connect(self._browse)

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.place, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Back up this vault"), 1.3, self))
        layout.addWidget(self.where)
        layout.addWidget(self.place_label)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _fill_places(self) -> None:
        for drive in removable_drives():
            self.place.addItem(self.tr("USB drive: %1").replace("%1", drive.name), str(drive.path))
        folder = start_folder("backup")
        self.place.addItem(str(folder), str(folder))

    def _browse(self) -> None:
        folder = choose_folder(self, self.tr("Put the backup in which folder?"), "backup")
        if folder is not None:
            self.place.insertItem(0, str(folder), str(folder))
            self.place.setCurrentIndex(0)

    def chosen_place(self) -> Path | None:
        data = self.place.currentData()
        return Path(str(data)) if data else None

    # --- running -----------------------------------------------------------------------

    def start(self) -> None:
        destination = self.chosen_place()
        if destination is None or self.running:
            return
        self.stop.clear()
        self._set_running(True)
        relay = _Progress(self)
        relay.moved.connect(self._moved)
        stop = self.stop

        def work(vault: Vault) -> BackupResult:  # holds the session: no edit lands mid-copy
            return back_up_vault(vault.folder, destination, progress=relay.moved.emit,
                                 cancelled=stop.is_set)

        run_in_background(self, lambda: self.session.call(work), self._done, self._failed)

    def _moved(self, done: int, total: int) -> None:
        scale = max(1, total // 1_000_000)  # QProgressBar counts in int: whole MB for big vaults
        self.progress.setRange(0, max(1, total // scale))
        self.progress.setValue(done // scale)

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in (self.place, self.browse, self.start_button):
            widget.setEnabled(not running)
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        show_message(self.message, self.tr("Copying and checking…") if running else "")

    def _done(self, result: BackupResult) -> None:
        self._set_running(False)
        if self.closing:  # finished just as Cancel was pressed: the checked copy stays
            super().reject()
            return
        self.backup = result
        show_message(self.message, DONE_MARK + " " + self.tr(
            "The backup is in %1. Every file was read back and matches the vault.").replace(
            "%1", str(result.folder)))
        self.start_button.setVisible(False)
        self.cancel_button.setText(self.tr("Close"))
        self.adjustSize()  # the whole sentence shows, path and all

    def _failed(self, error: Exception) -> None:
        self._set_running(False)
        if self.closing:
            super().reject()
        elif isinstance(error, BackupCancelled):
            show_message(self.message, self.tr("Stopped. Nothing was left half-written."))
        else:
            report_error(self.message, self, error)
        self.adjustSize()

    def reject(self) -> None:
        """Cancel (or Lock) while copying stops the copy, removes it, then closes."""
        if self.running:
            self.stop.set()
            self.closing = True
            show_message(self.message, self.tr("Stopping…"))
            return
        super().reject()
