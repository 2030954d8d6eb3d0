"""The main window: the start screen, or an open vault; locking, settings, drops and the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from organizer.core import logs
from organizer.core.session import Session
from organizer.ui.autosave import save_everything_now
from organizer.ui.case.date_field import set_date_order
from organizer.ui.create_vault import CreateVaultDialog
from organizer.ui.error_dialog import show_error
from organizer.ui.folder_memory import remember_folder, start_folder
from organizer.ui.help_menu import HelpMenu
from organizer.ui.idle_lock import IdleLock, LockKeyInDialogs
from organizer.ui.recent_vaults import RecentVaults
from organizer.ui.records.recognition import PendingRecognition
from organizer.ui.rekey_dialog import RekeyDialog
from organizer.ui.remember_vault import RememberedOpening, forget_here
from organizer.ui.settings_dialog import AppSettings, SettingsDialog
from organizer.ui.single_instance import VaultBeacon, ask_open_window_to_focus
from organizer.ui.start_screen import StartScreen
from organizer.ui.text_size import apply_text_size
from organizer.ui.unlock_dialog import DemoDialog, UnlockDialog
from organizer.ui.vault_actions import OpenVaultActions
from organizer.ui.vault_view import VaultView
from organizer.ui.window_menu import make_vault_menu
from organizer.ui.window_messages import explain_open_elsewhere, show_vault_notices
from organizer.ui.window_place import place_window, remember_place
from organizer.ui.workers import TaskPool, run_in_background

CLOSE_WAIT_MS = 30_000


def _ignore(_: object) -> None:
    """Nothing to show: the work itself was the point."""


class MainWindow(QMainWindow):
    """Wires the panels together; the panels and dialogs do the work."""

    def __init__(self, session: Session, settings: QSettings, default_folder: Path,
                 parent: QWidget | None = None, demo_parent: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Second Opinion Organizer"))
        self._session = session
        self.tasks = TaskPool(self)  # this window's worker threads; closing waits for them
        self._recent = RecentVaults(settings)
        self.settings = AppSettings(settings)
        self._apply_text_size()  # before any widget is made, so all of them start at that size
        set_date_order(self.settings.date_order)
        self._default_folder = default_folder
        self._demo_parent = demo_parent or default_folder.parent / "Demo vaults"
        self._opening: RememberedOpening | None = None
        self.idle_lock = IdleLock(self)
        self.beacon = VaultBeacon(self)
        self.start = StartScreen(self)
        self.vault = VaultView(session, self.settings, self)
        self.recognition = PendingRecognition(session, self.vault, self)
        self.screens = QStackedWidget(self)
        self.screens.addWidget(self.start)
        self.screens.addWidget(self.vault)
        self.setCentralWidget(self.screens)
        self.setAcceptDrops(True)
        menu = make_vault_menu(self)
        self.vault_menu, self.menu_actions = menu.menu, menu
        self.lock_action, self.forget_action, self.rekey_action = menu.lock, menu.forget, menu.rekey
        self.settings_action = menu.settings
        self.vault_actions = OpenVaultActions(self._session, self.vault, self.vault_menu,
                                              self.forget_action, self)
        self.help_menu = HelpMenu(self)
        self._connect()
        self.show_start()
        self._place_on_screen()

    def _connect(self) -> None:
        menu = self.menu_actions
        menu.create.triggered.connect(self.create_vault)
        menu.open.triggered.connect(self.choose_vault)
        menu.demo.triggered.connect(self.open_demo)
        menu.lock.triggered.connect(self.lock)
        menu.forget.triggered.connect(self.forget_on_this_computer)
        menu.rekey.triggered.connect(self.change_keys)
        menu.settings.triggered.connect(self.edit_settings)
        menu.quit.triggered.connect(self.close)
        self.start.create_requested.connect(self.create_vault)
        self.start.open_requested.connect(self.choose_vault)
        self.start.demo_requested.connect(self.open_demo)
        self.start.recent_chosen.connect(self.open_vault)
        self.start.recent_forgotten.connect(self._forget_recent)
        self.vault.lock_requested.connect(self.lock)
        self.idle_lock.idle.connect(self.lock)
        self.lock_keys = LockKeyInDialogs(self.lock_action, self)  # lock() closes the dialog too
        self.beacon.focus_requested.connect(self.come_to_front)

    @property
    def session(self) -> Session:
        """The vault this window shows (read only: the window decides when it opens and locks)."""
        return self._session

    # --- screens ---------------------------------------------------------------------------

    def show_start(self) -> None:
        self.vault.clear()
        self.start.show_recent(self._recent.folders(), self._default_folder.parent)
        self.screens.setCurrentWidget(self.start)
        self._set_vault_open(False)
        self.start.focus_first_choice()

    def show_vault(self) -> None:
        folder = self._session.folder
        if folder is None:
            self.show_start()
            return
        self._recent.add(folder)
        self.beacon.claim(folder)
        try:
            people = self._session.people()
            logs.log.info(logs.VAULT_OPENED, len(people))
            self.vault.show_vault(folder, people)
        except Exception as error:
            self.lock()
            show_error(self, error)
            return
        self.screens.setCurrentWidget(self.vault)
        self._set_vault_open(True)
        self.idle_lock.start(self.settings.idle_seconds)
        run_in_background(self, self._session.warm_up_reader, _ignore, _ignore)  # faster first import
        self.recognition.start()  # scanned records imported before text recognition
        self.activateWindow()  # back from the dialog: keyboard focus belongs here again
        self.vault.take_focus()
        self._tell_notices()

    def _tell_notices(self) -> None:
        """Warn about what opening found: an older copy of the vault, missing changes, bad keys."""
        notices = self._session.notices()
        if notices:
            show_vault_notices(self, notices)

    def _set_vault_open(self, is_open: bool) -> None:
        self.vault_actions.set_vault_open(is_open)
        self.menu_actions.set_vault_open(is_open)

    def come_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # --- opening ---------------------------------------------------------------------------

    def create_vault(self) -> None:
        if self._session.folder is not None:
            return
        dialog = CreateVaultDialog(self._session, self._default_folder, self)
        dialog.accepted.connect(self.show_vault)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def choose_vault(self) -> None:
        """Start beside the last vault opened; else where the person last looked (or Documents)."""
        recent = [f for f in self._recent.folders() if f.parent.is_dir()]
        start = recent[0].parent if recent else start_folder("open-vault")
        picked = QFileDialog.getExistingDirectory(
            self, self.tr("Choose your vault folder"), str(start))
        if picked:
            remember_folder("open-vault", Path(picked).parent)
            self.open_vault(Path(picked))

    def open_vault(self, folder: Path) -> None:
        """Open with the key this computer remembered, else ask for the passphrase."""
        if self._session.folder is not None or self._opening is not None:
            return
        if ask_open_window_to_focus(folder):
            explain_open_elsewhere(self)
            return
        self._opening = RememberedOpening(self._session, folder, self)
        self._opening.opened.connect(self._remembered_opening_done)
        self._opening.needs_passphrase.connect(lambda: self._ask_passphrase(folder))
        self._opening.start()

    def _remembered_opening_done(self) -> None:
        self._finish_opening()
        self.show_vault()

    def _ask_passphrase(self, folder: Path) -> None:
        self._finish_opening()
        dialog = UnlockDialog(self._session, folder, self)
        dialog.accepted.connect(lambda: self._unlocked(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _finish_opening(self) -> None:
        if self._opening is not None:
            self._opening.deleteLater()
            self._opening = None

    def _unlocked(self, dialog: UnlockDialog) -> None:
        self.show_vault()
        if dialog.notice and self._session.is_open:
            self.vault.show_notice(dialog.notice)

    def open_demo(self) -> None:
        """Make a fresh demo vault of fictional records and open it, already unlocked."""
        if self._session.folder is not None:
            return
        dialog = DemoDialog(self._session, self._demo_parent, self)
        dialog.accepted.connect(self.show_vault)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- locking and settings --------------------------------------------------------------

    def lock(self) -> None:
        """Save what was typed, forget the keys and show the start screen; nothing stays on screen."""
        if self._session.is_open:
            save_everything_now()  # before the key is gone: nothing typed is lost
        self.idle_lock.stop()
        self.beacon.release()
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog.isVisible() and dialog is not self:
                dialog.close()  # a packet wizard or a page's dialog must not outlive the vault
        self.vault.clear()
        self._session.close()
        self.show_start()

    def forget_on_this_computer(self) -> None:
        """Remove the remembered key: next time this vault asks for its passphrase again."""
        if not self._session.is_open:
            return
        run_in_background(self, lambda: forget_here(self._session), lambda _: self.vault.show_notice(
            self.tr("This computer no longer remembers this vault. Next time, type your "
                    "passphrase to open it.")))

    def change_keys(self) -> None:
        """Change the passphrase and re-key (after a leak); shows the new recovery key once."""
        if not self._session.is_open:
            return
        dialog = RekeyDialog(self._session, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(self.apply_settings)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def apply_settings(self) -> None:
        """Use the stored settings now (the idle time of an open vault, the text size, the date order)."""
        self._apply_text_size()
        set_date_order(self.settings.date_order)
        if self._session.is_open:
            self.idle_lock.start(self.settings.idle_seconds)

    # --- size, place and text size ---------------------------------------------------------

    def _place_on_screen(self) -> None:
        place_window(self, self.settings.store)

    def _apply_text_size(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_text_size(app, self.settings.text_size)

    # --- drops, closing --------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._session.is_open and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if self._session.is_open and paths:
            event.acceptProposedAction()
            self.vault.import_paths(paths)

    def _forget_recent(self, folder: Path) -> None:
        self._recent.remove(folder)
        self.start.show_recent(self._recent.folders(), self._default_folder.parent)

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_place(self, self.settings.store)
        if self._session.is_open:
            save_everything_now()
        self._session.stop_background_work()  # text recognition stops within a second
        self.tasks.wait(CLOSE_WAIT_MS)  # a vault being created or unlocked must finish first
        self.idle_lock.stop()
        self.beacon.release()
        self.vault.clear()
        self._session.close()
        super().closeEvent(event)
