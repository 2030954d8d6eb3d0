"""The documents table: a model over RecordRows and a proxy that sorts and filters it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from organizer.core.record_row import RecordRow
from organizer.core.records import RecordType
from organizer.core.safe_text import printable
from organizer.ui.case.date_field import shown_date
from organizer.ui.labels import record_type_label

_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
TYPE, DATE, TITLE, PAGES, STATUS = range(5)
UNSURE = "unsure"  # type filter value: documents whose type nobody has decided yet


translate = QCoreApplication.translate


def as_record_type(value: object) -> RecordType | None:
    """Qt hands enum data back as plain strings; this turns them back into a RecordType."""
    return RecordType(str(value)) if value in RecordType._value2member_map_ else None


def type_text(record_type: RecordType | None) -> str:
    return record_type_label(record_type) if record_type else translate("records", "Not sure — please choose")


def date_text(iso: str) -> str:
    day = QDate.fromString(iso, Qt.DateFormat.ISODate)
    return QLocale().toString(day, "MMM d, yyyy") if day.isValid() else shown_date(iso)


def badges(row: RecordRow) -> list[str]:
    """Status words for a row; words, so colour is never the only signal."""
    found = []
    if row.type is None:
        found.append(translate("records", "Unsure type"))
    if row.scanned:
        found.append(translate("records", "Scanned — needs text recognition"))
    if row.name_mismatch:
        found.append(translate("records", "Name does not match"))
    if row.left_out:
        found.append(translate("records", "Left out of packet"))
    return found


class RecordsTableModel(QAbstractTableModel):
    """Read-only rows; edits go to the vault and come back as `replace_row`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RecordRow] = []
        self._where: dict[str, int] = {}

    def set_rows(self, rows: Sequence[RecordRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._where = {row.id: n for n, row in enumerate(self._rows)}
        self.endResetModel()

    def replace_row(self, row: RecordRow) -> None:
        n = self._where.get(row.id)
        if n is None:
            return
        self._rows[n] = row
        self.dataChanged.emit(self.index(n, 0), self.index(n, STATUS))

    def row_by_id(self, doc_id: str) -> RecordRow | None:
        n = self._where.get(doc_id)
        return self._rows[n] if n is not None else None

    def index_of(self, doc_id: str) -> QModelIndex:
        n = self._where.get(doc_id)
        return self.index(n, 0) if n is not None else QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (translate("records", "Type"), translate("records", "Date"),
                    translate("records", "Title"), translate("records", "Pages"),
                    translate("records", "Status"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _cell_text(row, column)
        if role == SORT_ROLE:
            return _sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tool_tip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _cell_text(row: RecordRow, column: int) -> str:
    if column == TYPE:
        return type_text(row.type)
    if column == DATE:
        return date_text(row.record_date) if row.record_date else translate("records", "No date")
    if column == TITLE:  # a file name may hold line breaks or direction overrides: shown escaped
        return printable(row.shown_title) or translate("records", "(no name)")
    if column == PAGES:
        return str(row.pages) if row.pages else "?"
    return " · ".join(badges(row))


def _tool_tip(row: RecordRow, column: int) -> str | None:
    """The whole text of cells that may be cut short, and the warnings behind the badges."""
    if column == TITLE:
        return printable(row.shown_title) or None
    if column == TYPE:
        return type_text(row.type)
    if column == STATUS:
        return "\n".join([*badges(row), *map(printable, row.warnings)]) or None
    return None


def _sort_key(row: RecordRow, column: int) -> Any:
    if column == TYPE:
        return type_text(row.type).casefold()
    if column == DATE:
        return row.record_date or "~"  # undated records sort after dated ones
    if column == TITLE:
        return row.shown_title.casefold()
    if column == PAGES:
        return row.pages
    return " · ".join(badges(row)) or "~"


class RecordsFilterProxy(QSortFilterProxyModel):
    """Sorts by any column; keeps rows matching the search text and the chosen type."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._words: list[str] = []
        self._type: RecordType | str | None = None

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_type(self, wanted: object) -> None:
        """None: every type; UNSURE: only undecided ones; a RecordType (or its value): only that type."""
        self.beginFilterChange()
        self._type = UNSURE if wanted == UNSURE else as_record_type(wanted)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if not isinstance(row, RecordRow):
            return False
        if self._type == UNSURE and row.type is not None:
            return False
        if isinstance(self._type, RecordType) and row.type is not self._type:
            return False
        if not self._words:
            return True
        haystack = " ".join([type_text(row.type), row.shown_title, row.filename, row.notes,
                             row.record_date, date_text(row.record_date), *badges(row)]).casefold()
        return all(word in haystack for word in self._words)
