"""Menu actions that need an open vault: the person's contact details, and backing the vault up."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from organizer.core.session import Session
from organizer.ui.backup_dialog import BackupDialog
from organizer.ui.contact_dialog import ContactDialog
from organizer.ui.vault_view import VaultView


class OpenVaultActions(QObject):
    """Adds "Contact details…" and "Back up this vault…" to the Vault menu, before `before`."""

    def __init__(self, session: Session, view: VaultView, menu: QMenu, before: QAction,
                 window: QWidget) -> None:
        super().__init__(window)
        self.session, self.view, self.window = session, view, window
        self.contact_action = QAction(self.tr("Contact &details…"), window)
        self.contact_action.triggered.connect(self.edit_contact)
        self.backup_action = QAction(self.tr("&Back up this vault…"), window)
        self.backup_action.triggered.connect(self.back_up)
        for action in (self.contact_action, self.backup_action):
            menu.insertAction(before, action)
            window.addAction(action)  # shortcuts and menus work while the menu bar is hidden

    def set_vault_open(self, is_open: bool) -> None:
        self.contact_action.setEnabled(is_open)
        self.backup_action.setEnabled(is_open)

    def edit_contact(self) -> None:
        """Change the chosen person's own phone, email and address."""
        person = self.view.person
        if not self.session.is_open or person is None:
            return
        dialog = ContactDialog(self.session, person, self.window)
        dialog.accepted.connect(lambda: self.view.show_notice(self.tr("Contact details saved.")))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def back_up(self) -> None:
        """Copy the vault folder (still locked) to a folder or USB drive, and check the copy."""
        if not self.session.is_open:
            return
        dialog = BackupDialog(self.session, self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
