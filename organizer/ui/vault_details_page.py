"""First page of "Create a vault": where the vault goes and whose records it keeps."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.ui.case.form_fields import date_field
from organizer.ui.folder_memory import remember_folder, start_folder
from organizer.ui.style import explanation, fill_with_scrolling, heading, message_label


class VaultDetailsPage(QWidget):
    """Folder (with Browse…), the person's name, and optional date of birth, phone, email, address."""

    def __init__(self, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = QLineEdit(str(default_folder), self)
        self.folder.setAccessibleName(self.tr("Vault folder"))
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.setAccessibleName(self.tr("Choose the vault folder"))
        self.browse.setAutoDefault(False)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Person's name"))
        self.name.setPlaceholderText(self.tr("For example: Maria Lopez"))
        self.date_of_birth = date_field(self, day_needed=True)  # as people write it, with a calendar
        self.date_of_birth.setAccessibleName(self.tr("Date of birth (optional)"))
        self.phone, self.email, self.address = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        for field, name in ((self.phone, self.tr("Phone (optional)")),
                            (self.email, self.tr("Email (optional)")),
                            (self.address, self.tr("Address (optional)"))):
            field.setAccessibleName(name)
        self.email.setPlaceholderText(self.tr("For example: maria@example.org"))
        self.message = message_label(self)
        self._lay_out()
        self.browse.clicked.connect(self._browse)
        self.name.setFocus()

    def _lay_out(self) -> None:
        body = QWidget(self)  # scrolls when the text is large and the screen is short
        layout = QVBoxLayout(body)
        layout.addWidget(heading(self.tr("Create a vault"), 1.5, self))
        layout.addWidget(explanation(self.tr(
            "A vault is a folder on this computer where your medical records are kept locked "
            "(encrypted). Only someone with your passphrase can open it."), self))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        form.addRow(self._buddy(self.tr("Whose records? &Name:"), self.name), self.name)
        form.addRow(self._buddy(self.tr("&Date of birth:"), self.date_of_birth),
                    self.date_of_birth)
        form.addRow("", explanation(self.tr("Optional. Type it the way you usually write it, "
                                            "for example 23 April 1961, or use the calendar."),
                                    self))
        form.addRow(self._buddy(self.tr("&Phone:"), self.phone), self.phone)
        form.addRow(self._buddy(self.tr("&Email:"), self.email), self.email)
        form.addRow(self._buddy(self.tr("&Address:"), self.address), self.address)
        form.addRow("", explanation(self.tr("Optional. They go on record-request letters and on "
                                            "the packet's cover, so offices can reach you. You "
                                            "can change them later."), self))
        form.addRow(self._buddy(self.tr("Vault &folder:"), self.folder), folder_row)
        form.addRow("", explanation(self.tr("The vault needs an empty folder, or a new one. "
                                            "The suggested place is fine for most people."),
                                    self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        fill_with_scrolling(self, body)
        self.setMinimumHeight(min(body.sizeHint().height(), self._screen_room()))
        order = (self.name, self.date_of_birth, self.phone, self.email, self.address, self.folder)
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self.setTabOrder(self.folder, self.browse)

    def _screen_room(self) -> int:
        screen = self.screen()
        return screen.availableGeometry().height() * 2 // 3 if screen is not None else 400

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        return label

    def birth_date(self) -> str:
        """The date of birth to keep: as stored (1961-04-23) when it could be read, else the text
        typed, so the check explains what is wrong with it."""
        field = self.date_of_birth
        return field.text() if field.problem else field.value

    def contact(self) -> tuple[str, str, str]:
        """The phone, email and address typed (each may be empty)."""
        return self.phone.text().strip(), self.email.text().strip(), self.address.text().strip()

    def chosen_folder(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def _browse(self) -> None:
        start = self.chosen_folder()
        while not start.exists() and start != start.parent:
            start = start.parent
        if start == start.parent:  # nothing of the suggested path exists: start somewhere useful
            start = start_folder("vault")
        picked = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the vault"), str(start))
        if not picked:
            return
        folder = Path(picked)
        remember_folder("vault", folder)
        if any(folder.iterdir()):  # the vault needs an empty folder: make one inside
            folder = folder / "My vault"
        self.folder.setText(str(folder))
        self.folder.setFocus()
