"""Change the passphrase and the vault's keys (after a leak), then show the new recovery key."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from organizer.core.session import Session
from organizer.core.vault import RecoveryKey, Vault
from organizer.ui.busy_step import BusyStep
from organizer.ui.passphrase_fields import PassphraseFields
from organizer.ui.recovery_key_page import RecoveryKeyPage
from organizer.ui.style import busy_bar, explanation, heading, message_label, row_of


class RekeyDialog(QDialog):
    """Page 1: the new passphrase. Page 2: the new recovery key, shown once."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change passphrase and keys"))
        self.setAccessibleName(self.windowTitle())
        self._session = session
        self.passphrase = PassphraseFields(self.tr("&New passphrase:"), self)
        self.message = message_label(self)
        self.progress = busy_bar(self.tr("Changing the keys"), self)
        self.change_button = QPushButton(self.tr("&Change passphrase and keys"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.recovery = RecoveryKeyPage(self)
        self.done_button = QPushButton(self.tr("&Done"), self)
        self.step = BusyStep(self, self.progress, self.message, self._update_buttons)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._first_page())
        self.pages.addWidget(self._second_page())
        QVBoxLayout(self).addWidget(self.pages)
        self.change_button.clicked.connect(self._change)
        self.cancel_button.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)
        self.passphrase.changed.connect(self._update_buttons)
        self.recovery.confirmed_changed.connect(self.done_button.setEnabled)
        self._update_buttons()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)

    def _first_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Change passphrase and keys"), 1.5, page))
        layout.addWidget(explanation(self.tr(
            "Use this if someone may know your passphrase or may have seen your recovery key. "
            "The vault gets new keys and every file in it is encrypted again. After that, old "
            "passphrases, old recovery keys and old copies of key files no longer open it, and "
            "this computer no longer remembers it. You will get a new recovery key. Other "
            "computers that share this vault need the new passphrase."), page))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        buttons = row_of(end=(self.change_button, self.cancel_button))
        layout.addLayout(buttons)
        self.change_button.setDefault(True)
        return page

    def _second_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.recovery)
        buttons = row_of(end=(self.done_button,))
        layout.addLayout(buttons)
        self.done_button.setEnabled(False)
        return page

    def _update_buttons(self) -> None:
        busy = self.step.busy
        self.change_button.setEnabled(self.passphrase.is_acceptable() and not busy)
        self.cancel_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)

    def _change(self) -> None:
        if not self.change_button.isEnabled():
            return
        secret = self.passphrase.passphrase()
        self.step.run(lambda: self._session.call(Vault.rekey, secret), self.tr(
            "Changing the keys and encrypting every file again… This can take a while for a big "
            "vault."), self._changed)

    def _changed(self, recovery: RecoveryKey) -> None:
        self.passphrase.clear()
        folder = self._session.folder
        if folder is None:
            self.reject()
            return
        self.recovery.show_key(recovery.text, folder)
        self.pages.setCurrentIndex(1)
        self.recovery.confirm.setFocus()

    def reject(self) -> None:
        if not self.step.busy:  # the keys are being changed: that must finish first
            super().reject()

    def done(self, result: int) -> None:
        self.recovery.forget_key()
        super().done(result)
