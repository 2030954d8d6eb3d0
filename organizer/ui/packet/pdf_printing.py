"""Printing a PDF held in memory: each page rendered by QtPdf and painted on the printer."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialog, QWidget

try:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
except ImportError:  # some minimal Qt builds ship without printing
    QPrintDialog = None  # type: ignore[assignment,misc]
    QPrinter = None  # type: ignore[assignment,misc]

PRINT_DPI = 200  # sharp enough for text, small enough to stay quick


def printing_available() -> bool:
    return QPrinter is not None


def print_document(document: QPdfDocument, parent: QWidget, title: str) -> bool:
    """Ask which printer to use, then print every page. False if the person cancelled."""
    if QPrinter is None or QPrintDialog is None:
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_pages(document, printer)
    return True


def paint_pages(document: QPdfDocument, printer: QPrinter) -> None:
    """Each page scaled to fit the printable area, keeping its shape."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() * PRINT_DPI / 72), round(points.height() * PRINT_DPI / 72))
            image = document.render(index, size)
            fitted = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, fitted.width(), fitted.height()), image)
    finally:
        painter.end()
