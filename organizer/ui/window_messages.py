"""The window's own messages about opening a vault (what opening found; open in another window)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

translate = QCoreApplication.translate


def show_vault_notices(window: QMainWindow, notices: list[str]) -> None:
    """Warn about what opening found: an older copy of the vault, missing changes, bad keys."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("MainWindow", "Please check this vault"),
                      "\n\n".join(notices), QMessageBox.StandardButton.Ok, window)
    box.setObjectName("vaultNotices")
    box.setAccessibleName(box.windowTitle())
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()


def explain_open_elsewhere(window: QMainWindow) -> None:
    """The vault is open in another window of this app, which was brought to the front."""
    box = QMessageBox(QMessageBox.Icon.Information, translate("MainWindow", "Already open"),
                      translate("MainWindow", "This vault is already open in another window of "
                                "this app. That window was brought to the front; please use it "
                                "there."), QMessageBox.StandardButton.Ok, window)
    box.setObjectName("openElsewhere")
    box.setAccessibleName(box.windowTitle())
    box.open()
