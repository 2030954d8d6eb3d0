"""Getting the packet to the doctor: save, copy to a USB drive, email, print; each goes in the sent log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QInputDialog, QPushButton, QVBoxLayout, QWidget

from organizer.core.packet import PacketResult
from organizer.core.packet.delivery import hand_to_mail, removable_drives
from organizer.core.session import Session
from organizer.ui.error_dialog import show_error
from organizer.ui.packet.making import BuiltPacket, copy_to_drive, log_sent, write_packet
from organizer.ui.printing import print_pdf, printing_available
from organizer.ui.style import message_label, show_message
from organizer.ui.workers import BackgroundTask


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
        buttons = QHBoxLayout()
        for button in (self.save_button, self.usb_button, self.email_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def set_packet(self, built: BuiltPacket | None, document: QPdfDocument | None) -> None:
        self.built, self.document = built, document
        show_message(self.message, "")

    def setFocus(self) -> None:  # type: ignore[override]
        self.save_button.setFocus()

    # --- the four ways ---------------------------------------------------------------------

    def save(self) -> None:
        folder = self._ask_folder(self.tr("Save the packet in which folder?"))
        if folder is not None:
            self._deliver(lambda built: write_packet(self.session, built, folder), "saved",
                          self.tr("✓ Saved in {0}.").format(folder))

    def copy_to_usb(self) -> None:
        drives = removable_drives()
        if not drives:
            show_message(self.message, "ⓘ " + self.tr(
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
        self._deliver(lambda built: copy_to_drive(self.session, built, drive), "usb", self.tr(
            "✓ Copied to {0} and checked: the copy matches. It is now safe to unplug the drive."
        ).format(drive))

    def email(self) -> None:
        folder = self._ask_folder(self.tr("Save the packet to attach it: which folder?"))
        if folder is None:
            return

        def send(built: BuiltPacket) -> tuple[PacketResult, str]:
            result = write_packet(self.session, built, folder)
            files = [p.path for p in result.parts if p.path is not None]
            return result, hand_to_mail(files).message

        self._deliver(send, "email", "")

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
            self._deliver(lambda _: built.result, "printed", self.tr("✓ Sent to the printer."))

    # --- shared steps ----------------------------------------------------------------------

    def _ask_folder(self, title: str) -> Path | None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        picked = QFileDialog.getExistingDirectory(self, title, start)
        return Path(picked) if picked else None

    def _deliver(self, work: Callable[[BuiltPacket], object], how: str, done_text: str) -> None:
        """Run `work` then log it, on a worker; the buttons wait meanwhile."""
        built = self.built
        if built is None:
            return

        def run() -> str:
            outcome = work(built)
            result, text = outcome if isinstance(outcome, tuple) else (outcome, done_text)
            assert isinstance(result, PacketResult)
            log_sent(self.session, built, result, how)
            return str(text)

        self._set_busy(True)
        show_message(self.message, self.tr("Working…"))
        task = BackgroundTask(run)
        task.succeeded.connect(self._delivered)
        task.failed.connect(self._failed)
        task.start()

    def _delivered(self, text: object) -> None:
        self._set_busy(False)
        show_message(self.message, str(text))
        self.sent.emit()

    def _failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self._set_busy(False)
        show_message(self.message, "")
        show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.save_button, self.usb_button, self.email_button, self.print_button):
            button.setEnabled(not busy)
