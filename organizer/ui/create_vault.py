"""The "Create a vault" dialog: details, passphrase, a busy wait, then the recovery key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from organizer.core.errors import UserFacingError, VaultAlreadyExists
from organizer.core.session import Session
from organizer.ui.error_dialog import report_error
from organizer.ui.grow_to_fit import grow_to_fit
from organizer.ui.passphrase_fields import PassphraseFields
from organizer.ui.recovery_key_page import RecoveryKeyPage
from organizer.ui.style import busy_bar, explanation, heading, message_label, row_of, show_message
from organizer.ui.vault_details_page import VaultDetailsPage
from organizer.ui.workers import run_in_background

DETAILS, PASSPHRASE, RECOVERY = range(3)


class CreateVaultDialog(QDialog):
    """Accepted once the vault exists, holds the person, and the recovery key was saved."""

    def __init__(self, session: Session, default_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create a vault"))
        self.setAccessibleName(self.windowTitle())
        self._session = session
        self._busy = False
        self.created_folder: Path | None = None
        self.details = VaultDetailsPage(default_folder, self)
        self.passphrase_page = QWidget(self)
        self.passphrase = PassphraseFields(self.tr("&Passphrase:"), self.passphrase_page)
        self.passphrase_message = message_label(self.passphrase_page)
        self.progress = busy_bar(self.tr("Creating your vault"), self.passphrase_page)
        self.recovery = RecoveryKeyPage(self)
        self.pages = QStackedWidget(self)
        self.back_button = QPushButton(self.tr("&Back"), self)
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.create_button = QPushButton(self.tr("C&reate vault"), self)
        self.continue_button = QPushButton(self.tr("Co&ntinue"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self._build_passphrase_page()
        self._lay_out()
        self._connect()
        self._show_page(DETAILS)
        grow_to_fit(self)  # a message or a long hint never squashes the text around it

    def _build_passphrase_page(self) -> None:
        layout = QVBoxLayout(self.passphrase_page)
        layout.addWidget(heading(self.tr("Choose a passphrase"), 1.5, self.passphrase_page))
        layout.addWidget(explanation(self.tr(
            "You will type this passphrase each time you open the vault. Nobody can reset it "
            "for you. If you forget it, only your recovery key (shown on the next page) can "
            "open the vault."), self.passphrase_page))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.passphrase_message)
        layout.addWidget(self.progress)
        layout.addStretch(1)

    def _lay_out(self) -> None:
        for page in (self.details, self.passphrase_page, self.recovery):
            self.pages.addWidget(page)
        for button, name in ((self.back_button, self.tr("Back")),
                             (self.next_button, self.tr("Next")),
                             (self.create_button, self.tr("Create vault")),
                             (self.continue_button, self.tr("Continue to my vault")),
                             (self.cancel_button, self.tr("Cancel"))):
            button.setAccessibleName(name)
        buttons = row_of(start=(self.back_button,),
                         end=(self.next_button, self.create_button, self.continue_button, self.cancel_button))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 95)

    def _connect(self) -> None:
        self.back_button.clicked.connect(lambda: self._show_page(DETAILS))
        self.next_button.clicked.connect(self._next)
        self.create_button.clicked.connect(self._create)
        self.continue_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.passphrase.changed.connect(self._update_buttons)
        self.recovery.confirmed_changed.connect(self._update_buttons)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        focus = {DETAILS: self.details.name, PASSPHRASE: self.passphrase.first,
                 RECOVERY: self.recovery.copy_button}[index]
        self._update_buttons()
        focus.setFocus()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        visible = {self.back_button: page == PASSPHRASE, self.next_button: page == DETAILS,
                   self.create_button: page == PASSPHRASE, self.continue_button: page == RECOVERY,
                   self.cancel_button: page != RECOVERY}
        for button, shown in visible.items():
            button.setVisible(shown)
            button.setEnabled(shown and not self._busy)
        self.create_button.setEnabled(page == PASSPHRASE and not self._busy
                                      and self.passphrase.is_acceptable())
        self.continue_button.setEnabled(page == RECOVERY and self.recovery.is_confirmed())
        default = {DETAILS: self.next_button, PASSPHRASE: self.create_button,
                   RECOVERY: self.continue_button}[page]
        default.setDefault(True)

    def _next(self) -> None:
        try:
            self._session.check_person(self.details.name.text(), self.details.birth_date())
            if not self.details.folder.text().strip():
                raise UserFacingError(self.tr("Please choose a folder for the vault."))
        except UserFacingError as error:
            show_message(self.details.message, "⚠ " + str(error))
            return
        show_message(self.details.message, "")
        self.passphrase.set_personal((self.details.name.text(), self.details.birth_date()))
        self._show_page(PASSPHRASE)

    def _create(self) -> None:
        if not self.passphrase.is_acceptable() or self._busy:
            return
        folder = self.details.chosen_folder()
        name, dob = self.details.name.text(), self.details.birth_date()
        secret = self.passphrase.passphrase()
        contact = self.details.contact()
        self._set_busy(True)
        show_message(self.passphrase_message, self.tr("Creating your vault… This takes a few "
                                                      "seconds."))
        run_in_background(self, lambda: self._session.create_vault(folder, secret, name, dob,
                                                                   contact),
                          self._created, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self._update_buttons()

    def _created(self, key_text: str) -> None:
        self._set_busy(False)
        self.created_folder = self.details.chosen_folder()
        self.passphrase.clear()
        show_message(self.passphrase_message, "")
        self.recovery.show_key(key_text, self.created_folder)
        self._show_page(RECOVERY)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, VaultAlreadyExists):
            show_message(self.passphrase_message, "")
            show_message(self.details.message, "⚠ " + str(error))
            self._show_page(DETAILS)
            self.details.folder.setFocus()
        else:
            report_error(self.passphrase_message, self, error)

    def reject(self) -> None:
        if self._busy:
            return  # the vault is being written; closing now would leave it half-made
        if self.pages.currentIndex() == RECOVERY:
            if self.recovery.is_confirmed():
                self.accept()
            else:
                show_message(self.recovery.status, self.tr(
                    "⚠ Your vault is ready. Please save your recovery key first, then tick "
                    "the box below."))
            return
        super().reject()

    def done(self, result: int) -> None:
        self.recovery.forget_key()
        super().done(result)
