"""The dialog for a new records request: whom you ask, which records, how, and when to follow up."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.checklist_items import CheckItem, RequestChannel
from organizer.core.case.requests import FOLLOW_UP_DAYS, Delivery, RecordsRequest
from organizer.ui.autosave import AutoSave
from organizer.ui.case.form_fields import date_field, iso
from organizer.ui.labels import check_item_label
from organizer.ui.style import explanation


class RequestDialog(QDialog):
    """Fill in a request; `request()` gives the RecordsRequest to save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestDialog")
        self.setWindowTitle(self.tr("Ask for records"))
        self.provider = QLineEdit(self)
        self.provider.setAccessibleName(self.tr("Hospital or office you are asking"))
        self.address = QLineEdit(self)
        self.address.setAccessibleName(self.tr("Their address, for the letter"))
        self.address.setPlaceholderText(self.tr("Street; town (use ; between lines)"))
        self.records = {item: QCheckBox(check_item_label(item), self) for item in CheckItem}
        self.other = QLineEdit(self)
        self.other.setAccessibleName(self.tr("Other records"))
        self.other.setPlaceholderText(self.tr("Other records, e.g. blood tests"))
        self.how = QComboBox(self)
        self.how.setAccessibleName(self.tr("How you ask"))
        for channel, words in ((RequestChannel.RECORDS_DEPARTMENT, self.tr("Medical-records department")),
                               (RequestChannel.OFFICE, self.tr("The doctor's office")),
                               (RequestChannel.PATIENT_PORTAL, self.tr("The patient portal"))):
            self.how.addItem(words, channel)
        self.delivery = QComboBox(self)
        self.delivery.setAccessibleName(self.tr("How the copies should come"))
        for value, words in ((Delivery.MAIL, self.tr("By mail")),
                             (Delivery.EMAIL, self.tr("By secure email")),
                             (Delivery.PATIENT_PORTAL, self.tr("Through the patient portal")),
                             (Delivery.PICKUP, self.tr("I will pick them up")),
                             (Delivery.FAX, self.tr("By fax"))):
            self.delivery.addItem(words, value)
        self.on = date_field(self, today=True, day_needed=True)
        self.on.setAccessibleName(self.tr("When you asked"))
        self.follow_up = QSpinBox(self)
        self.follow_up.setRange(1, 90)
        self.follow_up.setValue(FOLLOW_UP_DAYS)
        self.follow_up.setSuffix(self.tr(" days"))
        self.follow_up.setAccessibleName(self.tr("Remind me to call after"))
        self.notes = QLineEdit(self)
        self.notes.setAccessibleName(self.tr("A line for the letter"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.provider.textChanged.connect(self._update)
        self.other.textChanged.connect(self._update)
        self.on.edited.connect(self._update)
        # Locking with this dialog open saves the request when it can be saved (nothing typed is lost).
        self.draft = AutoSave(self, self._save_before_locking, only_before_locking=True)
        self.draft.watch(self.provider, self.address, self.other, self.how, self.delivery,
                         self.on, self.notes)
        for box in self.records.values():
            self.draft.watch(box)
        for box in self.records.values():
            box.toggled.connect(self._update)
        self._update()

    def _lay_out(self) -> None:
        records = QGroupBox(self.tr("Which records?"), self)
        grid = QGridLayout(records)
        for n, box in enumerate(self.records.values()):
            grid.addWidget(box, n // 2, n % 2)
        grid.addWidget(self.other, (len(self.records) + 1) // 2, 0, 1, 2)
        form = QFormLayout()
        form.addRow(self.tr("&Whom are you asking?"), self.provider)
        form.addRow(self.tr("Their &address:"), self.address)
        form.addRow(self.tr("&How do you ask?"), self.how)
        form.addRow(self.tr("How should the copies &come?"), self.delivery)
        form.addRow(self.tr("Asked &on:"), self.on)
        form.addRow(self.tr("&Remind me to call after:"), self.follow_up)
        form.addRow(self.tr("A &line for the letter:"), self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(self.tr(
            "Most hospitals have a medical-records department that sends copies. Save the request "
            "here, then print the letter, sign it and send it."), self))
        layout.addLayout(form)
        layout.addWidget(records)
        layout.addWidget(self.buttons)

    def _chosen(self) -> tuple[str, ...]:
        picked = [item.value for item, box in self.records.items() if box.isChecked()]
        other = [part.strip() for part in self.other.text().split(",") if part.strip()]
        return (*picked, *other)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self._can_save())

    def _can_save(self) -> bool:
        return (bool(self.provider.text().strip()) and bool(self._chosen())
                and not self.on.problem)

    def _save_before_locking(self) -> None:
        if self.isVisible() and self._can_save():
            self.accept()

    def request(self) -> RecordsRequest:
        return RecordsRequest(
            provider=self.provider.text(), records=self._chosen(),
            channel=RequestChannel(self.how.currentData()), address=self.address.text(),
            delivery=Delivery(self.delivery.currentData()), requested_on=iso(self.on),
            follow_up_days=self.follow_up.value(), notes=self.notes.text())
