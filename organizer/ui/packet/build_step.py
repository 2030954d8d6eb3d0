"""The packet wizard's last step: make the packet (progress, cancel), preview it, then deliver it."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from organizer.core.logs import PACKET_FAILED, log_failure
from organizer.core.packet import PacketCancelled
from organizer.core.packet.packet_job import BuiltPacket, PacketRequest, make_packet
from organizer.core.session import Session
from organizer.ui.error_dialog import report_error
from organizer.ui.packet.delivery_bar import DeliveryBar
from organizer.ui.packet.preview import PdfPreview
from organizer.ui.style import NOTE_MARK, message_label, show_message
from organizer.ui.workers import run_in_background


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    step = Signal(int, int, str)


class BuildStep(QWizardPage):
    """`built` holds the packet once made; `sent` is emitted after each delivery."""

    sent = Signal()

    def __init__(self, session: Session, request: Callable[[], PacketRequest],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your packet"))
        self.session = session
        self._request = request
        self.built: BuiltPacket | None = None
        self.busy = False
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Making the packet"))
        self.status = message_label(self)
        self.cancel_button = QPushButton(self.tr("S&top making it"), self)
        self.cancel_button.setAccessibleName(self.tr("Stop making the packet"))
        self.part_choice = QComboBox(self)  # which part the preview shows, when split
        self.part_choice.setAccessibleName(self.tr("Part shown in the preview"))
        self.part_choice.setVisible(False)
        self.preview = PdfPreview(self)
        self.delivery = DeliveryBar(session, self)
        self._lay_out()
        self._progress.step.connect(self._show_progress)
        self.cancel_button.clicked.connect(self.cancel)
        self.delivery.sent.connect(self.sent)
        self.part_choice.currentIndexChanged.connect(self._show_part)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.part_choice, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.delivery)

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        """Make the packet in memory on a worker."""
        self.forget()
        request = self._request()
        self._cancel = threading.Event()
        self._set_busy(True)
        show_message(self.status, self.tr("Making the packet… This can take a minute for many "
                                          "records."))
        cancel, progress = self._cancel, self._progress.step.emit
        run_in_background(self, lambda: make_packet(self.session, request, progress, cancel),
                          lambda built: self._built(built, cancel),
                          lambda error: self._failed(error, cancel))

    def cancel(self) -> None:
        self._cancel.set()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.delivery.setVisible(not busy and self.built is not None)
        self.completeChanged.emit()

    def _show_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        show_message(self.status, what + "…")

    def _built(self, built: BuiltPacket, cancel: threading.Event) -> None:
        if cancel is not self._cancel:
            return  # an earlier build, replaced by a newer one
        if not self.session.is_open or cancel.is_set():
            self._set_busy(False)
            return  # locked or closed meanwhile: show nothing
        self.built = built
        total = len(built.files)
        self.part_choice.blockSignals(True)
        self.part_choice.clear()
        self.part_choice.addItems([self.tr("Part {0} of {1}").format(n + 1, total)
                                   for n in range(total)])
        self.part_choice.blockSignals(False)
        self.part_choice.setVisible(built.split)
        self._show_part(0)
        show_message(self.status, self._summary(built))
        self._set_busy(False)
        self.delivery.setFocus()

    def _summary(self, built: BuiltPacket) -> str:
        result = built.result
        records = len({line.document_id for line in result.contents})
        text = self.tr("✓ Ready: {0} records, {1} pages, {2:.1f} MB. Check it below, then choose "
                       "how to send it.").format(records, result.pages, result.size / 1e6)
        if built.split:
            text += " " + self.tr("It is bigger than the size limit, so it is split into {0} "
                                  "numbered parts that each fit. Choose a part above the preview "
                                  "to check it.").format(len(built.files))
        for item in result.left_out:
            text += "\n" + self.tr("Left out: {0} — {1}").format(item.title, item.reason)
        for warning in result.warnings:
            text += "\n" + warning
        return text

    def _failed(self, error: Exception, cancel: threading.Event) -> None:
        if cancel is not self._cancel:
            return
        self._set_busy(False)
        if isinstance(error, PacketCancelled):
            show_message(self.status, NOTE_MARK + " " + str(error))
        else:
            log_failure(PACKET_FAILED, error)
            report_error(self.status, self, error)

    def _show_part(self, index: int) -> None:
        """Show one part of the packet (the only part, when it is one file): the bytes saved."""
        built = self.built
        if built is None or not 0 <= index < len(built.files):
            return
        self.preview.show_pdf(built.files[index], built.request.password)
        self.delivery.set_packet(built, self.preview.document)

    def isComplete(self) -> bool:
        return not self.busy

    def cleanupPage(self) -> None:  # going Back: the choices change, so does the packet
        self.cancel()
        self.forget()

    def forget(self) -> None:
        """Drop the packet from memory and from the screen."""
        self.built = None
        self.part_choice.clear()
        self.part_choice.setVisible(False)
        self.preview.clear()
        self.delivery.set_packet(None, None)
        show_message(self.status, "")
