"""The medicine list as a Qt table model: one row per drug, every cell but the linked record editable."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from organizer.core.case.medications import Medication
from organizer.core.user_dates import DateNotRead, read_date
from organizer.ui.case.date_field import date_order, in_words, shown_date, why_not

Index = QModelIndex | QPersistentModelIndex
FIELDS = ("drug", "dose", "route", "schedule", "start", "stop", "prescriber", "notes")
DATE_FIELDS = ("start", "stop")
RECORD_COLUMN = len(FIELDS)


class MedicinesModel(QAbstractTableModel):
    """Shows medicines; an edit is reported by `edited(medicine_id, field, text)` for the page to save.

    A date cell takes dates as people type them; one that cannot be read keeps the typed text,
    marked ⚠ with the reason (`problem` is emitted), and is not saved until it is corrected.
    """

    edited = Signal(str, str, str)
    date_note = Signal(str)  # how the last date typed was read, or why it could not be

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._medicines: list[Medication] = []
        self._record_titles: dict[str, str] = {}
        self._unread: dict[tuple[str, str], tuple[str, str]] = {}  # (id, field) -> (typed, why)

    def headers(self) -> list[str]:
        return [self.tr("Medicine"), self.tr("Dose"), self.tr("How taken"), self.tr("How often"),
                self.tr("Started"), self.tr("Stopped"), self.tr("Prescribed by"), self.tr("Notes"),
                self.tr("From record")]

    def set_medicines(self, medicines: Sequence[Medication], titles: Mapping[str, str]) -> None:
        """Show a fresh list; the same rows are updated in place, so an open cell editor stays open."""
        self._record_titles = dict(titles)
        if [m.id for m in medicines] == [m.id for m in self._medicines] and medicines:
            self._medicines = list(medicines)
            self.dataChanged.emit(self.index(0, 0), self.index(len(medicines) - 1, RECORD_COLUMN))
            return
        self.beginResetModel()
        self._medicines = list(medicines)
        self._unread.clear()
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
        if index.column() == RECORD_COLUMN:
            return self._record_titles.get(medicine.document_id, "") if role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) else None
        field = FIELDS[index.column()]
        unread = self._unread.get((medicine.id, field))
        if role == Qt.ItemDataRole.DisplayRole:
            if unread:
                return f"⚠ {unread[0]}"
            value = getattr(medicine, field)
            return shown_date(value) if field in DATE_FIELDS else value
        if role == Qt.ItemDataRole.EditRole:
            if unread:
                return unread[0]
            value = getattr(medicine, field)
            return shown_date(value) if field in DATE_FIELDS else value
        if role == Qt.ItemDataRole.ToolTipRole and field in DATE_FIELDS:
            return unread[1] if unread else self.tr(
                "Type a date as you write it: 3/12/2024, 7 March 2024, April 2024 or 2024")
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
        if field in DATE_FIELDS:
            read = self._read(medicine, field, text)
            self.dataChanged.emit(index, index)
            if read is None:
                return True  # kept as typed, with its reason, until corrected
            text = read
        if getattr(medicine, field) == text:
            return False
        # Shown at once; the page saves it and reloads (a refused value comes back as it was).
        self._medicines[index.row()] = replace(medicine, **{field: text})
        self.dataChanged.emit(index, index)
        self.edited.emit(medicine.id, field, text)
        return True

    def _read(self, medicine: Medication, field: str, text: str) -> str | None:
        """The date to store, or None when it cannot be read (then the reason is kept)."""
        key = (medicine.id, field)
        self._unread.pop(key, None)
        if not text:
            self.date_note.emit("")
            return ""
        try:
            found = read_date(text, date_order()).date
        except DateNotRead as error:
            self._unread[key] = (text, why_not(error))
            self.date_note.emit(self.tr("{0} for {1}: {2}").format(
                self.headers()[FIELDS.index(field)], medicine.drug, why_not(error)))
            return None
        self.date_note.emit(self.tr("{0} for {1}: read as {2}.").format(
            self.headers()[FIELDS.index(field)], medicine.drug, in_words(found)))
        return found.iso
