"""Appointment notes: the date, who you saw, who came along, what was said, and whether you could record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.appointments import (
    AppointmentNote,
    Recording,
    add_appointment,
    appointments,
    remove_appointment,
)
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.case.case_page import CasePage
from organizer.ui.case.form_fields import date_field, iso, text_box
from organizer.ui.style import explanation, heading


class AppointmentsPage(CasePage):
    """A list of notes (newest at the bottom) and a form to add one."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("appointmentsPage")
        self.list = QListWidget(self)
        self.list.setObjectName("appointmentsList")
        self.list.setAccessibleName(self.tr("Appointment notes"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.remove_button = QPushButton(self.tr("&Remove note…"), self)
        self.date = date_field(self)
        self.date.setAccessibleName(self.tr("Date of the appointment"))
        self.doctor = QLineEdit(self)
        self.doctor.setAccessibleName(self.tr("Who you saw"))
        self.doctor.setPlaceholderText(self.tr("e.g. Dr. Lee, Lakeside Cancer Center"))
        self.came_along = QLineEdit(self)
        self.came_along.setAccessibleName(self.tr("Who came along"))
        self.notes = text_box(self, self.tr("What was said"), 4)
        self.recording = QComboBox(self)
        self.recording.setAccessibleName(self.tr("Could you record the talk?"))
        for value, words in ((Recording.NOT_ASKED, self.tr("I did not ask")),
                             (Recording.ALLOWED, self.tr("Yes, the doctor said I could record")),
                             (Recording.NOT_ALLOWED, self.tr("No, recording was not allowed"))):
            self.recording.addItem(words, value)
        self.add_button = QPushButton(self.tr("&Save these notes"), self)
        self._lay_out()
        self.add_button.clicked.connect(self.add_note)
        self.remove_button.clicked.connect(self.remove_note)
        self.list.currentRowChanged.connect(
            lambda row: self.remove_button.setEnabled(row >= 0))

    @property
    def title(self) -> str:
        return self.tr("Appointments")

    def _lay_out(self) -> None:
        form_box = QGroupBox(self.tr("New notes"), self)
        form = QFormLayout(form_box)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("Who you &saw:"), self.doctor)
        form.addRow(self.tr("Who &came along:"), self.came_along)
        form.addRow(self.tr("&What was said:"), self.notes)
        form.addRow(self.tr("Could you re&cord it?"), self.recording)
        form.addRow("", self.add_button)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list, 1)
        list_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Appointment notes"), 1.6, self))
        layout.addWidget(explanation(self.tr(
            "Take someone along if you can, and write down what was said. Ask before you record "
            "a talk: some doctors allow it, some do not."), self))
        layout.addWidget(self.undo_bar)
        layout.addLayout(list_row, 1)
        layout.addWidget(form_box)

    def load(self, vault: Vault, person: Person) -> list[AppointmentNote]:
        return appointments(vault, person)

    def show_data(self, data: list[AppointmentNote]) -> None:
        self.list.clear()
        for note in data:
            item = QListWidgetItem(self._describe(note))
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.list.addItem(item)
        self.remove_button.setEnabled(self.list.currentRow() >= 0)

    def _describe(self, note: AppointmentNote) -> str:
        recording = {Recording.NOT_ASKED: self.tr("did not ask about recording"),
                     Recording.ALLOWED: self.tr("recording allowed"),
                     Recording.NOT_ALLOWED: self.tr("recording not allowed")}[note.recording]
        who = note.doctor or self.tr("(no name written)")
        along = self.tr("came along: {0}").format(note.came_along) if note.came_along else self.tr(
            "came alone")
        text = f"{note.date} · {who}\n{along}; {recording}"
        return f"{text}\n{note.notes}" if note.notes else text

    def show_nobody(self) -> None:
        self.list.clear()
        for field in (self.doctor, self.came_along, self.notes):
            field.clear()

    def add_note(self) -> None:
        note = AppointmentNote(iso(self.date), self.doctor.text(), self.came_along.text(),
                               self.notes.toPlainText(), Recording(self.recording.currentData()))

        def added(_: AppointmentNote) -> None:
            for field in (self.doctor, self.came_along, self.notes):
                field.clear()
            self.recording.setCurrentIndex(0)

        self.save(lambda v, p: add_appointment(v, p, note), added)

    def remove_note(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove notes"), self.tr(
            "Remove the notes from {0}? You can undo this.").format(item.text().split(" · ")[0]))
        if answer == QMessageBox.StandardButton.Yes:
            note_id = str(item.data(Qt.ItemDataRole.UserRole))
            self.save(lambda v, p: remove_appointment(v, p, note_id))
