"""A read-only list of the vault's records, shown only while the full Records page is not installed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organizer.core import catalog
from organizer.core.records import Document
from organizer.core.session import Session
from organizer.ui.documents_model import DocumentsModel
from organizer.ui.page import VaultPage
from organizer.ui.style import heading


class RecordsListPage(VaultPage):
    """The person's documents (file name, type, pages, date added); nothing to edit here."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = DocumentsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("documentsTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Records in this vault"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.empty = QLabel(self.tr("No records yet.") + "\n\n" + self.tr(
            "Drag PDF files or photos of your records onto this window to add them."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setProperty("role", "message")
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No records yet."))
        self.records = QStackedWidget(self)
        self.records.addWidget(self.empty)
        self.records.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Records"), 1.4, self))
        layout.addWidget(self.records, 1)

    @property
    def title(self) -> str:
        return self.tr("Records")

    def refresh(self) -> None:
        person = self.person
        self.run_in_background(lambda: self.session.call(catalog.documents), self._show
                               if person is None else lambda docs: self._show(
                                   [d for d in docs if d.person_id == person.id]))

    def _show(self, documents: Sequence[Document]) -> None:
        if not self.session.is_open:
            return  # locked while loading: show nothing
        self.model.set_documents(documents)
        self.records.setCurrentWidget(self.table if documents else self.empty)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        self.records.setCurrentWidget(self.empty)
