"""The documents table with its search box and type filter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organizer.core.record_row import RecordRow
from organizer.core.records import RecordType
from organizer.core.search.index import Hit
from organizer.ui.records.full_text import HIT_ROLE, FullTextProxy, SnippetDelegate, where_found
from organizer.ui.records.table_model import (
    DATE,
    PAGES,
    ROW_ROLE,
    STATUS,
    TITLE,
    TYPE,
    UNSURE,
    RecordsTableModel,
    type_text,
)


class RecordsTableView(QTableView):
    """A table where Enter opens the current record (the page moves focus to its preview)."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class RecordsTable(QWidget):
    """Search, filter and the table; emits the chosen record (None when nothing is chosen)."""

    current_changed = Signal(object)  # RecordRow | None
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordsTableModel(self)
        self.proxy = FullTextProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search titles, notes and the words inside records…"))
        self.search.setAccessibleName(self.tr("Search records"))
        self.search.setClearButtonEnabled(True)
        self.type_filter = QComboBox(self)
        # Long type names (and their translations) must not make the whole window too wide.
        self.type_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_filter.setMinimumContentsLength(14)
        self.type_filter.setAccessibleName(self.tr("Show records of type"))
        self.type_filter.addItem(self.tr("All types"), None)
        self.type_filter.addItem(self.tr("Type not sure yet"), UNSURE)
        for kind in RecordType:
            self.type_filter.addItem(type_text(kind), kind.value)
        self.search_note = QLabel(self)  # how many records hold the words typed
        self._search_said = ""
        self.search_note.setAccessibleName(self.tr("Search result"))
        self.search_note.setWordWrap(True)
        self.search_note.hide()
        self.table = RecordsTableView(self)
        self.table.setItemDelegateForColumn(TITLE, SnippetDelegate(self.table))
        self._set_up_table()
        self._lay_out()
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.returnPressed.connect(self._choose_first)
        self.type_filter.currentIndexChanged.connect(
            lambda n: self.proxy.set_type(self.type_filter.itemData(n)))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.open_requested.connect(self.open_requested)
        self.table.doubleClicked.connect(lambda _index: self.open_requested.emit())

    def _set_up_table(self) -> None:
        table = self.table
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("Your records"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSortingEnabled(True)
        table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # smooth
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self._size_to_text()

    def _size_to_text(self) -> None:
        """Row heights and column widths follow the text size (also when it changes)."""
        header = self.table.horizontalHeader()
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.8))
        metrics, pad = self.fontMetrics(), self.fontMetrics().averageCharWidth() * 3
        widest = {TYPE: [type_text(kind) for kind in RecordType],
                  DATE: ["Sep 30, 2024", self.tr("No date")], PAGES: [self.tr("Pages")],
                  STATUS: [self.tr("Unsure type") + " · " + self.tr("Scanned — needs text recognition")]}
        for column, texts in widest.items():
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in texts) + pad)
        # The title says most: the type column fits the types' names, not the longer "not sure"
        # wording (Spanish doubles it), and a long status is cut short; tooltips read them whole.
        header.resizeSection(STATUS, min(header.sectionSize(STATUS), metrics.averageCharWidth() * 20))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._size_to_text()
        super().changeEvent(event)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        type_label = QLabel(self.tr("S&how:"), self)
        type_label.setBuddy(self.type_filter)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        filters.addWidget(type_label)
        filters.addWidget(self.type_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.search_note)
        layout.addWidget(self.table, 1)

    def _choose_first(self) -> None:
        """Enter in the search box opens the first record listed and moves the keys there."""
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def show_search_count(self, count: int) -> None:
        """Say how many records hold the words typed (-1: say nothing)."""
        if count < 0:
            self.search_note.hide()
            return
        if count == 0:
            said = self.tr("No record holds these words. Try fewer words, or the start of a word.")
        elif count == 1:
            said = self.tr("The words are inside 1 record. Choose it to see the page where they are.")
        else:
            said = self.tr("The words are inside %1 records. Choose one to see the page where they "
                           "are.").replace("%1", str(count))
        self._search_said = said
        self.search_note.setText(said)
        self.search_note.show()
        self._show_snippet(self.table.currentIndex())

    def set_rows(self, rows: list[RecordRow]) -> None:
        """Show these rows, keeping the chosen record chosen when it is still there."""
        keep = self.current_row()
        self.model.set_rows(rows)
        if keep is not None and self.select(keep.id):
            return
        self.current_changed.emit(None)

    def select(self, doc_id: str) -> bool:
        index = self.proxy.mapFromSource(self.model.index_of(doc_id))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def current_row(self) -> RecordRow | None:
        row = self.table.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, RecordRow) else None

    def _show_snippet(self, current: QModelIndex) -> None:
        """Under the count, the chosen record's words around the match, whole (the column may
        be too narrow to show them)."""
        if self.search_note.isHidden():
            return
        found = current.siblingAtColumn(TITLE).data(HIT_ROLE) if current.isValid() else None
        said = self._search_said
        if isinstance(found, Hit) and found.snippet:
            said += "\n" + where_found(found)
        self.search_note.setText(said)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_snippet(current)
        row = current.data(ROW_ROLE) if current.isValid() else None
        self.current_changed.emit(row if isinstance(row, RecordRow) else None)
