"""The records-requests tracker: who was asked for what, when to call again, and the letter to send."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.letter import letter_for, save_letter
from organizer.core.case.requests import (
    CANCELLED,
    OPEN,
    RECEIVED,
    RecordsRequest,
    add_request,
    close_request,
    record_label,
    records_requests,
)
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.case.case_page import CasePage
from organizer.ui.case.request_dialog import RequestDialog
from organizer.ui.folder_memory import choose_save_path
from organizer.ui.printing import print_pdf_bytes, printing_available
from organizer.ui.style import explanation, heading, message_label, row_of, show_message


class RequestsPage(CasePage):
    """A table of requests; new request, mark received or cancelled, print or save the letter."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("requestsPage")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("requestsTable")
        self.table.setAccessibleName(self.tr("Records requests"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Asked on"), self.tr("Asked whom"), self.tr("Records"), self.tr("How"),
            self.tr("Call if nothing by"), self.tr("Status")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(self.tr("&New request…"), self)
        self.received_button = QPushButton(self.tr("Mark &received"), self)
        self.cancel_button = QPushButton(self.tr("&Cancel request…"), self)
        self.print_button = QPushButton(self.tr("&Print letter…"), self)
        self.save_button = QPushButton(self.tr("Save letter as P&DF…"), self)
        self.message = message_label(self)
        self._requests: list[RecordsRequest] = []
        self._lay_out()
        self.new_button.clicked.connect(self.new_request)
        self.received_button.clicked.connect(lambda: self._close(RECEIVED))
        self.cancel_button.clicked.connect(lambda: self._close(CANCELLED))
        self.print_button.clicked.connect(self.print_letter)
        self.save_button.clicked.connect(self.save_letter)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        if not printing_available():
            self.print_button.setToolTip(self.tr("Printing is not available on this computer. "
                                                 "Save the letter as a PDF and print that."))

    @property
    def title(self) -> str:
        return self.tr("Records requests")

    def _lay_out(self) -> None:
        # Two rows (the request, then its letter): five buttons in one row are wider than a
        # 1366-pixel screen beside the navigation in Spanish at 150 % text size.
        buttons = QVBoxLayout()
        for row_buttons in ((self.new_button, self.received_button, self.cancel_button),
                            (self.print_button, self.save_button)):
            buttons.addLayout(row_of(start=row_buttons))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Records requests"), 1.6, self))
        layout.addWidget(explanation(self.tr(
            "Keep track of who you asked for records. Ask the doctor's office, the hospital's "
            "medical-records department, or use the patient portal. If nothing comes by the "
            "date shown, call them. Always keep a copy of what you get."), self))
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def load(self, vault: Vault, person: Person) -> list[RecordsRequest]:
        return records_requests(vault, person)

    def show_data(self, data: list[RecordsRequest]) -> None:
        selected = self._current()
        self._requests = data
        self.table.setRowCount(len(data))
        for row, request in enumerate(data):
            cells = (request.requested_on, request.provider,
                     ", ".join(record_label(r) for r in request.records),
                     request.channel.label, request.follow_up_on, self._status(request))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        ids = [r.id for r in data]
        if data:
            self.table.selectRow(ids.index(selected.id) if selected and selected.id in ids else 0)
        self._update_buttons()

    def _status(self, request: RecordsRequest) -> str:
        if request.status == RECEIVED:
            return self.tr("✔ Received {0}").format(request.closed_on)
        if request.status == CANCELLED:
            return self.tr("⊘ Cancelled")
        if request.follow_up_due():
            return self.tr("⚠ Call them now")
        return self.tr("✉ Waiting")

    def show_nobody(self) -> None:
        self._requests = []
        self.table.setRowCount(0)
        show_message(self.message, "")

    def _current(self) -> RecordsRequest | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._requests[rows[0].row()] if rows and rows[0].row() < len(self._requests) else None

    def _update_buttons(self) -> None:
        request = self._current()
        is_open = request is not None and request.status == OPEN
        self.received_button.setEnabled(is_open)
        self.cancel_button.setEnabled(is_open)
        self.save_button.setEnabled(request is not None)
        self.print_button.setEnabled(request is not None and printing_available())

    def new_request(self) -> None:
        dialog = RequestDialog(self)

        def accepted() -> None:
            request = dialog.request()
            self.save(lambda v, p: add_request(v, p, request), lambda kept: show_message(
                self.message, self.tr("✔ Saved. If nothing has come by {0}, call {1}.").format(
                    kept.follow_up_on, kept.provider)))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _close(self, status: str) -> None:
        request = self._current()
        if request is None:
            return
        if status == CANCELLED and QMessageBox.question(
                self, self.tr("Cancel request"), self.tr(
                    "Stop tracking the request to {0}? You can undo this.").format(request.provider),
        ) != QMessageBox.StandardButton.Yes:
            return
        self.save(lambda v, p: close_request(v, p, request.id, status))

    def save_letter(self) -> None:
        request, person = self._current(), self.person
        if request is None or person is None:
            return
        suggested = self.tr("Records request - {0}.pdf").format(request.provider)
        picked = choose_save_path(self, self.tr("Save the letter as a PDF"), suggested,
                                  self.tr("PDF files (*.pdf)"), "letters")
        if picked is None:
            return
        chosen = str(picked)
        path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        self.run_in_background(
            lambda: self.session.call(save_letter, person, request.id, path),
            lambda _saved: show_message(self.message, self.tr(
                "✔ Saved the letter to {0}. Print it, sign it and send it to {1}.").format(
                    path, request.provider)))

    def print_letter(self) -> None:
        request, person = self._current(), self.person
        if request is None or person is None:
            return

        def ready(pdf: bytes) -> None:
            title = self.tr("Print the letter to {0}").format(request.provider)
            if print_pdf_bytes(pdf, self, title):
                show_message(self.message, self.tr("✔ Sent the letter to the printer. Sign it "
                                                   "and send it to {0}.").format(request.provider))

        self.run_in_background(lambda: self.session.call(letter_for, person, request.id)[1], ready)
