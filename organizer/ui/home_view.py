"""The vault's home: whose records these are and the list of documents, read-only for now."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organizer.core.records import Document, Person
from organizer.ui.documents_model import DocumentsModel
from organizer.ui.style import explanation, heading


class HomeView(QWidget):
    """Shows one open vault. `clear()` removes every name and row (used when locking)."""

    lock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeView")
        self.title = heading("", 1.6, self)
        self.title.setObjectName("peopleNames")
        self.folder_label = explanation("", self)
        self.folder_label.setObjectName("vaultFolder")
        self.lock_button = QPushButton(self.tr("&Lock"), self)
        self.lock_button.setAccessibleName(self.tr("Lock the vault"))
        self.lock_button.setToolTip(self.tr("Lock the vault (Ctrl+L)"))
        self.model = DocumentsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("documentsTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Records in this vault"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.empty = QLabel(self.tr("No records yet.") + "\n\n" + self.tr(
            "The medical records you keep in this vault will be listed here."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setProperty("role", "message")
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No records yet."))
        self.records = QStackedWidget(self)
        self.records.addWidget(self.empty)
        self.records.addWidget(self.table)
        self._lay_out()
        self.lock_button.clicked.connect(self.lock_requested)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.lock_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.folder_label)
        layout.addSpacing(self.fontMetrics().height() // 2)
        records_heading = heading(self.tr("Records"), 1.2, self)
        layout.addWidget(records_heading)
        layout.addWidget(self.records, 1)

    def show_vault(self, folder: Path, people: Sequence[Person],
                   documents: Sequence[Document]) -> None:
        names = ", ".join(p.name for p in people)
        title = self.tr("Records for {0}").format(names) if names else self.tr("Your vault")
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.folder_label.setText(self.tr("Vault folder: {0}").format(folder))
        self.model.set_documents(documents)
        self.records.setCurrentWidget(self.table if documents else self.empty)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def take_focus(self) -> None:
        """Keyboard focus on the records when there are any, else on the Lock button."""
        target = self.table if self.records.currentWidget() is self.table else self.lock_button
        target.setFocus()

    def clear(self) -> None:
        self.title.clear()
        self.title.setAccessibleName("")
        self.folder_label.clear()
        self.model.clear()
        self.records.setCurrentWidget(self.empty)
