"""A read-only table model over the vault's documents: file name, type, pages, date added."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from organizer.core.records import Document
from organizer.ui.labels import record_type_label

_Index = QModelIndex | QPersistentModelIndex


translate = QCoreApplication.translate


class DocumentsModel(QAbstractTableModel):
    """Rows are documents (oldest first, as the catalog gives them)."""

    COLUMN_COUNT = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: list[Document] = []

    def set_documents(self, documents: Sequence[Document]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self.endResetModel()

    def clear(self) -> None:
        self.set_documents([])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._documents):
            return None
        document = self._documents[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _cell_text(document, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _headers() -> tuple[str, str, str, str]:
    return (
        QCoreApplication.translate("documents_model", "File name"),
        QCoreApplication.translate("documents_model", "Type"),
        QCoreApplication.translate("documents_model", "Pages"),
        QCoreApplication.translate("documents_model", "Added"),
    )


def _cell_text(document: Document, column: int) -> str:
    if column == 0:
        return document.filename or document.title or translate("documents_model", "(no name)")
    if column == 1:
        if document.type is None:
            return translate("documents_model", "Not sorted yet")
        return record_type_label(document.type)
    if column == 2:
        return str(document.pages) if document.pages else translate("documents_model", "Not known")
    return _added_text(document.added)


def _added_text(iso: str) -> str:
    when = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not when.isValid():
        return iso
    return QLocale().toString(when.toLocalTime().date(), QLocale.FormatType.ShortFormat)
