"""The packet wizard's choosing steps: for whom and to whom, which records, password and size."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from organizer.core.case.case_documents import CaseDocument
from organizer.core.packet.options import (
    PASSWORD_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    check_password,
)
from organizer.core.records import Person, RecordType
from organizer.ui.labels import record_type_label
from organizer.ui.settings_dialog import SizeLimitChooser
from organizer.ui.style import explanation, message_label, show_message

_ID = Qt.ItemDataRole.UserRole


class WhoStep(QWizardPage):
    """Whose records go, and who receives them (from the saved recipients, or typed)."""

    def __init__(self, people: Sequence[Person], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who is the packet for?"))
        self.setSubTitle(self.tr("Choose whose records go in it, and the doctor who gets it."))
        self.people = list(people)
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Whose records"))
        for person in self.people:
            self.person.addItem(person.name, person.id)
        self.recipient = QComboBox(self)
        self.recipient.setEditable(True)
        self.recipient.setAccessibleName(self.tr("Who gets the packet"))
        editor = self.recipient.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("e.g. Dr. Lee, City Cancer Center"))
            editor.setAccessibleName(self.tr("Who gets the packet"))
        self.recipient.setMinimumContentsLength(36)
        form = QFormLayout(self)
        for text, field in ((self.tr("&Whose records:"), self.person),
                            (self.tr("&For (doctor or clinic):"), self.recipient)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(explanation(self.tr(
            "The name you give here is printed on the cover page, so the doctor's office knows "
            "the packet is meant for them."), self))

    def chosen_person(self) -> Person | None:
        person_id = self.person.currentData()
        return next((p for p in self.people if p.id == person_id), None)

    def set_recipients(self, names: Sequence[str]) -> None:
        typed = self.recipient.currentText()
        self.recipient.clear()
        self.recipient.addItems(list(names))
        self.recipient.setCurrentText(typed or (names[0] if names else ""))


class ContentsStep(QWizardPage):
    """Every record that can go in, in checklist order; uncheck one to leave it out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What goes in?"))
        self.setSubTitle(self.tr("All your records are in, in the order the doctor needs them. "
                                 "Uncheck one to leave it out of this packet."))
        self.records = QListWidget(self)
        self.records.setAccessibleName(self.tr("Records in the packet"))
        self.records.setAccessibleDescription(self.tr("Press Space to check or uncheck a record."))
        self.empty = message_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.records, 1)
        layout.addWidget(self.empty)
        layout.addWidget(explanation(self.tr(
            "The packet always starts with a cover page, a list of contents, the medicines and "
            "the treatment plan you wrote down."), self))

    def set_documents(self, documents: Sequence[CaseDocument]) -> None:
        self.records.clear()
        for document in documents:
            kind = record_type_label(document.type or RecordType.OTHER)
            title = document.title or document.filename
            when = f" ({document.record_date})" if document.record_date else ""
            item = QListWidgetItem(f"{kind}: {title}{when}", self.records)
            item.setData(_ID, document.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        if documents:
            self.records.setCurrentRow(0)
        show_message(self.empty, "" if documents else "ⓘ " + self.tr(
            "There are no records to add yet. The packet will hold the cover page, the "
            "medicines and the plan only."))

    def left_out(self) -> frozenset[str]:
        items = (self.records.item(row) for row in range(self.records.count()))
        return frozenset(str(i.data(_ID)) for i in items if i.checkState() != Qt.CheckState.Checked)


class OptionsStep(QWizardPage):
    """An optional password (explained plainly) and an email size limit."""

    def __init__(self, default_limit: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Password and size"))
        self.setSubTitle(self.tr("Both are optional."))
        self.use_password = QCheckBox(self.tr("&Protect the packet with a password"), self)
        self.use_password.setAccessibleName(self.tr("Protect the packet with a password"))
        self.password = QLineEdit(self)
        self.password.setAccessibleName(self.tr("Packet password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(PASSWORD_MAX_LENGTH)
        self.show_password = QCheckBox(self.tr("S&how the password"), self)
        self.show_password.setAccessibleName(self.tr("Show the password"))
        self.password_message = message_label(self)
        self.size_limit = SizeLimitChooser(self)
        self.size_limit.set_limit(default_limit)
        self._lay_out()
        self.use_password.toggled.connect(self._update)
        self.show_password.toggled.connect(self._update)
        self.password.textChanged.connect(self._update)
        self._update()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.use_password)
        layout.addWidget(explanation(self.tr(
            "Use {1} to {0} plain letters, digits and punctuation — no accents — so every PDF "
            "reader can open it. Tell the doctor's office the password by phone, not in the same "
            "email.").format(PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH), self))
        form = QFormLayout()
        label = QLabel(self.tr("Pass&word:"), self)
        label.setBuddy(self.password)
        form.addRow(label, self.password)
        form.addRow("", self.show_password)
        layout.addLayout(form)
        layout.addWidget(self.password_message)
        limit_label = QLabel(self.tr("Email &size limit:"), self)
        limit_label.setBuddy(self.size_limit.choice)
        layout.addWidget(limit_label)
        layout.addWidget(self.size_limit)
        layout.addWidget(explanation(self.tr(
            "Most email services refuse attachments over 20 or 25 MB. With a limit, the packet "
            "is made smaller, or split into numbered parts that each fit."), self))
        layout.addStretch(1)

    def _update(self) -> None:
        on = self.use_password.isChecked()
        self.password.setEnabled(on)
        self.show_password.setEnabled(on)
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if self.show_password.isChecked()
                                  else QLineEdit.EchoMode.Password)
        show_message(self.password_message, "⚠ " + self._problem() if on and self._problem() else "")
        self.completeChanged.emit()

    def _problem(self) -> str:
        try:
            check_password(self.password.text())
        except Exception as error:
            return str(error)
        return ""

    def isComplete(self) -> bool:
        return not self.use_password.isChecked() or not self._problem()

    def chosen_password(self) -> str | None:
        return self.password.text() if self.use_password.isChecked() else None

    def clear(self) -> None:
        self.password.clear()
