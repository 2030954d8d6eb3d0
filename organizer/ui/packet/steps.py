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

from organizer.core.document_record import DocumentRecord
from organizer.core.packet.options import (
    PASSWORD_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    check_password,
)
from organizer.core.records import Person
from organizer.ui.labels import record_type_label
from organizer.ui.settings_dialog import SizeLimitChooser
from organizer.ui.style import NOTE_MARK, explanation, message_label, show_message

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
        self.from_whom = QComboBox(self)
        self.from_whom.setAccessibleName(self.tr("Who sends the packet"))
        form = QFormLayout(self)
        for text, field in ((self.tr("&Whose records:"), self.person),
                            (self.tr("&For (doctor or clinic):"), self.recipient),
                            (self.tr("Fr&om (who sends it):"), self.from_whom)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(explanation(self.tr(
            "Both names are printed on the cover page, so the doctor's office knows the packet is "
            "meant for them and whom to call. To send it for someone in your family, add yourself "
            "as their contact with how you are related (for example, daughter)."), self))

    def chosen_person(self) -> Person | None:
        person_id = self.person.currentData()
        return next((p for p in self.people if p.id == person_id), None)

    def set_senders(self, choices: Sequence[tuple[str, str]], last: str) -> None:
        """Who can send it, as (key, name as printed); `last` is the one chosen last time."""
        self.from_whom.clear()
        for key, name in choices:
            self.from_whom.addItem(name, key)
        self.from_whom.setCurrentIndex(max(0, self.from_whom.findData(last)))

    def chosen_sender(self) -> str:
        """The key of who sends it ("self" for the person)."""
        return str(self.from_whom.currentData() or "self")

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
        self.untyped = message_label(self)
        self.untyped.setObjectName("untypedWarning")
        layout = QVBoxLayout(self)
        layout.addWidget(self.untyped)
        layout.addWidget(self.records, 1)
        layout.addWidget(self.empty)
        layout.addWidget(explanation(self.tr(
            "The packet always starts with a cover page, a one-page summary and timeline, your "
            "questions, a list of contents, and the medicines and treatment plan you wrote down."),
            self))

    def set_documents(self, documents: Sequence[DocumentRecord]) -> None:
        self.records.clear()
        for document in documents:
            kind = (record_type_label(document.type) if document.type is not None
                    else self.tr("Type not chosen yet"))
            title = document.title or document.filename
            when = f" ({document.record_date})" if document.record_date else ""
            item = QListWidgetItem(f"{kind}: {title}{when}", self.records)
            item.setData(_ID, document.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        if documents:
            self.records.setCurrentRow(0)
        show_message(self.empty, "" if documents else NOTE_MARK + " " + self.tr(
            "There are no records to add yet. The packet will hold the cover page, the "
            "medicines and the plan only."))
        count = sum(1 for d in documents if d.type is None)
        show_message(self.untyped, "⚠ " + self._untyped_words(count) if count else "")

    def _untyped_words(self, count: int) -> str:
        head = (self.tr("1 record has no type yet, so the packet lists it under \"Other records\".")
                if count == 1 else self.tr("{0} records have no type yet, so the packet lists them "
                                           "under \"Other records\".").format(count))
        return head + " " + (self.tr(
            "To file it where the doctor expects it, close this window and choose its type on the "
            "Records page.") if count == 1 else self.tr(
            "To file them where the doctor expects them, close this window and choose their types "
            "on the Records page."))

    def left_out(self) -> frozenset[str]:
        items = (self.records.item(row) for row in range(self.records.count()))
        return frozenset(str(i.data(_ID)) for i in items if i.checkState() != Qt.CheckState.Checked)


class OptionsStep(QWizardPage):
    """An optional password (explained plainly), an email size limit, and two-sided printing."""

    def __init__(self, default_limit: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Password, size and printing"))
        self.setSubTitle(self.tr("All are optional."))
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
        self.two_sided = QCheckBox(self.tr("For printing on both sides: start each &record on a new sheet"),
                                   self)
        self.two_sided.setAccessibleName(self.tr("For printing on both sides"))
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
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(self.two_sided)
        layout.addWidget(explanation(self.tr(
            "Adds a blank page where needed, so no record starts on the back of another "
            "record's last page."), self))
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

    def chosen_two_sided(self) -> bool:
        return self.two_sided.isChecked()

    def chosen_password(self) -> str | None:
        return self.password.text() if self.use_password.isChecked() else None

    def clear(self) -> None:
        self.password.clear()
