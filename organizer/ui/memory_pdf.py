"""A QPdfDocument read from bytes in memory: nothing decrypted is written to disk."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtPdf import QPdfDocument


class MemoryPdfDocument(QPdfDocument):
    """`load_bytes` shows a PDF from memory; `unload` closes it and empties the buffer it read."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._buffer: QBuffer | None = None

    def load_bytes(self, data: bytes, password: str | None = None) -> QPdfDocument.Status:
        """Load `data` (QtPdf reads from the buffer for as long as the document is loaded)."""
        self.unload()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.setPassword(password or "")
        self.load(buffer)
        return self.status()

    def unload(self) -> None:
        self.close()
        self.setPassword("")
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None
