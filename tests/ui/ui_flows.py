"""Steps the UI tests share: finding the open dialog, creating a vault by clicking through."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

from organizer.ui.create_vault import CreateVaultDialog
from organizer.ui.main_window import MainWindow

TIMEOUT = 15_000
PASSPHRASE = "blue kettle on a quiet hill"
W = TypeVar("W", bound=QWidget)


def open_dialog(qtbot, parent: QWidget, kind: type[W]) -> W:
    """The visible dialog of this kind (dialogs are window-modal children of `parent`)."""
    found: list[W] = []

    def visible() -> bool:
        found[:] = [d for d in parent.findChildren(kind) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible, timeout=TIMEOUT)
    return found[0]


def create_vault(qtbot, window: MainWindow, name: str, passphrase: str,
                 dob: str = "") -> tuple[CreateVaultDialog, str]:
    """Click through Create up to the recovery key page; returns the dialog and the key text."""
    window.start.create_button.click()
    dialog = open_dialog(qtbot, window, CreateVaultDialog)
    qtbot.keyClicks(dialog.details.name, name)
    qtbot.keyClicks(dialog.details.date_of_birth.line, dob)
    dialog.next_button.click()
    qtbot.keyClicks(dialog.passphrase.first, passphrase)
    qtbot.keyClicks(dialog.passphrase.second, passphrase)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.recovery.isVisible(), timeout=TIMEOUT)
    key_text = "-".join(dialog.recovery.key_label.text().split())
    return dialog, key_text


def finish_creation(qtbot, dialog: CreateVaultDialog) -> None:
    dialog.recovery.confirm.click()
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)


def controls(parent: QWidget) -> list[QWidget]:
    """Every widget a user can operate (buttons, fields, lists, tables, check boxes)."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit

    kinds = (QAbstractButton, QLineEdit, QAbstractItemView)
    return [w for w in parent.findChildren(QWidget) if isinstance(w, kinds)
            and not isinstance(w.parent(), QAbstractItemView)]


def drop_on(widget: QWidget, paths: list) -> None:
    """Drag files from a file manager and drop them on `widget`, as Qt delivers it."""
    import warnings

    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = widget.rect().center()
    with warnings.catch_warnings():  # PySide marks the QPoint overload as deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def unlock_folder(qtbot, window: MainWindow, folder, passphrase: str = PASSPHRASE) -> None:
    """Open `folder` from the window and type the passphrase; waits for the open vault."""
    from PySide6.QtCore import Qt

    from organizer.ui.unlock_dialog import UnlockDialog

    window.open_vault(folder)
    dialog = open_dialog(qtbot, window, UnlockDialog)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)


def idle(qtbot) -> None:
    """Every background task of the open windows (and of widgets without one) has reported."""
    from PySide6.QtWidgets import QApplication

    from organizer.ui.workers import TaskPool

    def all_idle() -> bool:
        pools = [TaskPool.of(widget) for widget in QApplication.topLevelWidgets()]
        return all(pool.is_idle() for pool in [*pools, TaskPool.of(None)])

    qtbot.waitUntil(all_idle, timeout=TIMEOUT)
