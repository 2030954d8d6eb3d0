"""The person's own phone, email and address fields, shared by the dialogs that edit them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from organizer.core.case.people import Contact

translate = QCoreApplication.translate


class ContactFields:
    """Three one-line fields with their labels; `add_to(form)` puts them in a form."""

    def __init__(self, parent: QWidget) -> None:
        self.phone, self.email, self.address = QLineEdit(parent), QLineEdit(parent), QLineEdit(parent)
        self._parent = parent

    def add_to(self, form: QFormLayout) -> None:
        for text, field, name in (
            (translate("ContactFields", "&Phone:"), self.phone, translate("ContactFields", "Phone")),
            (translate("ContactFields", "&Email:"), self.email, translate("ContactFields", "Email")),
            (translate("ContactFields", "&Address:"), self.address,
             translate("ContactFields", "Address")),
        ):
            label = QLabel(text, self._parent)
            label.setBuddy(field)
            field.setAccessibleName(name)
            form.addRow(label, field)

    @property
    def fields(self) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        return self.phone, self.email, self.address

    def values(self) -> tuple[str, str, str]:
        """What was typed: phone, email, address."""
        return self.phone.text(), self.email.text(), self.address.text()

    def is_empty(self) -> bool:
        return not any(value.strip() for value in self.values())

    def show(self, contact: Contact | None) -> None:
        """Fill the fields from a saved contact (nothing saved: leave them as they are)."""
        if contact is not None:
            for field, value in zip(self.fields, (contact.phone, contact.email, contact.address),
                                    strict=True):
                field.setText(value)
