"""Page thumbnails of the previewed record, rendered in memory off the GUI thread as they scroll in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer

_Index = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    """One item per page; an image is asked for only when the view shows that page."""

    def __init__(self, document: QPdfDocument, height: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._height = height
        self._images: dict[int, QImage] = {}  # memory only: thumbnails never go to disk
        self._asked: set[int] = set()
        self._requests: set[int] = set()  # answers to requests made before a reset are ignored
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.setDocument(document)
        self._renderer.pageRendered.connect(self._rendered)
        document.statusChanged.connect(self._reset)
        self._pages = 0

    def page_size(self, page: int) -> QSize:
        points = self._document.pagePointSize(page)
        if points.height() <= 0:
            return QSize(int(self._height * 0.77), self._height)
        return QSize(max(1, round(self._height * points.width() / points.height())), self._height)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._pages

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._pages:
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return QCoreApplication.translate("records", "Page %1 of %2").replace(
                "%1", str(page + 1)).replace("%2", str(self._pages))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._image(page)
        return None

    def _image(self, page: int) -> QImage:
        image = self._images.get(page)
        if image is not None:
            return image
        if page not in self._asked:
            self._asked.add(page)
            self._requests.add(self._renderer.requestPage(page, self.page_size(page),
                                                          QPdfDocumentRenderOptions()))
        return _blank(self.page_size(page))

    def _rendered(self, page: int, _size: QSize, image: QImage,
                  _options: QPdfDocumentRenderOptions, _request: int) -> None:
        if _request not in self._requests or page >= self._pages or image.isNull():
            return
        self._requests.discard(_request)
        framed = QImage(image.size(), QImage.Format.Format_RGB32)
        framed.fill(QColor("white"))  # pages without a background still read as paper in dark mode
        painter = QPainter(framed)
        painter.drawImage(0, 0, image)
        painter.end()
        self._images[page] = framed
        index = self.index(page)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _reset(self, status: QPdfDocument.Status) -> None:
        if status not in (QPdfDocument.Status.Ready, QPdfDocument.Status.Null,
                          QPdfDocument.Status.Error):
            return
        self.beginResetModel()
        self._images.clear()
        self._asked.clear()
        self._requests.clear()
        ready = status == QPdfDocument.Status.Ready
        self._pages = self._document.pageCount() if ready else 0
        self.endResetModel()


def _blank(size: QSize) -> QImage:
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    return image
