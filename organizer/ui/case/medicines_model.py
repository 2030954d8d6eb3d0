"""The medicine list as a Qt table model: one row per drug, every cell but the linked record editable."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from organizer.core.case.medications import Medication

Index = QModelIndex | QPersistentModelIndex
FIELDS = ("drug", "dose", "route", "schedule", "start", "stop", "prescriber", "notes")
RECORD_COLUMN = len(FIELDS)


class MedicinesModel(QAbstractTableModel):
    """Shows medicines; an edit is reported by `edited(medicine_id, field, text)` for the page to save."""

    edited = Signal(str, str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._medicines: list[Medication] = []
        self._record_titles: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [self.tr("Medicine"), self.tr("Dose"), self.tr("How taken"), self.tr("How often"),
                self.tr("Started"), self.tr("Stopped"), self.tr("Prescribed by"), self.tr("Notes"),
                self.tr("From record")]

    def set_medicines(self, medicines: Sequence[Medication], titles: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._medicines = list(medicines)
        self._record_titles = dict(titles)
        self.endResetModel()

    def medicine(self, row: int) -> Medication:
        return self._medicines[row]

    def row_of(self, medicine_id: str) -> int:
        return next((n for n, m in enumerate(self._medicines) if m.id == medicine_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._medicines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        medicine = self._medicines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == RECORD_COLUMN:
                return self._record_titles.get(medicine.document_id, "")
            return getattr(medicine, FIELDS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == FIELDS.index("start"):
            return self.tr("Write dates as YYYY-MM-DD")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() != RECORD_COLUMN:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == RECORD_COLUMN:
            return False
        field, text = FIELDS[index.column()], str(value).strip()
        medicine = self._medicines[index.row()]
        if getattr(medicine, field) == text:
            return False
        # Shown at once; the page saves it and reloads (a refused value comes back as it was).
        self._medicines[index.row()] = replace(medicine, **{field: text})
        self.dataChanged.emit(index, index)
        self.edited.emit(medicine.id, field, text)
        return True
