"""Appointment notes: the date, who you saw, who came along, what was said, and whether you could record.

The form below the list shows the chosen note, or a new one; what is typed saves itself.
"""

from __future__ import annotations

from datetime import date

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
    update_appointment,
)
from organizer.core.case.entities import APPOINTMENT
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.autosave import saving_now
from organizer.ui.case.case_page import CasePage
from organizer.ui.case.date_field import shown_date
from organizer.ui.case.form_fields import date_field, iso, put_text, text_box
from organizer.ui.style import explanation, heading

ID_ROLE = Qt.ItemDataRole.UserRole


class AppointmentsPage(CasePage):
    """A list of notes (oldest first) and the form of the chosen or a new note."""

    shows = frozenset({APPOINTMENT})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("appointmentsPage")
        self.list = QListWidget(self)
        self.list.setObjectName("appointmentsList")
        self.list.setAccessibleName(self.tr("Appointment notes"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.new_button = QPushButton(self.tr("&New notes"), self)
        self.new_button.setToolTip(self.tr("Start notes for another appointment"))
        self.remove_button = QPushButton(self.tr("&Remove note…"), self)
        self.date = date_field(self, today=True)
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
        self.form_box = QGroupBox(self.tr("New notes"), self)
        self._note_id = ""  # the note the form shows ("" for a new one, not saved yet)
        self._adding = False
        self._lay_out()
        self.autosave.watch(self.date, self.doctor, self.came_along, self.notes, self.recording)
        self.new_button.clicked.connect(self.new_note)
        self.remove_button.clicked.connect(self.remove_note)
        self.list.currentItemChanged.connect(self._chosen)

    @property
    def title(self) -> str:
        return self.tr("Appointments")

    def _lay_out(self) -> None:
        form = QFormLayout(self.form_box)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("Who you &saw:"), self.doctor)
        form.addRow(self.tr("Who &came along:"), self.came_along)
        form.addRow(self.tr("&What was said:"), self.notes)
        form.addRow(self.tr("Could you re&cord it?"), self.recording)
        side = QVBoxLayout()
        side.addWidget(self.new_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list, 1)
        list_row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Appointment notes"), 1.6, self))
        layout.addWidget(explanation(self.tr(
            "Take someone along if you can, and write down what was said. Ask before you record "
            "a talk: some doctors allow it, some do not. What you type is saved as you go."), self))
        layout.addWidget(self.undo_bar)
        layout.addLayout(list_row, 1)
        layout.addWidget(self.form_box)

    def load(self, vault: Vault, person: Person) -> list[AppointmentNote]:
        return appointments(vault, person)

    def show_data(self, data: list[AppointmentNote]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for note in data:
            item = QListWidgetItem(self._describe(note))
            item.setData(ID_ROLE, note)
            self.list.addItem(item)
            if note.id == self._note_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        chosen = next((n for n in data if n.id == self._note_id), None)
        if chosen is None and self._note_id:
            self._note_id = ""  # removed, or undone
        if not self.autosave.pending:
            self._fill(chosen)
        self.remove_button.setEnabled(chosen is not None)

    def _describe(self, note: AppointmentNote) -> str:
        recording = {Recording.NOT_ASKED: self.tr("did not ask about recording"),
                     Recording.ALLOWED: self.tr("recording allowed"),
                     Recording.NOT_ALLOWED: self.tr("recording not allowed")}[note.recording]
        who = note.doctor or self.tr("(no name written)")
        along = self.tr("came along: {0}").format(note.came_along) if note.came_along else self.tr(
            "came alone")
        text = f"{shown_date(note.date)} · {who}\n{along}; {recording}"
        return f"{text}\n{note.notes}" if note.notes else text

    def _fill(self, note: AppointmentNote | None) -> None:
        with self.autosave.quietly():
            if note is None:
                self.form_box.setTitle(self.tr("New notes"))
                self.date.set_value(self.date.value if self._adding else date.today().isoformat())
            else:
                self.form_box.setTitle(self.tr("Notes from {0}").format(shown_date(note.date)))
                self.date.set_value(note.date)
            put_text(self.doctor, note.doctor if note else "")
            put_text(self.came_along, note.came_along if note else "")
            put_text(self.notes, note.notes if note else "")
            self.recording.setCurrentIndex(max(0, self.recording.findData(
                note.recording if note else Recording.NOT_ASKED)))

    def show_nobody(self) -> None:
        self.list.clear()
        self._note_id = ""
        self._fill(None)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        self.autosave.flush()  # the form's edits belong to the note shown until now
        note = item.data(ID_ROLE) if item is not None else None
        self._note_id = note.id if note else ""
        self._fill(note)
        self.remove_button.setEnabled(note is not None)

    def new_note(self) -> None:
        self.autosave.flush()
        self.list.setCurrentRow(-1)
        self._note_id = ""
        self._fill(None)
        self.doctor.setFocus()

    def save_fields(self) -> None:
        if self.date.problem or not self.date.value:
            return  # the date field says what to fix; the rest waits for it
        if self._adding and not saving_now():
            self.autosave.changed()  # the new note is on its way: save this after it
            return
        note = AppointmentNote(iso(self.date), self.doctor.text(), self.came_along.text(),
                               self.notes.toPlainText(), Recording(self.recording.currentData()),
                               self._note_id)
        if note.id:
            self.save(lambda v, p: update_appointment(v, p, note))
            return
        if not (note.doctor.strip() or note.came_along.strip() or note.notes.strip()):
            return  # only a date: nothing written yet
        self._adding = True
        self.save(lambda v, p: add_appointment(v, p, note), self._added)

    def _added(self, note: AppointmentNote) -> None:
        self._adding = False
        self._note_id = note.id

    def _save_failed(self, error: BaseException) -> None:
        self._adding = False
        super()._save_failed(error)

    def remove_note(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        note: AppointmentNote = item.data(ID_ROLE)
        answer = QMessageBox.question(self, self.tr("Remove notes"), self.tr(
            "Remove the notes from {0}? You can undo this.").format(shown_date(note.date)))
        if answer == QMessageBox.StandardButton.Yes:
            self.autosave.forget()
            self._note_id = ""
            self.save(lambda v, p: remove_appointment(v, p, note.id))
