"""'Remember on this computer': opening with the remembered key first, remembering, forgetting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

from organizer.core.errors import KeyringUnavailable, UserFacingError
from organizer.core.logs import REMEMBER_FAILED, REMEMBERED_OPEN_FAILED, log_failure
from organizer.core.session import Session
from organizer.ui.workers import run_in_background


def remember_here(session: Session) -> str:
    """Keep a key for the open vault in this computer's password store (worker thread).

    Returns "" when it was kept, else the plain reason why not; the vault stays open either way.
    """
    try:
        session.call(lambda vault: vault.remember_on_this_computer())
    except KeyringUnavailable as error:
        return str(error)
    except UserFacingError as error:
        return QCoreApplication.translate(
            "remember_vault", "The vault is open, but this computer could not remember it: {0}"
        ).format(error)
    except Exception as error:  # the names of errors only: their text may hold folder names
        log_failure(REMEMBER_FAILED, error)
        return QCoreApplication.translate(
            "remember_vault", "The vault is open, but this computer could not remember it. "
            "You can still open it with your passphrase.")
    return ""


def forget_here(session: Session) -> None:
    """Remove this computer's remembered key for the open vault (worker thread)."""
    session.call(lambda vault: vault.forget_on_this_computer())


class RememberedOpening(QObject):
    """Tries the key this computer remembered for `folder`, off the GUI thread.

    Emits `opened` when the session holds the vault, else `needs_passphrase`: not remembered here,
    no password store, or any other problem, which the passphrase attempt will then report.
    """

    opened = Signal()
    needs_passphrase = Signal()

    def __init__(self, session: Session, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._folder = folder

    def start(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        run_in_background(self, lambda: self._session.unlock_remembered(self._folder),
                          self._succeeded, self._failed)

    def _succeeded(self, _: None) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.opened.emit()

    def _failed(self, error: Exception) -> None:
        QGuiApplication.restoreOverrideCursor()
        if not isinstance(error, UserFacingError):
            log_failure(REMEMBERED_OPEN_FAILED, error)
        self.needs_passphrase.emit()
