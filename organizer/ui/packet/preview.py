"""Showing a PDF held in memory (QtPdf reads it from a buffer; nothing is written to disk)."""

from __future__ import annotations

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from organizer.ui.memory_pdf import MemoryPdfDocument


class PdfPreview(QWidget):
    """All pages one under the other, fitted to the width. `clear()` drops the bytes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = MemoryPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Preview of the packet"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_pdf(self, data: bytes, password: str | None = None) -> bool:
        """Load `data`; False when QtPdf cannot read it."""
        return self.document.load_bytes(data, password) != QPdfDocument.Status.Error

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def clear(self) -> None:
        self.document.unload()
