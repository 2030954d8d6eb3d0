"""The window's Vault menu: its actions with their shortcuts, enabled by whether a vault is open."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

translate = QCoreApplication.translate


@dataclass(frozen=True)
class VaultMenu:
    menu: QMenu
    create: QAction
    open: QAction
    demo: QAction
    lock: QAction
    forget: QAction
    rekey: QAction
    settings: QAction
    quit: QAction

    def set_vault_open(self, is_open: bool) -> None:
        """Lock, forget and re-key need an open vault; creating and opening need none open."""
        for action in (self.lock, self.forget, self.rekey):
            action.setEnabled(is_open)
        for action in (self.create, self.open, self.demo):
            action.setEnabled(not is_open)


def _action(window: QMainWindow, text: str, shortcut: QKeySequence | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    return action


def make_vault_menu(window: QMainWindow) -> VaultMenu:
    """The Vault menu in the window's menu bar; every shortcut also works while the bar is hidden."""
    keys = QKeySequence.StandardKey
    made = VaultMenu(
        window.menuBar().addMenu(translate("MainWindow", "&Vault")),
        _action(window, translate("MainWindow", "&Create a vault…"), QKeySequence(keys.New)),
        _action(window, translate("MainWindow", "&Open a vault…"), QKeySequence(keys.Open)),
        _action(window, translate("MainWindow", "&Try the demo")),
        _action(window, translate("MainWindow", "&Lock"), QKeySequence("Ctrl+L")),
        _action(window, translate("MainWindow", "&Forget this vault on this computer")),
        _action(window, translate("MainWindow", "Change &passphrase and keys…")),
        _action(window, translate("MainWindow", "&Settings…"), QKeySequence("Ctrl+,")),
        _action(window, translate("MainWindow", "&Quit"), QKeySequence(keys.Quit)),
    )
    for action in (made.create, made.open, made.demo, made.lock, made.forget, made.rekey,
                   made.settings, made.quit):
        if action in (made.settings, made.quit):
            made.menu.addSeparator()
        made.menu.addAction(action)
        window.addAction(action)
    return made

