"""Getting the packet to the doctor: save, copy to a USB drive, email, print; each goes in the sent log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QInputDialog, QPushButton, QVBoxLayout, QWidget

from organizer.core.logs import DELIVERY_FAILED, log_failure
from organizer.core.packet import PacketResult
from organizer.core.packet.delivery import hand_to_mail, logged_as, removable_drives
from organizer.core.packet.packet_job import BuiltPacket, copy_to_drive, log_sent, save_in_folder
from organizer.core.session import Session
from organizer.ui.error_dialog import show_error
from organizer.ui.folder_memory import choose_folder
from organizer.ui.printing import print_pdf, printing_available
from organizer.ui.style import DONE_MARK, NOTE_MARK, message_label, row_of, show_message
from organizer.ui.workers import run_in_background


@dataclass(frozen=True)
class _Done:
    """What a delivery did: the packet as written, the sentence to show, how it is logged."""

    result: PacketResult
    said: str
    how: str
    note: str = ""


class DeliveryBar(QWidget):
    """Four buttons and a message saying what happened; `sent` after each logged delivery."""

    sent = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.built: BuiltPacket | None = None
        self.document: QPdfDocument | None = None
        self.save_button = self._button(self.tr("&Save to a folder…"), self.save)
        self.usb_button = self._button(self.tr("Copy to a &USB drive"), self.copy_to_usb)
        self.email_button = self._button(self.tr("&Email…"), self.email)
        self.print_button = self._button(self.tr("&Print…"), self.print_packet)
        self.print_button.setVisible(printing_available())
        self.message = message_label(self)
        self.saved_file: Path | None = None
        self.open_button = self._button(self.tr("&Open the packet"), self.open_saved)
        self.show_button = self._button(self.tr("Show in &folder"), self.show_saved)
        buttons = row_of(start=(self.save_button, self.usb_button, self.email_button, self.print_button))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        saved = row_of(start=(self.open_button, self.show_button))
        layout.addLayout(saved)
        self._show_saved_file(None)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def set_packet(self, built: BuiltPacket | None, document: QPdfDocument | None) -> None:
        self.built, self.document = built, document
        show_message(self.message, "")
        self._show_saved_file(None)

    def setFocus(self) -> None:  # type: ignore[override]
        self.save_button.setFocus()

    # --- the four ways ---------------------------------------------------------------------

    def save(self) -> None:
        folder = self._ask_folder(self.tr("Save the packet in which folder?"))
        if folder is not None:
            self._deliver(lambda built: self._saved_in(save_in_folder(built, folder),
                                                       folder, "saved"))

    def copy_to_usb(self) -> None:
        drives = removable_drives()
        if not drives:
            show_message(self.message, NOTE_MARK + " " + self.tr(
                "No USB drive was found. Plug one in, wait a moment, and try again."))
            return
        drive = drives[0].path
        if len(drives) > 1:
            names = [f"{d.name} ({d.path})" for d in drives]
            name, ok = QInputDialog.getItem(self, self.tr("Which drive?"),
                                            self.tr("Copy the packet to:"), names, 0, False)
            if not ok:
                return
            drive = drives[names.index(name)].path
        said = DONE_MARK + " " + self.tr("Copied to {0} and checked: the copy matches. It is now "
                                         "safe to unplug the drive.").format(drive)
        self._deliver(lambda built: _Done(copy_to_drive(built, drive), said, "usb"))

    def email(self) -> None:
        folder = self._ask_folder(self.tr("Save the packet to attach it: which folder?"))
        if folder is None:
            return

        def send(built: BuiltPacket) -> _Done:
            result = save_in_folder(built, folder)
            files = [p.path for p in result.parts if p.path is not None]
            delivered = hand_to_mail(files)
            how, note = logged_as(delivered)  # "email" only when the mail program really opened
            return _Done(result, delivered.message, how, note)

        self._deliver(send)

    def print_packet(self) -> None:
        if self.built is None or self.document is None:
            return
        try:
            printed = print_pdf(self.document, self, self.tr("Print the packet"))
        except Exception as error:
            show_error(self, error)
            return
        if printed:
            built = self.built
            said = DONE_MARK + " " + self.tr("Sent to the printer.")
            self._deliver(lambda _: _Done(built.result, said, "printed"))

    # --- shared steps ----------------------------------------------------------------------

    def _ask_folder(self, title: str) -> Path | None:
        return choose_folder(self, title, "packet")

    def _saved_in(self, result: PacketResult, folder: Path, how: str) -> _Done:
        names = ", ".join(f"“{p.path.name}”" for p in result.parts if p.path is not None)
        said = DONE_MARK + " " + self.tr("Saved as {0} in {1}.").format(names, folder)
        return _Done(result, said, how)

    def _deliver(self, work: Callable[[BuiltPacket], _Done]) -> None:
        """Run `work` then log it, on a worker; the buttons wait meanwhile."""
        built = self.built
        if built is None:
            return

        def run() -> _Done:
            done = work(built)
            self.session.call(log_sent, built, done.result, done.how, done.note)
            return done

        self._set_busy(True)
        show_message(self.message, self.tr("Working…"))
        run_in_background(self, run, self._delivered, self._failed)

    def _delivered(self, done: _Done) -> None:
        self._set_busy(False)
        show_message(self.message, done.said)
        files = [p.path for p in done.result.parts if p.path is not None]
        self._show_saved_file(files[0] if files and done.how != "printed" else None)
        self.sent.emit()

    # --- the file just written ---------------------------------------------------------

    def _show_saved_file(self, path: Path | None) -> None:
        self.saved_file = path
        self.open_button.setVisible(path is not None)
        self.show_button.setVisible(path is not None)

    def open_saved(self) -> None:
        """Open the packet in the computer's PDF reader."""
        if self.saved_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_file)))

    def show_saved(self) -> None:
        """Open the folder holding the packet in the file manager."""
        if self.saved_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_file.parent)))

    def _failed(self, error: Exception) -> None:
        log_failure(DELIVERY_FAILED, error)
        self._set_busy(False)
        show_message(self.message, "")
        show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.save_button, self.usb_button, self.email_button, self.print_button):
            button.setEnabled(not busy)
