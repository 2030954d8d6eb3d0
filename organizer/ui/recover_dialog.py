"""Opening a vault with the recovery key, then choosing a new passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.core.errors import UserFacingError
from organizer.core.session import Session
from organizer.ui.busy_step import BusyStep
from organizer.ui.grow_to_fit import grow_to_fit
from organizer.ui.passphrase_fields import PassphraseFields
from organizer.ui.style import busy_bar, explanation, heading, message_label, row_of, show_message


class RecoverDialog(QDialog):
    """Accepted once the vault is open and the new passphrase is saved."""

    def __init__(self, session: Session, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Use my recovery key"))
        self.setAccessibleName(self.windowTitle())
        self._session = session
        self._folder = folder
        self.key = QLineEdit(self)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("ABCD-EFGH-…")
        self.passphrase = PassphraseFields(self.tr("&New passphrase:"), self)
        self.message = message_label(self)
        self.progress = busy_bar(self.tr("Opening the vault"), self)
        self.open_button = QPushButton(self.tr("&Open and save new passphrase"), self)
        self.open_button.setAccessibleName(self.tr("Open the vault and save the new passphrase"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.step = BusyStep(self, self.progress, self.message, self._update_buttons)
        self._lay_out()
        self.open_button.clicked.connect(self._recover)
        self.cancel_button.clicked.connect(self.reject)
        self.key.textChanged.connect(self._update_buttons)
        self.setTabOrder(self.key, self.passphrase.first)
        self.passphrase.changed.connect(self._update_buttons)
        self._update_buttons()
        self.key.setFocus()
        grow_to_fit(self)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Open with your recovery key"), 1.5, self))
        layout.addWidget(explanation(self.tr(
            "Type the recovery key from your recovery sheet. Spaces, dashes and small or "
            "capital letters do not matter. Then choose a new passphrase: you will use it "
            "from now on."), self))
        label = QLabel(self.tr("Recovery &key:"), self)
        label.setBuddy(self.key)
        self.passphrase.form.insertRow(0, label, self.key)  # one column of labels for all fields
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        buttons = row_of(end=(self.open_button, self.cancel_button))
        layout.addLayout(buttons)
        self.open_button.setDefault(True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)

    def _update_buttons(self) -> None:
        ready = bool(self.key.text().strip()) and self.passphrase.is_acceptable()
        busy = self.step.busy
        self.open_button.setEnabled(ready and not busy)
        self.cancel_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)

    def _recover(self) -> None:
        if not self.open_button.isEnabled():
            return
        try:
            self._session.check_recovery_key(self.key.text())
        except UserFacingError as error:
            show_message(self.message, "⚠ " + str(error))
            self.key.setFocus()
            return
        folder, key, secret = self._folder, self.key.text(), self.passphrase.passphrase()
        self.step.run(lambda: self._session.recover(folder, key, secret), self.tr(
            "Opening the vault and saving your new passphrase… This takes a few seconds."),
            self._recovered, self.key.setFocus)

    def _recovered(self, _: None) -> None:
        self.key.clear()
        self.passphrase.clear()
        self.accept()

    def reject(self) -> None:
        if not self.step.busy:
            super().reject()
