"""Getting a request letter (PDF bytes from core) onto paper, or into a file the user chose."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialog, QWidget

try:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
except ImportError:  # some minimal Qt builds ship without printing
    QPrintDialog = None  # type: ignore[assignment,misc]
    QPrinter = None  # type: ignore[assignment,misc]

RENDER_DPI = 300


def printing_available() -> bool:
    return QPrinter is not None


def open_pdf(pdf: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument read from memory (nothing decrypted is written to disk)."""
    document = QPdfDocument(parent)  # type: ignore[arg-type]  # None is fine for Qt
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise OSError("The letter could not be prepared for printing.")
    return document


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Draw every page of the PDF on the printer, scaled to fit; returns the number of pages."""
    document = open_pdf(pdf)
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
            # 300 dots per inch is sharp on paper; a 1200 dpi page image would need ~500 MB.
            image = document.render(page, (points * RENDER_DPI / 72).toSize())
            painter.drawImage(QRect(QPoint(0, 0), target), image)  # (0, 0): the printable corner
    finally:
        painter.end()
    return document.pageCount()


def ask_and_print(pdf: bytes, title: str, parent: QWidget) -> bool:
    """Ask which printer to use, then print. False when printing is missing or the user cancelled."""
    if QPrinter is None or QPrintDialog is None:
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_pdf(pdf, printer)
    return True

