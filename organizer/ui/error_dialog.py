"""Showing an error: plain words for expected problems, one calm dialog for unexpected ones."""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from organizer.core.errors import UserFacingError
from organizer.ui.style import show_message


def plain_message(error: BaseException) -> str:
    """The sentence to show a user for this error."""
    if isinstance(error, UserFacingError):
        return str(error)
    return QCoreApplication.translate(
        "error_dialog",
        "Something went wrong that we did not expect. Nothing was lost: your vault was not "
        "changed by this step. Please try again; if it happens again, the details below "
        "can help someone find the cause.",
    )


def technical_details(error: BaseException) -> str:
    """What a helper or developer needs; shown only when the user asks for details."""
    if isinstance(error, UserFacingError):
        return error.details
    # The kind of error and where it arose, never a full traceback (it may quote file contents).
    frames = traceback.extract_tb(error.__traceback__)
    where = f" (in {frames[-1].name}, {frames[-1].filename.rsplit('/', 1)[-1]})" if frames else ""
    return f"{type(error).__name__}: {error}{where}"


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """One window-modal message box; the details are folded away behind a button."""
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("error_dialog", "Something went wrong"))
    box.setText(plain_message(error))
    details = technical_details(error)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(box.windowTitle())
    box.open()
    return box


def report_error(label: QLabel, parent: QWidget, error: BaseException) -> None:
    """A problem the person can fix as a line under the form (⚠ …); anything else as one dialog."""
    if isinstance(error, UserFacingError):
        show_message(label, "⚠ " + str(error))
    else:
        show_message(label, "")
        show_error(parent, error)
