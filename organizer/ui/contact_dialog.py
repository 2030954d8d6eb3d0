"""Changing the person's own phone, email and address after the vault was made."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.people import PersonProfile, profile, set_own_contact
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.ui.contact_fields import ContactFields
from organizer.ui.error_dialog import report_error
from organizer.ui.style import explanation, message_label, show_message
from organizer.ui.workers import run_in_background


class ContactDialog(QDialog):
    """Shows what is saved now; Save writes the three fields back (an undoable edit)."""

    def __init__(self, session: Session, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("Contact details of %1").replace("%1", person.name))
        self.setAccessibleName(self.windowTitle())
        self.session, self.person = session, person
        self.contact = ContactFields(self)
        self.phone, self.email, self.address = self.contact.fields
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.buttons.setEnabled(False)
        run_in_background(self, lambda: session.call(profile, person), self._show, self._failed)

    def _lay_out(self) -> None:
        form = QFormLayout()
        self.contact.add_to(form)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(self.tr(
            "These go on record-request letters and on the packet's cover, so offices can reach "
            "you. Leave a field empty to leave it out."), self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.phone.setFocus()

    def _show(self, found: PersonProfile) -> None:
        self.contact.show(found.own_contact)
        self.buttons.setEnabled(True)

    def _save(self) -> None:
        values = self.contact.values()
        person = self.person
        self.buttons.setEnabled(False)
        show_message(self.message, self.tr("Saving…"))
        run_in_background(self, lambda: self.session.call(set_own_contact, person, *values),
                          lambda _saved: self.accept(), self._failed)

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        report_error(self.message, self, error)
