"""The main window: switches between the start screen and an open vault's home."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QStackedWidget, QWidget

from organizer.core.session import Session
from organizer.ui.create_vault import CreateVaultDialog
from organizer.ui.home_view import HomeView
from organizer.ui.recent_vaults import RecentVaults
from organizer.ui.start_screen import StartScreen
from organizer.ui.unlock_dialog import UnlockDialog
from organizer.ui.workers import wait_for_background_work


class MainWindow(QMainWindow):
    """Wires the panels together; the panels and dialogs do the work."""

    def __init__(self, session: Session, settings: QSettings, default_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Second Opinion Organizer"))
        self._session = session
        self._recent = RecentVaults(settings)
        self._default_folder = default_folder
        self.start = StartScreen(self)
        self.home = HomeView(self)
        self.screens = QStackedWidget(self)
        self.screens.addWidget(self.start)
        self.screens.addWidget(self.home)
        self.setCentralWidget(self.screens)
        self._make_actions()
        self._connect()
        self.show_start()
        self.resize(self.fontMetrics().averageCharWidth() * 150,
                    self.fontMetrics().height() * 38)

    def _make_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Vault"))
        self.create_action = QAction(self.tr("&Create a vault…"), self)
        self.create_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = QAction(self.tr("&Open a vault…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        for action in (self.create_action, self.open_action, self.lock_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        for action in (self.create_action, self.open_action, self.lock_action, self.quit_action):
            self.addAction(action)  # shortcuts work even while the menu bar is hidden

    def _connect(self) -> None:
        self.create_action.triggered.connect(self.create_vault)
        self.open_action.triggered.connect(self.choose_vault)
        self.lock_action.triggered.connect(self.lock)
        self.quit_action.triggered.connect(self.close)
        self.start.create_requested.connect(self.create_vault)
        self.start.open_requested.connect(self.choose_vault)
        self.start.recent_chosen.connect(self.open_vault)
        self.start.recent_forgotten.connect(self._forget_recent)
        self.home.lock_requested.connect(self.lock)

    def show_start(self) -> None:
        self.home.clear()
        self.start.show_recent(self._recent.folders())
        self.screens.setCurrentWidget(self.start)
        self._set_vault_open(False)
        self.start.create_button.setFocus()

    def show_home(self) -> None:
        folder = self._session.folder
        if folder is None:
            self.show_start()
            return
        self._recent.add(folder)
        self.home.show_vault(folder, self._session.people(), self._session.documents())
        self.screens.setCurrentWidget(self.home)
        self._set_vault_open(True)
        self.activateWindow()  # back from the dialog: keyboard focus belongs here again
        self.home.take_focus()

    def _set_vault_open(self, is_open: bool) -> None:
        self.lock_action.setEnabled(is_open)
        self.create_action.setEnabled(not is_open)
        self.open_action.setEnabled(not is_open)

    def create_vault(self) -> None:
        if self._session.folder is not None:
            return
        dialog = CreateVaultDialog(self._session, self._default_folder, self)
        dialog.accepted.connect(self.show_home)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def choose_vault(self) -> None:
        start = self._recent.folders()[0] if self._recent.folders() else self._default_folder
        picked = QFileDialog.getExistingDirectory(
            self, self.tr("Choose your vault folder"), str(start.parent))
        if picked:
            self.open_vault(Path(picked))

    def open_vault(self, folder: Path) -> None:
        if self._session.folder is not None:
            return
        dialog = UnlockDialog(self._session, folder, self)
        dialog.accepted.connect(self.show_home)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def lock(self) -> None:
        """Forget the keys and show the start screen; nothing of the vault stays on screen."""
        self._session.close()
        self.show_start()

    def _forget_recent(self, folder: Path) -> None:
        self._recent.remove(folder)
        self.start.show_recent(self._recent.folders())

    def closeEvent(self, event: QCloseEvent) -> None:
        wait_for_background_work()  # a vault being created or unlocked must finish first
        self._session.close()
        self.home.clear()
        super().closeEvent(event)
