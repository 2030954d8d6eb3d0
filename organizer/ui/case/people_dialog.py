"""Adding a person (name, birth date, diagnosis in their words, contacts) and editing a diagnosis."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.people import (
    SELF,
    Contact,
    PersonProfile,
    add_contact,
    add_person,
    profile,
    set_diagnosis,
)
from organizer.core.errors import UserFacingError
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.autosave import AutoSave, run_save
from organizer.ui.case.form_fields import date_field, text_box
from organizer.ui.contact_fields import ContactFields
from organizer.ui.error_dialog import report_error
from organizer.ui.style import explanation, message_label, show_message
from organizer.ui.workers import run_in_background

T = TypeVar("T")


class _SavingDialog(QDialog):
    """A dialog whose OK runs one session call in the background and closes when it worked."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        # Locking with the dialog open saves what can be saved (nothing typed is lost).
        self.draft = AutoSave(self, self._save_before_locking, only_before_locking=True)

    def _save(self) -> None:
        """Subclasses check the fields and call `_run`."""

    def _save_before_locking(self) -> None:
        if self.isVisible() and self.buttons.isEnabled():
            self._save()

    def _run(self, work: Callable[[], T], then: Callable[[T], None]) -> None:
        """Save in the background; `then(result)` and close once it worked."""
        self.buttons.setEnabled(False)
        show_message(self.message, self.tr("Saving…"))

        def saved(result: T) -> None:
            then(result)
            self.accept()

        run_save(self, work, saved, self._failed)

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        report_error(self.message, self, error)


class PersonDialog(_SavingDialog):
    """Add someone whose records this vault keeps. After `exec()`, `person` is the new Person."""

    person_added = Signal(object)  # Person

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(self.tr("Add a person"))
        self.person: Person | None = None
        self.name = QLineEdit(self)
        self.date_of_birth = date_field(self, day_needed=True)
        self.diagnosis = text_box(self, self.tr("Diagnosis, in their own words"), 3)
        self.contact = ContactFields(self)
        self.phone, self.email, self.address = self.contact.fields
        form = QFormLayout()
        for label, field, name in (
            (self.tr("&Name:"), self.name, self.tr("Name")),
            (self.tr("&Date of birth:"), self.date_of_birth, self.tr("Date of birth")),
            (self.tr("D&iagnosis, in their words:"), self.diagnosis, None),
        ):
            form.addRow(label, field)
            if name:
                field.setAccessibleName(name)
        self.contact.add_to(form)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(self.tr(
            "Add someone whose records you keep here, for example a parent you help. The phone, "
            "email and address go on record-request letters. Everything stays in this vault."),
            self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.draft.watch(self.name, self.date_of_birth, self.diagnosis, *self.contact.fields)

    def _save(self) -> None:
        name, dob = self.name.text(), self.date_of_birth.value
        if self.date_of_birth.problem:
            show_message(self.message, "⚠ " + self.date_of_birth.problem)
            return
        try:
            self.session.check_person(name, dob)
        except UserFacingError as error:
            show_message(self.message, "⚠ " + str(error))
            return
        diagnosis = self.diagnosis.toPlainText()
        contact = Contact(name.strip(), SELF, *self.contact.values())
        has_contact = not self.contact.is_empty()

        def work(vault: Vault) -> Person:
            person = add_person(vault, name, dob, diagnosis)
            if has_contact:
                add_contact(vault, person, contact)
            return person

        self._run(lambda: self.session.call(work), self._added)

    def _added(self, person: Person) -> None:
        self.person = person
        self.person_added.emit(person)


class DiagnosisDialog(_SavingDialog):
    """Change the diagnosis of one person, as they put it."""

    saved = Signal()

    def __init__(self, session: Session, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("diagnosisDialog")
        self.setWindowTitle(self.tr("Diagnosis of {0}").format(person.name))
        self._person = person
        self.diagnosis = text_box(self, self.tr("Diagnosis, in their own words"), 4)
        label = QLabel(self.tr("&Diagnosis, in your own words:"), self)
        label.setBuddy(self.diagnosis)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(self.tr(
            "Write it the way you would say it, for example \"breast cancer, left side, found in "
            "2024\". It goes on the packet's cover page."), self))
        layout.addWidget(label)
        layout.addWidget(self.diagnosis)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.setEnabled(False)
        self.draft.watch(self.diagnosis)
        run_in_background(self, lambda: session.call(profile, person), self._show, self._failed)

    def _show(self, found: PersonProfile) -> None:
        with self.draft.quietly():
            self.diagnosis.setPlainText(found.diagnosis)
        self.buttons.setEnabled(True)

    def _save(self) -> None:
        text, person = self.diagnosis.toPlainText(), self._person
        self._run(lambda: self.session.call(set_diagnosis, person, text),
                  lambda _: self.saved.emit())
