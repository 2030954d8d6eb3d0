"""Printing the recovery sheet, when this Qt build has printing support."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDialog, QWidget

from organizer.ui.recovery_sheet import RecoverySheet, paint_sheet, set_up_page

try:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
except ImportError:  # some minimal Qt builds ship without printing
    QPrintDialog = None  # type: ignore[assignment,misc]
    QPrinter = None  # type: ignore[assignment,misc]


def printing_available() -> bool:
    return QPrinter is not None


def print_sheet(sheet: RecoverySheet, parent: QWidget) -> bool:
    """Ask which printer to use, then print. Returns False if the user cancelled."""
    if QPrinter is None or QPrintDialog is None:
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_up_page(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("printing", "Print recovery sheet"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    try:
        page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        paint_sheet(painter, page.translated(-page.topLeft()), sheet)
    finally:
        painter.end()
    return True
