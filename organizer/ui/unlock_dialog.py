"""Unlocking a vault: the passphrase (or the recovery key), or making and opening the demo vault."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.core.errors import InvalidInput
from organizer.core.session import Session
from organizer.ui.busy_step import BusyStep
from organizer.ui.error_dialog import show_error
from organizer.ui.recover_dialog import RecoverDialog
from organizer.ui.remember_vault import remember_here
from organizer.ui.style import busy_bar, explanation, heading, message_label, row_of
from organizer.ui.workers import run_in_background


class UnlockDialog(QDialog):
    """Accepted once the session holds the unlocked vault.

    `notice` then holds a plain sentence for the main window to show (e.g. why the vault could
    not be remembered on this computer), or "".
    """

    def __init__(self, session: Session, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a vault"))
        self.setAccessibleName(self.windowTitle())
        self._session = session
        self._folder = folder
        self.notice = ""
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.remember = QCheckBox(
            self.tr("Re&member on this computer (no passphrase needed here next time)"), self)
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.remember_note = explanation(self.tr(
            "Only tick this on a computer that only you use: anyone who uses this computer "
            "account could then open the vault."), self)
        self.remember.setAccessibleDescription(self.remember_note.text())
        self.message = message_label(self)
        self.progress = busy_bar(self.tr("Unlocking"), self)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.recovery_button = QPushButton(self.tr("Use my &recovery key instead"), self)
        self.recovery_button.setAccessibleName(self.tr("Use my recovery key instead"))
        self.step = BusyStep(self, self.progress, self.message, self._update_buttons)
        self._lay_out()
        self.unlock_button.clicked.connect(self._unlock)
        self.cancel_button.clicked.connect(self.reject)
        self.recovery_button.clicked.connect(self._use_recovery_key)
        self.passphrase.textChanged.connect(self._update_buttons)
        self._update_buttons()
        self.passphrase.setFocus()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Unlock your vault"), 1.5, self))
        folder_label = explanation(self.tr("Vault folder: {0}").format(self._folder), self)
        folder_label.setObjectName("vaultFolder")
        layout.addWidget(folder_label)
        form = QFormLayout()
        label = QLabel(self.tr("&Passphrase:"), self)
        label.setBuddy(self.passphrase)
        form.addRow(label, self.passphrase)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_note)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        buttons = row_of(start=(self.recovery_button,), end=(self.unlock_button, self.cancel_button))
        layout.addLayout(buttons)
        self.unlock_button.setDefault(True)
        self.recovery_button.setAutoDefault(False)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    def _update_buttons(self) -> None:
        busy = self.step.busy
        self.unlock_button.setEnabled(not busy and bool(self.passphrase.text()))
        self.recovery_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.remember.setEnabled(not busy)

    def _unlock(self) -> None:
        if not self.passphrase.text():
            return
        folder, secret, remember = self._folder, self.passphrase.text(), self.remember.isChecked()
        self.step.run(lambda: self._open(folder, secret, remember),
                      self.tr("Unlocking… This takes a moment."), self._unlocked, self._try_again)

    def _open(self, folder: Path, secret: str, remember: bool) -> str:
        """Unlock, then remember the vault here when asked (worker thread); returns the notice."""
        self._session.unlock(folder, secret)
        return remember_here(self._session) if remember else ""

    def _unlocked(self, notice: str) -> None:
        self.notice = notice
        self.passphrase.clear()
        self.accept()

    def _try_again(self) -> None:
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _use_recovery_key(self) -> None:
        dialog = RecoverDialog(self._session, self._folder, self)
        dialog.accepted.connect(self.accept)
        dialog.open()

    def reject(self) -> None:
        if not self.step.busy:
            self.passphrase.clear()
            super().reject()


def new_demo_folder(parent: Path) -> Path:
    """A folder that does not exist yet under `parent`, named after the time it was made."""
    stamp = datetime.now().strftime("%Y-%m-%d %H.%M.%S")
    for number in range(1, 100):
        candidate = parent / (f"Demo {stamp}" if number == 1 else f"Demo {stamp} ({number})")
        if not candidate.exists():
            return candidate
    raise InvalidInput(f"Could not find a free folder name for the demo in {parent}.")


def make_and_open_demo(session: Session, folder: Path) -> None:
    """Create the demo vault (fictional records) and open it in the session (slow)."""
    from organizer.core.case.demo import create_demo  # only when asked: it builds sample PDFs

    folder.parent.mkdir(parents=True, exist_ok=True)
    demo = create_demo(folder)
    session.unlock(demo.folder, demo.passphrase)


class DemoDialog(QDialog):
    """Makes a fresh demo vault and says where it is; accepted once it is open."""

    def __init__(self, session: Session, parent_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Try the demo"))
        self.setAccessibleName(self.windowTitle())
        self.folder = new_demo_folder(parent_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Making a demo vault…"), 1.5, self))
        layout.addWidget(explanation(self.tr(
            "The demo holds only made-up records of a made-up person, so you can look around "
            "safely. It is kept in this folder; you may delete it when you are done:"), self))
        folder_label = explanation(str(self.folder), self)
        folder_label.setObjectName("vaultFolder")
        layout.addWidget(folder_label)
        self.progress = busy_bar(self.tr("Making the demo vault"), self, visible=True)
        layout.addWidget(self.progress)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self._busy = True
        run_in_background(self, lambda: make_and_open_demo(session, self.folder), self._made,
                          self._failed)

    def _made(self, _: None) -> None:
        self._busy = False
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        parent = self.parentWidget()
        self.reject()
        show_error(parent or self, error)

    def reject(self) -> None:
        if not self._busy:  # while the vault is being made it cannot be stopped halfway
            super().reject()
