"""The small dialogs behind "I asked for it…" and "Not needed…" on the checklist."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.checklist_items import CheckItem, RequestChannel
from organizer.ui.case.form_fields import date_field, iso
from organizer.ui.labels import check_item_label
from organizer.ui.style import explanation


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class AskedForDialog(QDialog):
    """From whom, how and when a record was asked for; accepting creates a tracked request."""

    def __init__(self, item: CheckItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("I asked for the {0}").format(check_item_label(item).lower()))
        self.from_whom = QLineEdit(self)
        self.from_whom.setPlaceholderText(self.tr("e.g. Maplewood General Hospital"))
        self.from_whom.setAccessibleName(self.tr("Who you asked"))
        self.how = QComboBox(self)
        self.how.setAccessibleName(self.tr("How you asked"))
        for channel, words in ((RequestChannel.OFFICE, self.tr("The doctor's office")),
                               (RequestChannel.RECORDS_DEPARTMENT,
                                self.tr("The hospital's medical-records department")),
                               (RequestChannel.PATIENT_PORTAL, self.tr("The patient portal"))):
            self.how.addItem(words, channel)
        self.how.setCurrentIndex(1)
        self.on = date_field(self, today=True, day_needed=True)
        self.on.setAccessibleName(self.tr("When you asked"))
        form = QFormLayout()
        form.addRow(self.tr("&Who did you ask?"), self.from_whom)
        form.addRow(self.tr("&How?"), self.how)
        form.addRow(self.tr("W&hen?"), self.on)
        self.buttons = _buttons(self, self.tr("Save"))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(self.tr(
            "We will remind you to call if the record has not come in two weeks."), self))
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.from_whom.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.from_whom.text().strip()))

    @property
    def channel(self) -> RequestChannel:
        return RequestChannel(self.how.currentData())

    @property
    def day(self) -> str:
        return iso(self.on)


class NotNeededDialog(QDialog):
    """Why a record is not needed (a ready-made reason, or the user's own words)."""

    def __init__(self, item: CheckItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The {0} is not needed").format(check_item_label(item).lower()))
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.addItems(self._suggestions(item))
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        self.buttons = _buttons(self, self.tr("Mark not needed"))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(self.tr(
            "Choose a reason or write your own. You can change this later."), self))
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.currentTextChanged.connect(self._update)
        self._update()

    def _suggestions(self, item: CheckItem) -> list[str]:
        first = {
            CheckItem.OPERATIVE: self.tr("No surgery"),
            CheckItem.DISCHARGE: self.tr("Never in hospital"),
            CheckItem.TREATMENT_PLAN: self.tr("No treatment has been suggested yet"),
            CheckItem.MEDICATIONS: self.tr("No medicines taken"),
            CheckItem.SLIDES: self.tr("The new doctor does not need them"),
            CheckItem.IMAGING_DISCS: self.tr("The new doctor does not need them"),
        }.get(item)
        return [first] if first else []

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.currentText().strip()))

    @property
    def text(self) -> str:
        return self.reason.currentText().strip()
