"""Printing from memory: PDF pages rendered by QtPdf onto the printer, and the recovery sheet.

Nothing is written to disk on the way: the PDF is read from a buffer and each page is drawn as
an image on the printer the person chose.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QPoint,
    QRect,
    QRectF,
    Qt,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialog, QWidget

from organizer.ui.recovery_sheet import RecoverySheet, paint_sheet, set_up_page

try:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
except ImportError:  # some minimal Qt builds ship without printing
    QPrintDialog = None  # type: ignore[assignment,misc]
    QPrinter = None  # type: ignore[assignment,misc]

# 300 dots per inch is sharp on paper; a 1200 dpi page image would need ~500 MB.
RENDER_DPI = 300


def printing_available() -> bool:
    return QPrinter is not None


def load_pdf(data: bytes, parent: QObject | None = None, password: str = "") -> QPdfDocument:
    """A QPdfDocument read from memory (nothing decrypted is written to disk); check its status."""
    document = QPdfDocument(parent)  # type: ignore[arg-type]  # None is fine for Qt
    buffer = QBuffer(document)  # lives as long as the document reads from it
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.setPassword(password)
    document.load(buffer)
    return document


def choose_printer(parent: QWidget, title: str,
                   set_up: Callable[[QPrinter], None] | None = None) -> QPrinter | None:
    """Ask which printer to use; None when printing is missing or the person cancelled."""
    if QPrinter is None or QPrintDialog is None:
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    if set_up is not None:
        set_up(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page on the printer, scaled to fit its printable area; returns the page count."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            target = points.toSize().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(page, (points * RENDER_DPI / 72).toSize())
            painter.drawImage(QRect(QPoint(0, 0), target), image)  # (0, 0): the printable corner
    finally:
        painter.end()
    return document.pageCount()


def print_pdf(document: QPdfDocument, parent: QWidget, title: str) -> bool:
    """Ask for a printer, then print every page. False if printing is missing or cancelled."""
    printer = choose_printer(parent, title)
    if printer is None:
        return False
    paint_pdf(document, printer)
    return True


def print_pdf_bytes(data: bytes, parent: QWidget, title: str) -> bool:
    """`print_pdf` for a PDF held as bytes (e.g. a request letter made by the core)."""
    document = load_pdf(data, parent)
    try:
        if document.status() != QPdfDocument.Status.Ready:
            raise OSError("The document could not be prepared for printing.")
        return print_pdf(document, parent, title)
    finally:
        document.close()
        document.deleteLater()


def print_sheet(sheet: RecoverySheet, parent: QWidget) -> bool:
    """Print the recovery sheet. Returns False if printing is missing or the user cancelled."""
    title = QCoreApplication.translate("printing", "Print recovery sheet")
    printer = choose_printer(parent, title, set_up_page)
    if printer is None:
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
