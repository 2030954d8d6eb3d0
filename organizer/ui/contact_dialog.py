"""Changing the person's own phone, email and address after the vault was made."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.people import PersonProfile, profile, set_own_contact
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.ui.error_dialog import report_error
from organizer.ui.style import explanation, message_label, show_message
from organizer.ui.workers import BackgroundTask


class ContactDialog(QDialog):
    """Shows what is saved now; Save writes the three fields back (an undoable edit)."""

    def __init__(self, session: Session, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("Contact details of %1").replace("%1", person.name))
        self.setAccessibleName(self.windowTitle())
        self.session, self.person = session, person
        self.phone, self.email, self.address = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.buttons.setEnabled(False)
        self._task = BackgroundTask(lambda: session.call(profile, person), self)
        self._task.succeeded.connect(self._show)
        self._task.failed.connect(self._failed)
        self._task.start()

    def _lay_out(self) -> None:
        form = QFormLayout()
        for text, field, name in ((self.tr("&Phone:"), self.phone, self.tr("Phone")),
                                  (self.tr("&Email:"), self.email, self.tr("Email")),
                                  (self.tr("&Address:"), self.address, self.tr("Address"))):
            label = QLabel(text, self)
            label.setBuddy(field)
            field.setAccessibleName(name)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(self.tr(
            "These go on record-request letters and on the packet's cover, so offices can reach "
            "you. Leave a field empty to leave it out."), self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.phone.setFocus()

    def _show(self, found: PersonProfile) -> None:
        own = found.own_contact
        if own is not None:
            self.phone.setText(own.phone)
            self.email.setText(own.email)
            self.address.setText(own.address)
        self.buttons.setEnabled(True)

    def _save(self) -> None:
        values = (self.phone.text(), self.email.text(), self.address.text())
        person = self.person
        self.buttons.setEnabled(False)
        show_message(self.message, self.tr("Saving…"))
        self._task = BackgroundTask(lambda: self.session.call(set_own_contact, person, *values), self)
        self._task.succeeded.connect(lambda _saved: self.accept())
        self._task.failed.connect(self._failed)
        self._task.start()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        report_error(self.message, self, error)
